// The orchestrator of the batch-based Elastic Beanstalk policies: AllAtOnce (one
// batch of every instance), Rolling, and RollingWithAdditionalBatch (whose first
// batch is the extra batch it launches). The machine decides; the engine provides
// the actions that act on the world, and sends the results back as events.
import { assign, setup } from 'xstate';
import type { DeploymentStatus } from '../../trace/types.ts';

export interface RollingInput {
  batchCount: number;
  additionalBatch: boolean;
  ignoreHealthCheck: boolean;
}

export type RollingEvent =
  | { type: 'BATCH_SUCCEEDED' }
  /** `healthOnly`: every failure in the batch was a health check timing out (IgnoreHealthCheck may pass over it). */
  | { type: 'BATCH_FAILED'; healthOnly: boolean }
  | { type: 'TERMINATED' }
  | { type: 'ABORT' };

export const rollingMachine = setup({
  types: {
    context: {} as RollingInput & { batch: number },
    input: {} as RollingInput,
    events: {} as RollingEvent,
  },
  actions: {
    deployBatch: (_, _params: { batch: number }) => {},
    announceIgnoredHealth: (_, _params: { batch: number }) => {},
    terminateAdditionalBatch: () => {},
    stopInFlight: () => {},
    end: (_, _params: { status: DeploymentStatus }) => {},
  },
  guards: {
    hasMoreBatches: ({ context }) => context.batch + 1 < context.batchCount,
    hasAdditionalBatch: ({ context }) => context.additionalBatch,
    ignoresHealthFailure: ({ context, event }) =>
      context.ignoreHealthCheck && event.type === 'BATCH_FAILED' && event.healthOnly,
  },
}).createMachine({
  id: 'ebRolling',
  context: ({ input }) => ({ ...input, batch: 0 }),
  initial: 'deployingBatch',
  states: {
    deployingBatch: {
      entry: { type: 'deployBatch', params: ({ context }) => ({ batch: context.batch }) },
      on: {
        BATCH_SUCCEEDED: { target: 'batchDone' },
        BATCH_FAILED: [
          {
            guard: 'ignoresHealthFailure',
            target: 'batchDone',
            actions: { type: 'announceIgnoredHealth', params: ({ context }) => ({ batch: context.batch }) },
          },
          { target: 'failed' },
        ],
        ABORT: { target: 'stopped', actions: 'stopInFlight' },
      },
    },
    batchDone: {
      always: [
        { guard: 'hasMoreBatches', target: 'deployingBatch', actions: assign({ batch: ({ context }) => context.batch + 1 }) },
        { guard: 'hasAdditionalBatch', target: 'terminatingAdditionalBatch' },
        { target: 'succeeded' },
      ],
    },
    terminatingAdditionalBatch: {
      entry: 'terminateAdditionalBatch',
      on: { TERMINATED: 'succeeded' },
    },
    succeeded: { type: 'final', entry: { type: 'end', params: { status: 'Succeeded' } } },
    failed: { type: 'final', entry: { type: 'end', params: { status: 'Failed' } } },
    stopped: { type: 'final', entry: { type: 'end', params: { status: 'Stopped' } } },
  },
});
