// Builds the statechart of one target's lifecycle from AWS's ordered list of
// lifecycle events (src/aws): one state per event, in AWS's order, and final
// states that say how the target's deployment ended (Succeeded, Failed, Skipped).
// The engine compiles its step lists from these machines (compile.ts), so the
// order a learner sees in the statechart is the order the engine runs.
import { createMachine, type AnyStateMachine } from 'xstate';

export interface LifecycleOptions {
  /** Events a failure of which may be ignored (ignoreApplicationStopFailures): FAILURE_IGNORED moves on. */
  ignorable?: ReadonlySet<string>;
  /** Events that are skipped where there is nothing to run (no last successful revision): SKIPPED moves on. */
  skippable?: ReadonlySet<string>;
  /** Events CodeDeploy runs itself (no scripts), marked in the state's meta. */
  reserved?: ReadonlySet<string>;
  description: string;
}

/** The events a lifecycle machine takes: the engine sends one per step as it ends. */
export type LifecycleEvent =
  | { type: 'START' }
  | { type: 'SKIP' }
  | { type: 'SUCCEEDED' }
  | { type: 'FAILED' }
  | { type: 'SKIPPED' }
  | { type: 'FAILURE_IGNORED' };

export const LIFECYCLE_FINAL_STATES = ['Succeeded', 'Failed', 'Skipped'] as const;

export function lifecycleMachine(id: string, events: readonly string[], options: LifecycleOptions): AnyStateMachine {
  if (events.length === 0) throw new Error(`lifecycle ${id} has no events`);
  const states: Record<string, object> = {
    // Not started yet; a target the deployment never reaches ends Skipped.
    Pending: { on: { START: events[0]!, SKIP: 'Skipped' } },
  };
  events.forEach((name, i) => {
    const next = events[i + 1] ?? 'Succeeded';
    const on: Record<string, string> = { SUCCEEDED: next, FAILED: 'Failed' };
    if (options.skippable?.has(name)) on.SKIPPED = next;
    if (options.ignorable?.has(name)) on.FAILURE_IGNORED = next;
    states[name] = {
      on,
      meta: { lifecycleEvent: true, reserved: options.reserved?.has(name) ?? false },
    };
  });
  states.Succeeded = { type: 'final', meta: { status: 'Succeeded' } };
  states.Failed = { type: 'final', meta: { status: 'Failed' } };
  states.Skipped = { type: 'final', meta: { status: 'Skipped' } };
  return createMachine({ id, description: options.description, initial: 'Pending', states } as never);
}
