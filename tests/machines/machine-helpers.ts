// Helpers for testing an orchestrator machine alone: its timer event types (for
// xstate/graph), path checks, and an actor on an agenda clock whose actions only
// record their names. Shared by the Elastic Beanstalk and CodeDeploy machine tests.
import { createActor, initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
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

const value = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * Walks every simple path with `events` plus the machine's timers; returns the
 * final states reached, and fails if a reachable state cannot reach a final state.
 */
export function finalStates(machine: AnyStateMachine, input: unknown, events: EventObject[]): Set<string> {
  const all = [...events, ...afterEvents(machine)];
  const paths = getSimplePaths(machine, { input, events: all });
  const ends = new Set<string>();
  for (const p of paths) {
    if (p.state.status === 'done') {
      ends.add(value(p.state.value));
      continue;
    }
    const out = getShortestPaths(machine, { input, events: all, fromState: p.state, toState: (s) => s.status === 'done' });
    if (out.length === 0) throw new Error(`${value(p.state.value)} cannot reach a final state`);
  }
  return ends;
}

/** The first events of every shortest path from the state `events` lead to, to a final state named `to`. */
export function firstStepsTo(machine: AnyStateMachine, input: unknown, events: EventObject[], path: EventObject[], to: string): string[] {
  const all = [...events, ...afterEvents(machine)];
  const s = reach(machine, input, path);
  const paths = getShortestPaths(machine, { input, events: all, fromState: s, toState: (x) => x.status === 'done' && value(x.value) === to });
  return [...new Set(paths.map((p) => p.steps.find((step) => step.event.type !== 'xstate.init')?.event.type ?? '(none)'))];
}

/** The snapshot `path` leads to from the initial state (pure: no action runs). */
export function reach(machine: AnyStateMachine, input: unknown, path: EventObject[]): AnyMachineSnapshot {
  let [s] = initialTransition(machine, input);
  for (const e of path) [s] = transition(machine, s, e);
  return s;
}

/** Action implementations that record `name` or `name:params` into `log`. */
export function recorder(names: readonly string[], log: string[]): Record<string, (_: unknown, params: unknown) => void> {
  return Object.fromEntries(names.map((name) => [name, (_: unknown, params: unknown) => log.push(params === undefined ? name : `${name}:${JSON.stringify(params)}`)]));
}

/** Starts `machine` on a fresh agenda; returns the actor and a way to run simulated time (seconds) to `t`, or to the end. */
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
