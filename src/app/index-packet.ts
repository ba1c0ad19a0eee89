// A TraceIndex packed for the trip from the simulation worker to the page
// (src/app/simulate.worker.ts → src/app/off-thread.ts). Structured cloning the
// index as objects costs the page about as much as the simulation itself: every
// span, event, change and snapshot is rebuilt property by property in one task
// (over 300 ms at 5,000 instances). Here the many small objects travel as typed
// columns plus one string table, moved without copying, and the page rebuilds
// them with plain loops into objects of one shape each, several times faster
// (issue 10: a 5,000-instance link with no main-thread task over 200 ms).
// `unpackIndex(packIndex(index))` equals `index` exactly, shared lists included
// (tests/app/index-packet.test.ts checks it on every shipped scenario).
import { failedSpans, phasesInOrder, runningSpans, type TargetSnapshot, type TraceIndex } from '../layout/frame.ts';
import type { TargetState, Trace, TraceChange, TraceEvent, TraceEventType, TraceSpan, SpanStatus } from '../trace/types.ts';
import { StringTable } from '../engine/trace-columns.ts';

/** Everything but the big lists travels as it is (scenario, targets, samples, phases, …). */
type TraceRest = Omit<Trace, 'spans' | 'events' | 'changes'>;

/** Per-target lists as offsets into one flat list of row numbers (row k of target i: rows[offsets[i] + k]). */
interface Lists {
  offsets: Int32Array;
  rows: Int32Array;
}

export interface IndexPacket {
  rest: TraceRest;
  /** Every string the columns name, once. */
  strings: string[];
  /** The events' messages, row by row: nearly all differ, so a table would only hash them. */
  messages: string[];
  spans: { target: Int32Array; name: Int32Array; start: Float64Array; end: Float64Array; status: Int32Array; deploymentId: Int32Array; revision: Int32Array; reason: Int32Array };
  events: { t: Float64Array; type: Int32Array; target: Int32Array; deploymentId: Int32Array; rule: Int32Array; healthy: Int8Array; end: Float64Array; hasEnd: Int8Array; undocumented: Int32Array };
  changes: { t: Float64Array; target: Int32Array; version: Int32Array; state: Int32Array; healthy: Int8Array; registered: Int8Array };
  /** Each target's spans; the running and failed lists and the phase order are derived again on the page (frame.ts). */
  spansByTarget: Lists;
  snapshots: { offsets: Int32Array; t: Float64Array; version: Int32Array; state: Int32Array; healthy: Int8Array; registered: Int8Array; everHealthy: Int8Array };
  eventTimes: Float64Array;
  moments: Float64Array;
  duration: number;
  versions: string[];
}

/** Absent optional string or flag. */
const NONE = -1;

/**
 * The ids of one column: neighbouring rows often repeat a value (a batch's spans
 * share a name, a revision, a deployment), so the last one is kept at hand.
 */
class ColumnIds {
  private last: string | undefined;
  private lastId = NONE;
  constructor(private readonly table: StringTable) {}
  id(s: string): number {
    if (s !== this.last) {
      this.last = s;
      this.lastId = this.table.of(s);
    }
    return this.lastId;
  }
  optional(s: string | undefined): number {
    return s === undefined ? NONE : this.id(s);
  }
}

const flag = (b: boolean | undefined): number => (b === undefined ? NONE : b ? 1 : 0);

/** Where each list starts in one flat list of them all, and where the last ends. */
function offsetsOf(lists: readonly (readonly unknown[])[]): Int32Array {
  const offsets = new Int32Array(lists.length + 1);
  for (let i = 0; i < lists.length; i++) offsets[i + 1] = offsets[i]! + lists[i]!.length;
  return offsets;
}

/** Each target's spans as rows of `trace.spans`: grouped in trace order, checked against the index's lists. */
function spanRows(index: TraceIndex, targetOf: Int32Array): Lists {
  const lists = index.spansByTarget;
  const offsets = offsetsOf(lists);
  const rows = new Int32Array(offsets[lists.length]!);
  const fill = offsets.slice(0, lists.length);
  for (let j = 0; j < targetOf.length; j++) {
    const i = targetOf[j]!;
    if (i !== NONE) rows[fill[i]!++] = j;
  }
  const spans = index.trace.spans;
  let rowOf: Map<TraceSpan, number> | undefined;
  for (let i = 0; i < lists.length; i++) {
    const list = lists[i]!;
    for (let k = 0; k < list.length; k++) {
      if (spans[rows[offsets[i]! + k]!] !== list[k]) {
        // Not in trace order after all: find each by identity.
        rowOf ??= new Map(spans.map((s, j) => [s, j]));
        for (let m = 0; m < list.length; m++) rows[offsets[i]! + m] = rowOf.get(list[m]!)!;
        break;
      }
    }
  }
  return { offsets, rows };
}

