// Session logic of the app shell, pure and testable in Node: adding and removing
// timed inputs (with which of them the learner injected), deciding whether an
// injection is accepted, and what the fork changed. The shell only stores the
// results and re-renders.
import type { Fault } from '../scenario/types.ts';
import type { Trace } from '../trace/types.ts';
import type { TraceIndex } from '../layout/frame.ts';
import { checkFault, compareForks, type Injection } from '../layout/fork.ts';

export interface FaultList {
  /** The scenario JSON as the user wrote it. */
  raw: Record<string, unknown>;
  /** Which faults (by position) were injected in this session. */
  userFaults: Set<number>;
}

export const faultsOf = (raw: Record<string, unknown> | undefined): Fault[] => (Array.isArray(raw?.faults) ? (raw.faults as Fault[]) : []);

/** The scenario with `fault` appended, marked as injected. */
export function withFault(list: FaultList, fault: Fault): FaultList {
  const raw = structuredClone(list.raw);
  const faults = faultsOf(raw);
  raw.faults = [...faults, fault];
  return { raw, userFaults: new Set([...list.userFaults, faults.length]) };
}

/** The scenario without fault `i`; the injected marks of later faults move down by one. */
export function withoutFault(list: FaultList, i: number): FaultList {
  const raw = structuredClone(list.raw);
  const faults = [...faultsOf(raw)];
  faults.splice(i, 1);
  raw.faults = faults;
  return { raw, userFaults: new Set([...list.userFaults].filter((k) => k !== i).map((k) => (k > i ? k - 1 : k))) };
}

/** Something shown only while the trace it belongs to is loaded (a selection, a fork report). */
export interface Held<T> {
  trace: Trace;
  value: T;
}

export function heldFor<T>(held: Held<T> | undefined, trace: Trace | undefined): T | undefined {
  return held && trace && held.trace === trace ? held.value : undefined;
}

/**
 * Plans an injection on the current trace: refused (with the reason) when the
 * fault can no longer take effect, otherwise the new fault list to simulate.
 */
export function planInjection(index: TraceIndex, list: FaultList, fault: Fault): { ok: true; next: FaultList } | { ok: false; refused: Injection } {
  const check = checkFault(index, fault);
  if (!check.ok) return { ok: false, refused: { kind: 'refused', fault, message: check.reason } };
  return { ok: true, next: withFault(list, fault) };
}

/** After the re-simulation: the report on what changed, for the fault at `faultIndex`. */
export function reportInjection(before: Trace, after: Trace, fault: Fault, faultIndex: number): Injection {
  return { ...compareForks(before, after, fault), faultIndex };
}
