// The traffic-shifting orchestrator of CodeDeploy Lambda and ECS deployments
// (reference §2.2–2.4): the lifecycle events before traffic (their order compiled
// from the lifecycle machines), AllowTraffic with its increments and intervals,
// the events after it, ECS's termination wait, and the stop and rollback states.
// Every wait is a state with an `after` transition on a named delay, so leaving
// the state (a stop, an alarm) cancels its timer. The rollback is its own
// deployment (d-2). One definition serves both platforms; each gets its machine,
// built from its lifecycle order.
import { setup } from 'xstate';
import { ECS_NO_ROLLBACK_EVENT, type TrafficConfig } from '../../../aws/codedeploy-facts.ts';
import type { CodeDeploySettings } from '../../../scenario/types.ts';
import type { DeploymentStatus, Outcome } from '../../../trace/types.ts';
import { ms } from '../../clock.ts';
import { lifecycleOrder } from '../../lifecycles/catalog.ts';
import { decideRollback, type Trigger } from '../rollback-rules.ts';

export interface TrafficInput {
  cd: CodeDeploySettings;
  config: TrafficConfig;
  /** Seconds AllowTraffic lasts after the last shift (undocumented trafficEventEnd). */
  settleSeconds: number;
  /** ECS: seconds from the end of the deployment's events until the original task set is removed. */
  terminationWaitSeconds: number;
  /** Seconds the rollback deployment's AllowTraffic lasts (undocumented trafficRollbackEvents). */
  rollbackSeconds: number;
}

export interface TrafficContext extends TrafficInput {
  /** Percent of production traffic on the new version. */
  shifted: number;
  /** How many increments have shifted so far. */
  increment: number;
  /** Whether anything has changed yet (a replacement task set exists, traffic has moved): a rollback has something to restore. */
  changed: boolean;
}

export type StopTrigger = Exclude<Trigger, { kind: 'failure' }>;

export type TrafficEvent =
  /** The lifecycle event in progress succeeded (sent by the world when its step ends). */
  | { type: 'EVENT_SUCCEEDED' }
  | { type: 'EVENT_FAILED' }
  /** An alarm or StopDeployment (controls.ts). */
  | { type: 'STOP'; trigger: StopTrigger };

export type TrafficPlatform = 'Lambda' | 'ECS';

const intervalSeconds = (config: TrafficConfig) => (config.kind === 'AllAtOnce' ? 0 : config.intervalMinutes * 60);

const setupTraffic = setup({
  types: {
    context: {} as TrafficContext,
    input: {} as TrafficInput,
    events: {} as TrafficEvent,
  },
  actions: {
    startDeployment: () => {},
    /** Runs one lifecycle event on the target; the world answers EVENT_SUCCEEDED or EVENT_FAILED. */
    runEvent: (_, _params: { name: string }) => {},
    beginAllowTraffic: () => {},
    /** Production traffic moves: `percent` on the new version after increment `increment`. */
    shift: (_, _params: { percent: number; increment: number }) => {},
    startInterval: () => {},
    endInterval: () => {},
    endAllowTraffic: () => {},
    startTerminationWait: () => {},
    removeOriginal: () => {},
    /** Cuts short the lifecycle event in progress (see undocumented stopInFlight). */
    stopInFlight: (_, _params: { trigger: Trigger }) => {},
    /** Ends the user's deployment with `status` and says whether and why a rollback follows. */
    endDeployment: (_, _params: { status: DeploymentStatus; trigger?: Trigger }) => {},
    startRollback: () => {},
    endRollback: (_, _params: { status: DeploymentStatus }) => {},
    finish: (_, _params: { outcome: Outcome }) => {},
  },
  guards: {
    canary: ({ context }) => context.config.kind === 'Canary',
    linear: ({ context }) => context.config.kind === 'Linear',
    allShifted: ({ context }) => context.shifted >= 100,
    failureRollsBack: ({ context }) => decideRollback(context.cd, { kind: 'failure', changed: context.changed }).rollback,
    stopRollsBack: ({ context, event }) => event.type === 'STOP' && decideRollback(context.cd, event.trigger).rollback,
  },
  delays: {
    canaryInterval: ({ context }) => ms(intervalSeconds(context.config)),
    linearInterval: ({ context }) => ms(intervalSeconds(context.config)),
    allowTrafficEnd: ({ context }) => ms(context.settleSeconds),
    terminationWait: ({ context }) => ms(context.terminationWaitSeconds),
    rollbackAllowTraffic: ({ context }) => ms(context.rollbackSeconds),
  },
});

