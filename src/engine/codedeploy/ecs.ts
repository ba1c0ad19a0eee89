// ECS (reference §2.2, §2.4): Install creates a replacement task set,
// AllowTestTraffic points the test listener at it, AllowTraffic shifts the
// production listener per the configuration; on success the original task set is
// removed after the termination wait. Test-listener routing is kept apart from
// production traffic. The rollback deployment reroutes traffic to the original
// task set and returns the deployment's components to their state at the start.
import type { PhaseRef } from '../phase-columns.ts';
import { ECS_ORIGINAL_TARGET, ECS_REPLACEMENT_TARGET } from '../../aws/codedeploy-facts.ts';
import { weightedPools } from '../traffic.ts';
import { minutes, ROLLBACK_DEPLOYMENT, USER_DEPLOYMENT, type CdContext } from './context.ts';
import { describeTraffic, trafficConfigOf } from './traffic-shifting.ts';
import type { ShiftingPlatform } from './traffic/platform.ts';

export function ecsPlatform(ctx: CdContext): ShiftingPlatform {
  const { world, cd, from, to } = ctx;
  const id = USER_DEPLOYMENT;
  const original = world.addTarget({ id: ECS_ORIGINAL_TARGET, kind: 'task-set', group: 'task-set', pool: 'original', version: from, state: 'InService', healthy: true, label: `original task set (${from})` });
  const replacement = world.addTarget({ id: ECS_REPLACEMENT_TARGET, kind: 'task-set', group: 'replacement', pool: 'replacement', version: '', state: 'OutOfService', healthy: false, label: `replacement task set (${to}), created by Install` });
  const share = { value: 0 };
  world.traffic = weightedPools('original', 'replacement', share);
  // Both listeners point at the original task set until AllowTestTraffic.
  const setTest = (version: string) => {
    world.testTraffic = { [version]: 100 };
    world.trafficChanged();
  };
  setTest(from);
  const setShare = (percent: number) => {
    share.value = percent;
    world.trafficChanged();
  };
  const waitMinutes = cd.blueGreenDeploymentConfiguration!.terminateBlueInstancesOnDeploymentSuccess.terminationWaitTimeInMinutes;
  let created = false;
  let testOnly: PhaseRef | undefined;

  return {
    target: replacement,
    rollbackTarget: original,
    intro: `ECS blue/green deployment of ${to} with ${cd.deploymentConfigName}: a replacement task set, test traffic first, then ${describeTraffic(trafficConfigOf(cd))}; the original task set is removed ${minutes(waitMinutes)} after success`,
    hooksRule: 'cd.hooks-ecs',
    rollbackRule: 'cd.rollback-ecs',
    effects: {
      Install: {
        onStart: () => {
          created = true;
          world.setVersion(replacement, to);
          world.event('instance-launched', `Install: CodeDeploy creates the replacement task set running ${to}; it serves no traffic yet`, { target: replacement, deploymentId: id, rule: 'cd.hooks-ecs' });
        },
        onSuccess: () => world.setHealthy(replacement, true),
      },
      AllowTestTraffic: {
        onSuccess: () => {
          setTest(to);
          testOnly = world.openPhase({ deploymentId: id, kind: 'traffic-shift', name: 'Test traffic', targets: [replacement] });
          world.event('traffic-shifted', `AllowTestTraffic: the test listener now routes to the replacement task set (${to}); production traffic still goes to the original`, {
            target: replacement,
            deploymentId: id,
            rule: 'cd.hooks-ecs',
          });
        },
      },
    },
    stopNote: 'The lifecycle event in progress ends now as Failed; the listeners keep their current routing',
    allowTrafficStarts() {
      world.closePhase(testOnly);
      world.setState(replacement, 'InService');
    },
    shift(percent) {
      setShare(percent);
      if (percent < 100) {
        return `The production listener sends ${percent}% of traffic to the replacement task set (${to}) and ${100 - percent}% to the original (${from})`;
      }
      // Once every request goes to the replacement, the original serves none.
      world.setState(original, 'OutOfService');
      return `The production listener sends 100% of traffic to the replacement task set (${to})`;
    },
    rollBack() {
      setShare(0);
      world.setState(original, 'InService');
      world.setState(replacement, 'OutOfService');
      setTest(from);
      return `The rollback reroutes production and test traffic from the replacement task set back to the original (${from})`;
    },
    rollbackDone() {
      if (!created) return;
      world.setState(replacement, 'Terminated');
      world.setHealthy(replacement, false);
      world.event('instance-terminated', `The deployment's components return to their state at the start: the replacement task set (${to}) is removed`, {
        target: replacement,
        deploymentId: ROLLBACK_DEPLOYMENT,
        rule: 'cd.rollback-ecs',
      });
    },
    removeOriginal() {
      world.setState(original, 'Terminated');
      world.setHealthy(original, false);
      world.event('instance-terminated', `The termination wait is over: CodeDeploy removes the original task set (${from})`, { target: original, deploymentId: id, rule: 'cd.ecs-termination-wait' });
    },
    summary(status) {
      if (status === 'Succeeded') return `the replacement task set (${to}) serves all traffic; the original task set is removed`;
      const where =
        share.value <= 0
          ? `production traffic still goes to the original task set (${from})`
          : share.value >= 100
            ? `production traffic is all on the replacement task set (${to}); the original task set still exists`
            : `production traffic stays split: ${100 - share.value}% to the original task set (${from}), ${share.value}% to the replacement (${to})`;
      return created ? where : `the replacement task set was never created; ${where}`;
    },
  };
}
