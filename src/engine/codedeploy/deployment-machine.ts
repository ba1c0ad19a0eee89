// The orchestrator shared by every CodeDeploy compute platform: the user's
// deployment runs until it succeeds, fails or is stopped (alarm, StopDeployment,
// a ready wait running out); then automatic rollback runs if the rules of
// rollback-rules.ts say so. The machine decides; the platform driver provides the
// actions (deploy, stop, roll back, end) and sends their results back as events.
import { setup } from 'xstate';
import type { CodeDeploySettings } from '../../scenario/types.ts';
import type { DeploymentStatus, Outcome } from '../../trace/types.ts';
import { decideRollback, type Trigger } from './rollback-rules.ts';

export type DeploymentEvent =
  | { type: 'SUCCEEDED' }
  | { type: 'FAILED'; trigger: Extract<Trigger, { kind: 'failure' }> }
  | { type: 'STOP'; trigger: Exclude<Trigger, { kind: 'failure' }> }
  | { type: 'ROLLBACK_DONE'; ok: boolean };

export interface DeploymentInput {
  cd: CodeDeploySettings;
}

const triggerOf = (event: DeploymentEvent): Trigger | undefined => (event.type === 'FAILED' || event.type === 'STOP' ? event.trigger : undefined);

export const deploymentMachine = setup({
  types: {
    context: {} as DeploymentInput,
    input: {} as DeploymentInput,
    events: {} as DeploymentEvent,
  },
  actions: {
    deploy: () => {},
    /** Cuts short whatever is in progress (see undocumented stopInFlight). */
    stopInFlight: (_, _params: { trigger: Trigger }) => {},
    /** Ends the user's deployment with `status` and says whether and why a rollback follows. */
    endDeployment: (_, _params: { status: DeploymentStatus; trigger?: Trigger }) => {},
    rollBack: () => {},
    /** Stops the rollback itself (a stop while it runs). */
    stopRollback: () => {},
    finish: (_, _params: { outcome: Outcome }) => {},
  },
  guards: {
    rollsBack: ({ context, event }) => {
      const trigger = triggerOf(event);
      return trigger !== undefined && decideRollback(context.cd, trigger).rollback;
    },
  },
}).createMachine({
  id: 'codeDeployDeployment',
  context: ({ input }) => input,
  initial: 'deploying',
  states: {
    deploying: {
      entry: 'deploy',
      on: {
        SUCCEEDED: 'succeeded',
        FAILED: [
          { guard: 'rollsBack', target: 'rollingBack', actions: { type: 'endDeployment', params: ({ event }) => ({ status: 'Failed', trigger: event.trigger }) } },
          { target: 'failed', actions: { type: 'endDeployment', params: ({ event }) => ({ status: 'Failed', trigger: event.trigger }) } },
        ],
        STOP: [
          {
            guard: 'rollsBack',
            target: 'rollingBack',
            actions: [
              { type: 'stopInFlight', params: ({ event }) => ({ trigger: event.trigger }) },
              { type: 'endDeployment', params: ({ event }) => ({ status: 'Stopped', trigger: event.trigger }) },
            ],
          },
          {
            target: 'stopped',
            actions: [
              { type: 'stopInFlight', params: ({ event }) => ({ trigger: event.trigger }) },
              { type: 'endDeployment', params: ({ event }) => ({ status: 'Stopped', trigger: event.trigger }) },
            ],
          },
        ],
      },
    },
    rollingBack: {
      entry: 'rollBack',
      on: {
        ROLLBACK_DONE: [{ guard: ({ event }) => event.ok, target: 'rolledBack' }, { target: 'failed' }],
        STOP: { target: 'stopped', actions: 'stopRollback' },
      },
    },
    succeeded: { type: 'final', entry: [{ type: 'endDeployment', params: { status: 'Succeeded' } }, { type: 'finish', params: { outcome: 'Succeeded' } }] },
    rolledBack: { type: 'final', entry: { type: 'finish', params: { outcome: 'RolledBack' } } },
    failed: { type: 'final', entry: { type: 'finish', params: { outcome: 'Failed' } } },
    stopped: { type: 'final', entry: { type: 'finish', params: { outcome: 'Stopped' } } },
  },
});
