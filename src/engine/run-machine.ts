// Starts an orchestrator machine on the world: its `after` timers run on the
// engine's agenda, every state it enters is recorded in the trace (`machines`)
// for the live statechart, and an error thrown inside one of its actions (which
// XState would otherwise swallow) stops the run instead of leaving a wrong trace.
import { createActor, type Actor, type AnyStateMachine, type InputFrom, type StateValue } from 'xstate';
import { agendaClock } from './clock.ts';
import type { World } from './world.ts';

// `machine.provide(…)` builds a whole new machine (every state node again): a fixed
// cost per simulation that is a seventh of a 1,000-instance Elastic Beanstalk run.
// `withActions` provides a machine once per base machine and set of action names,
// with actions that call the implementations of the actor running them (`self`);
// each simulation registers its own. Guards get no `self`, so a driver that
// provides guards keeps `provide`.
type ActionImpl = (args: { self: unknown }, params: unknown) => void;
const implementationsOf = new WeakMap<object, Record<string, ActionImpl>>();
const delegating = new WeakMap<AnyStateMachine, Map<string, AnyStateMachine>>();

/** The machine to run with `actions` (a record of plain functions), built once per base machine and set of names. */
export function withActions<M extends AnyStateMachine>(base: M, actions: NonNullable<Parameters<M['provide']>[0]['actions']>): { machine: M; actions: Record<string, ActionImpl> } {
  const names = Object.keys(actions as object);
  let byNames = delegating.get(base);
  if (!byNames) delegating.set(base, (byNames = new Map()));
  const key = names.join(',');
  let machine = byNames.get(key);
  if (!machine) {
    const calls: Record<string, ActionImpl> = {};
    for (const name of names) calls[name] = (args, params) => implementationsOf.get(args.self as object)![name]!(args, params);
    byNames.set(key, (machine = base.provide({ actions: calls } as never)));
  }
  return { machine: machine as M, actions: actions as unknown as Record<string, ActionImpl> };
}

/** Creates the actor (not started: start it once the timed inputs are scheduled); `provided` comes from withActions. */
export function machineActor<M extends AnyStateMachine>(
  world: World,
  provided: M | { machine: M; actions: Record<string, ActionImpl> },
  input?: InputFrom<M>,
): Actor<M> {
  const machine = 'actions' in provided && 'machine' in provided ? provided.machine : (provided as M);
  const actor = createActor(machine, { clock: agendaClock(world.agenda), ...(input === undefined ? {} : { input }) } as never) as Actor<M>;
  if ('actions' in provided && 'machine' in provided) implementationsOf.set(actor, provided.actions);
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
