// The orchestrator of the Elastic Beanstalk policies that deploy to a new,
// temporary group (reference §1.3): Immutable (one instance first, then the rest;
// honours IgnoreHealthCheck) and TrafficSplitting (the whole group, then
// NewVersionPercent of traffic for EvaluationTime). Its waits are states with
// their own timers: leaving EvaluationTime early (an unhealthy instance, an abort)
// cancels it. A failure, or an abort before the new group takes over, terminates
// the new group.
import { setup } from 'xstate';
import type { DeploymentStatus } from '../../trace/types.ts';
import { ms } from '../clock.ts';

export interface NewGroupInput {
  /** Immutable launches one instance first and waits for it to pass health checks. */
  oneFirst: boolean;
  /** TrafficSplitting evaluates the new group under a share of traffic before it takes over. */
  evaluate: boolean;
  /** Immutable with IgnoreHealthCheck: new instances that fail health checks do not cancel the deployment. */
  ignoreHealthCheck: boolean;
  /** EvaluationTime, in seconds. */
  evaluationSeconds: number;
  /** How long attaching the new instances to the original group takes before the old ones go. */
  registrationSeconds: number;
}

export type NewGroupEvent =
  | { type: 'GROUP_HEALTHY' }
  /** `healthOnly`: every failure was a health check timing out (IgnoreHealthCheck may pass over it). */
  | { type: 'GROUP_FAILED'; healthOnly: boolean }
  /** A new instance turned unhealthy after it had passed its health checks. */
  | { type: 'INSTANCE_UNHEALTHY' }
  | { type: 'TERMINATED' }
  | { type: 'ABORT' };

/** Why the new group is being terminated: the event that started the rollback. */
export type RollbackCause = 'GROUP_FAILED' | 'INSTANCE_UNHEALTHY' | 'ABORT';

export const newGroupMachine = setup({
  types: {
    context: {} as NewGroupInput,
    input: {} as NewGroupInput,
    events: {} as NewGroupEvent,
  },
  actions: {
    launchFirst: () => {},
    launchRest: () => {},
    announceIgnoredHealth: () => {},
    startEvaluation: () => {},
    passEvaluation: () => {},
    promote: () => {},
    terminateOld: () => {},
    rollBack: (_, _params: { cause: RollbackCause }) => {},
    ignoreAbort: () => {},
    end: (_, _params: { status: DeploymentStatus; rolledBack: boolean }) => {},
  },
  guards: {
    oneFirst: ({ context }) => context.oneFirst,
    evaluates: ({ context }) => context.evaluate,
    ignoresHealthFailure: ({ context, event }) => context.ignoreHealthCheck && event.type === 'GROUP_FAILED' && event.healthOnly,
  },
  delays: {
    EvaluationTime: ({ context }) => ms(context.evaluationSeconds),
    registration: ({ context }) => ms(context.registrationSeconds),
  },
}).createMachine({
  id: 'ebNewGroup',
  description:
    'Elastic Beanstalk Immutable and TrafficSplitting: new instances in a temporary Auto Scaling group; when they are healthy (and, for TrafficSplitting, stay healthy under a share of traffic for EvaluationTime) they join the original group and the old instances are terminated; otherwise the temporary group is terminated.',
  context: ({ input }) => input,
  initial: 'starting',
  states: {
    starting: {
      always: [{ guard: 'oneFirst', target: 'launchingFirst' }, { target: 'launchingRest' }],
    },
    launchingFirst: {
      description: 'Immutable: one instance with the new version in the temporary group, serving beside the old ones once healthy.',
      entry: 'launchFirst',
      on: {
        GROUP_HEALTHY: 'launchingRest',
        GROUP_FAILED: [{ guard: 'ignoresHealthFailure', target: 'launchingRest', actions: 'announceIgnoredHealth' }, { target: 'rollingBack' }],
        ABORT: 'rollingBackOnAbort',
      },
    },
    launchingRest: {
      description: 'The rest of the new instances (TrafficSplitting: the whole new group), until every one is healthy.',
      entry: 'launchRest',
      on: {
        GROUP_HEALTHY: [{ guard: 'evaluates', target: 'evaluating' }, { target: 'attaching' }],
        GROUP_FAILED: [{ guard: 'ignoresHealthFailure', target: 'attaching', actions: 'announceIgnoredHealth' }, { target: 'rollingBack' }],
        ABORT: 'rollingBackOnAbort',
      },
    },
    evaluating: {
      description: 'TrafficSplitting: NewVersionPercent of client traffic goes to the new instances while Elastic Beanstalk watches their health for EvaluationTime.',
      entry: 'startEvaluation',
      after: { EvaluationTime: { target: 'attaching', actions: 'passEvaluation' } },
      on: { INSTANCE_UNHEALTHY: 'rollingBack', ABORT: 'rollingBackOnAbort' },
    },
    attaching: {
      description: 'The new instances are attached to the original Auto Scaling group; the old ones leave once that is done.',
      entry: 'promote',
      after: { registration: 'terminatingOld' },
      // The new instances have taken over: an abort now has nothing left to stop.
      on: { ABORT: { actions: 'ignoreAbort' } },
    },
    terminatingOld: {
      description: 'The temporary group and the old instances are terminated.',
      entry: 'terminateOld',
      on: { TERMINATED: 'succeeded', ABORT: { actions: 'ignoreAbort' } },
    },
    rollingBack: {
      description: 'The new instances failed: the temporary group is terminated; the original instances were never touched.',
      entry: { type: 'rollBack', params: ({ event }) => ({ cause: event.type as RollbackCause }) },
      on: { TERMINATED: 'failed', ABORT: { actions: 'ignoreAbort' } },
    },
    rollingBackOnAbort: {
      description: 'AbortEnvironmentUpdate: the temporary group is terminated; the original instances were never touched.',
      entry: { type: 'rollBack', params: { cause: 'ABORT' } },
      on: { TERMINATED: 'stopped', ABORT: { actions: 'ignoreAbort' } },
    },
    succeeded: { type: 'final', entry: { type: 'end', params: { status: 'Succeeded', rolledBack: false } } },
    failed: { type: 'final', entry: { type: 'end', params: { status: 'Failed', rolledBack: true } } },
    stopped: { type: 'final', entry: { type: 'end', params: { status: 'Stopped', rolledBack: true } } },
  },
});
