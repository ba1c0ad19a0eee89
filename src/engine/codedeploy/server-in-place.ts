// Runs a Server in-place deployment (reference §2.1, §2.3–2.4): the statechart
// (server-in-place-machine.ts) decides; this file binds its actions to the world.
// Every instance of the group runs the lifecycle events, scheduled by minimum
// healthy hosts (rollout.ts); a rollback is a new deployment (d-2) of the last known
// good revision with the same events and rules. Instances started together form a
// batch phase.
import { lifecycleOrder } from '../lifecycles/catalog.ts';
import type { DeploymentStatus, Outcome } from '../../trace/types.ts';
import type { World } from '../world.ts';
import { machineActor, withActions } from '../run-machine.ts';
import { listTargets, plural } from '../narration.ts';
import type { TargetIndex } from '../target-store.ts';
import { contextOf, ROLLBACK_DEPLOYMENT, USER_DEPLOYMENT, type CdContext } from './context.ts';
import { Rollout, type RolloutResult } from './rollout.ts';
import { BatchPhases, batchStartedText } from './server-batches.ts';
import { serverInPlaceMachine } from './server-in-place-machine.ts';
import { addInstances, announceIgnoredStopFailures, ServerInstances } from './server-instance.ts';
import { stopReason, stopRule } from './rollback-rules.ts';
import { endRollback, endUserDeployment, runServer, startRollback } from './server-run.ts';
import { configRule, describeSchedule, explainRollout, scheduleFor, schedulingOrder } from './server-schedule.ts';
import { thousands } from '../../scenario/thousands.ts';

export function simulateServerInPlace(world: World): Outcome {
  const ctx = contextOf(world);
  const { cd, from, to } = ctx;
  const ids = addInstances(ctx, cd.instances, 'original', from);
  const schedule = scheduleFor(cd, ids.length);
  const events = lifecycleOrder(cd.loadBalancer ? 'codeDeployServerInPlaceLoadBalancer' : 'codeDeployServerInPlace');
  let current: Rollout | undefined;
  let batches: BatchPhases | undefined;
  let result: RolloutResult | undefined;
  let order: TargetIndex[] = [];
  let touched = false;
  let outcome: Outcome = 'Failed';

  /** One deployment's rollout of `revision` to the group, in scheduling order, its waves as batch phases. */
  const rollout = (deploymentId: string, revision: string, done: (r: RolloutResult) => void): Rollout => {
    order = schedulingOrder(world, ids, revision);
    if (order.some((id, k) => id !== ids[k])) {
      world.event('note', `CodeDeploy deploys to unhealthy instances first, then to those on another revision, then to those already on ${revision}: ${listTargets(order, world)}`, {
        deploymentId,
        rule: 'cd.scheduling-order',
      });
    }
    const phases = new BatchPhases(world, deploymentId);
    batches = phases;
    // The same for every batch (one at a time rollouts have one per instance).
    const keep = schedule.minimumHealthy > 0 ? ` (at least ${thousands(schedule.minimumHealthy)} must stay healthy)` : '';
    const batchText = batchStartedText(world.phaseColumns, `CodeDeploy deploys ${revision} to`, keep);
    const rule = configRule(cd);
    const instances = new ServerInstances(ctx, events, { deploymentId, revision }, (id, ok) => r.finished(id, ok));
    const r: Rollout = new Rollout({
      world,
      ids: order,
      minimumHealthy: schedule.minimumHealthy,
      requiredSuccesses: schedule.requiredSuccesses,
      run: (id) => instances.run(id),
      onBatch: (started) => {
        touched = true;
        world.numberedEvent('batch-started', batchText, phases.start(started), deploymentId, rule);
      },
      onFinished: (id) => phases.finished(id),
      onSkipped: (id) => world.event('note', `${world.idAt(id)} was waiting for its turn; CodeDeploy drops it from the deployment`, { target: id, deploymentId, undocumented: 'terminatedPending' }),
      onDone: (res) => {
        phases.nameAll();
        done(res);
      },
    });
    current = r;
    return r;
  };

  const machine = withActions(serverInPlaceMachine, {
      startDeployment: () => {
        world.startDeployment(USER_DEPLOYMENT, 'user', to);
        announce(ctx, ids.length, schedule, events);
      },
      announceImpossibleMinimum: () =>
        world.event('note', `The minimum cannot be met: ${schedule.impossible}. The deployment fails before any instance changes`, {
          deploymentId: USER_DEPLOYMENT,
          rule: 'cd.minimum-impossible',
        }),
      deploy: () => {
        rollout(USER_DEPLOYMENT, to, (r) => {
          result = r;
          actor.send(r.ok ? { type: 'SUCCEEDED' } : { type: 'FAILED', trigger: { kind: 'failure', changed: touched } });
        }).start();
      },
      stopInFlight: ({ self }, { trigger }) => {
        if (current?.active) world.event('note', 'Lifecycle events in progress end now as Failed; nothing further runs', { deploymentId: running(self), undocumented: 'stopInFlight' });
        current?.stop(stopReason(trigger, running(self) === ROLLBACK_DEPLOYMENT));
        batches?.nameAll();
      },
      endDeployment: (_, { status, trigger }) => {
        endUserDeployment(world, cd, status, summary(status), { trigger, rule: status === 'Stopped' ? stopRule(trigger) : configRule(cd) });
      },
      rollBack: () => {
        startRollback(
          world,
          from,
          `Automatic rollback: CodeDeploy creates a new deployment, ${ROLLBACK_DEPLOYMENT}, of the last known good revision ${from}, with the same lifecycle events and deployment configuration`,
          'rollbackTargets',
        );
        rollout(ROLLBACK_DEPLOYMENT, from, (r) => {
          result = r;
          actor.send(r.ok ? { type: 'ROLLBACK_SUCCEEDED' } : { type: 'ROLLBACK_FAILED' });
        }).start();
      },
      endRollback: (_, { status }) => {
        const why = status === 'Stopped' ? 'instances stay as they are' : explainRollout(world, cd, schedule, result!, from, order[order.length - 1]);
        endRollback(world, status, why, { rule: 'cd.rollback-in-place' });
      },
      finish: (_, { outcome: o }) => {
        outcome = o;
        // What is left on the agenda belongs to runs that were cut short, or to inputs
        // after the end; it must not stretch the trace past the deployment's end.
        world.agenda.clear();
      },
  });

  const summary = (status: DeploymentStatus): string => {
    if (status === 'Stopped') return `${thousands(countOn(ctx, ids, to))} of ${thousands(ids.length)} instances run ${to}, the rest keep ${from}`;
    if (!result) return schedule.impossible ? 'the minimum healthy hosts cannot be met; no instance changed' : '';
    return explainRollout(world, cd, schedule, result, to, order[order.length - 1]);
  };

  const actor = machineActor(world, machine, { cd, minimumImpossible: schedule.impossible !== undefined });
  runServer(world, actor, {
    changed: () => touched,
    rollout: () => current,
  });
  return outcome;
}

