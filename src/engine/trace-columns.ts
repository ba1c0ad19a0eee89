// The trace's two largest lists (spans and changes: about 27 objects per instance
// in a blue/green run) kept as columns while the simulation runs, and turned into
// the plain objects of the Trace contract once, when it ends. Why: a 100,000-
// instance run holds millions of them; as objects they sit in the old generation
// during the whole run and every major GC marks them again (near a 400 MB heap cap
// that was most of the run). As typed arrays they cost no marking and no copying,
// and the objects are then built in one tight loop with one literal shape each.
// Strings that repeat (step names, deployment ids, revisions, reasons) are kept
// once in a table; targets are indices into the world's targets (see TargetIds).
// The trace takes them unbuilt (src/trace/lazy.ts): its `spans` and `changes` become
// objects when first read, and readers that go row by row (the compact encoder, the
// check) read these columns through `at` without ever building the lists.
import type { SpanStatus, TargetState, TraceChange, TraceSpan } from '../trace/types.ts';
import type { ChangeFields, ChangeRows, LazyList } from '../trace/lazy.ts';
import { addChunk, chunkState, FIRST_CHUNK, settleChunks } from './column-chunks.ts';

/** The id of a target by its index (the world's targets, in launch order). */
export interface TargetIds {
  idAt(index: number): string;
}

/** Values (strings, functions) kept once, by index; the last one looked up is remembered (runs repeat it). */
export class Table<T> {
  readonly list: T[] = [];
  private readonly index = new Map<T, number>();
  private last: T | undefined = undefined;
  private lastIndex = -1;

  of(s: T): number {
    if (s === this.last && this.lastIndex >= 0) return this.lastIndex;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    this.last = s;
    this.lastIndex = i;
    return i;
  }
}

/** Strings kept once, by index. */
export class StringTable extends Table<string> {}

/**
 * One field's last value and its index in a table that other fields share: a run
 * repeats each field's value many times in a row, but a shared table asked for its
 * fields in turn never finds its own last value and looks every one up in its map (a
 * cost that doubles per lookup at 100,000 instances, the map out of the CPU's caches).
 */
export class FieldMemo {
  private key: string | undefined = undefined;
  private index = -1;

  constructor(private readonly table: Table<string>) {}

  of(s: string): number {
    if (s !== this.key) {
      this.index = this.table.of(s);
      this.key = s;
    }
    return this.index;
  }
}

/**
 * A text about one target (an event's message, a span's reason) written only when
 * the trace is read: a function of the target's id alone, made once per wording
 * (World.idThen), never per call. A 100,000-instance run records hundreds of
 * thousands of such texts; kept as strings they are copied by every young-generation
 * GC and marked by every major one for the whole run, and most are never read.
 */
export type TargetText = ((target: string) => string) & {
  /** Set on texts that are the id followed by this (idThenText): another thread rebuilds them from it. */
  readonly suffix?: string;
};

/**
 * A text written when read from a number the event keeps (a batch phase, say): one
 * function per wording for the whole run, an integer per event. Why: a one at a time
 * rollout starts a batch per instance, and its "Batch k: CodeDeploy deploys v2 to
 * i-k" kept as a string per event (copied and marked by the collector until the run
 * ends, for a text few ever read) was a quarter of a 100,000-instance run: in-place
 * OneAtATime took 808 ms with them, 612 ms without (10,000 instances: 79 and 67 ms;
 * medians of seven alternating processes).
 */
export type NumberedText = (n: number) => string;

/** The TargetText "<target id><suffix>". */
export function idThenText(suffix: string): TargetText {
  return Object.assign((id: string) => id + suffix, { suffix });
}

/** A target state's code in the columns (here and in target-store.ts): its place in STATES. */
export const STATES: readonly TargetState[] = ['InService', 'OutOfService', 'Terminated'];
export function stateCode(state: TargetState): number {
  return state === 'InService' ? 0 : state === 'OutOfService' ? 1 : 2;
}

/**
 * A column of times: 4 bytes a time while every time recorded is exactly a 32-bit
 * float (whole seconds up to 16,777,216, halves and quarters), 8 once one is not
 * (TimeColumn.widen). Why: a 100,000-instance run records millions of spans and
 * changes, and every byte of them is memory the process has never touched (the
 * 10,000-instance runs reuse what the runs before them freed); a Float32Array gives
 * back exactly the number stored whenever `Math.fround(t) === t`, so no time changes.
 */