/** The buffers of a packet, to transfer rather than copy. */
export function packetBuffers(p: IndexPacket): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const group of [p.spans, p.events, p.changes, p.spansByTarget, p.snapshots]) {
    for (const column of Object.values(group)) out.push((column as ArrayBufferView).buffer as ArrayBuffer);
  }
  out.push(p.eventTimes.buffer as ArrayBuffer, p.moments.buffer as ArrayBuffer);
  return out;
}

export function packIndex(index: TraceIndex): IndexPacket {
  const { spans, events, changes, ...rest } = index.trace;
  const strings = new StringTable();

  const sp = {
    target: new Int32Array(spans.length),
    name: new Int32Array(spans.length),
    start: new Float64Array(spans.length),
    end: new Float64Array(spans.length),
    status: new Int32Array(spans.length),
    deploymentId: new Int32Array(spans.length),
    revision: new Int32Array(spans.length),
    reason: new Int32Array(spans.length),
  };
  // Each target's spans in trace order: its list in the index, which sorts them
  // by the same key as the trace (checked below, item by item).
  const targetOf = new Int32Array(spans.length);
  const targetIds = index.targets.map((t) => strings.of(t.id));
  const column = () => new ColumnIds(strings);
  const [names, statuses, deployments, revisions, reasons] = [column(), column(), column(), column(), column()];
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]!;
    const row = index.targetIndex.get(s.target);
    targetOf[i] = row ?? NONE;
    sp.target[i] = row === undefined ? strings.of(s.target) : targetIds[row]!;
    sp.name[i] = names.id(s.name);
    sp.start[i] = s.start;
    sp.end[i] = s.end;
    sp.status[i] = statuses.id(s.status);
    sp.deploymentId[i] = deployments.id(s.deploymentId);
    sp.revision[i] = revisions.id(s.revision);
    sp.reason[i] = reasons.optional(s.reason);
  }

  const [types, eventTargets, rules, changeTargets, versions, states] = [column(), column(), column(), column(), column(), column()];
  const ev = {
    t: new Float64Array(events.length),
    type: new Int32Array(events.length),
    target: new Int32Array(events.length),
    deploymentId: new Int32Array(events.length),
    rule: new Int32Array(events.length),
    healthy: new Int8Array(events.length),
    end: new Float64Array(events.length),
    hasEnd: new Int8Array(events.length),
    undocumented: new Int32Array(events.length),
  };
  const messages = new Array<string>(events.length);
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    ev.t[i] = e.t;
    ev.type[i] = types.id(e.type);
    messages[i] = e.message;
    ev.target[i] = eventTargets.optional(e.target);
    ev.deploymentId[i] = deployments.optional(e.deploymentId);
    ev.rule[i] = rules.optional(e.rule);
    ev.healthy[i] = flag(e.healthy);
    ev.hasEnd[i] = e.end === undefined ? 0 : 1;
    ev.end[i] = e.end ?? 0;
    ev.undocumented[i] = rules.optional(e.undocumented);
  }

  const ch = {
    t: new Float64Array(changes.length),
    target: new Int32Array(changes.length),
    version: new Int32Array(changes.length),
    state: new Int32Array(changes.length),
    healthy: new Int8Array(changes.length),
    registered: new Int8Array(changes.length),
  };
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    ch.t[i] = c.t;
    ch.target[i] = changeTargets.id(c.target);
    ch.version[i] = versions.optional(c.version);
    ch.state[i] = states.optional(c.state);
    ch.healthy[i] = flag(c.healthy);
    ch.registered[i] = flag(c.registered);
  }

  const flat = index.snapshotsByTarget.flat();
  const snap = {
    offsets: offsetsOf(index.snapshotsByTarget),
    t: new Float64Array(flat.length),
    version: new Int32Array(flat.length),
    state: new Int32Array(flat.length),
    healthy: new Int8Array(flat.length),
    registered: new Int8Array(flat.length),
    everHealthy: new Int8Array(flat.length),
  };
  for (let i = 0; i < flat.length; i++) {
    const s = flat[i]!;
    snap.t[i] = s.t;
    snap.version[i] = versions.id(s.version);
    snap.state[i] = states.id(s.state);
    snap.healthy[i] = flag(s.healthy);
    snap.registered[i] = flag(s.registered);
    snap.everHealthy[i] = flag(s.everHealthy);
  }

  const spansByTarget = spanRows(index, targetOf);
  return {
    rest,
    strings: strings.list,
    messages,
    spans: sp,
    events: ev,
    changes: ch,
    spansByTarget,
    snapshots: snap,
    eventTimes: Float64Array.from(index.eventTimes),
    moments: Float64Array.from(index.moments),
    duration: index.duration,
    versions: index.versions,
  };
}

