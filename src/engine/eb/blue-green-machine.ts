// The orchestrator of Elastic Beanstalk blue/green (reference §1.3, [EB]
// using-features.CNAMESwap): a second (green) environment runs the new version;
// after testing, the user swaps the environments' CNAMEs and clients move over as
// their DNS caches expire, some only well after the TTL. Rollback is a second swap
// (swapping back); AbortEnvironmentUpdate never swaps CNAMEs. Every wait (testing,
// each step of DNS propagation, its tail) is a state with its own timer.
import { setup } from 'xstate';
import type { DeploymentStatus } from '../../trace/types.ts';
import { ms } from '../clock.ts';

export interface BlueGreenInput {
  /** Seconds the user tests the green environment before the planned swap. */
  swapAfterSeconds: number;
  dnsTtlSeconds: number;
  /** Clients move in this many steps within one TTL (EB_DNS_MODEL). */
  dnsSteps: number;
  /** DNS propagation ends this many TTLs after a swap: the tail of resolvers that keep old records (EB_DNS_MODEL). */
  dnsTailTtls: number;
}

export type BlueGreenEvent =
  | { type: 'GROUP_HEALTHY' }
  | { type: 'GROUP_FAILED' }
  /** The user calls SwapEnvironmentCNAMEs. */
  | { type: 'SWAP' }
  /** The green environment has no instance in service any more. */
  | { type: 'GREEN_DOWN' }
  | { type: 'ABORT' };

/** How a blue/green deployment ended, for the narration. */
export type BlueGreenEnd = 'swapped' | 'greenNeverHealthy' | 'notSwapped' | 'servingErrors' | 'aborted' | 'swappedBack';

type Ctx = BlueGreenInput & { dnsStep: number };

const blueGreen = setup({
  types: { context: {} as Ctx, input: {} as BlueGreenInput, events: {} as BlueGreenEvent },
  actions: {
    createGreen: () => {},
    stopInFlight: () => {},
    refuseSwap: () => {},
    startTesting: () => {},
    endTesting: () => {},
    skipSwap: () => {},
    swap: (_, _params: { back: boolean }) => {},
    moveClients: (_, _params: { step: number }) => {},
    finishDns: () => {},
    endDnsPropagation: () => {},
    announceOutage: () => {},
    ignoreAbort: () => {},
    end: (_, _params: { status: DeploymentStatus; rolledBack: boolean; how: BlueGreenEnd }) => {},
  },
  guards: {
    greenServes: () => true,
    moreDnsSteps: ({ context }) => context.dnsStep + 1 < context.dnsSteps,
  },
  delays: {
    swapAfter: ({ context }) => ms(context.swapAfterSeconds),
    dnsStep: ({ context }) => ms(context.dnsTtlSeconds / context.dnsSteps),
    dnsPropagated: ({ context }) => ms(context.dnsTtlSeconds * context.dnsTailTtls),
  },
});

/** DNS propagation after a swap (`back`: the swap back), ending in `done`; another swap goes to `swapTo`. */
function propagation(back: boolean, done: readonly { guard?: 'greenServes'; target: string }[], swapTo: string) {
  const nextStep = { type: 'moveClients', params: ({ context }: { context: Ctx }) => ({ step: context.dnsStep + 1 }) } as const;
  return blueGreen.createStateConfig({
    entry: [blueGreen.assign({ dnsStep: 0 }), { type: 'swap', params: { back } }],
    exit: 'endDnsPropagation',
    initial: 'clientsMoving',
    after: { dnsPropagated: done.map((d) => ({ ...d, actions: 'finishDns' as const })) },
    states: {
      clientsMoving: {
        description: 'Cached DNS records expire at different moments within the TTL: clients move step by step.',
        after: {
          dnsStep: [
            { guard: 'moreDnsSteps', target: 'clientsMoving', reenter: true, actions: [nextStep, blueGreen.assign({ dnsStep: ({ context }) => context.dnsStep + 1 })] },
            { target: 'pastTtl', actions: nextStep },
          ],
        },
      },
      pastTtl: { description: 'The TTL has passed, but some resolvers keep the old record for longer.' },
    },
    on: { SWAP: swapTo, GREEN_DOWN: { actions: 'announceOutage' }, ABORT: { actions: 'ignoreAbort' } },
  });
}

export const blueGreenMachine = blueGreen.createMachine({
  id: 'ebBlueGreen',
  description:
    'Elastic Beanstalk blue/green: a green environment runs the new version; after testing, the user swaps the CNAMEs and clients follow as DNS caches expire. Swapping back is the rollback; AbortEnvironmentUpdate never swaps.',
  context: ({ input }) => ({ ...input, dnsStep: 0 }),
  initial: 'creatingGreen',
  states: {
    creatingGreen: {
      description: 'The green environment is created with the new version, until every instance is healthy.',
      entry: 'createGreen',
      on: {
        GROUP_HEALTHY: 'testing',
        GROUP_FAILED: 'failed',
        ABORT: { target: 'stopped', actions: 'stopInFlight' },
        SWAP: { actions: 'refuseSwap' },
      },
    },
    testing: {
      description: 'The user tests the green environment at its own URL, then swaps (or swaps early).',
      entry: 'startTesting',
      exit: 'endTesting',
      after: { swapAfter: [{ guard: 'greenServes', target: 'swapping' }, { target: 'notSwapped', actions: 'skipSwap' }] },
      on: { SWAP: 'swapping', ABORT: { actions: 'ignoreAbort' } },
    },
    swapping: {
      description: 'SwapEnvironmentCNAMEs: the production URL points at the green environment; DNS propagation moves the clients.',
      ...propagation(false, [{ guard: 'greenServes', target: 'succeeded' }, { target: 'servingErrors' }], 'swappingBack'),
    },
    swappingBack: {
      description: 'The rollback: a second SwapEnvironmentCNAMEs; clients return to the blue environment as their caches expire.',
      ...propagation(true, [{ target: 'rolledBack' }], 'swapping'),
    },
    succeeded: { type: 'final', entry: { type: 'end', params: { status: 'Succeeded', rolledBack: false, how: 'swapped' } } },
    failed: { type: 'final', entry: { type: 'end', params: { status: 'Failed', rolledBack: false, how: 'greenNeverHealthy' } } },
    notSwapped: { type: 'final', entry: { type: 'end', params: { status: 'Failed', rolledBack: false, how: 'notSwapped' } } },
    servingErrors: { type: 'final', entry: { type: 'end', params: { status: 'Failed', rolledBack: false, how: 'servingErrors' } } },
    stopped: { type: 'final', entry: { type: 'end', params: { status: 'Stopped', rolledBack: false, how: 'aborted' } } },
    rolledBack: { type: 'final', entry: { type: 'end', params: { status: 'Stopped', rolledBack: true, how: 'swappedBack' } } },
  },
});
