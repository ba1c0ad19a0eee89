// Simulates one Elastic Beanstalk application deployment: sets up the running
// fleet, picks the orchestrator machine for the policy, provides the actions that
// act on the world, schedules the timed faults, and runs simulated time to the end.
import type { AnyActorRef } from 'xstate';
import { machineActor } from '../run-machine.ts';
import { EB_POLICY_FACTS, ebBatchSize } from '../../aws/eb-facts.ts';
import type { ElasticBeanstalkSettings } from '../../scenario/types.ts';
import type { DeploymentStatus, Outcome } from '../../trace/types.ts';
import type { World } from '../world.ts';
import { weightedPools } from '../traffic.ts';
import { Fleet, type GroupResult } from './fleet.ts';
import { rollingMachine } from './rolling-machine.ts';
import { newGroupMachine } from './new-group-machine.ts';
import { blueGreenMachine } from './blue-green-machine.ts';
import { scheduleHealthFaults } from './health-faults.ts';
import { listIds, plural } from '../narration.ts';

const DEPLOYMENT_ID = 'd-1';

export function simulateElasticBeanstalk(world: World): Outcome {
  const eb = world.scenario.elasticBeanstalk!;
  const fleet = new Fleet(world, eb, DEPLOYMENT_ID);
  const originals = fleet.addOriginals();
  const { to } = world.scenario.versions;
  world.startDeployment(DEPLOYMENT_ID, 'user', to);
  let outcome: Outcome = 'Succeeded';

  const end = (status: DeploymentStatus, rolledBack: boolean, summary: string): void => {
    world.endDeployment(DEPLOYMENT_ID, status);
    outcome = status === 'Succeeded' ? 'Succeeded' : rolledBack ? 'RolledBack' : status === 'Failed' ? 'Failed' : 'Stopped';
    world.event('deployment-ended', `Deployment ${status}: ${summary}`, { deploymentId: DEPLOYMENT_ID });
  };

  const policy = eb.DeploymentPolicy;
  let actor: AnyActorRef;
  let onUnhealthy: (id: string) => void = () => {};
  if (policy === 'AllAtOnce' || policy === 'Rolling' || policy === 'RollingWithAdditionalBatch') {
    actor = rollingActor(world, fleet, eb, originals, end);
  } else if (policy === 'Immutable' || policy === 'TrafficSplitting') {
    const run = newGroupActor(world, fleet, eb, originals, end);
    actor = run.actor;
    onUnhealthy = run.onUnhealthy;
  } else {
    actor = blueGreenActor(world, fleet, eb, end);
  }

  for (const f of world.faults('AbortDeployment')) {
    world.agenda.at(f.at, () => {
      if (actor.getSnapshot().status !== 'active') {
        world.event('fault-injected', `AbortEnvironmentUpdate at ${f.at} s: the deployment had already ended, so there is nothing to abort`);
        return;
      }
      world.event('fault-injected', 'The user calls AbortEnvironmentUpdate', { deploymentId: DEPLOYMENT_ID });
      const before = JSON.stringify(actor.getSnapshot().value);
      actor.send({ type: 'ABORT' });
      if (JSON.stringify(actor.getSnapshot().value) === before) {
        world.event('note', 'At this stage there is nothing left to abort: the deployment carries on', { deploymentId: DEPLOYMENT_ID });
      }
    });
  }
  for (const f of world.faults('InstanceTerminated')) {
    world.agenda.at(f.at, () => {
      const t = world.targets.get(f.target);
      if (!t || t.state === 'Terminated') {
        world.event('fault-injected', `${f.target} was to be terminated at ${f.at} s, but ${t ? 'it is already terminated' : 'it does not exist yet'}`);
        return;
      }
      world.event('fault-injected', `${f.target} is terminated unexpectedly (for example by a failed EC2 host)`, { target: f.target });
      fleet.active.get(f.target)?.cancel('the instance was terminated');
      fleet.markTerminated(f.target, `${f.target} is gone`, 'terminatedNotReplaced');
      onUnhealthy(f.target);
    });
  }
  announceStandingFaults(world);
  scheduleHealthFaults(world, fleet, onUnhealthy);

  actor.start();
  world.run();
  return outcome;
}

type End = (status: DeploymentStatus, rolledBack: boolean, summary: string) => void;

