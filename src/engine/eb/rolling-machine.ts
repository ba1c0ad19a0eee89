// The orchestrator of the batch-based Elastic Beanstalk policies (reference §1.3):
// AllAtOnce (one batch of every instance), Rolling, and RollingWithAdditionalBatch
// (which launches the additional batch first and terminates it at the end). The
// machine decides; the driver (rolling-driver.ts) provides the actions that act on
// the world and sends the results back as events.
import { assign, setup } from 'xstate';
import type { DeploymentStatus } from '../../trace/types.ts';

export interface RollingInput {
  /** Batches of original instances. */
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
    launchAdditionalBatch: () => {},
    deployBatch: (_, _params: { batch: number }) => {},
    /** `batch` is -1 for the additional batch. */
    announceIgnoredHealth: (_, _params: { batch: number }) => {},
    terminateAdditionalBatch: () => {},
    stopInFlight: () => {},
    ignoreAbort: () => {},
    end: (_, _params: { status: DeploymentStatus; additionalBatchFailed?: boolean }) => {},
  },
  guards: {
    hasMoreBatches: ({ context }) => context.batch + 1 < context.batchCount,
    hasAdditionalBatch: ({ context }) => context.additionalBatch,
    ignoresHealthFailure: ({ context, event }) => context.ignoreHealthCheck && event.type === 'BATCH_FAILED' && event.healthOnly,
  },
}).createMachine({
  id: 'ebRolling',
  description:
    'Elastic Beanstalk AllAtOnce, Rolling and RollingWithAdditionalBatch: an additional batch first when the policy has one, then the original instances batch by batch, each batch healthy before the next; no automatic rollback.',
  context: ({ input }) => ({ ...input, batch: 0 }),
  initial: 'starting',
  states: {
    starting: {
      always: [{ guard: 'hasAdditionalBatch', target: 'launchingAdditionalBatch' }, { target: 'deployingBatch' }],
    },
    launchingAdditionalBatch: {
      description: 'RollingWithAdditionalBatch launches an extra batch of new instances with the new version, so capacity never drops.',
      entry: 'launchAdditionalBatch',
      on: {
        BATCH_SUCCEEDED: 'deployingBatch',
        BATCH_FAILED: [
          { guard: 'ignoresHealthFailure', target: 'deployingBatch', actions: { type: 'announceIgnoredHealth', params: { batch: -1 } } },
          { target: 'additionalBatchFailed' },
        ],
        ABORT: { target: 'stopped', actions: 'stopInFlight' },
      },
    },
    deployingBatch: {
      description: 'One batch: detached from the load balancer, deployed, attached again; waits until every instance is healthy or Timeout + 240 s passes.',
      entry: { type: 'deployBatch', params: ({ context }) => ({ batch: context.batch }) },
      on: {
        BATCH_SUCCEEDED: 'batchDone',
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
      description: 'The deployment is complete: Elastic Beanstalk terminates the additional batch it launched.',
      entry: 'terminateAdditionalBatch',
      on: { TERMINATED: 'succeeded', ABORT: { actions: 'ignoreAbort' } },
    },
    succeeded: { type: 'final', entry: { type: 'end', params: { status: 'Succeeded' } } },
    failed: { type: 'final', entry: { type: 'end', params: { status: 'Failed' } } },
    additionalBatchFailed: { type: 'final', entry: { type: 'end', params: { status: 'Failed', additionalBatchFailed: true } } },
    stopped: { type: 'final', entry: { type: 'end', params: { status: 'Stopped' } } },
  },
});