const grow = (next: (c: TrafficContext) => number) =>
  setupTraffic.assign({ shifted: ({ context }) => next(context), increment: ({ context }) => context.increment + 1, changed: true });
const shift = { type: 'shift', params: ({ context }: { context: TrafficContext }) => ({ percent: context.shifted, increment: context.increment }) } as const;

/** AllowTraffic: the configuration's increments, each interval a state whose timer leaving cancels. */
const allowTraffic = setupTraffic.createStateConfig({
  description: 'AllowTraffic: production traffic shifts to the new version in the configuration\'s increments',
  entry: 'beginAllowTraffic',
  initial: 'choosing',
  states: {
    choosing: {
      description: 'Which configuration: canary, linear or all at once',
      always: [{ guard: 'canary', target: 'canaryIncrement' }, { guard: 'linear', target: 'linearIncrement' }, { target: 'allAtOnce' }],
    },
    canaryIncrement: {
      description: 'Canary: the first increment shifts',
      entry: [grow((c) => (c.config.kind === 'AllAtOnce' ? 100 : c.config.percentage)), shift],
      always: 'canaryInterval',
    },
    canaryInterval: {
      description: 'Canary interval: the first increment bakes; then all the rest shifts',
      entry: 'startInterval',
      exit: 'endInterval',
      after: { canaryInterval: 'canaryRemaining' },
    },
    canaryRemaining: {
      description: 'Canary: all the remaining traffic shifts',
      entry: [grow(() => 100), shift],
      always: 'allShifted',
    },
    linearIncrement: {
      description: 'Linear: one more equal increment shifts',
      entry: [grow((c) => Math.min(100, c.shifted + (c.config.kind === 'AllAtOnce' ? 100 : c.config.percentage))), shift],
      always: [{ guard: 'allShifted', target: 'allShifted' }, { target: 'linearInterval' }],
    },
    linearInterval: {
      description: 'Linear interval: the traffic shifted so far bakes until the next increment',
      entry: 'startInterval',
      exit: 'endInterval',
      after: { linearInterval: 'linearIncrement' },
    },
    allAtOnce: {
      description: 'AllAtOnce: all traffic shifts at once',
      entry: [grow(() => 100), shift],
      always: 'allShifted',
    },
    allShifted: {
      description: 'All production traffic is on the new version; AllowTraffic ends a moment later (deploysim\'s choice: trafficEventEnd)',
      after: { allowTrafficEnd: 'done' },
    },
    done: { type: 'final' },
  },
});

