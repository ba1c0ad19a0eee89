// The orchestrator of the Elastic Beanstalk policies that deploy to a new,
// temporary group: Immutable (one instance first, then the rest) and
// TrafficSplitting (the whole group, then a share of traffic for EvaluationTime).
// A failure, or an abort before the new group takes over, terminates the new group.
import { setup } from 'xstate';
import type { DeploymentStatus } from '../../trace/types.ts';

export interface NewGroupInput {
  /** Immutable launches one instance first and waits for it to pass health checks. */
  oneFirst: boolean;
  /** TrafficSplitting evaluates the new group under a share of traffic before it takes over. */
  evaluate: boolean;
}

export type NewGroupEvent =
  | { type: 'GROUP_HEALTHY' }
  | { type: 'GROUP_FAILED' }
  | { type: 'EVALUATION_PASSED' }
  | { type: 'TERMINATED' }
  | { type: 'ABORT' };

export const newGroupMachine = setup({
  types: {
    context: {} as NewGroupInput & { aborted: boolean },
    input: {} as NewGroupInput,
    events: {} as NewGroupEvent,
  },
  actions: {
    launchFirst: () => {},
    launchRest: () => {},
    startEvaluation: () => {},
    promote: () => {},
    rollBack: (_, _params: { aborted: boolean }) => {},
    end: (_, _params: { status: DeploymentStatus; rolledBack: boolean }) => {},
  },
  guards: {
    oneFirst: ({ context }) => context.oneFirst,
    evaluates: ({ context }) => context.evaluate,
  },
}).createMachine({
  id: 'ebNewGroup',
  context: ({ input }) => ({ ...input, aborted: false }),
  initial: 'starting',
  states: {
    starting: {
      always: [{ guard: 'oneFirst', target: 'launchingFirst' }, { target: 'launchingRest' }],
    },
    launchingFirst: {
      entry: 'launchFirst',
      on: { GROUP_HEALTHY: 'launchingRest', GROUP_FAILED: 'rollingBack', ABORT: 'rollingBackOnAbort' },
    },
    launchingRest: {
      entry: 'launchRest',
      on: {
        GROUP_HEALTHY: [{ guard: 'evaluates', target: 'evaluating' }, { target: 'promoting' }],
        GROUP_FAILED: 'rollingBack',
        ABORT: 'rollingBackOnAbort',
      },
    },
    evaluating: {
      entry: 'startEvaluation',
      on: { EVALUATION_PASSED: 'promoting', GROUP_FAILED: 'rollingBack', ABORT: 'rollingBackOnAbort' },
    },
    promoting: {
      entry: 'promote',
      // The new instances have taken over: an abort now has nothing left to stop.
      on: { TERMINATED: 'succeeded' },
    },
    rollingBack: {
      entry: { type: 'rollBack', params: { aborted: false } },
      on: { TERMINATED: 'failed' },
    },
    rollingBackOnAbort: {
      entry: { type: 'rollBack', params: { aborted: true } },
      on: { TERMINATED: 'stopped' },
    },
    succeeded: { type: 'final', entry: { type: 'end', params: { status: 'Succeeded', rolledBack: false } } },
    failed: { type: 'final', entry: { type: 'end', params: { status: 'Failed', rolledBack: true } } },
    stopped: { type: 'final', entry: { type: 'end', params: { status: 'Stopped', rolledBack: true } } },
  },
});
