// A trace's long lists (targets, spans, events, samples, phases and changes: 2–3 million
// objects at 100,000 instances) made when first read rather than when the run ends. The
// engine records them as columns; building the objects costs as much as a third of
// a large run and keeps hundreds of megabytes alive, and the compact JSON encoder,
// the trace check and the browser's packer need none of them. So `simulate`
// returns a trace whose `targets`, `spans`, `events`, `samples`, `phases` and `changes` are accessors that build the list on
// first read, cache it in the property (a plain data property from then on) and let
// go of the columns. Everything that reads properties sees a plain data object:
// JSON.stringify, structuredClone, postMessage, spread, Object.keys/entries and
// deep equality all get the arrays, in the same key order. Only a property
// descriptor (or util.inspect before the first read) shows the accessor.
//
// Readers that can work row by row use `rowsOf`: while a list is still unbuilt it
// reads the columns (one short-lived object per row, never the whole list).
import type { FinalTarget, Trace, TraceChange, TraceEvent, TracePhase, TraceSample, TraceSpan, TraceTarget } from './types.ts';

/** Rows by position: an array is one; so are the engine's recorded columns. */
export interface Rows<T> {
  readonly length: number;
  /** Row `i` (0 ≤ i < length), equal to the built list's element `i`; a fresh object for columns. */
  at(i: number): T | undefined;
}

/** A change's fields, read into one record that is reused row after row (ChangeRows). */
export interface ChangeFields {
  t: number;
  version: string | undefined;
  state: TraceChange['state'];
  healthy: boolean | undefined;
  registered: boolean | undefined;
}

/** Changes read with no object and no target id per row (the engine's columns): what a fold over 100,000 changes wants. */
export interface ChangeRows {
  readonly length: number;
  /** Change `i`'s target's index (its place in the trace's targets). */
  targetAt(i: number): number;
  /** Reads change `i`'s time and what it sets into `into`. */
  readInto(i: number, into: ChangeFields): void;
}

/** Rows that can also build their whole list (once: the caller keeps it). */
export interface LazyList<T> extends Rows<T> {
  list(): T[];
}

/** The lists a trace may hold unbuilt. */
export interface TraceLists {
  targets: TraceTarget;
  spans: TraceSpan;
  events: TraceEvent;
  samples: TraceSample;
  /** A one at a time rollout has a batch phase per instance. */
  phases: TracePhase;
  changes: TraceChange;
}
type ListKey = keyof TraceLists;

/**
 * Non-enumerable (so invisible to JSON, spread, structuredClone and deep equality):
 * the sources of a trace's lists not built yet. A key is cleared once its list is
 * built or assigned. Symbol.for: the same key in every bundle (engine, worker, CLI).
 */
export const TRACE_COLUMNS: unique symbol = Symbol.for('deploysim.trace.columns') as never;

type Sources = { [K in ListKey]?: LazyList<TraceLists[K]> | undefined };

/** Makes `trace.targets`, `trace.spans`, `trace.events`, `trace.samples`, `trace.phases` and `trace.changes` build from `sources` when first read; returns `trace`. */
export function lazyLists(trace: Trace, sources: { [K in ListKey]: LazyList<TraceLists[K]> }): Trace {
  const pending: Sources = { ...sources };
  Object.defineProperty(trace, TRACE_COLUMNS, { value: pending, enumerable: false, writable: false, configurable: true });
  for (const key of ['targets', 'spans', 'events', 'samples', 'phases', 'changes'] as const) {
    lazyKey(trace, key, () => pending[key]!.list(), () => (pending[key] = undefined));
  }
  return trace;
}

/** Makes `final.targets` build from `source` when first read (as lazyLists does for the trace's lists); returns `final`. */
export function lazyFinalTargets(final: Trace['final'], source: LazyList<FinalTarget>): Trace['final'] {
  const pending: { targets?: LazyList<FinalTarget> | undefined } = { targets: source };
  Object.defineProperty(final, TRACE_COLUMNS, { value: pending, enumerable: false, writable: false, configurable: true });
  lazyKey(final, 'targets', () => source.list(), () => (pending.targets = undefined));
  return final;
}

/** The source of `final.targets` while that list is still unbuilt, else undefined. */
export function pendingFinalTargets(final: Trace['final']): LazyList<FinalTarget> | undefined {
  return (final as { [TRACE_COLUMNS]?: { targets?: LazyList<FinalTarget> } })[TRACE_COLUMNS]?.targets;
}

/** Turns `obj[key]` into an accessor that builds the list on first read, then a plain data property (`settled` is told). */
function lazyKey(obj: object, key: string, build: () => unknown[], settled: () => void): void {
  let built: unknown[] | undefined;
  const settle = (value: unknown[]) => {
    built = value;
    settled();
    // Redefining an existing key keeps its place in the key order (JSON output unchanged).
    Reflect.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  };
  Object.defineProperty(obj, key, {
    enumerable: true,
    configurable: true,
    get() {
      if (built === undefined) settle(build());
      return built;
    },
    set(value: unknown[]) {
      settle(value);
    },
  });
}

/**
 * The rows of `trace[key]` without building the list when it is still unbuilt (the
 * columns); otherwise the list itself.
 */
export function rowsOf<K extends ListKey>(trace: Pick<Trace, K>, key: K): Rows<TraceLists[K]> {
  return pendingList(trace, key) ?? (trace[key] as unknown as Rows<TraceLists[K]>);
}

/** The source of `trace[key]` while that list is still unbuilt, else undefined. */
export function pendingList<K extends ListKey>(trace: Pick<Trace, K>, key: K): LazyList<TraceLists[K]> | undefined {
  return (trace as { [TRACE_COLUMNS]?: Sources })[TRACE_COLUMNS]?.[key] as LazyList<TraceLists[K]> | undefined;
}