/** The traffic-shifting orchestrator of one compute platform, its hook states in the lifecycle machine's order. */
export function trafficShiftingMachine(platform: TrafficPlatform) {
  const id = platform === 'Lambda' ? 'codeDeployLambdaTrafficShifting' : 'codeDeployEcsTrafficShifting';
  const order = lifecycleOrder(platform === 'Lambda' ? 'codeDeployLambda' : 'codeDeployEcs');
  const ecs = platform === 'ECS';
  const states: Record<string, ReturnType<typeof setupTraffic.createStateConfig>> = {};
  order.forEach((name, i) => {
    const target = order[i + 1] ?? (ecs ? 'terminationWait' : `#${id}.succeeded`);
    if (name === 'AllowTraffic') {
      states[name] = { ...allowTraffic, onDone: { target, actions: 'endAllowTraffic' } };
      return;
    }
    const run = { type: 'runEvent', params: { name } } as const;
    states[name] = setupTraffic.createStateConfig({
      description: `${name}: a lifecycle event on the ${ecs ? 'replacement task set' : 'function alias'}`,
      // Install creates the replacement task set: from here on a rollback has something to restore.
      entry: ecs && name === 'Install' ? [setupTraffic.assign({ changed: true }), run] : run,
      on:
        ecs && name === ECS_NO_ROLLBACK_EVENT
          ? {
              EVENT_SUCCEEDED: target,
              // Reference §2.2: a failure in an ECS BeforeInstall hook cannot trigger a rollback.
              EVENT_FAILED: {
                target: `#${id}.failed`,
                actions: {
                  type: 'endDeployment',
                  params: { status: 'Failed', trigger: { kind: 'failure', changed: false, rollbackBlocked: `a failure in the ${ECS_NO_ROLLBACK_EVENT} hook cannot trigger a rollback` } },
                },
              },
            }
          : { EVENT_SUCCEEDED: target },
    });
  });
  if (ecs) {
    states.terminationWait = setupTraffic.createStateConfig({
      description: 'Termination wait: all traffic is on the replacement task set; the original is removed when the wait ends',
      entry: 'startTerminationWait',
      after: { terminationWait: { target: `#${id}.succeeded`, actions: 'removeOriginal' } },
    });
  }
  return setupTraffic.createMachine({
    id,
    description: `CodeDeploy ${platform} deployment: ${
      ecs ? 'a replacement task set, test traffic, then production traffic shifts and the original is removed after the termination wait' : 'the function alias shifts its weight to the new version'
    }; a stop or failure may roll back as a new deployment`,
    context: ({ input }) => ({ ...input, shifted: 0, increment: 0, changed: false }),
    initial: 'deploying',
    states: {
      deploying: {
        description: `The user's deployment (d-1) runs its lifecycle events in order`,
        entry: 'startDeployment',
        initial: order[0]!,
        states,
        on: {
          EVENT_FAILED: [
            {
              guard: 'failureRollsBack',
              target: 'rollingBack',
              actions: { type: 'endDeployment', params: ({ context }) => ({ status: 'Failed', trigger: { kind: 'failure', changed: context.changed } }) },
            },
            { target: 'failed', actions: { type: 'endDeployment', params: ({ context }) => ({ status: 'Failed', trigger: { kind: 'failure', changed: context.changed } }) } },
          ],
          STOP: [
            {
              guard: 'stopRollsBack',
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
        description: 'The rollback deployment (d-2, by codeDeployRollback) moves all traffic back to the original version',
        entry: 'startRollback',
        after: { rollbackAllowTraffic: 'rolledBack' },
        on: { STOP: 'rollbackStopped' },
      },
      succeeded: { type: 'final', description: 'Deployment Succeeded', entry: [{ type: 'endDeployment', params: { status: 'Succeeded' } }, { type: 'finish', params: { outcome: 'Succeeded' } }] },
      failed: { type: 'final', description: 'Deployment Failed; no rollback', entry: { type: 'finish', params: { outcome: 'Failed' } } },
      stopped: { type: 'final', description: 'Deployment Stopped; no rollback', entry: { type: 'finish', params: { outcome: 'Stopped' } } },
      rolledBack: {
        type: 'final',
        description: 'The rollback deployment Succeeded: the original version serves again',
        entry: [{ type: 'endRollback', params: { status: 'Succeeded' } }, { type: 'finish', params: { outcome: 'RolledBack' } }],
      },
      rollbackStopped: {
        type: 'final',
        description: 'The rollback deployment was Stopped (deploysim does not roll back a rollback)',
        entry: [{ type: 'endRollback', params: { status: 'Stopped' } }, { type: 'finish', params: { outcome: 'Stopped' } }],
      },
    },
  });
}

export type TrafficMachine = ReturnType<typeof trafficShiftingMachine>;

const built: Partial<Record<TrafficPlatform, TrafficMachine>> = {};

/**
 * The traffic-shifting orchestrator of one platform, built when first asked for:
 * a run needs at most one, and building both (with their lifecycles compiled)
 * was half of what loading the engine cost (issue 10: the simulation worker's start).
 */
export function trafficMachine(platform: TrafficPlatform): TrafficMachine {
  return (built[platform] ??= trafficShiftingMachine(platform));
}
