// The frame at time t: what every target, chart and header shows at one
// instant, read from the trace with binary searches over indexes built once per
// trace. Scrubbing and stepping back never re-run the simulation.
import type { ChangeFields, ChangeRows, Rows } from '../trace/lazy.ts';
import { TARGET_STATES } from '../trace/columns.ts';
import type { DeploymentStatus, Outcome, TargetState, Trace, TraceChange, TraceDeployment, TraceEvent, TracePhase, TraceSample, TraceSpan, TraceTarget } from '../trace/types.ts';
import { upperBound } from './time.ts';
import { stepFact, type StepKind } from '../aws/step-kinds.ts';
import { runningStatus } from './deployment-status.ts';

export type TileState =
  | 'pending'
  | 'waiting'
  | 'launching'
  | 'deploying'
  | 'draining'
  | 'registering'
  | 'checking'
  | 'healthy'
  | 'standby'
  | 'unhealthy'
  | 'terminating'
  | 'terminated';

export const TILE_STATE_LABEL: Record<TileState, string> = {
  pending: 'not launched yet',
  waiting: 'not healthy yet',
  launching: 'launching',
  deploying: 'deploying',
  draining: 'draining',
  registering: 'joining traffic',
  checking: 'health checks',
  healthy: 'healthy, serving',
  standby: 'healthy, no traffic',
  unhealthy: 'failed / unhealthy',
  terminating: 'terminating',
  terminated: 'terminated',
};

export interface TargetFrame {
  index: number;
  id: string;
  state: TileState;
  version: string;
  /** The step in progress at t, if any. */
  step?: string;
  /** Load-balancer membership (or listener routing); null when the target has no load balancer. */
  inLB: boolean | null;
  /** Health as the trace's changes say it at t. */
  healthy: boolean;
  /** Why the last failed step failed. */
  reason?: string;
}

export interface DeploymentFrame {
  id: string;
  creator: TraceDeployment['creator'];
  revision: string;
  status: DeploymentStatus;
  start: number;
  end: number;
}

/** A target's observable state from one change on, folded from `trace.changes`. */
export interface TargetSnapshot {
  t: number;
  version: string;
  state: TargetState;
  healthy: boolean;
  /** Load balancer (listener) membership; undefined for targets without one. */
  registered: boolean | undefined;
  /** Whether the target has been healthy at any time up to here (a new target waiting is not a failed one). */
  everHealthy: boolean;
}

/**
 * Every target's snapshots as columns, target by target: rows offsets[i] to
 * offsets[i + 1] - 1 are target i's, by time. Tens of thousands of snapshots at
 * thousands of targets: columns are built fast, travel from the simulation worker
 * without copying (src/app/index-packet.ts) and give the collector nothing to trace.
 */
export interface SnapshotColumns {
  offsets: Int32Array;
  t: Float64Array;
  /** Index into `versions`. */
  version: Int32Array;
  /** Index into TARGET_STATES. */
  state: Uint8Array;
  /** HEALTHY | EVER_HEALTHY | REGISTERED_KNOWN | REGISTERED bits. */
  flags: Uint8Array;
  versions: string[];
}

const HEALTHY = 1;
const EVER_HEALTHY = 2;
const REGISTERED_KNOWN = 4;
const REGISTERED = 8;

/** Indexes built once per trace; every frame is read from them. */
export interface TraceIndex {
  trace: Trace;
  duration: number;
  /** Versions in order of appearance (from, to, then any other). */
  versions: string[];
  targets: readonly TraceTarget[];
  targetIndex: Map<string, number>;
  /** Every span of a target, by start. */
  spansByTarget: TraceSpan[][];
  /** Spans that run (not Skipped, longer than an instant), by start: the step in progress. */
  runningByTarget: TraceSpan[][];
  /** Failed spans, by end: why a target is unhealthy. */
  failedByTarget: TraceSpan[][];
  /** The replayed `changes` per target, by time, as columns (read with `snapshotAt`). */
  snapshots: SnapshotColumns;
  /** The trace's phases by start, outer (longer) before inner at the same start. */
  phases: TracePhase[];
  /** Distinct event times, sorted: the stops for next/previous event. */
  eventTimes: number[];
  /**
   * Every event's time, in trace order: how many events have happened by t without
   * the events themselves, which a large link builds for the event log a task after
   * its first timeline (issue 10).
   */
  eventTimesInOrder: Float64Array;
  /** Distinct times where anything starts or ends: the edges of waits. */
  moments: number[];
}