function running(self: { getSnapshot(): { value: unknown } }): string {
  return self.getSnapshot().value === 'rollingBack' ? ROLLBACK_DEPLOYMENT : USER_DEPLOYMENT;
}

/** The deployment-started message and the rules every instance will follow. */
function announce(ctx: CdContext, n: number, schedule: ReturnType<typeof scheduleFor>, events: readonly string[]): void {
  const { world, cd, from, to } = ctx;
  world.event(
    'deployment-started',
    `In-place deployment of ${to} to ${plural(n, 'instance')}${cd.loadBalancer ? ' behind a load balancer' : ' (no load balancer)'} with ${describeSchedule(cd, schedule, n)}`,
    { deploymentId: USER_DEPLOYMENT, rule: configRule(cd) },
  );
  if (schedule.undocumented) world.event('note', `How ${cd.deploymentConfigName} treats a one-instance group`, { deploymentId: USER_DEPLOYMENT, undocumented: schedule.undocumented });
  world.event('note', `Each instance runs ${events.join(' → ')}`, {
    deploymentId: USER_DEPLOYMENT,
    rule: cd.loadBalancer ? 'cd.hooks-in-place-load-balancer' : 'cd.hooks-in-place',
  });
  world.event(
    'note',
    `${cd.loadBalancer ? 'ApplicationStop, BeforeBlockTraffic and AfterBlockTraffic run' : 'ApplicationStop runs'} the scripts of each instance's last successful revision (${from}); the other hooks run ${to}'s`,
    { deploymentId: USER_DEPLOYMENT, rule: 'cd.last-revision-scripts' },
  );
  announceIgnoredStopFailures(ctx, USER_DEPLOYMENT);
}

function countOn(ctx: CdContext, ids: readonly TargetIndex[], version: string): number {
  let n = 0;
  for (let k = 0; k < ids.length; k++) if (ctx.world.stateOf(ids[k]!) !== 'Terminated' && ctx.world.versionOf(ids[k]!) === version) n++;
  return n;
}