export type TimeColumn = Float32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;

/** Whether `t` can go into a Float32Array and come back the same number. */
export function fitsFloat32(t: number): boolean {
  return Math.fround(t) === t;
}

/** The same times as 8-byte floats (the rows already recorded keep their values exactly). */
export function widen(times: TimeColumn): Float64Array<ArrayBuffer> {
  return times instanceof Float64Array ? times : Float64Array.from(times);
}

/**
 * A time read back from a column as a small integer when it is one: a Float64Array
 * gives a boxed number (16 bytes, and it turns the objects' field into a boxed
 * double field for good); an integer is stored in the object itself.
 */
export function time(x: number): number {
  return x === (x | 0) ? x | 0 : x;
}

export function grow<T extends Float64Array | Int32Array | Uint8Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

export const FIRST_CAPACITY = FIRST_CHUNK;

/** The next capacity: four times while small (fewer copies), then twice (less slack). */
export function larger(capacity: number): number {
  return capacity < 1 << 20 ? capacity * 4 : capacity * 2;
}

/**
 * A columns object as plain data, for another thread (the simulation worker sends
 * the trace's columns to the page, src/app/index-packet.ts): its own fields, with
 * the target ids it refers to as a list (an `idAt` function does not clone).
 * `revive` on the other side makes columns of it again, which build the same objects.
 */
export type ColumnsData = Readonly<Record<string, unknown>> & { readonly ids: readonly string[] };

/** The ids of the first `count` targets. */
function idsOf(targets: TargetIds, count: number): string[] {
  return Array.from({ length: count }, (_, i) => targets.idAt(i));
}

/** `columns` as data, with the ids of their first `count` targets. */
export function dataOf(columns: object, targets: TargetIds, count: number): ColumnsData {
  return { ...columns, targets: undefined, ids: idsOf(targets, count) };
}

/**
 * Texts written when read are functions, which do not clone: a column of cells
 * (`cells[i] <= base` names text `base - cells[i]`, any other cell a string of
 * `strings`) rewritten so that every cell names a string or a text that is the id
 * followed by a suffix (idThenText), the other texts written out (for row i's
 * target, `idOf(i)`) after the strings. `suffixes` has each text's suffix (null for
 * one written out); `suffixTexts` makes the texts again on the other side. Why not
 * write them all: at 5,000 instances that is 15,000 event messages for the worker
 * to write and clone and the page to read back, on the way to the first timeline
 * (issue 10), where the page joins an id and a suffix when it builds the event.
 */
export function writtenTexts(
  cells: Int32Array,
  length: number,
  strings: readonly string[],
  texts: readonly TargetText[],
  base: number,
  idOf: (row: number) => string,
): { cells: Int32Array; strings: string[]; suffixes: (string | null)[] } {
  const suffixes = texts.map((text) => text.suffix ?? null);
  const out = { cells: cells.slice(0, length), strings: [...strings], suffixes };
  for (let i = 0; i < length; i++) {
    const c = out.cells[i]!;
    if (c > base || suffixes[base - c] !== null) continue;
    out.cells[i] = out.strings.length;
    out.strings.push(texts[base - c]!(idOf(i)));
  }
  return out;
}

/** The texts of `writtenTexts`'s suffixes again, as the table the columns read them from (one written out is never read). */
export function suffixTexts(suffixes: readonly (string | null)[]): { list: TargetText[] } {
  return { list: suffixes.map((suffix) => (suffix === null ? writtenOut : idThenText(suffix))) };
}

const writtenOut: TargetText = () => {
  throw new Error('a text written out is read from the strings, not called');
};

/** How many targets a `target` column refers to (rows whose `fields` lack `hasTarget`, when given, have none). */
export function targetCount(target: Int32Array, length: number, fields?: Uint8Array, hasTarget = 0): number {
  let count = 0;
  for (let i = 0; i < length; i++) if (target[i]! >= count && (fields === undefined || (fields[i]! & hasTarget) !== 0)) count = target[i]! + 1;
  return count;
}

export function revive<C extends object>(data: ColumnsData, prototype: C, extra: object = {}): C {
  const ids = data.ids;
  return Object.assign(Object.create(prototype) as C, data, { targets: { idAt: (i: number) => ids[i]! } satisfies TargetIds }, extra);
}

/** The buffers of the typed arrays among an object's own fields (columns data, say), to move rather than copy. */
export function dataBuffers(data: object): ArrayBuffer[] {
  return Object.values(data).flatMap((v) => (ArrayBuffer.isView(v) ? [v.buffer as ArrayBuffer] : []));
}

