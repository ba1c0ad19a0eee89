// Helpers for testing the Elastic Beanstalk orchestrator machines alone: the
// event types of their timers (for xstate/graph), an actor on an agenda clock whose
// actions only record their names, and the final states every path reaches.
import { createActor, transition, type AnyStateMachine, type EventObject } from 'xstate';
import { getSimplePaths } from 'xstate/graph';
import { Agenda } from '../../src/engine/agenda.ts';
import { agendaClock } from '../../src/engine/clock.ts';

interface Node {
  after?: { eventType: string }[];
  states?: Record<string, Node>;
}

/** Every timer event type of the machine: xstate.after.<delay>.<machineId>.<statePath>. */
export function afterEvents(machine: AnyStateMachine): EventObject[] {
  const out = new Set<string>();
  const walk = (n: Node) => {
    for (const a of n.after ?? []) out.add(a.eventType);
    for (const c of Object.values(n.states ?? {})) walk(c);
  };
  walk(machine.root as unknown as Node);
  return [...out].map((type) => ({ type }));
}

/**
 * Walks every simple path with `events` (plus the machine's timers) and returns the
 * final states reached; fails if some reachable state has no way out.
 */
export function finalStates(machine: AnyStateMachine, input: unknown, events: EventObject[]): Set<string> {
  const all = [...events, ...afterEvents(machine)];
  const paths = getSimplePaths(machine, { input, events: all });
  const ends = new Set<string>();
  for (const p of paths) {
    if (p.state.status === 'done') {
      ends.add(String(p.state.value));
      continue;
    }
    const moves = all.some((e) => JSON.stringify(transition(machine, p.state, e)[0].value) !== JSON.stringify(p.state.value));
    if (!moves) throw new Error(`${JSON.stringify(p.state.value)} has no way out`);
  }
  return ends;
}

/** Action implementations that record `name` or `name:params` into `log`. */
export function recorder(names: readonly string[], log: string[]): Record<string, (_: unknown, params: unknown) => void> {
  return Object.fromEntries(names.map((name) => [name, (_: unknown, params: unknown) => log.push(params === undefined ? name : `${name}:${JSON.stringify(params)}`)]));
}

/** Starts `machine` on a fresh agenda; returns the actor, the agenda and a way to run time to `t` (or to the end). */
export function start<M extends AnyStateMachine>(machine: M, input: unknown) {
  const agenda = new Agenda();
  const actor = createActor(machine, { input, clock: agendaClock(agenda) } as never);
  actor.start();
  const runUntil = (t = Infinity) => {
    while (!agenda.empty && (agenda.peekTime() ?? Infinity) <= t) agenda.step();
    if (t !== Infinity) agenda.now = Math.max(agenda.now, t);
  };
  return { actor, agenda, runUntil };
}
