// Drives Immutable and TrafficSplitting (reference §1.3): provides the new-group
// machine's actions, which launch the temporary group, split traffic, attach the
// new instances or terminate them, and record batches, waits, traffic shifts and
// the rollback as phases.
import type { TargetIndex } from '../target-store.ts';
import type { PhaseRef } from '../phase-columns.ts';
import { EB_POLICY_FACTS } from '../../aws/eb-facts.ts';
import type { RuleId } from '../../aws/rules.ts';
import { machineActor, withActions } from '../run-machine.ts';
import { plural } from '../narration.ts';
import { weightedPools } from '../traffic.ts';
import type { GroupResult } from './fleet.ts';
import { newGroupMachine, type RollbackCause } from './new-group-machine.ts';
import { countVersion, DEPLOYMENT_ID, runVersion, type Driver, type DriverContext } from './driver.ts';
import { ByTarget } from '../by-target.ts';
import { thousands } from '../../scenario/thousands.ts';

export function newGroupDriver({ world, fleet, eb, originals, end }: DriverContext): Driver {
  const policy = eb.DeploymentPolicy;
  const splitting = policy === 'TrafficSplitting';
  const { from, to } = world.scenario.versions;
  const id = DEPLOYMENT_ID;
  let newIds: TargetIndex[] = [];
  // The instances this driver launched, by target index (not a Set of 100,000 ids).
  const isNew = new ByTarget<true>(world);
  const share = { value: 0 };
  if (splitting) world.traffic = weightedPools('original', 'temporary', share);
  const rules: Record<'start' | 'promote' | 'failure', RuleId> = splitting
    ? { start: 'eb.traffic-splitting-evaluate', promote: 'eb.traffic-splitting-promote', failure: 'eb.traffic-splitting-failure' }
    : { start: 'eb.immutable-first-instance', promote: 'eb.immutable-promote', failure: 'eb.immutable-failure' };
  world.event(
    'deployment-started',
    splitting
      ? `TrafficSplitting deployment of ${to}: ${thousands(originals.length)} new instances in a temporary group, then ${eb.NewVersionPercent}% of client traffic for ${eb.EvaluationTime} minutes`
      : `Immutable deployment of ${to}: one new instance in a temporary Auto Scaling group first` +
          (originals.length > 1 ? `, then ${plural(originals.length - 1, 'more instance')} once it is healthy` : ', replacing the old one once it is healthy'),
    { deploymentId: id, rule: rules.start },
  );

  let batch: PhaseRef | undefined;
  let split: PhaseRef | undefined;
  let evaluation: PhaseRef | undefined;
  const shift = (percent: number, message: string, rule: RuleId) => {
    share.value = percent;
    world.trafficChanged();
    world.event('traffic-shifted', message, { deploymentId: id, rule });
  };
  const groupDone = (r: GroupResult) => {
    world.closePhase(batch);
    actor.send(r.ok ? { type: 'GROUP_HEALTHY' } : { type: 'GROUP_FAILED', healthOnly: r.healthOnly });
  };
  const launch = (count: number, name: string, label: string) => {
    const ids = fleet.launch(count, { group: 'temporary', pool: 'temporary', label, rule: rules.start }, groupDone);
    // An index loop: this runs once per group, unoptimized, where for…of allocates per instance.
    for (let i = 0; i < ids.length; i++) isNew.set(ids[i]!, true);
    // concat, not push one by one (copies into ever larger arrays) nor push(...ids) (100,000 arguments on the stack).
    newIds = newIds.concat(ids);
    if (ids.length > 0) batch = world.openPhase({ deploymentId: id, kind: 'batch', name, targets: ids });
  };
  const why: Record<RollbackCause, string> = {
    GROUP_FAILED: 'The new instances did not become healthy',
    INSTANCE_UNHEALTHY: 'A new instance turned unhealthy during EvaluationTime',
    ABORT: 'The update was aborted',
  };

  const machine = withActions(newGroupMachine, {
      launchFirst: () => {
        const beside = eb.environmentType === 'SingleInstance' ? '' : '; it serves beside the old ones once healthy';
        world.event('batch-started', `First instance: launching one instance with ${to} in the temporary group${beside}`, { deploymentId: id, rule: 'eb.immutable-first-instance' });
        launch(1, 'First instance', 'The first instance');
      },
      launchRest: () => {
        const count = originals.length - newIds.length;
        const name = splitting ? 'New instances' : 'Remaining instances';
        if (count > 0) world.event('batch-started', `${name}: launching ${plural(count, 'instance')} with ${to} in the temporary group`, { deploymentId: id, rule: rules.start });
        launch(count, name, name);
      },
      announceIgnoredHealth: () =>
        world.event('note', 'IgnoreHealthCheck is true: new instances that do not pass health checks do not cancel an Immutable deployment, so it carries on', {
          deploymentId: id,
          rule: 'eb.immutable-ignore-health-check',
        }),
      startEvaluation: () => {
        shift(eb.NewVersionPercent, `${eb.NewVersionPercent}% of client traffic goes to ${to}`, 'eb.traffic-splitting-evaluate');
        split = world.openPhase({ deploymentId: id, kind: 'traffic-shift', name: 'Traffic split', targets: newIds });
        const deadline = world.now + eb.EvaluationTime * 60;
        evaluation = world.openPhase({ deploymentId: id, kind: 'wait', name: 'EvaluationTime', deadline });
        world.event('wait-started', `EvaluationTime: Elastic Beanstalk watches the new instances' health for ${plural(eb.EvaluationTime, 'minute')}`, {
          deploymentId: id,
          rule: 'eb.traffic-splitting-evaluate',
          end: deadline,
        });
      },
      passEvaluation: () => world.closePhase(evaluation),
      promote: () => {
        if (splitting) shift(100, `The new instances stayed healthy through EvaluationTime: all client traffic goes to ${to}`, 'eb.traffic-splitting-promote');
        world.closePhase(split);
        const allHealthy = newIds.every((x) => world.healthyOf(x));
        world.event(
          'note',
          `${allHealthy ? 'Every new instance is healthy' : 'The deployment carries on with the new instances as they are'}: Elastic Beanstalk attaches them to the original Auto Scaling group, then terminates the temporary group and the old instances`,
          { deploymentId: id, rule: rules.promote },
        );
        if (eb.environmentType === 'SingleInstance') {
          for (const x of originals) world.setState(x, 'OutOfService');
          for (const x of newIds) if (world.healthyOf(x)) world.setState(x, 'InService');
          world.event('traffic-shifted', `The environment switches over to ${world.idsOf(newIds).join(', ')}: all traffic now reaches ${to}`, {
            deploymentId: id,
            undocumented: 'singleInstanceCutover',
          });
        }
      },
      terminateOld: () =>
        fleet.terminate(world.alive(originals), `it ran ${from}, which the new instances replace`, rules.promote, () => actor.send({ type: 'TERMINATED' })),
      rollBack: (_, { cause }) => {
        if (splitting && share.value > 0) shift(0, `All client traffic moves back to ${from}`, 'eb.traffic-splitting-failure');
        world.closePhase(evaluation);
        world.closePhase(split);
        world.event('rollback-started', `${why[cause]}: Elastic Beanstalk terminates the temporary group; the original instances never changed`, {
          deploymentId: id,
          rule: cause === 'ABORT' ? 'eb.abort' : (rules.failure),
        });
        fleet.cancelInFlight('the temporary group is being terminated');
        const victims = world.alive(newIds);
        const phase = world.openPhase({ deploymentId: id, kind: 'rollback', name: EB_POLICY_FACTS[policy].rollback, targets: victims });
        fleet.terminate(victims, 'the temporary group is terminated', cause === 'ABORT' ? 'eb.abort' : rules.failure, () => {
          world.closePhase(phase);
          actor.send({ type: 'TERMINATED' });
        });
      },
      ignoreAbort: () =>
        world.event('note', 'At this stage there is nothing left to abort: the deployment carries on', { deploymentId: id, rule: 'eb.abort' }),
      end: (_, { status, rolledBack }) => {
        const onNew = countVersion(world, to);
        end(
          status,
          rolledBack,
          status === 'Succeeded'
            ? `${runVersion(onNew, 'new instance', to)}; the old ${originals.length === 1 ? 'one is' : 'ones are'} terminated`
            : `${EB_POLICY_FACTS[policy].rollback}: every instance in service runs ${from}`,
          status === 'Succeeded' ? (rules.promote) : status === 'Stopped' ? 'eb.abort' : (rules.failure),
        );
      },
  });
  const actor = machineActor(world, machine, {
    oneFirst: !splitting,
    evaluate: splitting,
    ignoreHealthCheck: !splitting && eb.IgnoreHealthCheck,
    evaluationSeconds: eb.EvaluationTime * 60,
    registrationSeconds: world.scenario.timings.registration,
  });
  return {
    actor,
    unhealthy: (x) => {
      if (isNew.has(x)) actor.send({ type: 'INSTANCE_UNHEALTHY' });
    },
  };
}
