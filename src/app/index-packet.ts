// A TraceIndex packed for the trip from the simulation worker to the page
// (src/app/simulate.worker.ts → src/app/off-thread.ts). Structured cloning the
// index as objects costs the page about as much as the simulation itself: every
// span, event, change and snapshot is rebuilt property by property in one task
// (over 300 ms at 5,000 instances). Here the trace's three long lists travel as
// the engine recorded them (its columns, src/engine/trace-columns.ts), the index's
// per-target lists as row numbers and its snapshots as the columns they already
// are, all moved without copying. The worker builds no list and no object per row;
// the page builds the spans with the engine's own code, and the events and the
// changes only when something reads them (issue 10: a 5,000-instance link with no
// main-thread task over 200 ms; the event log reads the events a task after the
// first timeline, and a frame counts them by `eventTimesInOrder`). The packet comes
// in two parts: the spans and events first, the spans of which the page turns into
// objects while the worker packs the rest (the two overlap instead of following
// each other). `unpackIndex(packTrace(trace))` equals
// `buildIndex(trace)` exactly, shared lists included (tests/app/index-packet.test.ts
// checks it on every shipped scenario).
import { distinctTimes, durationOf, rowsByTarget, failedSpans, momentsOf, phasesInOrder, runningSpans, snapshotColumns, versionsOf, type RowsByTarget, type SnapshotColumns, type TraceIndex } from '../layout/frame.ts';
import { lazyFinalTargets, lazyLists, pendingFinalTargets, pendingList, type LazyList } from '../trace/lazy.ts';
import type { Trace } from '../trace/types.ts';
import { ChangeColumns, dataBuffers, SpanColumns, type ColumnsData } from '../engine/trace-columns.ts';
import { EventColumns } from '../engine/event-columns.ts';
import { FinalTargetColumns, TargetColumns } from '../engine/target-columns.ts';

/** Everything but the big lists travels as it is (scenario, samples, phases, the final traffic, …). */
type TraceRest = Omit<Trace, 'targets' | 'spans' | 'events' | 'changes' | 'final'> & { final: Omit<Trace['final'], 'targets'> };
const COLUMNS: ReadonlySet<string> = new Set(['targets', 'spans', 'events', 'changes']);

/**
 * The packet's first part: the spans and events, the bulk of the page's rebuilding,
 * with what the worker had to read from their columns before moving them. The
 * worker sends it as soon as it has simulated and packs the rest meanwhile, so
 * the page builds these lists while the worker packs (issue 10).
 */
export interface ListsPart {
  spans: ColumnsData;
  events: ColumnsData;
  /** Each target's spans; the running and failed lists and the phase order are derived again on the page (frame.ts). */
  spansByTarget: RowsByTarget;
  eventTimes: Float64Array;
  eventTimesInOrder: Float64Array;
  moments: Float64Array;
}

/** The second part: everything else. */
export interface RestPart {
  rest: TraceRest;
  /** The engine's columns of the trace's targets, final targets and changes (ColumnsData). */
  targets: ColumnsData;
  finalTargets: ColumnsData;
  changes: ColumnsData;
  /** The index's own columns, as they are. */
  snapshots: SnapshotColumns;
  duration: number;
  versions: string[];
}

export type IndexPacket = ListsPart & RestPart;

/** The buffers of a part (or a whole packet), to transfer rather than copy. */
export function packetBuffers(p: Partial<IndexPacket>): ArrayBuffer[] {
  // Its own typed arrays (the times), then those of its groups of columns.
  const out = dataBuffers(p);
  for (const group of [p.targets, p.finalTargets, p.spans, p.events, p.changes, p.spansByTarget, p.snapshots]) if (group) out.push(...dataBuffers(group));
  // A buffer listed twice cannot be moved: each once.
  return [...new Set(out)];
}

/** The whole packet at once (tests; the worker sends it in its two parts, `packParts`). */
export function packTrace(trace: Trace): IndexPacket {
  const parts = packParts(trace);
  return { ...parts.lists, ...parts.rest() };
}

/**
 * Packs the index of a trace fresh from `simulate`, whose targets, spans, events,
 * changes and final targets are still the engine's columns (src/trace/lazy.ts),
 * without building those lists: in the worker no object is made per row, except a
 * change's while the snapshots are folded. `rest` reads no span or event column,
 * so the first part's buffers may be moved before it is called.
 */
export function packParts(trace: Trace): { lists: ListsPart; rest: () => RestPart } {
  const targets = pendingList(trace, 'targets');
  const spans = pendingList(trace, 'spans');
  const events = pendingList(trace, 'events');
  const changes = pendingList(trace, 'changes');
  const finalTargets = pendingFinalTargets(trace.final);
  if (
    !(targets instanceof TargetColumns && spans instanceof SpanColumns && events instanceof EventColumns && changes instanceof ChangeColumns && finalTargets instanceof FinalTargetColumns)
  ) {
    throw new Error('packTrace packs a trace fresh from simulate(), whose targets, spans, events and changes are not built yet');
  }
  const rest = restOf(trace);
  const { start, end } = spans.times();
  const eventTimesInOrder = events.timesInOrder();
  const eventTimes = distinctTimes([eventTimesInOrder]);
  const lists: ListsPart = {
    // The trace lists spans by start, then end: so is each target's group, as the index wants them.
    spansByTarget: rowsByTarget(spans.targetsInOrder(), targets.length),
    eventTimes: Float64Array.from(eventTimes),
    eventTimesInOrder,
    moments: Float64Array.from(momentsOf(eventTimes, start, end, rest)),
    // Last: the columns' buffers are moved with the part.
    spans: spans.data(),
    events: events.data(),
  };
  return {
    lists,
    rest: () => {
      // The targets' data carries their ids: the snapshots' fold looks targets up by them.
      const targetsData = targets.data();
      const targetIndex = new Map<string, number>();
      targetsData.ids.forEach((id, i) => targetIndex.set(id, i));
      return {
        rest,
        snapshots: snapshotColumns(changes, targetIndex, targets.length),
        duration: durationOf(trace),
        versions: versionsOf({ ...rest, final: { ...rest.final, targets: finalTargets } }),
        targets: targetsData,
        finalTargets: finalTargets.data(),
        changes: changes.data(),
      };
    },
  };
}