function rollingActor(world: World, fleet: Fleet, eb: ElasticBeanstalkSettings, originals: string[], end: End): AnyActorRef {
  const policy = eb.DeploymentPolicy;
  const size = policy === 'AllAtOnce' ? originals.length : ebBatchSize(eb);
  const additional = policy === 'RollingWithAdditionalBatch';
  const batches: string[][] = [];
  for (let i = 0; i < originals.length; i += size) batches.push(originals.slice(i, i + size));
  const batchCount = batches.length + (additional ? 1 : 0);
  const { to } = world.scenario.versions;
  const id = DEPLOYMENT_ID;
  const rounded = policy !== 'AllAtOnce' && eb.BatchSizeType === 'Percentage' && (eb.instances * eb.BatchSize) % 100 !== 0;
  world.event(
    'deployment-started',
    policy === 'AllAtOnce'
      ? `AllAtOnce deployment of ${to} to all ${originals.length} instances at once`
      : `${policy} deployment of ${to} to ${originals.length} instances in batches of ${size}` +
          (eb.BatchSizeType === 'Percentage' ? ` (${eb.BatchSize}% of ${eb.instances})` : '') +
          (additional ? `, after launching an additional batch of ${size} so capacity never drops` : ''),
    { deploymentId: id, ...(rounded ? { undocumented: 'percentageRounding' as const } : {}) },
  );
  let extra: string[] = [];
  const label = (b: number) => `Batch ${b + 1} of ${batchCount}`;
  const report = (b: number) => (r: GroupResult) => {
    const verdict = r.ok ? 'is healthy' : r.interrupted ? 'was interrupted' : `failed on ${listIds(r.failed)}`;
    world.event('batch-ended', `${label(b)} ${verdict}`, { deploymentId: id });
    actor.send(r.ok ? { type: 'BATCH_SUCCEEDED' } : { type: 'BATCH_FAILED', healthOnly: r.healthOnly });
  };
  const machine = rollingMachine.provide({
    actions: {
      deployBatch: (_, { batch }) => {
        if (additional && batch === 0) {
          world.event('batch-started', `${label(0)}: launching an additional batch of ${size} new instances with ${to}`, { deploymentId: id });
          extra = fleet.launch(size, 'additional-batch', 'original', report(0));
          return;
        }
        const ids = batches[additional ? batch - 1 : batch]!;
        world.event('batch-started', `${label(batch)}: ${listIds(ids)}`, { deploymentId: id });
        fleet.deploy(ids, { launch: false, detach: policy !== 'AllAtOnce' }, report(batch));
      },
      announceIgnoredHealth: (_, { batch }) =>
        world.event('note', `IgnoreHealthCheck is true, so ${label(batch)} not becoming healthy does not cancel the deployment: it moves on`, { deploymentId: id }),
      terminateAdditionalBatch: () => {
        const live = [...originals, ...extra].filter((x) => world.target(x).state !== 'Terminated');
        const victims = live.slice(0, extra.length);
        world.event('note', `The deployment is complete, so Elastic Beanstalk terminates an extra batch of ${victims.length}: ${victims.join(', ')}`, {
          deploymentId: id,
          undocumented: 'additionalBatchTermination',
        });
        fleet.terminate(victims, 'the additional batch is no longer needed', () => actor.send({ type: 'TERMINATED' }));
      },
      stopInFlight: () => {
        world.event('note', 'Instances mid-deployment stop where they are', { deploymentId: id, undocumented: 'abortInFlight' });
        fleet.stopInFlight('stopped by AbortEnvironmentUpdate');
      },
      end: ({ context }, { status }) => {
        const onNew = countVersion(world, to);
        const summary =
          status === 'Succeeded'
            ? `${plural(onNew, 'instance')} run${onNew === 1 ? 's' : ''} ${to}`
            : status === 'Stopped'
              ? `aborted; ${plural(onNew, 'instance')} run${onNew === 1 ? 's' : ''} ${to}, the rest keep ${world.scenario.versions.from}`
              : `${label(context.batch)} failed. What a failure costs with ${policy}, per AWS: ${EB_POLICY_FACTS[policy].failureImpact.toLowerCase()}. There is no automatic rollback: the fix is a ${EB_POLICY_FACTS[policy].rollback.toLowerCase()} of a good version`;
        if (status === 'Failed' && additional && context.batch === 0) {
          world.event('note', 'The additional batch failed; the original instances never changed', { deploymentId: id, undocumented: 'additionalBatchOnFailure' });
        }
        end(status, false, summary);
      },
    },
  });
  const actor = machineActor(world, machine, { batchCount, additionalBatch: additional, ignoreHealthCheck: eb.IgnoreHealthCheck });
  return actor;
}

