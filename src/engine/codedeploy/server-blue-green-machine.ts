// The orchestrator of a CodeDeploy EC2 blue/green deployment (reference §2.1,
// §2.3–2.4). The user's deployment d-1: provisioning replacements → installing
// the revision on them → the Ready wait (STOP_DEPLOYMENT only) → rerouting traffic
// → blocking the originals → the termination wait → terminating the originals
// (TERMINATE) or keeping them (KEEP_ALIVE). A failure or a stop anywhere in d-1
// ends it; when rollback-rules.ts says so and originals remain, the rollback
// deployment d-2 re-allows traffic to the originals, then blocks the replacements.
// Every wait is a state with its own `after` timer, so leaving it cancels the
// timer. The machine decides; server-blue-green.ts binds the actions to the world.
import { and, setup } from 'xstate';
import type { CodeDeploySettings } from '../../scenario/types.ts';
import type { DeploymentStatus, Outcome } from '../../trace/types.ts';
import { ms } from '../clock.ts';
import { decideRollback, type FailureTrigger, type StopTrigger, type Trigger } from './rollback-rules.ts';

export type WaitType = 'READY_WAIT' | 'TERMINATION_WAIT';

export type BlueGreenEvent =
  | { type: 'REPLACEMENTS_READY' }
  | { type: 'REROUTED' }
  | { type: 'ORIGINALS_BLOCKED' }
  | { type: 'FAILED'; trigger: FailureTrigger }
  | { type: 'STOP'; trigger: StopTrigger }
  /** The user calls ContinueDeployment. */
  | { type: 'CONTINUE'; waitType: WaitType }
  | { type: 'ORIGINALS_ALLOWED' }
  | { type: 'REPLACEMENTS_BLOCKED' }
  | { type: 'ROLLBACK_FAILED' };

export interface BlueGreenInput {
  cd: CodeDeploySettings;
  /** The minimum healthy hosts leave no replacement that may be deployed to. */
  minimumImpossible: boolean;
  /** deploymentReadyOption STOP_DEPLOYMENT: wait for ContinueDeployment before rerouting. */
  waitsForContinue: boolean;
  /** terminateBlueInstancesOnDeploymentSuccess TERMINATE (else KEEP_ALIVE). */
  terminatesOriginals: boolean;
  /** Seconds: launching the replacements (0 for DISCOVER_EXISTING), the Ready wait, the termination wait, terminating instances. */
  launchSeconds: number;
  readyWaitSeconds: number;
  terminationWaitSeconds: number;
  terminationSeconds: number;
}

const triggerOf = (event: BlueGreenEvent): Trigger | undefined => (event.type === 'FAILED' || event.type === 'STOP' ? event.trigger : undefined);
const stopParams = ({ event }: { event: BlueGreenEvent }) => ({ trigger: (event as { trigger: StopTrigger }).trigger });
const endParams =
  (status: DeploymentStatus) =>
  ({ event }: { event: BlueGreenEvent }) => {
    const trigger = triggerOf(event);
    return trigger ? { status, trigger } : { status };
  };