interface SpanArrays {
  [field: string]: TimeColumn | Int32Array<ArrayBuffer>;
  start: TimeColumn;
  end: TimeColumn;
  target: Int32Array<ArrayBuffer>;
  kind: Int32Array<ArrayBuffer>;
  reason: Int32Array<ArrayBuffer>;
}

/** Spans in recording order; `list()` and `at()` give them by start, then end (stable). */
export class SpanColumns implements LazyList<TraceSpan> {
  length = 0;
  /** 4 bytes a time until one needs 8 (TimeColumn). */
  private start: TimeColumn = new Float32Array(FIRST_CAPACITY);
  private end: TimeColumn = new Float32Array(FIRST_CAPACITY);
  /** Whether every time so far fits a Float32Array (the columns are still 4 bytes a time). */
  private narrow = true;
  /** A target index (≥ 0), or -1 - a string index for a span on something that is not a target. */
  private target = new Int32Array(FIRST_CAPACITY);
  /** What the span is besides its target, times and reason: an index in `kinds`. */
  private kind = new Int32Array(FIRST_CAPACITY);
  /** An index in `reasons`, -1 when the span has no reason, or -2 - an index in `reasonTexts` (a TargetText of the span's target). */
  private reason = new Int32Array(FIRST_CAPACITY);
  /** The distinct (name, status, deployment, revision) of the spans: a run has a few dozen. */
  private readonly kinds: { name: string; status: SpanStatus; deploymentId: string; revision: string }[] = [];
  /**
   * The kinds of each step name (a few per name): found by comparing strings, where
   * a numeric key over all four fields exceeds 2^31 and makes each lookup hash a
   * boxed double (a one at a time rollout switches kind at every span).
   */
  private readonly kindsByName = new Map<string, number[]>();
  private lastKind = -1;
  /** Names of span targets that are not world targets. */
  private readonly texts = new StringTable();
  /**
   * Reasons, one per span that has one: often unique to a target ("no last successful
   * revision on i-7: …"), so not looked up in a table (that would hash each one).
   */
  private readonly reasons: string[] = [];
  /** Reasons written when read (TargetText), by index. */
  private readonly reasonTexts = new Table<TargetText>();
  /** The latest end recorded (the trace's duration needs it). */
  maxEnd = 0;

  /** Span indices in trace order (by start, then end), once asked for; null when that is recording order. */
  private order: Int32Array | null | undefined = undefined;
  /** The columns grow by chunks (column-chunks.ts), joined when first read. */
  private readonly chunks = chunkState<SpanArrays>();

  constructor(private targets: TargetIds) {}

  /** Where target ids come from from now on (the world, once released, hands over a plain list). */
  useIds(targets: TargetIds): void {
    this.targets = targets;
  }

  /** Records a span of `target` (a target's index, or `named(id)`); `reason` undefined for none, or a TargetText of the span's target. */
  add(target: number, name: string, start: number, end: number, status: SpanStatus, deploymentId: string, revision: string, reason: string | TargetText | undefined): void {
    const i = this.length;
    if (i === this.chunks.capacity) this.use(addChunk(this.chunks, this.arrays()));
    const j = i - this.chunks.base;
    if (this.narrow && !(fitsFloat32(start) && fitsFloat32(end))) {
      // The current chunk and those after it get 8 bytes a time; filled chunks keep theirs (joined exactly).
      this.narrow = false;
      this.start = widen(this.start);
      this.end = widen(this.end);
    }
    this.target[j] = target;
    this.kind[j] = this.kindOf(name, status, deploymentId, revision);
    this.start[j] = start;
    this.end[j] = end;
    if (reason === undefined) this.reason[j] = -1;
    else if (typeof reason === 'function') this.reason[j] = -2 - this.reasonTexts.of(reason);
    else {
      this.reason[j] = this.reasons.length;
      this.reasons.push(reason);
    }
    if (end > this.maxEnd) this.maxEnd = end;
    this.length = i + 1;
    this.order = undefined;
  }

  private kindOf(name: string, status: SpanStatus, deploymentId: string, revision: string): number {
    // A run records the same kind many times in a row (a lockstep fleet).
    const last = this.kinds[this.lastKind];
    if (last !== undefined && last.name === name && last.status === status && last.deploymentId === deploymentId && last.revision === revision) return this.lastKind;
    this.lastKind = this.newKindOf(name, status, deploymentId, revision);
    return this.lastKind;
  }

