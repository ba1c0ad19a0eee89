// Starts an orchestrator machine on the world: its `after` timers run on the
// engine's agenda, every state it enters is recorded in the trace (`machines`)
// for the live statechart, and an error thrown inside one of its actions (which
// XState would otherwise swallow) stops the run instead of leaving a wrong trace.
import { createActor, type Actor, type AnyStateMachine, type InputFrom, type InspectionEvent, type StateValue } from 'xstate';
import { agendaClock } from './clock.ts';
import type { World } from './world.ts';

// `machine.provide(…)` builds a whole new machine (every state node again): a fixed
// cost per simulation that is a seventh of a 1,000-instance Elastic Beanstalk run.
// `withActions` provides a machine once per base machine and set of implementation
// names, whose implementations call the ones of the simulation running them: an
// action finds them through the actor (`self`), a guard (which XState gives only
// context and event) through a symbol-keyed field of the context, put on the input
// by `machineActor` and carried by XState's assign (it copies the context's own
// fields, symbols included); so such a machine builds its context from its input
// (the input itself, or a spread of it). The machine's own definition stays untouched, so its
// tests keep driving it with `provide`.
type ActionImpl = (args: { self: unknown }, params: unknown) => void;
type GuardImpl = (args: { context: unknown }, params: unknown) => boolean;
interface Implementations {
  actions: Record<string, ActionImpl>;
  guards: Record<string, GuardImpl>;
}
const IMPLEMENTATIONS = Symbol('deploysim implementations');
const implementationsOf = new WeakMap<object, Implementations>();
const delegating = new WeakMap<AnyStateMachine, Map<string, AnyStateMachine>>();
type Provided<M extends AnyStateMachine> = { machine: M; implementations: Implementations };
type Guards<M extends AnyStateMachine> = NonNullable<Parameters<M['provide']>[0]['guards']>;

/** The machine to run with `actions` and `guards` (records of plain functions), built once per base machine and set of names. */
export function withActions<M extends AnyStateMachine>(
  base: M,
  actions: NonNullable<Parameters<M['provide']>[0]['actions']>,
  guards?: Partial<Guards<M>>,
): Provided<M> {
  const actionNames = Object.keys(actions as object);
  const guardNames = Object.keys(guards ?? {});
  let byNames = delegating.get(base);
  if (!byNames) delegating.set(base, (byNames = new Map()));
  const key = `${actionNames.join(',')};${guardNames.join(',')}`;
  let machine = byNames.get(key);
  if (!machine) {
    const calls: Record<string, ActionImpl> = {};
    for (const name of actionNames) calls[name] = (args, params) => implementationsOf.get(args.self as object)!.actions[name]!(args, params);
    const checks: Record<string, GuardImpl> = {};
    for (const name of guardNames) checks[name] = (args, params) => (args.context as { [IMPLEMENTATIONS]: Implementations })[IMPLEMENTATIONS].guards[name]!(args, params);
    byNames.set(key, (machine = base.provide({ actions: calls, guards: checks } as never)));
  }
  return { machine: machine as M, implementations: { actions: actions as unknown as Record<string, ActionImpl>, guards: (guards ?? {}) as Record<string, GuardImpl> } };
}

/** Creates the actor (not started: start it once the timed inputs are scheduled); `provided` comes from withActions. */
export function machineActor<M extends AnyStateMachine>(
  world: World,
  provided: M | Provided<M>,
  input?: InputFrom<M>,
): Actor<M> {
  const own = 'implementations' in provided && 'machine' in provided ? provided.implementations : undefined;
  const machine = own ? (provided as Provided<M>).machine : (provided as M);
  // The guards' implementations ride on the input, which becomes the context.
  const given = own && Object.keys(own.guards).length > 0 ? { ...(input as object), [IMPLEMENTATIONS]: own } : input;
  // A transition that re-enters its own state (`reenter: true`) leaves the state value as it
  // was: the inspection's microsteps say that it was entered again, so it is recorded too.
  let self: unknown;
  let reentered = false;
  const inspect = (ev: InspectionEvent): void => {
    if (ev.type === '@xstate.microstep' && ev.actorRef === self && ev._transitions.some((tr) => tr.reenter && tr.target !== undefined && tr.target.length > 0)) reentered = true;
  };
  const actor = createActor(machine, { clock: agendaClock(world.agenda), inspect, ...(given === undefined ? {} : { input: given }) } as never) as Actor<M>;
  self = actor;
  if (own) implementationsOf.set(actor, own);
  // A machine whose context drops its input's fields would leave its guards nothing to call.
  if (given !== input && !(IMPLEMENTATIONS in (actor.getSnapshot() as { context: object }).context))
    throw new Error(`${machine.id}: its context must keep the input's fields for the engine's guards (build it from the input by spreading it)`);
  let last = '';
  actor.subscribe({
    next: (snapshot) => {
      const state = statePath((snapshot as { value: StateValue }).value);
      if (state === last && !reentered) return;
      last = state;
      reentered = false;
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
