// Drives Elastic Beanstalk blue/green (reference §1.3, CNAME swap): provides the
// blue/green machine's actions, which create the green environment, record the
// testing wait, and move clients between the environments as DNS caches expire
// (deploysim's model: EB_DNS_MODEL). DNS never fails over: clients sent to an
// environment with nothing in service get errors until the user swaps back.
import type { PhaseRef } from '../phase-columns.ts';
import { EB_DNS_MODEL } from '../../aws/eb-facts.ts';
import type { RuleId } from '../../aws/rules.ts';
import { machineActor, withActions } from '../run-machine.ts';
import { blueGreenMachine, type BlueGreenEnd } from './blue-green-machine.ts';
import { dnsTraffic } from './dns.ts';
import { ByTarget } from '../by-target.ts';
import { DEPLOYMENT_ID, type Driver, type DriverContext } from './driver.ts';
import { thousands } from '../../scenario/thousands.ts';

const BLUE = 'original';
const GREEN = 'green';

export function blueGreenDriver({ world, fleet, eb, end }: DriverContext): Driver {
  const { from, to } = world.scenario.versions;
  const id = DEPLOYMENT_ID;
  /** Percent of clients whose DNS answer points at the green environment. */
  const share = { value: 0 };
  const dns = dnsTraffic(BLUE, GREEN, share);
  world.traffic = dns.traffic;
  world.unserved = dns.unserved;
  const propagatedAfter = eb.dnsTtl * EB_DNS_MODEL.tailTtls;
  world.event(
    'deployment-started',
    `Blue/green deployment of ${to}: a second (green) environment of ${thousands(eb.instances)} instances, tested for ${thousands(eb.swapAfter)} s, then the environments' CNAMEs are swapped (DNS TTL ${eb.dnsTtl} s)`,
    { deploymentId: id, rule: 'eb.cname-swap' },
  );

  /** The green environment's instances (by index, not a hash set of a whole fleet's ids). */
  const green = new ByTarget<true>(world);
  let batch: PhaseRef | undefined;
  let testing: PhaseRef | undefined;
  let propagation: PhaseRef | undefined;
  let swapBack: PhaseRef | undefined;
  // The current DNS change moves clients from `start` percent on green towards `target`.
  let start = 0;
  let target = 100;
  const envName = (toGreen: boolean) => (toGreen ? `green environment (${to})` : `blue environment (${from})`);
  const greenServes = () => world.inServiceCount(GREEN) > 0;
  const setShare = (value: number) => {
    share.value = Math.round(value * 10) / 10;
    world.trafficChanged();
  };
  const SUMMARY: Record<BlueGreenEnd, string> = {
    swapped: `the production URL serves ${to} from the green environment; the blue environment (${from}) still runs, and can go now that DNS has propagated`,
    greenNeverHealthy: `the green environment did not become healthy, so the CNAMEs were never swapped; the blue environment (${from}) still serves every client`,
    notSwapped: `the green environment stopped serving during testing, so the CNAMEs were never swapped; the blue environment (${from}) still serves every client`,
    servingErrors: `DNS sends every client to the green environment, which has no instance in service: they get errors until the CNAMEs are swapped back`,
    aborted: `AbortEnvironmentUpdate stopped the green environment's creation; the CNAMEs were never swapped, so the blue environment (${from}) still serves every client`,
    swappedBack: `the CNAMEs were swapped back; the blue environment (${from}) serves every client again`,
  };
  const END_RULE: Partial<Record<BlueGreenEnd, RuleId>> = { swapped: 'eb.cname-swap', aborted: 'eb.abort', swappedBack: 'eb.cname-swap-back' };

  const machine = withActions(
    blueGreenMachine,
    {
      createGreen: () => {
        world.event('batch-started', `Creating the green environment with ${thousands(eb.instances)} instances running ${to}`, { deploymentId: id, rule: 'eb.cname-swap' });
        const ids = fleet.launch(eb.instances, { group: 'green-environment', pool: GREEN, label: 'The green environment', rule: 'eb.cname-swap' }, (r) => {
          world.closePhase(batch);
          actor.send(r.ok ? { type: 'GROUP_HEALTHY' } : { type: 'GROUP_FAILED' });
        });
        for (let i = 0; i < ids.length; i++) green.set(ids[i]!, true);
        batch = world.openPhase({ deploymentId: id, kind: 'batch', name: 'Green environment', targets: ids });
      },
      stopInFlight: () => {
        world.event('note', "AbortEnvironmentUpdate stops the green environment's creation where it is", { deploymentId: id, rule: 'eb.abort', undocumented: 'abortInFlight' });
        fleet.stopInFlight('stopped by AbortEnvironmentUpdate');
      },
      refuseSwap: () =>
        world.event('note', 'The green environment is still being created, so there is nothing to swap to yet', { deploymentId: id, undocumented: 'swapBeforeGreenReady' }),
      startTesting: () => {
        const deadline = world.now + eb.swapAfter;
        testing = world.openPhase({ deploymentId: id, kind: 'wait', name: 'Testing', deadline });
        world.event('wait-started', `The green environment is healthy; the user tests it at its own URL and swaps the CNAMEs after ${eb.swapAfter} s`, { deploymentId: id, end: deadline });
      },
      endTesting: () => world.closePhase(testing),
      skipSwap: () =>
        world.event('note', 'Testing shows that the green environment has no instance in service, so the user does not swap the CNAMEs', {
          deploymentId: id,
          undocumented: 'untestedSwapSkipped',
        }),
      swap: (_, { back }) => {
        start = share.value;
        target = back ? 0 : 100;
        if (back) {
          world.event('rollback-started', `The user swaps the CNAMEs back (a second SwapEnvironmentCNAMEs): clients return to the ${envName(false)} as their DNS caches expire`, {
            deploymentId: id,
            rule: 'eb.cname-swap-back',
          });
          swapBack = world.openPhase({ deploymentId: id, kind: 'rollback', name: 'Swap URL back' });
        } else {
          world.closePhase(swapBack);
          const dead = greenServes() ? '' : '; the green environment has no instance in service, so clients that follow get errors';
          world.event('cname-swapped', `SwapEnvironmentCNAMEs: the production URL now points at the ${envName(true)}; clients follow as their cached DNS records expire${dead}`, {
            deploymentId: id,
            rule: 'eb.cname-swap',
            undocumented: 'dnsPropagation',
          });
        }
        const until = world.now + propagatedAfter;
        propagation = world.openPhase({ deploymentId: id, kind: 'traffic-shift', name: 'DNS propagation', deadline: until });
        world.event('wait-started', `Waiting for DNS to propagate: most clients move within the TTL (${eb.dnsTtl} s), the last ones up to ${propagatedAfter} s after the swap`, {
          deploymentId: id,
          rule: 'eb.cname-swap',
          end: until,
        });
      },
      moveClients: (_, { step }) => {
        setShare(start + ((target - start) * EB_DNS_MODEL.withinTtlPercent * step) / (100 * EB_DNS_MODEL.steps));
        if (step < EB_DNS_MODEL.steps) return;
        const toGreen = target === 100;
        world.event(
          'traffic-shifted',
          `The TTL has passed: ${toGreen ? share.value : 100 - share.value}% of clients reach the ${envName(toGreen)}; resolvers that keep old records past the TTL still send the rest to the ${envName(!toGreen)}`,
          { deploymentId: id, rule: 'eb.cname-swap', undocumented: 'dnsTail' },
        );
      },
      finishDns: () => {
        setShare(target);
        world.event('traffic-shifted', `DNS has propagated: all clients reach the ${envName(target === 100)}`, { deploymentId: id, rule: 'eb.cname-swap' });
      },
      endDnsPropagation: () => world.closePhase(propagation),
      announceOutage: () =>
        world.event(
          'note',
          `The green environment has no instance in service, and DNS does not fail over: the ${share.value}% of clients it points at get errors until their DNS answer changes (swap the CNAMEs back)`,
          { deploymentId: id, rule: 'eb.cname-swap' },
        ),
      ignoreAbort: () =>
        world.event('note', 'AbortEnvironmentUpdate cancels an environment update in progress, and there is none; it never swaps CNAMEs, so nothing changes (swapping back is the rollback)', {
          deploymentId: id,
          rule: 'eb.abort',
        }),
      end: (_, { status, rolledBack, how }) => end(status, rolledBack, SUMMARY[how], END_RULE[how]),
    },
    { greenServes },
  );
  const actor = machineActor(world, machine, {
    swapAfterSeconds: eb.swapAfter,
    dnsTtlSeconds: eb.dnsTtl,
    dnsSteps: EB_DNS_MODEL.steps,
    dnsTailTtls: EB_DNS_MODEL.tailTtls,
  });
  return {
    actor,
    outOfService: (x) => {
      if (green.has(x) && !greenServes()) actor.send({ type: 'GREEN_DOWN' });
    },
  };
}