/** Everything but the lists the packet carries as columns (and the final targets), without reading (building) those. */
function restOf(trace: Trace): TraceRest {
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(trace)) if (!COLUMNS.has(key)) rest[key] = trace[key as keyof Trace];
  const final: Record<string, unknown> = {};
  for (const key of Object.keys(trace.final)) if (key !== 'targets') final[key] = trace.final[key as keyof Trace['final']];
  rest.final = final;
  return rest as TraceRest;
}

function unpackLists<T>(lists: RowsByTarget, items: readonly T[]): T[][] {
  const out = new Array<T[]>(lists.offsets.length - 1);
  for (let i = 0; i < out.length; i++) {
    const from = lists.offsets[i]!;
    const to = lists.offsets[i + 1]!;
    const list = new Array<T>(to - from);
    for (let k = from; k < to; k++) list[k - from] = items[lists.rows[k]!]!;
    out[i] = list;
  }
  return out;
}

/** A list already built, as a lazy list's source. */
function built<T>(list: T[]): LazyList<T> {
  return { length: list.length, at: (i) => list[i], list: () => list };
}

function bare(record: Record<string, number>): Record<string, number> {
  return Object.assign(Object.create(null) as Record<string, number>, record);
}

export function unpackIndex(p: IndexPacket): TraceIndex {
  const steps = listSteps(p);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value(p);
  }
}

/**
 * The same, a table per task: on the page each table's objects take tens of ms
 * to build at 5,000 targets, and together they made the longest task of the
 * first load (issue 10: no main-thread task over 200 ms). The lists are built
 * while the second part may still be on its way from the worker; without it
 * (the worker failed) there is no index.
 */
export async function unpackIndexInTasks(lists: ListsPart, rest: RestPart | Promise<RestPart | undefined>): Promise<TraceIndex | undefined> {
  const steps = listSteps(lists);
  for (;;) {
    const step = steps.next();
    if (step.done) {
      // For bench/render.ts's breakdown of a first draw: the lists are built, the rest may still be coming.
      performance.mark('deploysim:lists-unpacked');
      const r = await rest;
      return r && step.value(r);
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Rebuilds the first part's lists table by table, pausing (`yield`) after each; then the rest finishes the index. */
function* listSteps(p: ListsPart): Generator<void, (rest: RestPart) => TraceIndex> {
  const spans = SpanColumns.revive(p.spans).list();
  yield;
  // The events are built when first read: the event log reads them, a task after the first timeline.
  const events = EventColumns.revive(p.events);
  const spansByTarget = unpackLists(p.spansByTarget, spans);
  const runningByTarget = spansByTarget.map(runningSpans);
  const failedByTarget = spansByTarget.map(failedSpans);
  yield;
  return (q) => {
    const r = q.rest;
    // Per-version records have no prototype (version names are user text: "constructor"
    // must not find Object's); structured cloning gives them one, so they are rebuilt.
    for (const sample of r.samples) {
      sample.inService = bare(sample.inService);
      sample.traffic = bare(sample.traffic);
      if (sample.testTraffic) sample.testTraffic = bare(sample.testTraffic);
    }
    // The engine's key order (src/engine/simulate.ts); the final targets are built when read.
    const final = lazyFinalTargets({ targets: [], traffic: bare(r.final.traffic) }, FinalTargetColumns.revive(q.finalTargets));
    const targets = TargetColumns.revive(q.targets).list();
    // The engine's key order (src/engine/simulate.ts), so the trace reads and exports the same.
    const trace: Trace = {
      schemaVersion: r.schemaVersion,
      scenario: r.scenario,
      outcome: r.outcome,
      durationSeconds: r.durationSeconds,
      deployments: r.deployments,
      targets,
      spans,
      events: [],
      samples: r.samples,
      phases: r.phases,
      changes: [],
      machines: r.machines,
      final,
    };
    // The changes are built when something reads them (metrics, exports): the index has their snapshots.
    lazyLists(trace, { targets: built(targets), spans: built(spans), events, samples: built(r.samples), phases: built(r.phases), changes: ChangeColumns.revive(q.changes) });
    const targetIndex = new Map<string, number>();
    trace.targets.forEach((t, i) => targetIndex.set(t.id, i));
    return {
      trace,
      duration: q.duration,
      versions: q.versions,
      targets: trace.targets,
      targetIndex,
      spansByTarget,
      runningByTarget,
      failedByTarget,
      snapshots: q.snapshots,
      phases: phasesInOrder(trace.phases),
      eventTimes: Array.from(p.eventTimes),
      eventTimesInOrder: p.eventTimesInOrder,
      moments: Array.from(p.moments),
    };
  };
}