function newGroupActor(
  world: World,
  fleet: Fleet,
  eb: ElasticBeanstalkSettings,
  originals: string[],
  end: End,
): { actor: AnyActorRef; onUnhealthy: (id: string) => void } {
  const policy = eb.DeploymentPolicy;
  const splitting = policy === 'TrafficSplitting';
  const { from, to } = world.scenario.versions;
  const id = DEPLOYMENT_ID;
  const newIds: string[] = [];
  let evaluating = false;
  const share = { value: 0 };
  if (splitting) world.traffic = weightedPools('original', 'temporary', share);
  world.event(
    'deployment-started',
    splitting
      ? `TrafficSplitting deployment of ${to}: ${originals.length} new instances in a temporary group, then ${eb.NewVersionPercent}% of client traffic for ${eb.EvaluationTime} minutes`
      : `Immutable deployment of ${to}: one new instance in a temporary Auto Scaling group first` +
          (originals.length > 1 ? `, then ${plural(originals.length - 1, 'more instance')} once it is healthy` : ', replacing the old one once it is healthy'),
    { deploymentId: id },
  );
  const shift = (percent: number, message: string) => {
    share.value = percent;
    world.trafficChanged();
    world.event('traffic-shifted', message, { deploymentId: id });
  };
  const groupDone = (r: GroupResult) => actor.send(r.ok ? { type: 'GROUP_HEALTHY' } : { type: 'GROUP_FAILED' });
  const machine = newGroupMachine.provide({
    actions: {
      launchFirst: () => {
        const beside = eb.environmentType === 'SingleInstance' ? '' : '; it serves beside the old ones once healthy';
        world.event('batch-started', `Launching one instance with ${to} in the temporary group${beside}`, { deploymentId: id });
        newIds.push(...fleet.launch(1, 'temporary', 'temporary', groupDone));
      },
      launchRest: () => {
        const count = originals.length - newIds.length;
        if (count > 0) world.event('batch-started', `Launching ${plural(count, 'instance')} with ${to} in the temporary group`, { deploymentId: id });
        newIds.push(...fleet.launch(count, 'temporary', 'temporary', groupDone));
      },
      startEvaluation: () => {
        evaluating = true;
        shift(eb.NewVersionPercent, `${eb.NewVersionPercent}% of client traffic goes to ${to}; Elastic Beanstalk watches the new instances' health for ${eb.EvaluationTime} minutes`);
        world.agenda.after(eb.EvaluationTime * 60, () => {
          if (!evaluating) return;
          evaluating = false;
          actor.send({ type: 'EVALUATION_PASSED' });
        });
      },
      promote: () => {
        evaluating = false;
        if (splitting) shift(100, `The new instances stayed healthy: all client traffic goes to ${to}`);
        // Attaching the new instances to the original group takes one registration; until
        // the old instances leave, capacity is doubled (reference §1.3).
        world.event('note', `Every new instance is healthy: Elastic Beanstalk attaches them to the original Auto Scaling group, then terminates the temporary group and the old instances`, { deploymentId: id });
        if (eb.environmentType === 'SingleInstance') {
          for (const x of originals) world.setState(x, 'OutOfService');
          for (const x of newIds) world.setState(x, 'InService');
          world.event('traffic-shifted', `The environment switches over to ${newIds.join(', ')}: all traffic now reaches ${to}`, {
            deploymentId: id,
            undocumented: 'singleInstanceCutover',
          });
        }
        world.agenda.after(world.scenario.timings.registration, () =>
          fleet.terminate(
            originals.filter((x) => world.target(x).state !== 'Terminated'),
            `it ran ${from}, which the new instances replace`,
            () => actor.send({ type: 'TERMINATED' }),
          ),
        );
      },
      rollBack: (_, { aborted }) => {
        if (splitting && share.value > 0) shift(0, `All client traffic moves back to ${from}`);
        world.event(
          'rollback-started',
          `${aborted ? 'The update was aborted' : evaluating ? 'The new instances turned unhealthy during the evaluation' : 'The new instances did not become healthy'}: Elastic Beanstalk terminates the temporary group; the original instances never changed`,
          { deploymentId: id },
        );
        evaluating = false;
        fleet.cancelInFlight('the temporary group is being terminated');
        fleet.terminate(
          newIds.filter((x) => world.target(x).state !== 'Terminated'),
          'the temporary group is terminated',
          () => actor.send({ type: 'TERMINATED' }),
        );
      },
      end: (_, { status, rolledBack }) =>
        end(
          status,
          rolledBack,
          status === 'Succeeded'
            ? `${plural(countVersion(world, to), 'new instance')} run${countVersion(world, to) === 1 ? 's' : ''} ${to}; the old ${originals.length === 1 ? 'one is' : 'ones are'} terminated`
            : `${EB_POLICY_FACTS[policy].rollback}: every instance in service runs ${from}`,
        ),
    },
  });
  const actor = machineActor(world, machine, { oneFirst: !splitting, evaluate: splitting });
  return {
    actor,
    onUnhealthy: (x) => {
      if (evaluating && newIds.includes(x)) actor.send({ type: 'GROUP_FAILED' });
    },
  };
}