  private newKindOf(name: string, status: SpanStatus, deploymentId: string, revision: string): number {
    let ofName = this.kindsByName.get(name);
    if (ofName === undefined) this.kindsByName.set(name, (ofName = []));
    for (let j = 0; j < ofName.length; j++) {
      const k = ofName[j]!;
      const kind = this.kinds[k]!;
      if (kind.status === status && kind.deploymentId === deploymentId && kind.revision === revision) return k;
    }
    const k = this.kinds.length;
    this.kinds.push({ name, status, deploymentId, revision });
    ofName.push(k);
    return k;
  }

  /** The reference `add` takes for a span on something that is not a target, by its name. */
  named(id: string): number {
    return -1 - this.texts.of(id);
  }

  private arrays(): SpanArrays {
    return { start: this.start, end: this.end, target: this.target, kind: this.kind, reason: this.reason };
  }

  private use(a: SpanArrays): void {
    ({ start: this.start, end: this.end, target: this.target, kind: this.kind, reason: this.reason } = a);
  }

  /** The chunks joined, when first read (every reader comes through here). */
  private settle(): void {
    const joined = settleChunks(this.chunks, this.arrays(), this.length);
    if (joined !== undefined) this.use(joined);
  }

  /** These columns as plain data for another thread (see ColumnsData). */
  data(): ColumnsData {
    this.settle();
    this.traceOrder(); // sorted once, here, and sent along
    const { cells: reason, strings: reasons, suffixes: reasonSuffixes } = writtenTexts(this.reason, this.length, this.reasons, this.reasonTexts.list, -2, (i) => this.idOf(i));
    return dataOf({ ...this, reason, reasons, reasonTexts: undefined, reasonSuffixes }, this.targets, targetCount(this.target, this.length));
  }

  static revive(data: ColumnsData): SpanColumns {
    return revive(data, SpanColumns.prototype, { reasonTexts: suffixTexts(data.reasonSuffixes as (string | null)[]), reasonSuffixes: undefined });
  }

  /**
   * Each span's target in trace order, as its index among the trace's targets (which
   * are in the world's order), or -1 for a span on something that is not a target:
   * what a reader grouping spans by target needs, without building them.
   */
  targetsInOrder(): Int32Array {
    this.settle();
    const order = this.traceOrder();
    const out = new Int32Array(this.length);
    for (let k = 0; k < this.length; k++) {
      const t = this.target[order === null ? k : order[k]!]!;
      out[k] = t >= 0 ? t : -1;
    }
    return out;
  }

  /** Every span's start and end, in recording order. */
  times(): { start: TimeColumn; end: TimeColumn } {
    this.settle();
    return { start: this.start.subarray(0, this.length), end: this.end.subarray(0, this.length) };
  }

  /** The id of span `i`'s target (recording order), or the name of its thing. */
  private idOf(i: number): string {
    const t = this.target[i]!;
    return t >= 0 ? this.targets.idAt(t) : this.texts.list[-1 - t]!;
  }

  /** The spans as objects, in recording order. */
  recorded(): TraceSpan[] {
    this.settle();
    const out = new Array<TraceSpan>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.object(i);
    return out;
  }

  /** The span at position `k` in trace order, as a fresh object (LazyList). */
  at(k: number): TraceSpan | undefined {
    if (k < 0 || k >= this.length) return undefined;
    this.settle();
    const order = this.traceOrder();
    return this.object(order === null ? k : order[k]!);
  }

  /** The spans as objects in trace order, by start, then end; equal ones keep recording order (causal order) (LazyList). */
  list(): TraceSpan[] {
    this.settle();
    const n = this.length;
    const order = this.traceOrder();
    if (order === null) return this.recorded();
    const out = new Array<TraceSpan>(n);
    for (let k = 0; k < n; k++) out[k] = this.object(order[k]!);
    return out;
  }

  private traceOrder(): Int32Array | null {
    if (this.order !== undefined) return this.order;
    if (this.inOrder(undefined)) return (this.order = null);
    const order = this.byStart();
    // Spans are recorded as they end, so within one start they are normally by end
    // already; when not (a span recorded after it ended), a stable sort finishes the
    // job on an order that is nearly right.
    if (!this.inOrder(order)) {
      const { start, end } = this;
      const list = Array.from(order);
      list.sort((a, b) => start[a]! - start[b]! || end[a]! - end[b]!);
      order.set(list);
    }
    return (this.order = order);
  }

