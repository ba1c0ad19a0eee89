// Runs a CodeDeploy Lambda or ECS deployment: binds the traffic-shifting
// statechart (machine.ts) to the world through the platform (lambda.ts, ecs.ts),
// records spans, phases and the rule behind each event, schedules the timed
// inputs (alarms, StopDeployment) and runs simulated time to the end.
import type { TargetIndex } from '../../target-store.ts';
import type { PhaseRef } from '../../phase-columns.ts';
import type { AnyActorRef } from 'xstate';
import { lifecycleOrder } from '../../lifecycles/catalog.ts';
import { machineActor } from '../../run-machine.ts';
import { runSteps, type StepRun } from '../../steps.ts';
import type { World } from '../../world.ts';
import type { Outcome } from '../../../trace/types.ts';
import type { RuleId } from '../../../aws/rules.ts';
import { contextOf, minutes, ROLLBACK_DEPLOYMENT, USER_DEPLOYMENT } from '../context.ts';
import { scheduleControls } from '../controls.ts';
import { eventSeconds, lifecycleSteps } from '../lifecycle.ts';
import { decideRollback, stopReason, stopRule, type Trigger } from '../rollback-rules.ts';
import { lambdaPlatform } from '../lambda.ts';
import { ecsPlatform } from '../ecs.ts';
import { incrementName, intervalName, trafficConfigOf, trafficRule } from '../traffic-shifting.ts';
import { trafficMachine } from './machine.ts';