export const serverBlueGreenMachine = setup({
  types: {
    context: {} as BlueGreenInput,
    input: {} as BlueGreenInput,
    events: {} as BlueGreenEvent,
  },
  actions: {
    startDeployment: () => {},
    announceImpossibleMinimum: () => {},
    /** Launches (COPY_AUTO_SCALING_GROUP) or discovers (DISCOVER_EXISTING) the replacement instances. */
    provisionReplacements: () => {},
    /** Installs the revision on the replacements under the configuration's in-place rules. */
    installReplacements: () => {},
    startReadyWait: () => {},
    /** ContinueDeployment ends a wait now. */
    continued: (_, _params: { waitType: WaitType }) => {},
    /** Reroutes traffic to the replacements under the configuration's rerouting rule. */
    reroute: () => {},
    /** The originals run the BlockTraffic hooks; one that fails to deregister fails the deployment. */
    blockOriginals: () => {},
    startTerminationWait: () => {},
    /** Leaving a wait closes its phase. */
    endWait: () => {},
    startTerminatingOriginals: () => {},
    terminateOriginals: () => {},
    keepOriginals: () => {},
    stopInFlight: (_, _params: { trigger: StopTrigger }) => {},
    endDeployment: (_, _params: { status: DeploymentStatus; trigger?: Trigger }) => {},
    startRollback: () => {},
    reallowOriginals: () => {},
    blockReplacements: () => {},
    endRollback: (_, _params: { status: DeploymentStatus }) => {},
    finish: (_, _params: { outcome: Outcome }) => {},
  },
  guards: {
    minimumImpossible: ({ context }) => context.minimumImpossible,
    waitsForContinue: ({ context }) => context.waitsForContinue,
    terminatesOriginals: ({ context }) => context.terminatesOriginals,
    continuesReadyWait: ({ event }) => event.type === 'CONTINUE' && event.waitType === 'READY_WAIT',
    continuesTerminationWait: ({ event }) => event.type === 'CONTINUE' && event.waitType === 'TERMINATION_WAIT',
    rollbackConfigured: ({ context, event }) => {
      const trigger = triggerOf(event);
      return trigger !== undefined && decideRollback(context.cd, trigger).rollback;
    },
    /** Traffic can be routed back only to originals that have not been terminated (provided by the engine). */
    originalsLeft: () => true,
    /** A rollback follows: configured for this trigger, and there are originals to route traffic back to. */
    rollsBack: and(['rollbackConfigured', 'originalsLeft']),
  },
  delays: {
    launch: ({ context }) => ms(context.launchSeconds),
    readyWait: ({ context }) => ms(context.readyWaitSeconds),
    terminationWait: ({ context }) => ms(context.terminationWaitSeconds),
    termination: ({ context }) => ms(context.terminationSeconds),
  },
}).createMachine({
  id: 'codeDeployServerBlueGreenDeployment',
  description:
    'CodeDeploy EC2 blue/green: replacement instances get the revision, traffic is rerouted to them, the originals are blocked and then terminated or kept; a failure or a stop ends the deployment, and automatic rollback, when configured, routes traffic back to the originals in a new deployment.',
  context: ({ input }) => input,
  initial: 'deploying',
  states: {
    deploying: {
      description: 'Deployment d-1, created by the user.',
      entry: 'startDeployment',
      initial: 'checkingMinimum',
      on: {
        FAILED: [
          { guard: 'rollsBack', target: 'rollingBack', actions: { type: 'endDeployment', params: endParams('Failed') } },
          { target: 'failed', actions: { type: 'endDeployment', params: endParams('Failed') } },
        ],
        STOP: [
          {
            guard: 'rollsBack',
            target: 'rollingBack',
            actions: [{ type: 'stopInFlight', params: stopParams }, { type: 'endDeployment', params: endParams('Stopped') }],
          },
          { target: 'stopped', actions: [{ type: 'stopInFlight', params: stopParams }, { type: 'endDeployment', params: endParams('Stopped') }] },
        ],
      },
      states: {
        checkingMinimum: {
          description: 'If the minimum healthy hosts leave no instance that may be deployed to, the deployment fails before anything is launched.',
          always: [
            {
              guard: 'minimumImpossible',
              target: '#codeDeployServerBlueGreenDeployment.failed',
              actions: ['announceImpossibleMinimum', { type: 'endDeployment', params: { status: 'Failed', trigger: { kind: 'failure', changed: false } } }],
            },
            { target: 'provisioning' },
          ],
        },
        provisioning: {
          description: 'COPY_AUTO_SCALING_GROUP launches the replacement instances (launch time); DISCOVER_EXISTING uses existing ones at once.',
          entry: 'provisionReplacements',
          after: { launch: 'installing' },
        },
        installing: {
          description: 'The replacements run Start … ValidateService, scheduled by minimum healthy hosts like an in-place deployment.',
          entry: 'installReplacements',
          on: {
            REPLACEMENTS_READY: [{ guard: 'waitsForContinue', target: 'readyWait' }, { target: 'rerouting' }],
          },
        },
        readyWait: {
          description: 'STOP_DEPLOYMENT: status Ready until the user calls ContinueDeployment (READY_WAIT); after waitTimeInMinutes the deployment is Stopped.',
          entry: 'startReadyWait',
          exit: 'endWait',
          after: {
            readyWait: {
              target: '#codeDeployServerBlueGreenDeployment.stopped',
              actions: { type: 'endDeployment', params: { status: 'Stopped', trigger: { kind: 'readyTimeout', changed: true } } },
            },
          },
          on: {
            CONTINUE: { guard: 'continuesReadyWait', target: 'rerouting', actions: { type: 'continued', params: { waitType: 'READY_WAIT' } } },
          },
        },
        rerouting: {
          description: "The replacements run BeforeAllowTraffic, AllowTraffic, AfterAllowTraffic, End in the configuration's pattern, and succeed or fail under its rerouting rule.",
          entry: 'reroute',
          on: { REROUTED: 'blockingOriginals' },
        },
        blockingOriginals: {
          description: 'The originals run Start, BeforeBlockTraffic, BlockTraffic, AfterBlockTraffic, End; any original failing to deregister fails the deployment.',
          entry: 'blockOriginals',
          on: {
            ORIGINALS_BLOCKED: [
              { guard: 'terminatesOriginals', target: 'terminationWait' },
              { target: '#codeDeployServerBlueGreenDeployment.succeeded', actions: ['keepOriginals', { type: 'endDeployment', params: { status: 'Succeeded' } }] },
            ],
          },
        },
        terminationWait: {
          description: 'TERMINATE: the originals wait terminationWaitTimeInMinutes, or until the user calls ContinueDeployment (TERMINATION_WAIT).',
          entry: 'startTerminationWait',
          exit: 'endWait',
          after: { terminationWait: 'terminatingOriginals' },
          on: {
            CONTINUE: { guard: 'continuesTerminationWait', target: 'terminatingOriginals', actions: { type: 'continued', params: { waitType: 'TERMINATION_WAIT' } } },
          },
        },
        terminatingOriginals: {
          description: 'The original instances are terminated.',
          entry: 'startTerminatingOriginals',
          after: {
            termination: { target: '#codeDeployServerBlueGreenDeployment.succeeded', actions: ['terminateOriginals', { type: 'endDeployment', params: { status: 'Succeeded' } }] },
          },
        },
      },
    },
    rollingBack: {
      description: 'Rollback deployment d-2 (created by codeDeployRollback): traffic goes back to the originals that still run.',
      entry: 'startRollback',
      initial: 'reallowingOriginals',
      on: {
        ROLLBACK_FAILED: { target: 'failed', actions: { type: 'endRollback', params: { status: 'Failed' } } },
        STOP: { target: 'stopped', actions: [{ type: 'stopInFlight', params: stopParams }, { type: 'endRollback', params: { status: 'Stopped' } }] },
      },
      states: {
        reallowingOriginals: {
          description: 'The originals run BeforeAllowTraffic, AllowTraffic, AfterAllowTraffic again (first: it keeps capacity).',
          entry: 'reallowOriginals',
          on: { ORIGINALS_ALLOWED: 'blockingReplacements' },
        },
        blockingReplacements: {
          description: 'The replacements run BeforeBlockTraffic, BlockTraffic, AfterBlockTraffic.',
          entry: 'blockReplacements',
          on: { REPLACEMENTS_BLOCKED: { target: '#codeDeployServerBlueGreenDeployment.rolledBack', actions: { type: 'endRollback', params: { status: 'Succeeded' } } } },
        },
      },
    },
    succeeded: { type: 'final', entry: { type: 'finish', params: { outcome: 'Succeeded' } } },
    rolledBack: { type: 'final', entry: { type: 'finish', params: { outcome: 'RolledBack' } } },
    failed: { type: 'final', entry: { type: 'finish', params: { outcome: 'Failed' } } },
    stopped: { type: 'final', entry: { type: 'finish', params: { outcome: 'Stopped' } } },
  },
});