export function buildIndex(trace: Trace): TraceIndex {
  const targets = trace.targets;
  const targetIndex = new Map<string, number>();
  targets.forEach((t, i) => targetIndex.set(t.id, i));
  const spansByTarget: TraceSpan[][] = targets.map(() => []);
  for (const s of trace.spans) {
    const i = targetIndex.get(s.target);
    if (i !== undefined) spansByTarget[i]!.push(s);
  }
  for (const list of spansByTarget) list.sort((a, b) => a.start - b.start || a.end - b.end);
  const runningByTarget = spansByTarget.map(runningSpans);
  const failedByTarget = spansByTarget.map(failedSpans);

  const eventTimesInOrder = Float64Array.from(trace.events, (e) => e.t);
  const eventTimes = distinctTimes([eventTimesInOrder]);
  const moments = momentsOf(eventTimes, trace.spans.map((s) => s.start), trace.spans.map((s) => s.end), trace);
  return {
    trace,
    duration: durationOf(trace),
    versions: versionsOf(trace),
    targets,
    targetIndex,
    spansByTarget,
    runningByTarget,
    failedByTarget,
    snapshots: snapshotColumns(trace.changes, targetIndex, targets.length),
    phases: phasesInOrder(trace.phases),
    eventTimes,
    eventTimesInOrder,
    moments,
  };
}

// The parts of the index shared with the worker's packer and the page's rebuild of
// what it packed (src/app/index-packet.ts), which read the trace's columns instead
// of its built lists.

/** The playable length of a trace. */
export function durationOf(trace: Pick<Trace, 'durationSeconds'>): number {
  return Math.max(trace.durationSeconds, 0);
}

/** Versions in order of appearance: from, to, then any other the trace names. */
export function versionsOf(trace: Pick<Trace, 'scenario' | 'deployments' | 'samples'> & { final: { targets: Rows<{ version: string }> } }): string[] {
  const sc = trace.scenario;
  const versions: string[] = [];
  const addVersion = (v: string | undefined) => {
    if (v && !versions.includes(v)) versions.push(v);
  };
  addVersion(sc.versions?.from);
  addVersion(sc.versions?.to);
  for (const d of trace.deployments) addVersion(d.revision);
  for (const s of trace.samples) {
    for (const v of Object.keys(s.inService)) addVersion(v);
    for (const v of Object.keys(s.traffic)) addVersion(v);
  }
  const finals = trace.final.targets;
  for (let i = 0; i < finals.length; i++) addVersion(finals.at(i)!.version);
  return versions;
}

/** Distinct times where anything starts or ends (the edges of waits): events, span starts and ends, samples, phases, 0 and the end. */
export function momentsOf(
  eventTimes: ArrayLike<number>,
  spanStarts: ArrayLike<number>,
  spanEnds: ArrayLike<number>,
  trace: Pick<Trace, 'samples' | 'phases' | 'durationSeconds'>,
): number[] {
  const edges: number[] = [0, trace.durationSeconds];
  for (const s of trace.samples) edges.push(s.t);
  for (const p of trace.phases) edges.push(p.start, p.end);
  return distinctTimes([eventTimes, spanStarts, spanEnds, edges]);
}

// Plain loops, not `filter`: both run once per target when a large link is first
// drawn, while the page's code is still cold, and a callback per span cost about
// 40 ms at 5,000 targets there (issue 10: the first timeline within 1 s).

/** Spans that run (not Skipped, longer than an instant), in the list's order. */
export function runningSpans(spans: readonly TraceSpan[]): TraceSpan[] {
  const out: TraceSpan[] = [];
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]!;
    if (s.status !== 'Skipped' && s.end > s.start) out.push(s);
  }
  return out;
}

/** Failed spans, by end. */
export function failedSpans(spans: readonly TraceSpan[]): TraceSpan[] {
  const out: TraceSpan[] = [];
  for (let i = 0; i < spans.length; i++) if (spans[i]!.status === 'Failed') out.push(spans[i]!);
  return out.length > 1 ? out.sort((a, b) => a.end - b.end) : out;
}