  /** Whether the spans, taken in `order` (recording order when undefined), are by start, then end. */
  private inOrder(order: Int32Array | undefined): boolean {
    const { start, end } = this;
    let prev = order === undefined ? 0 : order[0]!;
    for (let k = 1; k < this.length; k++) {
      const i = order === undefined ? k : order[k]!;
      if (start[prev]! > start[i]! || (start[prev] === start[i] && end[prev]! > end[i]!)) return false;
      prev = i;
    }
    return true;
  }

  /**
   * Span indices by start, ties in recording order: a counting sort over the ranks of
   * the distinct starts (a native sort of the start times finds them). No comparator
   * calls: a 100,000-instance run has millions of spans.
   */
  private byStart(): Int32Array {
    const n = this.length;
    const start = this.start.subarray(0, n);
    const distinct = start.slice().sort();
    let m = 0;
    for (let k = 0; k < n; k++) if (k === 0 || distinct[k] !== distinct[m - 1]) distinct[m++] = distinct[k]!;
    const rank = new Int32Array(n);
    const counts = new Int32Array(m + 1);
    for (let i = 0; i < n; i++) {
      const x = start[i]!;
      let lo = 0;
      let hi = m - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (distinct[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      rank[i] = lo;
      counts[lo + 1]!++;
    }
    for (let r = 1; r <= m; r++) counts[r]! += counts[r - 1]!;
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[counts[rank[i]!]!++] = i;
    return order;
  }

  /** One span object; two literal shapes (with and without a reason), fields always in the same order. */
  private object(i: number): TraceSpan {
    const target = this.idOf(i);
    const { name, status, deploymentId, revision } = this.kinds[this.kind[i]!]!;
    const start = time(this.start[i]!);
    const end = time(this.end[i]!);
    const r = this.reason[i]!;
    if (r === -1) return { target, name, start, end, status, deploymentId, revision };
    const reason = r >= 0 ? this.reasons[r]! : this.reasonTexts.list[-2 - r]!(target);
    return { target, name, start, end, status, deploymentId, revision, reason };
  }
}

/** What a change sets: everything (a target's first change) or one field. */
const ChangeKind = { Added: 0, State: 1, Version: 2, Healthy: 3, Registered: 4 } as const;
type ChangeKind = (typeof ChangeKind)[keyof typeof ChangeKind];

interface ChangeArrays {
  [field: string]: TimeColumn | Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>;
  t: TimeColumn;
  target: Int32Array<ArrayBuffer>;
  kind: Uint8Array<ArrayBuffer>;
  value: Int32Array<ArrayBuffer>;
}

/** Changes of the targets' observable state, in recording order (which is time order and trace order). */
export class ChangeColumns implements LazyList<TraceChange>, ChangeRows {
  length = 0;
  /** 4 bytes a time until one needs 8 (TimeColumn). */
  private t: TimeColumn = new Float32Array(FIRST_CAPACITY);
  private narrow = true;
  private target = new Int32Array(FIRST_CAPACITY);
  /** The ChangeKind in the low 3 bits; for Added, above them: state code | healthy << 2 | registered (0 none, 1 false, 2 true) << 3. */
  private kind = new Uint8Array(FIRST_CAPACITY);
  /** Version: a string index; state: its code; healthy and registered: 0 or 1. Added: the version's index. */
  private value = new Int32Array(FIRST_CAPACITY);
  private readonly versions = new StringTable();
  /** The columns grow by chunks, joined when first read (as SpanColumns does). */
  private readonly chunks = chunkState<ChangeArrays>();

  constructor(private targets: TargetIds) {}

  /** Where target ids come from from now on (see SpanColumns.useIds). */
  useIds(targets: TargetIds): void {
    this.targets = targets;
  }

  /** Takes the next row, at time `t`; returns its place in the current chunk. */
  private next(t: number): number {
    const i = this.length;
    if (i === this.chunks.capacity) this.use(addChunk(this.chunks, this.arrays()));
    if (this.narrow && !fitsFloat32(t)) {
      this.narrow = false;
      this.t = widen(this.t);
    }
    this.length = i + 1;
    return i - this.chunks.base;
  }

  private arrays(): ChangeArrays {
    return { t: this.t, target: this.target, kind: this.kind, value: this.value };
  }

  private use(a: ChangeArrays): void {
    ({ t: this.t, target: this.target, kind: this.kind, value: this.value } = a);
  }

  /** The chunks joined, when first read. */
  private settle(): void {
    const joined = settleChunks(this.chunks, this.arrays(), this.length);
    if (joined !== undefined) this.use(joined);
  }

  /** These columns as plain data for another thread (see ColumnsData). */
  data(): ColumnsData {
    this.settle();
    return dataOf(this, this.targets, targetCount(this.target, this.length));
  }

  static revive(data: ColumnsData): ChangeColumns {
    return revive(data, ChangeColumns.prototype);
  }

  /** The time of the last change, or undefined when there is none. */
  lastTime(): number | undefined {
    return this.length > 0 ? this.t[this.length - 1 - this.chunks.base] : undefined;
  }

  added(t: number, target: number, version: string, state: TargetState, healthy: boolean, registered: boolean | undefined): void {
    const i = this.next(t);
    this.t[i] = t;
    this.target[i] = target;
    this.value[i] = this.versions.of(version);
    this.kind[i] = ChangeKind.Added | ((stateCode(state) | (healthy ? 4 : 0) | (registered === undefined ? 0 : registered ? 16 : 8)) << 3);
  }

  state(t: number, target: number, state: TargetState): void {
    this.one(t, target, ChangeKind.State, stateCode(state));
  }

  version(t: number, target: number, version: string): void {
    this.one(t, target, ChangeKind.Version, this.versions.of(version));
  }

  healthy(t: number, target: number, healthy: boolean): void {
    this.one(t, target, ChangeKind.Healthy, healthy ? 1 : 0);
  }

  registered(t: number, target: number, registered: boolean): void {
    this.one(t, target, ChangeKind.Registered, registered ? 1 : 0);
  }

  private one(t: number, target: number, kind: ChangeKind, value: number): void {
    const i = this.next(t);
    this.t[i] = t;
    this.target[i] = target;
    this.kind[i] = kind;
    this.value[i] = value;
  }

  /** The changes as objects (LazyList). */
  list(): TraceChange[] {
    this.settle();
    const out = new Array<TraceChange>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.object(i);
    return out;
  }

  /** Change `i` as a fresh object (LazyList). */
  at(i: number): TraceChange | undefined {
    if (i < 0 || i >= this.length) return undefined;
    this.settle();
    return this.object(i);
  }

  /** Change `i`'s target's index (ChangeRows). */
  targetAt(i: number): number {
    if (this.chunks.filled.length > 0) this.settle();
    return this.target[i]!;
  }

  /** Change `i` into `into` (ChangeRows: folded without an object per change). */
  readInto(i: number, into: ChangeFields): void {
    if (this.chunks.filled.length > 0) this.settle();
    const value = this.value[i]!;
    const kind = this.kind[i]!;
    into.t = time(this.t[i]!);
    into.version = into.state = into.healthy = into.registered = undefined;
    switch ((kind & 7) as ChangeKind) {
      case ChangeKind.Added: {
        const f = kind >> 3;
        const reg = f >> 3;
        into.version = this.versions.list[value]!;
        into.state = STATES[f & 3]!;
        into.healthy = (f & 4) !== 0;
        if (reg !== 0) into.registered = reg === 2;
        break;
      }
      case ChangeKind.State:
        into.state = STATES[value]!;
        break;
      case ChangeKind.Version:
        into.version = this.versions.list[value]!;
        break;
      case ChangeKind.Healthy:
        into.healthy = value === 1;
        break;
      default:
        into.registered = value === 1;
    }
  }

  /** One change: one literal shape per kind, fields in the contract's order. */
  private object(i: number): TraceChange {
    const t = time(this.t[i]!);
    const target = this.targets.idAt(this.target[i]!);
    const value = this.value[i]!;
    const kind = this.kind[i]!;
    switch ((kind & 7) as ChangeKind) {
      case ChangeKind.Added: {
        const f = kind >> 3;
        const version = this.versions.list[value]!;
        const state = STATES[f & 3]!;
        const healthy = (f & 4) !== 0;
        const reg = f >> 3;
        return reg === 0 ? { t, target, version, state, healthy } : { t, target, version, state, healthy, registered: reg === 2 };
      }
      case ChangeKind.State:
        return { t, target, state: STATES[value]! };
      case ChangeKind.Version:
        return { t, target, version: this.versions.list[value]! };
      case ChangeKind.Healthy:
        return { t, target, healthy: value === 1 };
      default:
        return { t, target, registered: value === 1 };
    }
  }
}
