// Starts an orchestrator machine on the world: its `after` timers run on the
// engine's agenda, every state it enters is recorded in the trace (`machines`)
// for the live statechart, and an error thrown inside one of its actions (which
// XState would otherwise swallow) stops the run instead of leaving a wrong trace.
import { createActor, type Actor, type AnyStateMachine, type InputFrom, type StateValue } from 'xstate';
import { agendaClock } from './clock.ts';
import type { World } from './world.ts';

/** Creates the actor (not started: start it once the timed inputs are scheduled). */
export function machineActor<M extends AnyStateMachine>(world: World, machine: M, input?: InputFrom<M>): Actor<M> {
  const actor = createActor(machine, { clock: agendaClock(world.agenda), ...(input === undefined ? {} : { input }) } as never) as Actor<M>;
  let last = '';
  actor.subscribe({
    next: (snapshot) => {
      const state = statePath((snapshot as { value: StateValue }).value);
      if (state === last) return;
      last = state;
      world.machineState(machine.id, state);
    },
    error: (err) => world.fail(err),
  });
  return actor;
}

/** A state value as a dotted path; parallel regions are joined with ", ". */
export function statePath(value: StateValue): string {
  if (typeof value === 'string') return value;
  return Object.entries(value)
    .map(([key, sub]) => (sub === undefined || (typeof sub === 'object' && Object.keys(sub).length === 0) ? key : `${key}.${statePath(sub as StateValue)}`))
    .join(', ');
}
