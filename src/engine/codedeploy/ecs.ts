// ECS (reference §2.2): Install creates a replacement task set, AllowTestTraffic
// points the test listener at it, AllowTraffic shifts the production listener per
// the configuration; on success the original task set is removed after the
// termination wait. Test-listener routing is kept apart from production traffic.
// A BeforeInstall failure cannot trigger a rollback; a rollback reroutes
// production traffic to the original task set.
import { lifecycleOrder } from '../lifecycles/catalog.ts';
import { ECS_NO_ROLLBACK_EVENT, ECS_ORIGINAL_TARGET, ECS_REPLACEMENT_TARGET } from '../../aws/codedeploy-facts.ts';
import { runSteps, type StepRun } from '../steps.ts';
import { weightedPools } from '../traffic.ts';
import { minutes, USER_DEPLOYMENT, type CdContext } from './context.ts';
import type { Driver, Send } from './driver.ts';
import { eventSeconds, lifecycleSteps } from './lifecycle.ts';
import { describeTraffic, Shifter, trafficConfigOf } from './traffic-shifting.ts';

export function ecsDeployment(ctx: CdContext, send: Send): Driver {
  const { world, cd, from, to } = ctx;
  const id = USER_DEPLOYMENT;
  const original = ECS_ORIGINAL_TARGET;
  const replacement = ECS_REPLACEMENT_TARGET;
  world.addTarget({ id: original, kind: 'task-set', group: 'task-set', pool: 'original', version: from, state: 'InService', healthy: true, label: `original task set (${from})` });
  world.addTarget({ id: replacement, kind: 'task-set', group: 'replacement', pool: 'replacement', version: '', state: 'OutOfService', healthy: false, label: `replacement task set (${to}), created by Install` });
  const share = { value: 0 };
  world.traffic = weightedPools('original', 'replacement', share);
  // Both listeners point at the original task set until AllowTestTraffic.
  const setTest = (version: string) => {
    world.testTraffic = { [version]: 100 };
    world.trafficChanged();
  };
  setTest(from);
  const config = trafficConfigOf(cd);
  const waitMinutes = cd.blueGreenDeploymentConfiguration!.terminateBlueInstancesOnDeploymentSuccess.terminationWaitTimeInMinutes;
  const shifter = new Shifter(world, share, config, (percent) =>
    world.event(
      'traffic-shifted',
      percent === 100
        ? `The production listener sends 100% of traffic to the replacement task set (${to})`
        : `The production listener sends ${percent}% of traffic to the replacement task set (${to}) and ${100 - percent}% to the original (${from})`,
      { target: replacement, deploymentId: id, ...(config.kind === 'Linear' && percent === config.percentage ? { undocumented: 'linearFirstIncrement' as const } : {}) },
    ),
  );
  let run: StepRun | undefined;
  let created = false;
  let waiting = 0;
  let failedEvent: string | undefined;

  const removeOriginal = () => {
    world.setState(original, 'Terminated');
    world.setHealthy(original, false);
    world.event('instance-terminated', `The termination wait is over: CodeDeploy removes the original task set (${from})`, { target: original, deploymentId: id });
    send({ type: 'SUCCEEDED' });
  };

  return {
    intro: `ECS blue/green deployment of ${to} with ${cd.deploymentConfigName}: a replacement task set, test traffic first, then ${describeTraffic(config)}; the original task set is removed ${minutes(waitMinutes)} after success`,
    deploy() {
      const steps = lifecycleSteps(ctx, replacement, lifecycleOrder('codeDeployEcs'), { deploymentId: id, revision: to }, {
        Install: {
          onStart: () => {
            created = true;
            world.setVersion(replacement, to);
            world.event('instance-launched', `Install: CodeDeploy creates the replacement task set running ${to}; it serves no traffic yet`, { target: replacement, deploymentId: id });
          },
          onSuccess: () => world.setHealthy(replacement, true),
        },
        AllowTestTraffic: {
          onSuccess: () => {
            setTest(to);
            world.event('traffic-shifted', `The test listener now routes to the replacement task set (${to}); production traffic still goes to the original`, { target: replacement, deploymentId: id });
          },
        },
        AllowTraffic: {
          seconds: shifter.span + eventSeconds(ctx, 'AllowTraffic'),
          onStart: () => {
            world.setState(replacement, 'InService');
            // Once every request goes to the replacement, the original serves none.
            shifter.start(() => world.setState(original, 'OutOfService'));
          },
        },
      });
      world.event('note', `AllowTraffic lasts ${eventSeconds(ctx, 'AllowTraffic')} s after the last shift`, { deploymentId: id, undocumented: 'trafficEventEnd' });
      run = runSteps({
        world,
        target: replacement,
        deploymentId: id,
        steps,
        onEnd: (r) => {
          if (r.cancelled) return;
          if (!r.ok) {
            shifter.stop();
            failedEvent = r.failedStep;
            world.event('lifecycle-event-failed', `${r.failedStep} failed (${r.reason})`, { target: replacement, deploymentId: id });
            const blocked = r.failedStep === ECS_NO_ROLLBACK_EVENT ? `a failure in the ${ECS_NO_ROLLBACK_EVENT} hook cannot trigger a rollback` : undefined;
            return send({ type: 'FAILED', trigger: { kind: 'failure', changed: created, ...(blocked ? { rollbackBlocked: blocked } : {}) } });
          }
          world.event('wait-started', `All production traffic is on ${to}; CodeDeploy keeps the original task set for the termination wait of ${minutes(waitMinutes)}`, { target: original, deploymentId: id });
          const mine = ++waiting;
          world.agenda.after(waitMinutes * 60, () => mine === waiting && removeOriginal());
        },
      });
    },
    stop(reason) {
      shifter.stop();
      waiting++;
      if (run && !run.finished) world.event('note', 'The lifecycle event in progress ends now as Failed; the listeners keep their current routing', { deploymentId: id, undocumented: 'stopInFlight' });
      run?.cancel(reason);
    },
    rollBack() {
      shifter.set(0);
      world.setState(original, 'InService');
      setTest(from);
      world.event('rollback-started', `Automatic rollback: CodeDeploy reroutes production and test traffic to the original task set (${from})`, { target: original, deploymentId: id });
      world.setState(replacement, 'Terminated');
      world.setHealthy(replacement, false);
      world.event('instance-terminated', `The replacement task set (${to}) is removed`, { target: replacement, deploymentId: id, undocumented: 'ecsRollbackReplacement' });
      world.agenda.at(world.now, () => send({ type: 'ROLLBACK_DONE', ok: true }));
    },
    stopRollback() {},
    changed: () => created,
    summary(status) {
      if (status === 'Succeeded') return `the replacement task set (${to}) serves all traffic; the original task set is removed`;
      const where =
        share.value <= 0
          ? `production traffic still goes to the original task set (${from})`
          : share.value >= 100
            ? `production traffic is all on the replacement task set (${to}); the original task set still exists`
            : `production traffic stays split: ${100 - share.value}% to the original task set (${from}), ${share.value}% to the replacement (${to})`;
      return failedEvent === ECS_NO_ROLLBACK_EVENT ? `${failedEvent} failed before the replacement task set was created; ${where}` : where;
    },
  };
}
