// Runs a Server blue/green deployment (reference §2.1, §2.3–2.4): the statechart
// (server-blue-green-machine.ts) decides; this file binds its actions to the
// world. Replacement instances (ids continue after the originals) install the
// revision under the configuration's in-place rules; traffic is rerouted to them
// under its rerouting rule (reroute.ts); the originals are blocked, then terminated
// or kept alive. A rollback (d-2) re-allows traffic to the originals that still run
// and blocks it on the replacements.
import type { PhaseRef } from '../phase-columns.ts';
import { lifecycleOrder } from '../lifecycles/catalog.ts';
import type { RuleId } from '../../aws/rules.ts';
import type { DeploymentStatus, Outcome, PhaseKind } from '../../trace/types.ts';
import type { World } from '../world.ts';
import { machineActor, withActions } from '../run-machine.ts';
import { listTargets, plural } from '../narration.ts';
import type { TargetIndex } from '../target-store.ts';
import { contextOf, minutes, ROLLBACK_DEPLOYMENT, USER_DEPLOYMENT } from './context.ts';
import { reroutePlan, rerouteVerdict } from './reroute.ts';
import { Rollout, type RolloutResult } from './rollout.ts';
import { BatchPhases, batchStartedText } from './server-batches.ts';
import { serverBlueGreenMachine, type BlueGreenEvent } from './server-blue-green-machine.ts';
import { addInstances, announceIgnoredStopFailures, ServerInstances } from './server-instance.ts';
import { stopReason, stopRule } from './rollback-rules.ts';
import { endRollback, endUserDeployment, runServer, startRollback } from './server-run.ts';
import { configKind, configRule, describeSchedule, explainRollout, scheduleFor, schedulingOrder } from './server-schedule.ts';
import { scheduleContinue } from './continue-deployment.ts';

/**
 * The event lists of each kind of instance, from their lifecycle machines: compiled
 * at the first blue/green run, not when the engine loads (issue 10: a run of
 * another kind never needs them). A replacement's lifecycle runs in two parts: the
 * install, then (when rerouting reaches it) the AllowTraffic hooks.
 */
function blueGreenEvents() {
  const replacement = lifecycleOrder('codeDeployServerReplacement');
  const install = replacement.slice(0, replacement.indexOf('BeforeAllowTraffic'));
  return {
    INSTALL_EVENTS: install,
    REROUTE_EVENTS: replacement.slice(install.length),
    ORIGINAL_EVENTS: lifecycleOrder('codeDeployServerOriginal'),
    ROLLBACK_ORIGINAL_EVENTS: lifecycleOrder('codeDeployServerRollbackOriginal'),
    ROLLBACK_REPLACEMENT_EVENTS: lifecycleOrder('codeDeployServerRollbackReplacement'),
  };
}

interface Group {
  ids: readonly TargetIndex[];
  events: readonly string[];
  deploymentId: string;
  revision: string;
  parallel: number;
  failFast: boolean;
  /** A replacement terminated before its turn fails; an original is dropped. */
  terminatedFails: boolean;
  phase: { kind: PhaseKind; name: string };
  done: (r: RolloutResult) => void;
}

