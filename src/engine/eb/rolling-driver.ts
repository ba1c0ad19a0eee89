// Drives the batch-based policies (AllAtOnce, Rolling, RollingWithAdditionalBatch;
// reference §1.3): provides the rolling machine's actions, which act on the fleet,
// record each batch as a phase, and report each batch's result back to the machine.
import type { TargetIndex } from '../target-store.ts';
import type { PhaseRef } from '../phase-columns.ts';
import { EB_POLICY_FACTS, ebBatchSize } from '../../aws/eb-facts.ts';
import type { RuleId } from '../../aws/rules.ts';
import { machineActor, withActions } from '../run-machine.ts';
import { listTargets, plural } from '../narration.ts';
import type { GroupResult } from './fleet.ts';
import { rollingMachine } from './rolling-machine.ts';
import { countVersion, DEPLOYMENT_ID, runVersion, type Driver, type DriverContext } from './driver.ts';
import { thousands } from '../../scenario/thousands.ts';

export function rollingDriver({ world, fleet, eb, originals, end }: DriverContext): Driver {
  const policy = eb.DeploymentPolicy;
  const allAtOnce = policy === 'AllAtOnce';
  const size = allAtOnce ? originals.length : ebBatchSize(eb);
  const additional = policy === 'RollingWithAdditionalBatch';
  const batches: TargetIndex[][] = [];
  for (let i = 0; i < originals.length; i += size) batches.push(originals.slice(i, i + size));
  const { from, to } = world.scenario.versions;
  const id = DEPLOYMENT_ID;
  const policyRule: RuleId = allAtOnce ? 'eb.all-at-once' : 'eb.rolling-batch';
  const failureRule: RuleId = allAtOnce ? 'eb.all-at-once' : 'eb.rolling-failure';
  const rounded = !allAtOnce && eb.BatchSizeType === 'Percentage' && (eb.instances * eb.BatchSize) % 100 !== 0;
  world.event(
    'deployment-started',
    allAtOnce
      ? `AllAtOnce deployment of ${to} to all ${thousands(originals.length)} instances at once`
      : `${policy} deployment of ${to} to ${thousands(originals.length)} instances in batches of ${thousands(size)}` +
          (eb.BatchSizeType === 'Percentage' ? ` (${eb.BatchSize}% of ${thousands(eb.instances)})` : '') +
          (additional ? `, after launching an additional batch of ${thousands(size)} so capacity never drops` : ''),
    { deploymentId: id, rule: additional ? 'eb.additional-batch-launch' : policyRule, ...(rounded ? { undocumented: 'percentageRounding' as const } : {}) },
  );

  /** -1 is the additional batch. */
  const label = (b: number) => (b < 0 ? 'The additional batch' : `Batch ${thousands(b + 1)} of ${thousands(batches.length)}`);
  let extra: TargetIndex[] = [];
  let phase: PhaseRef | undefined;
  const report = (b: number) => (r: GroupResult) => {
    world.closePhase(phase);
    const verdict = r.ok ? 'is healthy' : r.interrupted ? 'was interrupted' : `failed on ${listTargets(r.failed, world)}`;
    world.event('batch-ended', `${label(b)} ${verdict}`, { deploymentId: id, rule: r.ok || r.interrupted ? policyRule : failureRule });
    actor.send(r.ok ? { type: 'BATCH_SUCCEEDED' } : { type: 'BATCH_FAILED', healthOnly: r.healthOnly });
  };

  const machine = withActions(rollingMachine, {
      launchAdditionalBatch: () => {
        world.event('batch-started', `The additional batch: launching ${plural(size, 'new instance')} with ${to} before any original instance is touched`, {
          deploymentId: id,
          rule: 'eb.additional-batch-launch',
        });
        extra = fleet.launch(size, { group: 'additional-batch', pool: 'original', label: label(-1), rule: 'eb.additional-batch-launch' }, report(-1));
        phase = world.openPhase({ deploymentId: id, kind: 'batch', name: 'Additional batch', targets: extra });
      },
      deployBatch: (_, { batch }) => {
        const ids = batches[batch]!;
        world.event('batch-started', `${label(batch)}: ${listTargets(ids, world)}`, { deploymentId: id, rule: policyRule });
        phase = world.openPhase({ deploymentId: id, kind: 'batch', name: label(batch), targets: ids });
        fleet.deploy(ids, { launch: false, detach: !allAtOnce }, label(batch), report(batch));
      },
      announceIgnoredHealth: (_, { batch }) =>
        world.event('note', `IgnoreHealthCheck is true, so ${batch < 0 ? 'the additional batch' : label(batch)} not becoming healthy does not cancel the deployment: it moves on`, {
          deploymentId: id,
          rule: 'eb.ignore-health-check',
        }),
      terminateAdditionalBatch: () => {
        const victims = world.alive(extra);
        world.event(
          'note',
          victims.length > 0
            ? `The deployment is complete, so Elastic Beanstalk terminates the additional batch it launched: ${listTargets(victims, world)}`
            : 'The deployment is complete; the additional batch it launched is already gone',
          { deploymentId: id, rule: 'eb.additional-batch-terminate' },
        );
        fleet.terminate(victims, 'the additional batch is no longer needed', 'eb.additional-batch-terminate', () => actor.send({ type: 'TERMINATED' }));
      },
      stopInFlight: () => {
        world.event('note', 'AbortEnvironmentUpdate: the deployment stops where it is; instances mid-deployment stop too', {
          deploymentId: id,
          rule: 'eb.abort',
          undocumented: 'abortInFlight',
        });
        fleet.stopInFlight('stopped by AbortEnvironmentUpdate');
      },
      ignoreAbort: () =>
        world.event('note', 'At this stage there is nothing left to abort: the deployment carries on', { deploymentId: id, rule: 'eb.abort' }),
      end: ({ context }, { status, additionalBatchFailed }) => {
        const onNew = countVersion(world, to);
        if (additionalBatchFailed) {
          world.event('note', 'The additional batch failed; the original instances never changed', { deploymentId: id, undocumented: 'additionalBatchOnFailure' });
        }
        const failedBatch = additionalBatchFailed ? label(-1) : label(context.batch);
        const summary =
          status === 'Succeeded'
            ? runVersion(onNew, 'instance', to)
            : status === 'Stopped'
              ? `aborted; ${runVersion(onNew, 'instance', to)}, the rest keep ${from}`
              : `${failedBatch} failed. What a failure costs with ${policy}, per AWS: ${EB_POLICY_FACTS[policy].failureImpact.toLowerCase()}. There is no automatic rollback: the fix is a ${EB_POLICY_FACTS[policy].rollback.toLowerCase()} of a good version`;
        end(status, false, summary, status === 'Succeeded' ? policyRule : status === 'Stopped' ? 'eb.abort' : failureRule);
      },
  });
  const actor = machineActor(world, machine, { batchCount: batches.length, additionalBatch: additional, ignoreHealthCheck: eb.IgnoreHealthCheck });
  return { actor };
}