/** Phases by start, outer (longer) before inner at the same start. */
export function phasesInOrder(phases: readonly TracePhase[]): TracePhase[] {
  return [...phases].sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * `changes` folded per target (as replayChanges folds them): each snapshot is the
 * whole state from that change on; of several changes at one instant only the
 * state after the last is kept, so a search lands on it. Changes still in the
 * engine's columns (ChangeRows, in the simulation worker) are read row by row into
 * one record, with their targets' indices: no object and no id look-up per change.
 */
export function snapshotColumns(changes: Rows<TraceChange> | ChangeRows, targetIndex: ReadonlyMap<string, number>, targetCount: number): SnapshotColumns {
  const rows = 'readInto' in changes ? changes : changeRows(changes, targetIndex);
  const n = rows.length;
  const targetOf = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = rows.targetAt(k);
    targetOf[k] = i >= 0 && i < targetCount ? i : -1;
  }
  // Each target's changes together, so its snapshots lie together.
  const { offsets: starts, rows: byTarget } = rowsByTarget(targetOf, targetCount);

  const out: SnapshotColumns = {
    offsets: new Int32Array(targetCount + 1),
    t: new Float64Array(byTarget.length),
    version: new Int32Array(byTarget.length),
    state: new Uint8Array(byTarget.length),
    flags: new Uint8Array(byTarget.length),
    versions: [''],
  };
  const c: ChangeFields = { t: 0, version: undefined, state: undefined, healthy: undefined, registered: undefined };
  const versionIds = new Map<string, number>([['', 0]]);
  let row = 0;
  for (let i = 0; i < targetCount; i++) {
    // The state before the target's first change.
    let version = 0;
    let state = TARGET_STATES.indexOf('OutOfService');
    let flags = 0;
    let last = NaN;
    for (let m = starts[i]!; m < starts[i + 1]!; m++) {
      rows.readInto(byTarget[m]!, c);
      if (c.version !== undefined) {
        let id = versionIds.get(c.version);
        if (id === undefined) versionIds.set(c.version, (id = out.versions.push(c.version) - 1));
        version = id;
      }
      if (c.state !== undefined) state = TARGET_STATES.indexOf(c.state);
      if (c.healthy !== undefined) flags = c.healthy ? flags | HEALTHY | EVER_HEALTHY : flags & ~HEALTHY;
      if (c.registered !== undefined) flags = (flags & ~REGISTERED) | REGISTERED_KNOWN | (c.registered ? REGISTERED : 0);
      if (c.t !== last) row++;
      last = c.t;
      out.t[row - 1] = c.t;
      out.version[row - 1] = version;
      out.state[row - 1] = state;
      out.flags[row - 1] = flags;
    }
    out.offsets[i + 1] = row;
  }
  if (row < byTarget.length) {
    out.t = out.t.slice(0, row);
    out.version = out.version.slice(0, row);
    out.state = out.state.slice(0, row);
    out.flags = out.flags.slice(0, row);
  }
  return out;
}

/** Built changes (or rows that make an object per read) as ChangeRows: each read once, its target found by id. */
function changeRows(changes: Rows<TraceChange>, targetIndex: ReadonlyMap<string, number>): ChangeRows {
  const list = new Array<TraceChange>(changes.length);
  const targets = new Int32Array(changes.length);
  for (let k = 0; k < list.length; k++) {
    list[k] = changes.at(k)!;
    targets[k] = targetIndex.get(list[k]!.target) ?? -1;
  }
  return {
    length: list.length,
    targetAt: (k) => targets[k]!,
    readInto(k, into) {
      const c = list[k]!;
      into.t = c.t;
      into.version = c.version;
      into.state = c.state;
      into.healthy = c.healthy;
      into.registered = c.registered;
    },
  };
}

/** Row numbers grouped by target: rows offsets[i] to offsets[i + 1] - 1 of `rows` are target i's. */
export interface RowsByTarget {
  offsets: Int32Array;
  rows: Int32Array;
}

/**
 * Row numbers grouped by target, each group in row order (a counting sort): rows
 * offsets[i] to offsets[i + 1] - 1 of `rows` are target i's. `targetOf[k]` is row
 * k's target; -1 (or any number outside the targets) for none.
 */