function unpackLists<T>(lists: Lists, items: readonly T[]): T[][] {
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

function bare(record: Record<string, number>): Record<string, number> {
  return Object.assign(Object.create(null) as Record<string, number>, record);
}

const bool = (v: number): boolean | undefined => (v === NONE ? undefined : v === 1);

export function unpackIndex(p: IndexPacket): TraceIndex {
  const steps = unpackSteps(p);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same, a table per task: on the page each table's objects take tens of ms
 * to build at 5,000 targets, and together they made the longest task of the
 * first load (issue 10: no main-thread task over 200 ms).
 */
export async function unpackIndexInTasks(p: IndexPacket): Promise<TraceIndex> {
  const steps = unpackSteps(p);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Rebuilds the index table by table, pausing (`yield`) between tables. */
function* unpackSteps(p: IndexPacket): Generator<void, TraceIndex> {
  const str = p.strings;
  const sp = p.spans;
  const spans = new Array<TraceSpan>(sp.target.length);
  for (let i = 0; i < spans.length; i++) {
    const s: TraceSpan = {
      target: str[sp.target[i]!]!,
      name: str[sp.name[i]!]!,
      start: sp.start[i]!,
      end: sp.end[i]!,
      status: str[sp.status[i]!] as SpanStatus,
      deploymentId: str[sp.deploymentId[i]!]!,
      revision: str[sp.revision[i]!]!,
    };
    if (sp.reason[i] !== NONE) s.reason = str[sp.reason[i]!];
    spans[i] = s;
  }
  yield;

  const ev = p.events;
  const events = new Array<TraceEvent>(ev.t.length);
  for (let i = 0; i < events.length; i++) {
    // Optional fields in the order the engine adds them (src/engine/world.ts `event`).
    const e: TraceEvent = { t: ev.t[i]!, type: str[ev.type[i]!] as TraceEventType, message: p.messages[i]! };
    if (ev.target[i] !== NONE) e.target = str[ev.target[i]!];
    if (ev.deploymentId[i] !== NONE) e.deploymentId = str[ev.deploymentId[i]!];
    if (ev.rule[i] !== NONE) e.rule = str[ev.rule[i]!] as TraceEvent['rule'];
    if (ev.healthy[i] !== NONE) e.healthy = ev.healthy[i] === 1;
    if (ev.hasEnd[i] === 1) e.end = ev.end[i];
    if (ev.undocumented[i] !== NONE) e.undocumented = str[ev.undocumented[i]!];
    events[i] = e;
  }
  yield;

  const ch = p.changes;
  const changes = new Array<TraceChange>(ch.t.length);
  for (let i = 0; i < changes.length; i++) {
    const c: TraceChange = { t: ch.t[i]!, target: str[ch.target[i]!]! };
    if (ch.version[i] !== NONE) c.version = str[ch.version[i]!];
    if (ch.state[i] !== NONE) c.state = str[ch.state[i]!] as TargetState;
    if (ch.healthy[i] !== NONE) c.healthy = ch.healthy[i] === 1;
    if (ch.registered[i] !== NONE) c.registered = ch.registered[i] === 1;
    changes[i] = c;
  }
  yield;

  const sn = p.snapshots;
  const snapshotsByTarget = new Array<TargetSnapshot[]>(sn.offsets.length - 1);
  for (let i = 0; i < snapshotsByTarget.length; i++) {
    const from = sn.offsets[i]!;
    const list = new Array<TargetSnapshot>(sn.offsets[i + 1]! - from);
    for (let k = 0; k < list.length; k++) {
      const r = from + k;
      list[k] = { t: sn.t[r]!, version: str[sn.version[r]!]!, state: str[sn.state[r]!] as TargetState, healthy: sn.healthy[r] === 1, registered: bool(sn.registered[r]!), everHealthy: sn.everHealthy[r] === 1 };
    }
    snapshotsByTarget[i] = list;
  }
  yield;

  const r = p.rest;
  // Per-version records have no prototype (version names are user text: "constructor"
  // must not find Object's); structured cloning gives them one, so they are rebuilt.
  for (const sample of r.samples) {
    sample.inService = bare(sample.inService);
    sample.traffic = bare(sample.traffic);
    if (sample.testTraffic) sample.testTraffic = bare(sample.testTraffic);
  }
  r.final.traffic = bare(r.final.traffic);
  // The engine's key order (src/engine/simulate.ts), so the trace reads and exports the same.
  const trace: Trace = {
    schemaVersion: r.schemaVersion,
    scenario: r.scenario,
    outcome: r.outcome,
    durationSeconds: r.durationSeconds,
    deployments: r.deployments,
    targets: r.targets,
    spans,
    events,
    samples: r.samples,
    phases: r.phases,
    changes,
    machines: r.machines,
    final: r.final,
  };
  const targetIndex = new Map<string, number>();
  trace.targets.forEach((t, i) => targetIndex.set(t.id, i));
  const spansByTarget = unpackLists(p.spansByTarget, spans);
  return {
    trace,
    duration: p.duration,
    versions: p.versions,
    targets: trace.targets,
    targetIndex,
    spansByTarget,
    runningByTarget: spansByTarget.map(runningSpans),
    failedByTarget: spansByTarget.map(failedSpans),
    snapshotsByTarget,
    phases: phasesInOrder(trace.phases),
    eventTimes: Array.from(p.eventTimes),
    moments: Array.from(p.moments),
  };
}
