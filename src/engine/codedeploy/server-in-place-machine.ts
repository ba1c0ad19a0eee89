// The orchestrator of a CodeDeploy EC2/on-premises in-place deployment (reference
// §2.3–2.4): the user's deployment d-1 runs until it succeeds, fails or is stopped
// (alarm, StopDeployment); then, if rollback-rules.ts says so, the rollback
// deployment d-2 redeploys the last known good revision until it succeeds, fails
// or is stopped. The machine decides; server-in-place.ts provides the actions that
// act on the world (scheduling instances by minimum healthy hosts stays in
// rollout.ts, with no actor per instance) and sends their results back as events.
import { setup } from 'xstate';
import type { CodeDeploySettings } from '../../scenario/types.ts';
import type { DeploymentStatus, Outcome } from '../../trace/types.ts';
import { decideRollback, type FailureTrigger, type StopTrigger, type Trigger } from './rollback-rules.ts';

export type InPlaceEvent =
  | { type: 'SUCCEEDED' }
  | { type: 'FAILED'; trigger: FailureTrigger }
  | { type: 'STOP'; trigger: StopTrigger }
  | { type: 'ROLLBACK_SUCCEEDED' }
  | { type: 'ROLLBACK_FAILED' };

export interface InPlaceInput {
  cd: CodeDeploySettings;
  /** The minimum healthy hosts leave no instance that may be taken offline. */
  minimumImpossible: boolean;
}

const triggerOf = (event: InPlaceEvent): Trigger | undefined => (event.type === 'FAILED' || event.type === 'STOP' ? event.trigger : undefined);

export const serverInPlaceMachine = setup({
  types: {
    context: {} as InPlaceInput,
    input: {} as InPlaceInput,
    events: {} as InPlaceEvent,
  },
  actions: {
    /** Creates the user's deployment d-1 and says what it will do. */
    startDeployment: () => {},
    /** Says why the minimum healthy hosts cannot be met. */
    announceImpossibleMinimum: () => {},
    /** Schedules the instances by minimum healthy hosts. */
    deploy: () => {},
    /** Cuts short the lifecycle events in progress (see undocumented stopInFlight). */
    stopInFlight: (_, _params: { trigger: StopTrigger }) => {},
    /** Ends d-1 with `status` and says whether and why a rollback follows. */
    endDeployment: (_, _params: { status: DeploymentStatus; trigger?: Trigger }) => {},
    /** Creates the rollback deployment d-2 and starts it. */
    rollBack: () => {},
    /** Ends d-2 with `status`. */
    endRollback: (_, _params: { status: DeploymentStatus }) => {},
    finish: (_, _params: { outcome: Outcome }) => {},
  },
  guards: {
    minimumImpossible: ({ context }) => context.minimumImpossible,
    rollsBack: ({ context, event }) => {
      const trigger = triggerOf(event);
      return trigger !== undefined && decideRollback(context.cd, trigger).rollback;
    },
  },
}).createMachine({
  id: 'codeDeployServerInPlaceDeployment',
  description:
    'CodeDeploy EC2/on-premises in-place: deploys to the instances as minimum healthy hosts allows; a failure or a stop ends the deployment, and automatic rollback, when configured, is a new deployment of the last known good revision.',
  context: ({ input }) => input,
  initial: 'checkingMinimum',
  states: {
    checkingMinimum: {
      description: 'If the minimum healthy hosts leave no instance that may be taken offline, the deployment fails before any instance changes.',
      entry: 'startDeployment',
      always: [
        {
          guard: 'minimumImpossible',
          target: 'failed',
          actions: ['announceImpossibleMinimum', { type: 'endDeployment', params: { status: 'Failed', trigger: { kind: 'failure', changed: false } } }],
        },
        { target: 'deploying' },
      ],
    },
    deploying: {
      description: 'Deployment d-1: instances run the lifecycle events, as many at a time as minimum healthy hosts allows.',
      entry: 'deploy',
      on: {
        SUCCEEDED: { target: 'succeeded', actions: { type: 'endDeployment', params: { status: 'Succeeded' } } },
        FAILED: [
          { guard: 'rollsBack', target: 'rollingBack', actions: { type: 'endDeployment', params: ({ event }) => ({ status: 'Failed', trigger: event.trigger }) } },
          { target: 'failed', actions: { type: 'endDeployment', params: ({ event }) => ({ status: 'Failed', trigger: event.trigger }) } },
        ],
        STOP: [
          {
            guard: 'rollsBack',
            target: 'rollingBack',
            actions: [{ type: 'stopInFlight', params: ({ event }) => ({ trigger: event.trigger }) }, { type: 'endDeployment', params: ({ event }) => ({ status: 'Stopped', trigger: event.trigger }) }],
          },
          { target: 'stopped', actions: [{ type: 'stopInFlight', params: ({ event }) => ({ trigger: event.trigger }) }, { type: 'endDeployment', params: ({ event }) => ({ status: 'Stopped', trigger: event.trigger }) }] },
        ],
      },
    },
    rollingBack: {
      description: 'Rollback deployment d-2 (created by codeDeployRollback): the last known good revision, same lifecycle events and configuration.',
      entry: 'rollBack',
      on: {
        ROLLBACK_SUCCEEDED: { target: 'rolledBack', actions: { type: 'endRollback', params: { status: 'Succeeded' } } },
        ROLLBACK_FAILED: { target: 'failed', actions: { type: 'endRollback', params: { status: 'Failed' } } },
        STOP: { target: 'stopped', actions: [{ type: 'stopInFlight', params: ({ event }) => ({ trigger: event.trigger }) }, { type: 'endRollback', params: { status: 'Stopped' } }] },
      },
    },
    succeeded: { type: 'final', entry: { type: 'finish', params: { outcome: 'Succeeded' } } },
    rolledBack: { type: 'final', entry: { type: 'finish', params: { outcome: 'RolledBack' } } },
    failed: { type: 'final', entry: { type: 'finish', params: { outcome: 'Failed' } } },
    stopped: { type: 'final', entry: { type: 'finish', params: { outcome: 'Stopped' } } },
  },
});