export function simulateServerBlueGreen(world: World): Outcome {
  const { INSTALL_EVENTS, REROUTE_EVENTS, ORIGINAL_EVENTS, ROLLBACK_ORIGINAL_EVENTS, ROLLBACK_REPLACEMENT_EVENTS } = blueGreenEvents();
  const ctx = contextOf(world);
  const { cd, from, to } = ctx;
  const bg = cd.blueGreenDeploymentConfiguration!;
  const originals = addInstances(ctx, cd.instances, 'original', from);
  const schedule = scheduleFor(cd, originals.length);
  const kind = configKind(cd);
  const copy = bg.greenFleetProvisioningOption.action === 'COPY_AUTO_SCALING_GROUP';
  const ready = bg.deploymentReadyOption;
  const terminate = bg.terminateBlueInstancesOnDeploymentSuccess;
  let replacements: TargetIndex[] = [];
  let current: Rollout | undefined;
  let batches: BatchPhases | undefined;
  let touched = false;
  let failure = '';
  let failureRule: RuleId | undefined;
  let rollbackWhy = '';
  let provisioning: PhaseRef | undefined;
  let wait: PhaseRef | undefined;
  let outcome: Outcome = 'Failed';

  // The fleet itself when none of it is terminated: no copy of 100,000 instances per question.
  const live = (ids: readonly TargetIndex[]) => world.alive(ids);
  const send = (event: BlueGreenEvent) => actor.send(event);
  const fail = (why: string, rule: RuleId) => {
    failure = why;
    failureRule = rule;
    send({ type: 'FAILED', trigger: { kind: 'failure', changed: touched } });
  };
  const skipped = (deploymentId: string) => (id: TargetIndex, failed: boolean) =>
    failed
      ? world.event('lifecycle-event-failed', `${world.idAt(id)} was terminated before its turn: its deployment fails`, { target: id, deploymentId, undocumented: 'terminatedReplacement' })
      : world.event('note', `${world.idAt(id)} was terminated before its turn; CodeDeploy leaves it out`, { target: id, deploymentId, undocumented: 'terminatedPending' });

  /** Runs `events` on a group of instances, `parallel` at a time, as one phase. */
  const runGroup = (g: Group) => {
    const phase = world.openPhase({ deploymentId: g.deploymentId, kind: g.phase.kind, name: g.phase.name, targets: g.ids });
    const instances = new ServerInstances(ctx, g.events, { deploymentId: g.deploymentId, revision: g.revision }, (id, ok) => r.finished(id, ok));
    const r: Rollout = new Rollout({
      world,
      ids: g.ids,
      minimumHealthy: g.ids.length - g.parallel,
      requiredSuccesses: 0,
      isHealthy: () => true,
      slotOnFailure: true,
      failFast: g.failFast,
      terminatedFails: g.terminatedFails,
      run: (id) => instances.run(id),
      onSkipped: skipped(g.deploymentId),
      onDone: (result) => {
        world.closePhase(phase);
        g.done(result);
      },
    });
    current = r;
    r.start();
  };

  /** One step of the rollback d-2: `events` on `ids`; `failure` says why the step failed, if it did. */
  const rollbackGroup = (ids: readonly TargetIndex[], events: readonly string[], name: string, next: BlueGreenEvent, failure: (r: RolloutResult) => string | undefined) =>
    runGroup({
      ids,
      events,
      deploymentId: ROLLBACK_DEPLOYMENT,
      revision: from,
      parallel: reroutePlan(kind, schedule, ids.length).parallel,
      failFast: true,
      terminatedFails: false,
      phase: { kind: 'batch', name },
      done: (r) => {
        const why = failure(r);
        if (why === undefined) return send(next);
        rollbackWhy = why;
        send({ type: 'ROLLBACK_FAILED' });
      },
    });

  const machine = withActions(
    serverBlueGreenMachine,
    {
      startDeployment: () => {
        world.startDeployment(USER_DEPLOYMENT, 'user', to);
        world.event(
          'deployment-started',
          `Blue/green deployment of ${to}: ${plural(originals.length, 'replacement instance')} ${copy ? 'launched by copying the Auto Scaling group' : 'discovered among existing instances'}, deployed with ${describeSchedule(cd, schedule, originals.length)}; ` +
            `then traffic is rerouted${ready.actionOnTimeout === 'STOP_DEPLOYMENT' ? ' once the user continues the deployment' : ''} and the originals are ${terminate.action === 'TERMINATE' ? `terminated after ${minutes(terminate.terminationWaitTimeInMinutes)}` : 'kept alive'}`,
          { deploymentId: USER_DEPLOYMENT, rule: configRule(cd) },
        );
        if (schedule.undocumented) world.event('note', `How ${cd.deploymentConfigName} treats a one-instance group`, { deploymentId: USER_DEPLOYMENT, undocumented: schedule.undocumented });
        world.event('note', `Replacements run ${INSTALL_EVENTS.join(' → ')}, then ${REROUTE_EVENTS.join(' → ')} when traffic reaches them; then the originals run ${ORIGINAL_EVENTS.join(' → ')}`, {
          deploymentId: USER_DEPLOYMENT,
          rule: 'cd.hooks-blue-green',
        });
        world.event('note', `ApplicationStop, BeforeBlockTraffic and AfterBlockTraffic run the scripts of the last successful revision: the replacements have none, so ApplicationStop is Skipped there; on the originals the BlockTraffic hooks run ${from}'s`, {
          deploymentId: USER_DEPLOYMENT,
          rule: 'cd.last-revision-scripts',
        });
        announceIgnoredStopFailures(ctx, USER_DEPLOYMENT);
      },
      announceImpossibleMinimum: () =>
        world.event('note', `The minimum cannot be met: ${schedule.impossible}. The deployment fails before any instance changes`, { deploymentId: USER_DEPLOYMENT, rule: 'cd.minimum-impossible' }),
      provisionReplacements: () => {
        touched = true;
        replacements = addInstances(ctx, originals.length, 'replacement', '');
        if (copy) {
          provisioning = world.openPhase({ deploymentId: USER_DEPLOYMENT, kind: 'batch', name: 'Provisioning replacement instances', targets: replacements });
          const launched = world.idThen(' is launched into the replacement environment (a copy of the Auto Scaling group)');
          world.targetEvents('instance-launched', launched, replacements, USER_DEPLOYMENT, 'cd.green-fleet');
        } else {
          world.event('note', `CodeDeploy uses the existing instances ${listTargets(replacements, world)} as the replacement environment (DISCOVER_EXISTING)`, { deploymentId: USER_DEPLOYMENT, rule: 'cd.green-fleet' });
        }
      },
      installReplacements: () => {
        world.closePhase(provisioning);
        const gone = replacements.filter((x) => world.stateOf(x) === 'Terminated');
        const order = schedulingOrder(world, replacements, to);
        const ids = gone.length > 0 ? [...gone, ...order] : order;
        const phases = new BatchPhases(world, USER_DEPLOYMENT);
        batches = phases;
        const instances = new ServerInstances(ctx, INSTALL_EVENTS, { deploymentId: USER_DEPLOYMENT, revision: to }, (id, ok) => r.finished(id, ok));
        const batchText = batchStartedText(world.phaseColumns, `CodeDeploy installs ${to} on`);
        const rule = configRule(cd);
        const r: Rollout = new Rollout({
          world,
          ids,
          minimumHealthy: schedule.minimumHealthy,
          requiredSuccesses: schedule.requiredSuccesses,
          // Fresh replacements have never failed a deployment: they count as healthy.
          isHealthy: () => true,
          terminatedFails: true,
          run: (id) => instances.run(id),
          onBatch: (started) => {
            world.numberedEvent('batch-started', batchText, phases.start(started), USER_DEPLOYMENT, rule);
          },
          onFinished: (id) => phases.finished(id),
          onSkipped: skipped(USER_DEPLOYMENT),
          onDone: (result) => {
            phases.nameAll();
            if (!result.ok) return fail(`${explainRollout(world, cd, schedule, result, to, ids[ids.length - 1])}; traffic never left the original instances`, configRule(cd));
            send({ type: 'REPLACEMENTS_READY' });
          },
        });
        current = r;
        r.start();
      },
      startReadyWait: () => {
        const end = world.now + ready.waitTimeInMinutes * 60;
        wait = world.openPhase({ deploymentId: USER_DEPLOYMENT, kind: 'wait', name: 'Ready wait', deadline: end });
        world.event(
          'wait-started',
          `The replacement instances are ready (status Ready): traffic is rerouted only when the user calls ContinueDeployment; if nobody does within ${minutes(ready.waitTimeInMinutes)}, the deployment stops`,
          { deploymentId: USER_DEPLOYMENT, rule: 'cd.ready-wait', end },
        );
      },
      continued: (_, { waitType }) =>
        world.event(
          'note',
          waitType === 'READY_WAIT'
            ? 'The user calls ContinueDeployment (READY_WAIT): the Ready wait ends and traffic is rerouted now'
            : 'The user calls ContinueDeployment (TERMINATION_WAIT): the termination wait ends and the original instances are terminated now',
          { deploymentId: USER_DEPLOYMENT, rule: 'cd.continue-deployment' },
        ),
      endWait: () => world.closePhase(wait),
      reroute: () => {
        const targets = replacements.filter((x) => world.stateOf(x) !== 'Terminated' && world.healthyOf(x));
        const plan = reroutePlan(kind, schedule, targets.length);
        if (targets.length < replacements.length) {
          world.event('note', `Only the replacements whose install succeeded and that still run can receive traffic: ${targets.length ? listTargets(targets, world) : 'none'}`, {
            deploymentId: USER_DEPLOYMENT,
            undocumented: 'rerouteTargets',
          });
        }
        world.event('batch-started', `Rerouting traffic to the replacement instances, ${plan.says}: each runs ${REROUTE_EVENTS.join(' → ')}`, {
          deploymentId: USER_DEPLOYMENT,
          rule: plan.rule,
          undocumented: plan.undocumented,
        });
        runGroup({
          ids: targets,
          events: REROUTE_EVENTS,
          deploymentId: USER_DEPLOYMENT,
          revision: to,
          parallel: plan.parallel,
          failFast: plan.failFast,
          terminatedFails: true,
          phase: { kind: 'traffic-shift', name: 'Rerouting traffic' },
          done: (r) => {
            const verdict = rerouteVerdict(world, kind, targets, r.succeeded, r.failed, r.untouched);
            if (!verdict.ok) return fail(`${verdict.why}; ${serving()}`, plan.rule);
            world.event('batch-ended', `Rerouting succeeded: ${verdict.why}`, { deploymentId: USER_DEPLOYMENT, rule: plan.rule, undocumented: plan.undocumented });
            send({ type: 'REROUTED' });
          },
        });
      },
      blockOriginals: () => {
        const ids = live(originals);
        const parallel = reroutePlan(kind, schedule, ids.length).parallel;
        world.event('batch-started', `Blocking traffic to the original instances, ${plural(parallel, 'instance')} at a time: each runs ${ORIGINAL_EVENTS.join(' → ')}; any original failing to deregister fails the deployment`, {
          deploymentId: USER_DEPLOYMENT,
          rule: 'cd.deregister-originals',
          undocumented: 'blockOriginalsPace',
        });
        runGroup({
          ids,
          events: ORIGINAL_EVENTS,
          deploymentId: USER_DEPLOYMENT,
          revision: to,
          parallel,
          failFast: true,
          terminatedFails: false,
          phase: { kind: 'batch', name: 'Blocking traffic to original instances' },
          done: (r) => {
            if (r.failed.length > 0) return fail(`${listTargets(r.failed, world)} did not leave the load balancer, and one original failing to deregister fails the whole deployment`, 'cd.deregister-originals');
            send({ type: 'ORIGINALS_BLOCKED' });
          },
        });
      },
      startTerminationWait: () => {
        const end = world.now + terminate.terminationWaitTimeInMinutes * 60;
        wait = world.openPhase({ deploymentId: USER_DEPLOYMENT, kind: 'wait', name: 'Termination wait', deadline: end });
        world.event(
          'wait-started',
          `Traffic is on the replacements; the original instances are terminated after ${minutes(terminate.terminationWaitTimeInMinutes)} (or earlier if the user calls ContinueDeployment with TERMINATION_WAIT)`,
          { deploymentId: USER_DEPLOYMENT, rule: 'cd.termination-wait', end },
        );
      },
      startTerminatingOriginals: () => {
        world.openPhase({ deploymentId: USER_DEPLOYMENT, kind: 'batch', name: 'Terminating original instances', targets: live(originals) });
      },
      terminateOriginals: () => {
        // The id plus a suffix, written when the trace is read.
        const terminated = world.idThen(` (an original instance, ${from}) is terminated`);
        const ids = live(originals);
        for (let i = 0; i < ids.length; i++) {
          const x = ids[i]!;
          world.setState(x, 'Terminated');
          world.setHealthy(x, false);
          world.targetEvent('instance-terminated', terminated, x, USER_DEPLOYMENT, 'cd.termination-wait');
        }
      },
      keepOriginals: () =>
        world.event('note', 'KEEP_ALIVE: the original instances keep running, deregistered from the load balancer', { deploymentId: USER_DEPLOYMENT, rule: 'cd.termination-wait' }),
      stopInFlight: (_, { trigger }) => {
        const rollingBack = world.deployments.some((d) => d.id === ROLLBACK_DEPLOYMENT && d.status === 'InProgress');
        const deploymentId = rollingBack ? ROLLBACK_DEPLOYMENT : USER_DEPLOYMENT;
        if (current?.active) world.event('note', 'Lifecycle events in progress end now as Failed; nothing further runs', { deploymentId, undocumented: 'stopInFlight' });
        current?.stop(stopReason(trigger, rollingBack));
        batches?.nameAll();
      },
      endDeployment: (_, { status, trigger }) => {
        const rule = status === 'Failed' ? failureRule : stopRule(trigger);
        endUserDeployment(world, cd, status, summary(status, trigger?.kind === 'readyTimeout'), {
          trigger,
          rule,
          rollbackImpossible: !world.anyAlive(originals) ? 'the original instances are terminated, so traffic cannot be routed back to them' : undefined,
        });
      },
      startRollback: () =>
        startRollback(
          world,
          from,
          `Automatic rollback: a new deployment, ${ROLLBACK_DEPLOYMENT}, routes traffic back to the original instances (${from}) and blocks it on the replacements`,
          'blueGreenRollbackOrder',
        ),
      reallowOriginals: () => {
        const ids = live(originals);
        if (ids.some((x) => world.registeredOf(x) === true)) {
          world.event('note', `Originals that never stopped serving run the AllowTraffic hooks too, and stay registered: ${listTargets(ids.filter((x) => world.registeredOf(x) === true), world)}`, {
            deploymentId: ROLLBACK_DEPLOYMENT,
            undocumented: 'rollbackUnchangedTargets',
          });
        }
        rollbackGroup(ids, ROLLBACK_ORIGINAL_EVENTS, 'Allowing traffic to original instances', { type: 'ORIGINALS_ALLOWED' }, (r) =>
          r.failed.length > 0 ? `AllowTraffic did not complete on ${listTargets(r.failed, world)}` : r.succeeded === 0 ? 'no original instance is left to serve' : undefined,
        );
      },
      blockReplacements: () =>
        rollbackGroup(live(replacements), ROLLBACK_REPLACEMENT_EVENTS, 'Blocking traffic to replacement instances', { type: 'REPLACEMENTS_BLOCKED' }, (r) =>
          r.failed.length > 0 ? `${listTargets(r.failed, world)} could not be blocked` : undefined,
        ),
      endRollback: (_, { status }) => {
        if (status === 'Succeeded') {
          endRollback(world, status, `the original instances serve ${from} again; the replacements stay running, blocked from the load balancer`, {
            rule: 'cd.rollback-blue-green',
            undocumented: 'blueGreenRollbackReplacements',
          });
        } else endRollback(world, status, status === 'Stopped' ? `instances stay as they are (${serving()})` : rollbackWhy, { rule: 'cd.rollback-blue-green' });
      },
      finish: (_, { outcome: o }) => {
        outcome = o;
        // What is left on the agenda belongs to runs that were cut short, or to inputs
        // after the end; it must not stretch the trace past the deployment's end.
        world.agenda.clear();
      },
    },
    // Traffic can be routed back only to originals that have not been terminated.
    { originalsLeft: () => world.anyAlive(originals) },
  );

  const serving = () => {
    const by = new Map<string, number>();
    // Index loops: these run once, unoptimized, where for…of allocates per instance.
    for (const group of [originals, replacements]) {
      for (let k = 0; k < group.length; k++) {
        const x = group[k]!;
        if (world.stateOf(x) === 'InService') by.set(world.versionOf(x), (by.get(world.versionOf(x)) ?? 0) + 1);
      }
    }
    const parts = [...by].map(([v, n]) => `${plural(n, 'instance')} on ${v}`);
    return parts.length ? `in service: ${parts.join(', ')}` : 'no instance is in service';
  };

  const summary = (status: DeploymentStatus, readyTimeout: boolean): string => {
    if (status === 'Succeeded') {
      let n = 0;
      for (let k = 0; k < replacements.length; k++) if (world.stateOf(replacements[k]!) === 'InService') n++;
      return `${plural(n, 'replacement instance')} serve${n === 1 ? 's' : ''} ${to}; the original instances are ${terminate.action === 'TERMINATE' ? 'terminated' : 'kept alive, out of service'}`;
    }
    if (status === 'Failed') return schedule.impossible ? 'the minimum healthy hosts cannot be met; no instance changed' : failure;
    if (readyTimeout) return `nobody called ContinueDeployment within ${minutes(ready.waitTimeInMinutes)}, so traffic was never rerouted; ${serving()}`;
    return serving();
  };

  const actor = machineActor(world, machine, {
    cd,
    minimumImpossible: schedule.impossible !== undefined,
    waitsForContinue: ready.actionOnTimeout === 'STOP_DEPLOYMENT',
    terminatesOriginals: terminate.action === 'TERMINATE',
    launchSeconds: copy ? world.scenario.timings.launch : 0,
    readyWaitSeconds: ready.waitTimeInMinutes * 60,
    terminationWaitSeconds: terminate.terminationWaitTimeInMinutes * 60,
    terminationSeconds: world.scenario.timings.termination,
  });
  scheduleContinue(world, actor);
  runServer(world, actor, {
    changed: () => touched,
    rollout: () => current,
  });
  return outcome;
}