export function rowsByTarget(targetOf: Int32Array, targetCount: number): RowsByTarget {
  const offsets = new Int32Array(targetCount + 1);
  for (let k = 0; k < targetOf.length; k++) if (targetOf[k]! >= 0 && targetOf[k]! < targetCount) offsets[targetOf[k]! + 1]!++;
  for (let i = 0; i < targetCount; i++) offsets[i + 1]! += offsets[i]!;
  const rows = new Int32Array(offsets[targetCount]!);
  const fill = offsets.slice(0, targetCount);
  for (let k = 0; k < targetOf.length; k++) {
    const i = targetOf[k]!;
    if (i >= 0 && i < targetCount) rows[fill[i]!++] = k;
  }
  return { offsets, rows };
}

/** The distinct values of several lists of times, sorted. */
export function distinctTimes(lists: readonly ArrayLike<number>[]): number[] {
  // Neighbours repeat (a fleet in lockstep records thousands of equal times in a
  // row), so they are skipped before the sort, which then has hundreds of values
  // rather than a hundred thousand. A typed array sorts numerically without a
  // comparator call per pair.
  const kept = new Float64Array(lists.reduce((n, l) => n + l.length, 0));
  let at = 0;
  for (const l of lists) {
    for (let i = 0; i < l.length; i++) {
      const v = l[i]!;
      if (i === 0 || v !== l[i - 1]) kept[at++] = v;
    }
  }
  const sorted = kept.subarray(0, at).sort();
  const out: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (out.length === 0 || sorted[i]! > out[out.length - 1]!) out.push(sorted[i]!);
  return out;
}