export function simulateTrafficShifting(world: World): Outcome {
  const ctx = contextOf(world);
  const { cd, from, to } = ctx;
  const lambda = cd.computePlatform === 'Lambda';
  const platform = lambda ? lambdaPlatform(ctx) : ecsPlatform(ctx);
  const config = trafficConfigOf(cd);
  const rule = trafficRule(config);
  const target = platform.target;
  const id = USER_DEPLOYMENT;
  const steps = new Map(
    lifecycleSteps(ctx, target, lifecycleOrder(lambda ? 'codeDeployLambda' : 'codeDeployEcs'), { deploymentId: id, revision: to }, platform.effects).map((s) => [s.name, s]),
  );
  const settleSeconds = eventSeconds(ctx, 'AllowTraffic');
  const intervalSeconds = config.kind === 'AllAtOnce' ? 0 : config.intervalMinutes * 60;
  const waitMinutes = cd.blueGreenDeploymentConfiguration?.terminateBlueInstancesOnDeploymentSuccess.terminationWaitTimeInMinutes ?? 0;

  let actor: AnyActorRef | undefined;
  let outcome: Outcome = 'Failed';
  /** The lifecycle event in progress (a hook or reserved event other than AllowTraffic). */
  let run: StepRun | undefined;
  /** When AllowTraffic started, while it is in progress. */
  let allowStart: number | undefined;
  let increment: PhaseRef | undefined;
  let interval: PhaseRef | undefined;
  let rollbackStart = 0;

  const allowTrafficSpan = (deploymentId: string, spanTarget: TargetIndex, start: number, revision: string, reason?: string) =>
    world.span({ target: world.idAt(spanTarget), name: 'AllowTraffic', start, end: world.now, status: reason === undefined ? 'Succeeded' : 'Failed', deploymentId, revision, ...(reason === undefined ? {} : { reason }) });

  const machine = trafficMachine(lambda ? 'Lambda' : 'ECS').provide({
    actions: {
      startDeployment: () => {
        world.startDeployment(id, 'user', to);
        world.event('deployment-started', platform.intro, { deploymentId: id, rule: platform.hooksRule });
        world.event('note', `AllowTraffic lasts ${settleSeconds} s after the last shift`, { deploymentId: id, undocumented: 'trafficEventEnd' });
      },
      runEvent: (_, { name }) => {
        run = runSteps({
          world,
          target,
          deploymentId: id,
          steps: [steps.get(name)!],
          onEnd: (r) => {
            if (r.cancelled) return;
            if (r.ok) return actor!.send({ type: 'EVENT_SUCCEEDED' });
            world.event('lifecycle-event-failed', `${r.failedStep} failed (${r.reason})`, { target, deploymentId: id, rule: 'cd.traffic-hook-failure' });
            actor!.send({ type: 'EVENT_FAILED' });
          },
        });
      },
      beginAllowTraffic: () => {
        allowStart = world.now;
        platform.allowTrafficStarts?.();
      },
      shift: (_, { percent, increment: n }) => {
        world.closePhase(increment);
        increment = world.openPhase({ deploymentId: id, kind: 'traffic-shift', name: incrementName(config, n, percent), targets: [target] });
        world.event('traffic-shifted', platform.shift(percent), {
          target,
          deploymentId: id,
          rule,
          ...(config.kind === 'Linear' && n === 1 ? { undocumented: 'linearFirstIncrement' as const } : {}),
        });
      },
      startInterval: ({ context }) => {
        const end = world.now + intervalSeconds;
        const name = intervalName(config);
        interval = world.openPhase({ deploymentId: id, kind: 'wait', name, deadline: end });
        const next = config.kind === 'Canary' ? `all the remaining ${100 - context.shifted}% shifts` : `the next increment shifts`;
        world.event('wait-started', `${name}: ${context.shifted}% of traffic bakes on ${to} for ${minutes(intervalSeconds / 60)}; then ${next}`, { deploymentId: id, rule, end });
      },
      endInterval: () => world.closePhase(interval),
      endAllowTraffic: () => {
        world.closePhase(increment);
        allowTrafficSpan(id, target, allowStart!, to);
        allowStart = undefined;
      },
      startTerminationWait: () => {
        const end = world.now + waitMinutes * 60;
        world.openPhase({ deploymentId: id, kind: 'wait', name: 'Termination wait', deadline: end });
        world.event('wait-started', `Termination wait: all production traffic is on ${to}; CodeDeploy keeps the original task set for ${minutes(waitMinutes)}`, {
          target: platform.rollbackTarget,
          deploymentId: id,
          rule: 'cd.ecs-termination-wait',
          end,
        });
      },
      removeOriginal: () => platform.removeOriginal?.(),
      stopInFlight: (_, { trigger }) => {
        const reason = stopReason(trigger);
        if (run && !run.finished) {
          world.event('note', platform.stopNote, { deploymentId: id, undocumented: 'stopInFlight' });
          run.cancel(reason);
        } else if (allowStart !== undefined) {
          world.event('note', platform.stopNote, { deploymentId: id, undocumented: 'stopInFlight' });
          allowTrafficSpan(id, target, allowStart, to, reason);
          allowStart = undefined;
        }
      },
      endDeployment: (_, { status, trigger }) => {
        world.endDeployment(id, status);
        world.event('deployment-ended', `Deployment ${id} ${status}: ${platform.summary(status)}`, { deploymentId: id, ...(trigger ? { rule: endRule(trigger) } : {}) });
        if (!trigger) return;
        const d = decideRollback(cd, trigger);
        world.event('note', d.rollback ? `Automatic rollback follows: ${d.why}` : `No automatic rollback: ${d.why}`, {
          deploymentId: id,
          rule: trigger.kind === 'failure' && trigger.rollbackBlocked ? 'cd.ecs-before-install-no-rollback' : 'cd.rollback-triggers',
          ...(d.undocumented ? { undocumented: d.undocumented } : {}),
        });
      },
      startRollback: () => {
        rollbackStart = world.now;
        world.startDeployment(ROLLBACK_DEPLOYMENT, 'codeDeployRollback', from);
        world.openPhase({ deploymentId: ROLLBACK_DEPLOYMENT, kind: 'rollback', name: `Rollback to ${from}`, targets: [platform.rollbackTarget] });
        world.event('rollback-started', `Automatic rollback: CodeDeploy creates a new deployment, ${ROLLBACK_DEPLOYMENT}, of the last known good revision ${from}`, {
          deploymentId: ROLLBACK_DEPLOYMENT,
          rule: 'cd.rollback-new-deployment',
        });
        world.event('traffic-shifted', platform.rollBack(), { target: platform.rollbackTarget, deploymentId: ROLLBACK_DEPLOYMENT, rule: platform.rollbackRule });
        world.event('note', `The rollback's AllowTraffic lasts ${eventSeconds(ctx, 'AllowTraffic')} s`, { deploymentId: ROLLBACK_DEPLOYMENT, undocumented: 'trafficRollbackEvents' });
      },
      endRollback: (_, { status }) => {
        const ok = status === 'Succeeded';
        allowTrafficSpan(ROLLBACK_DEPLOYMENT, platform.rollbackTarget, rollbackStart, from, ok ? undefined : 'Stopped: the rollback deployment was stopped');
        if (ok) platform.rollbackDone?.();
        world.endDeployment(ROLLBACK_DEPLOYMENT, status);
        world.event(
          'deployment-ended',
          ok ? `Rollback deployment ${ROLLBACK_DEPLOYMENT} Succeeded: ${from} serves all traffic again` : `Rollback deployment ${ROLLBACK_DEPLOYMENT} ${status}: traffic stays on ${from}`,
          { deploymentId: ROLLBACK_DEPLOYMENT, ...(ok ? { rule: platform.rollbackRule } : { undocumented: 'rollbackOfRollback' as const }) },
        );
      },
      finish: (_, p) => {
        outcome = p.outcome;
        // Nothing left on the agenda belongs to this deployment: late inputs must not stretch the trace.
        world.agenda.clear();
      },
    },
  });
  const a = machineActor(world, machine, { cd, config, settleSeconds, terminationWaitSeconds: waitMinutes * 60, rollbackSeconds: eventSeconds(ctx, 'AllowTraffic') });
  actor = a;
  scheduleControls(world, {
    actor: a,
    running: () => {
      const snapshot = a.getSnapshot();
      if (snapshot.status !== 'active') return undefined;
      return snapshot.matches('rollingBack') ? ROLLBACK_DEPLOYMENT : id;
    },
    changed: () => a.getSnapshot().context.changed,
  });
  a.start();
  world.run();
  return outcome;
}

/** The rule that ended the user's deployment. */
function endRule(trigger: Trigger): RuleId {
  if (trigger.kind === 'failure') return trigger.rollbackBlocked ? 'cd.ecs-before-install-no-rollback' : 'cd.traffic-hook-failure';
  return stopRule(trigger)!;
}