function blueGreenActor(world: World, fleet: Fleet, eb: ElasticBeanstalkSettings, end: End): AnyActorRef {
  const { from, to } = world.scenario.versions;
  const id = DEPLOYMENT_ID;
  const share = { value: 0 };
  world.traffic = weightedPools('original', 'green', share);
  world.event(
    'deployment-started',
    `Blue/green deployment of ${to}: a second (green) environment of ${eb.instances} instances, tested for ${eb.swapAfter} s, then the environments' CNAMEs are swapped (DNS TTL ${eb.dnsTtl} s)`,
    { deploymentId: id },
  );
  let swaps = 0;
  const machine = blueGreenMachine.provide({
    actions: {
      createGreen: () => {
        world.event('batch-started', `Creating the green environment with ${eb.instances} instances running ${to}`, { deploymentId: id });
        fleet.launch(eb.instances, 'green-environment', 'green', (r) => actor.send(r.ok ? { type: 'GROUP_HEALTHY' } : { type: 'GROUP_FAILED' }));
      },
      startTesting: () => {
        world.event('wait-started', `The green environment is healthy; the user tests it at its own URL for ${eb.swapAfter} s before swapping`, { deploymentId: id });
        world.agenda.after(eb.swapAfter, () => actor.send({ type: 'WAIT_DONE' }));
      },
      swap: (_, { back }) => {
        const mine = ++swaps;
        const target = back ? 0 : 100;
        world.event(
          back ? 'rollback-started' : 'cname-swapped',
          back
            ? `The user swaps the CNAMEs back: clients return to the blue environment (${from}) as their DNS caches expire`
            : `SwapEnvironmentCNAMEs: the production URL now points at the green environment (${to}); clients follow as their cached DNS records expire within ${eb.dnsTtl} s`,
          { deploymentId: id, undocumented: 'dnsPropagation' },
        );
        const start = share.value;
        const steps = eb.dnsTtl === 0 ? 1 : 10;
        for (let k = 1; k <= steps; k++) {
          world.agenda.after((eb.dnsTtl * k) / steps, () => {
            if (mine !== swaps) return;
            share.value = Math.round((start + ((target - start) * k) / steps) * 10) / 10;
            world.trafficChanged();
            if (k === steps) {
              world.event('traffic-shifted', `DNS has propagated: all clients reach the ${back ? 'blue' : 'green'} environment`, { deploymentId: id });
              actor.send({ type: 'DNS_DONE' });
            }
          });
        }
      },
      stopInFlight: () => fleet.stopInFlight('stopped by AbortEnvironmentUpdate'),
      end: (_, { status, rolledBack }) =>
        end(
          status,
          rolledBack,
          status === 'Succeeded'
            ? `the production URL serves ${to} from the green environment; keep the blue environment until DNS has propagated everywhere`
            : rolledBack
              ? `the CNAMEs were swapped back; the blue environment (${from}) serves every client`
              : status === 'Failed'
                ? `the green environment did not become healthy, so the CNAMEs were never swapped; the blue environment (${from}) still serves every client`
                : `stopped before the swap; the blue environment (${from}) still serves every client`,
        ),
    },
  });
  const actor = machineActor(world, machine);
  return actor;
}

/** Says, when each takes effect, which standing faults the scenario injects (the timed ones narrate themselves). */
function announceStandingFaults(world: World): void {
  const { to } = world.scenario.versions;
  for (const f of world.scenario.faults) {
    const at = f.at ?? 0;
    let message: string | undefined;
    if (f.type === 'UnhealthyInstance') message = `Fault: from now on ${f.target} fails its health checks whenever it runs ${to}`;
    else if (f.type === 'BadVersion') message = `Fault: ${to} is a bad version; every instance running it fails its health checks from now on`;
    else if (f.type === 'HookFailure') message = `Fault: the ${f.event} step will fail on ${f.target ?? 'every instance'}`;
    if (message) world.agenda.at(at, () => world.event('fault-injected', message, f.type === 'UnhealthyInstance' ? { target: f.target } : {}));
  }
}

function countVersion(world: World, version: string): number {
  let n = 0;
  for (const t of world.targets.values()) if (t.state !== 'Terminated' && t.version === version) n++;
  return n;
}