/** A target's replayed state at t (changes at exactly t count), or undefined before its first change. */
export function snapshotAt(index: TraceIndex, i: number, t: number): TargetSnapshot | undefined {
  const s = index.snapshots;
  const from = s.offsets[i]!;
  let lo = from;
  let hi = s.offsets[i + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s.t[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo > from ? snapshotRow(s, lo - 1) : undefined;
}

function snapshotRow(s: SnapshotColumns, r: number): TargetSnapshot {
  const flags = s.flags[r]!;
  return {
    t: s.t[r]!,
    version: s.versions[s.version[r]!]!,
    state: TARGET_STATES[s.state[r]!] as TargetState,
    healthy: (flags & HEALTHY) !== 0,
    registered: flags & REGISTERED_KNOWN ? (flags & REGISTERED) !== 0 : undefined,
    everHealthy: (flags & EVER_HEALTHY) !== 0,
  };
}

/** When the trace's changes say the target was terminated (Infinity if never). */
export function terminatedAt(index: TraceIndex, i: number): number {
  const s = index.snapshots;
  const terminated = TARGET_STATES.indexOf('Terminated');
  for (let r = s.offsets[i]!; r < s.offsets[i + 1]!; r++) if (s.state[r] === terminated) return s.t[r]!;
  return Infinity;
}

/** The step a target is running at t: the latest-started span that has not ended. */
export function activeSpanAt(index: TraceIndex, i: number, t: number): TraceSpan | undefined {
  const list = index.runningByTarget[i]!;
  const k = upperBound(list, t, (s) => s.start);
  const s = k > 0 ? list[k - 1]! : undefined;
  return s && s.end > t ? s : undefined;
}

const STATE_OF_KIND: Record<StepKind, TileState> = {
  launch: 'launching',
  terminate: 'terminating',
  drain: 'draining',
  join: 'registering',
  check: 'checking',
  hook: 'deploying',
  reserved: 'deploying',
  workflow: 'deploying',
};

/** One target at time t: version, health and membership replayed from `changes`; the step in progress from spans. */
export function targetAt(index: TraceIndex, i: number, t: number): TargetFrame {
  const target = index.targets[i]!;
  const snap = snapshotAt(index, i, t);
  const active = activeSpanAt(index, i, t);
  let version = snap?.version ?? '';
  if (target.kind === 'lambda-alias') {
    // An alias points at two versions while traffic shifts: show the split.
    const sample = sampleAt(index, t);
    const entries = sample ? Object.entries(sample.traffic).sort((a, b) => b[1] - a[1]) : [];
    if (entries.length > 1) version = entries.map(([v, p]) => `${v} ${p}%`).join(' · ');
  }
  const inLB = snap && snap.registered !== undefined && t >= target.launchedAt ? snap.registered : null;
  let state: TileState;
  if (t < target.launchedAt || !snap) state = 'pending';
  else if (active) state = STATE_OF_KIND[stepFact(active.name).kind];
  else if (snap.state === 'Terminated') state = 'terminated';
  else if (!snap.healthy) state = snap.everHealthy || lastFailed(index, i, t) ? 'unhealthy' : 'waiting';
  else if (snap.state === 'InService' && inLB !== false) state = 'healthy';
  else state = 'standby';

  const frame: TargetFrame = { index: i, id: target.id, state, version, inLB, healthy: snap?.healthy ?? false };
  if (active) frame.step = active.name;
  if (state === 'unhealthy') {
    const failed = lastFailed(index, i, t);
    frame.reason = failed ? failed.reason ?? `${failed.name} failed` : 'not healthy';
  }
  return frame;
}

function lastFailed(index: TraceIndex, i: number, t: number): TraceSpan | undefined {
  const list = index.failedByTarget[i]!;
  const k = upperBound(list, t, (s) => s.end);
  return k > 0 ? list[k - 1] : undefined;
}

export function sampleAt(index: TraceIndex, t: number): TraceSample | undefined {
  const samples = index.trace.samples;
  const k = upperBound(samples, t, (s) => s.t);
  return k > 0 ? samples[k - 1] : samples[0];
}

/** How many events have happened by t (events at exactly t count). */
export function eventCountAt(index: TraceIndex, t: number): number {
  return upperBound(index.eventTimesInOrder, t, (x) => x);
}

export function deploymentsAt(index: TraceIndex, t: number): DeploymentFrame[] {
  return index.trace.deployments
    .filter((d) => d.start <= t)
    .map((d) => ({
      id: d.id,
      creator: d.creator,
      revision: d.revision,
      start: d.start,
      end: d.end,
      status: t >= d.end && (d.end < index.duration || t >= index.duration) ? d.status : runningStatus(index.phases, d.id, t),
    }));
}

export interface Frame {
  t: number;
  targets: TargetFrame[];
  sample: TraceSample | undefined;
  eventCount: number;
  latestEvent: TraceEvent | undefined;
  deployments: DeploymentFrame[];
  outcome: Outcome | undefined;
}

/**
 * Every view's moment at t. The per-target part is worked out when first read (the
 * fleet reads it; a frame in which the fleet waits off screen never pays for 5,000 targets).
 */
export function frameAt(index: TraceIndex, t: number): Frame {
  let targets: TargetFrame[] | undefined;
  const eventCount = eventCountAt(index, t);
  return {
    t,
    get targets() {
      if (!targets) {
        targets = new Array<TargetFrame>(index.targets.length);
        for (let i = 0; i < targets.length; i++) targets[i] = targetAt(index, i, t);
      }
      return targets;
    },
    sample: sampleAt(index, t),
    eventCount,
    // Read only by the presenter bar: a getter, so a frame does not build the events.
    get latestEvent() {
      return index.trace.events[eventCount - 1];
    },
    deployments: deploymentsAt(index, t),
    outcome: t >= index.duration ? index.trace.outcome : undefined,
  };
}

/** Counts of targets per state at t (for aggregated views and summaries). */
export function stateCounts(targets: readonly TargetFrame[]): Record<TileState, number> {
  const counts = Object.fromEntries(Object.keys(TILE_STATE_LABEL).map((k) => [k, 0])) as Record<TileState, number>;
  for (const f of targets) counts[f.state]++;
  return counts;
}

export function nextEventTime(index: TraceIndex, t: number): number {
  const k = upperBound(index.eventTimes, t + 1e-6, (x) => x);
  return k < index.eventTimes.length ? index.eventTimes[k]! : index.duration;
}

export function previousEventTime(index: TraceIndex, t: number): number {
  const k = upperBound(index.eventTimes, t - 1e-6, (x) => x) - 1;
  return k >= 0 ? index.eventTimes[k]! : 0;
}
