// The trace's events kept as columns while the simulation runs (200,000–500,000 at
// 100,000 instances), for the reason trace-columns.ts gives for spans and changes:
// objects alive through the whole run are copied by every young-generation GC and
// marked again by every major one; typed arrays are not. The trace builds the
// objects when its `events` are first read (src/trace/lazy.ts). Messages are kept as
// the strings the engine wrote (they are the contract's text, byte for byte), or,
// for the per-target ones, as the TargetText that writes them from the target's id
// when the events are read (trace-columns.ts says why).
import type { RuleId } from '../aws/rules.ts';
import type { UndocumentedId } from '../aws/undocumented.ts';
import type { TraceEvent, TraceEventType } from '../trace/types.ts';
import type { LazyList } from '../trace/lazy.ts';
import { addChunk, chunkState, settleChunks } from './column-chunks.ts';
import { dataOf, FieldMemo, fitsFloat32, suffixTexts, targetCount, writtenTexts, FIRST_CAPACITY, revive, StringTable, Table, time, widen, type ColumnsData, type NumberedText, type TargetIds, type TargetText, type TimeColumn } from './trace-columns.ts';

/** Which optional fields an event has (bits), and its `healthy` value. */
const TARGET = 1;
const DEPLOYMENT = 2;
const RULE = 4;
const HEALTHY = 8;
const END = 16;
const UNDOCUMENTED = 32;
const HEALTHY_TRUE = 64;
/** The message is a NumberedText: `message` holds its number times NUMBERED_TEXTS plus its index in `numberedTexts`. */
const NUMBERED = 128;
/** How many NumberedTexts a run may have (a few per rollout); their numbers then go up to 2^31 / this. */
const NUMBERED_TEXTS = 256;

interface EventArrays {
  [field: string]: TimeColumn | Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>;
  t: TimeColumn;
  end: TimeColumn;
  target: Int32Array<ArrayBuffer>;
  type: Int32Array<ArrayBuffer>;
  deployment: Int32Array<ArrayBuffer>;
  rule: Int32Array<ArrayBuffer>;
  undocumented: Int32Array<ArrayBuffer>;
  fields: Uint8Array<ArrayBuffer>;
  message: Int32Array<ArrayBuffer>;
}

/** Events in recording order; `at()` and `list()` give them by time (stable), as the trace has them. */
export class EventColumns implements LazyList<TraceEvent> {
  length = 0;
  /** 4 bytes a time until one needs 8 (TimeColumn). */
  private t: TimeColumn = new Float32Array(FIRST_CAPACITY);
  private end: TimeColumn = new Float32Array(FIRST_CAPACITY);
  private narrow = true;
  private target = new Int32Array(FIRST_CAPACITY);
  /** Indices in `strings` (type, deployment, rule, undocumented id: a few dozen distinct). */
  private type = new Int32Array(FIRST_CAPACITY);
  private deployment = new Int32Array(FIRST_CAPACITY);
  private rule = new Int32Array(FIRST_CAPACITY);
  private undocumented = new Int32Array(FIRST_CAPACITY);
  private fields = new Uint8Array(FIRST_CAPACITY);
  /**
   * An index in `messages`, or -1 - an index in `messageTexts` (a TargetText of the
   * event's target); with the NUMBERED bit, the number times NUMBERED_TEXTS plus an
   * index in `numberedTexts`.
   */
  private message = new Int32Array(FIRST_CAPACITY);
  private readonly messages: string[] = [];
  private readonly messageTexts = new Table<TargetText>();
  private readonly numberedTexts = new Table<NumberedText>();
  private readonly strings = new StringTable();
  /** The type, deployment and rule share `strings`: each remembers its last value (FieldMemo). */
  private readonly typeMemo = new FieldMemo(this.strings);
  private readonly deploymentMemo = new FieldMemo(this.strings);
  private readonly ruleMemo = new FieldMemo(this.strings);
  /** Names of event targets that are not world targets. */
  private readonly texts = new StringTable();
  /** Event indices by time, once asked for; null when that is recording order (the usual case). */
  private order: Int32Array | null | undefined = undefined;
  /** The time of the latest event recorded, and whether any was recorded before an earlier one's time. */
  private lastT = 0;
  private unsorted = false;
  /** The columns grow by chunks (column-chunks.ts), joined when first read. */
  private readonly chunks = chunkState<EventArrays>();

  constructor(private targets: TargetIds) {}

  /** Where target ids come from from now on (see SpanColumns.useIds). */
  useIds(targets: TargetIds): void {
    this.targets = targets;
  }

  /** The reference `add` takes for an event on something that is not a target, by its name. */
  named(id: string): number {
    return -1 - this.texts.of(id);
  }

  /**
   * Records an event; `target` is a target's index or `named(id)`, each optional field
   * undefined when absent. A TargetText message needs a target; with `n` (≥ 0) the
   * message is a NumberedText, written from `n` when read.
   */
  add(
    t: number,
    type: TraceEventType,
    message: string | TargetText | NumberedText,
    target: number | undefined,
    deploymentId: string | undefined,
    rule: RuleId | undefined,
    healthy: boolean | undefined,
    end: number | undefined,
    undocumented: UndocumentedId | undefined,
    n = -1,
  ): void {
    const i = this.length;
    if (i === this.chunks.capacity) this.use(addChunk(this.chunks, this.arrays()));
    const j = i - this.chunks.base;
    if (this.narrow && !(fitsFloat32(t) && (end === undefined || fitsFloat32(end)))) {
      // The current chunk and those after it get 8 bytes a time; filled chunks keep theirs (joined exactly).
      this.narrow = false;
      this.t = widen(this.t);
      this.end = widen(this.end);
    }
    this.t[j] = t;
    if (t < this.lastT) this.unsorted = true;
    this.lastT = t;
    this.type[j] = this.typeMemo.of(type);
    let bits = 0;
    if (n >= 0) {
      if (typeof message !== 'function') throw new Error(`a numbered ${type} event needs a NumberedText`);
      const k = this.numberedTexts.of(message as NumberedText);
      if (k >= NUMBERED_TEXTS || n > (0x7fffffff - k) / NUMBERED_TEXTS) throw new Error(`a numbered ${type} event: too many texts or too large a number (${n})`);
      this.message[j] = n * NUMBERED_TEXTS + k;
      bits |= NUMBERED;
    } else if (typeof message === 'function') {
      if (target === undefined) throw new Error(`a ${type} event written from its target's id needs a target`);
      this.message[j] = -1 - this.messageTexts.of(message as TargetText);
    } else {
      this.message[j] = this.messages.length;
      this.messages.push(message);
    }
    if (target !== undefined) {
      bits |= TARGET;
      this.target[j] = target;
    }
    if (deploymentId !== undefined) {
      bits |= DEPLOYMENT;
      this.deployment[j] = this.deploymentMemo.of(deploymentId);
    }
    if (rule !== undefined) {
      bits |= RULE;
      this.rule[j] = this.ruleMemo.of(rule);
    }
    if (healthy !== undefined) bits |= healthy ? HEALTHY | HEALTHY_TRUE : HEALTHY;
    if (end !== undefined) {
      bits |= END;
      this.end[j] = end;
    }
    if (undocumented !== undefined) {
      bits |= UNDOCUMENTED;
      this.undocumented[j] = this.strings.of(undocumented);
    }
    this.fields[j] = bits;
    this.length = i + 1;
    this.order = undefined;
  }

  private arrays(): EventArrays {
    const { t, end, target, type, deployment, rule, undocumented, fields, message } = this;
    return { t, end, target, type, deployment, rule, undocumented, fields, message };
  }

  private use(a: EventArrays): void {
    ({ t: this.t, end: this.end, target: this.target, type: this.type, deployment: this.deployment, rule: this.rule, undocumented: this.undocumented, fields: this.fields, message: this.message } = a);
  }

  /** The chunks joined, when first read (every reader comes through here). */
  private settle(): void {
    const joined = settleChunks(this.chunks, this.arrays(), this.length);
    if (joined !== undefined) this.use(joined);
  }

  /** These columns as plain data for another thread (see ColumnsData in trace-columns.ts). */
  data(): ColumnsData {
    this.settle();
    this.timeOrder(); // sorted once, here, and sent along
    const numbered = this.numberedWritten();
    const { cells: message, strings: messages, suffixes: messageSuffixes } = writtenTexts(numbered.cells, this.length, numbered.strings, this.messageTexts.list, -1, (i) => this.targetOf(i)!);
    return dataOf(
      { ...this, fields: numbered.fields, message, messages, messageTexts: undefined, messageSuffixes, numberedTexts: undefined },
      this.targets,
      targetCount(this.target, this.length, this.fields, TARGET),
    );
  }

  static revive(data: ColumnsData): EventColumns {
    return revive(data, EventColumns.prototype, { messageTexts: suffixTexts(data.messageSuffixes as (string | null)[]), messageSuffixes: undefined, numberedTexts: new Table<NumberedText>() });
  }

  /**
   * The messages with every NumberedText written out (functions do not clone): the
   * message column, the strings it then names and the fields without NUMBERED. The
   * columns themselves when there is none.
   */
  private numberedWritten(): { cells: Int32Array; strings: readonly string[]; fields: Uint8Array } {
    if (this.numberedTexts.list.length === 0) return { cells: this.message, strings: this.messages, fields: this.fields };
    const cells = this.message.slice(0, this.length);
    const fields = this.fields.slice(0, this.length);
    const strings = [...this.messages];
    for (let i = 0; i < this.length; i++) {
      if ((fields[i]! & NUMBERED) === 0) continue;
      cells[i] = strings.length;
      strings.push(this.numberedMessage(this.message[i]!));
      fields[i] = fields[i]! & ~NUMBERED;
    }
    return { cells, strings, fields };
  }

  /** The text of a NUMBERED message cell. */
  private numberedMessage(cell: number): string {
    return this.numberedTexts.list[cell % NUMBERED_TEXTS]!(Math.floor(cell / NUMBERED_TEXTS));
  }

  /** Every event's time in trace order, a copy (what counting the events by a time needs, without building them). */
  timesInOrder(): Float64Array {
    this.settle();
    const order = this.timeOrder();
    if (order === null) return Float64Array.from(this.t.subarray(0, this.length));
    const out = new Float64Array(this.length);
    for (let k = 0; k < this.length; k++) out[k] = this.t[order[k]!]!;
    return out;
  }

  /** The time of the last event in trace order, or undefined when there is none. */
  lastTime(): number | undefined {
    if (this.length === 0) return undefined;
    // Recorded in time order (the usual case): the latest is the last, and nothing needs joining.
    if (!this.unsorted) return this.lastT;
    this.settle();
    const order = this.timeOrder();
    return this.t[order === null ? this.length - 1 : order[this.length - 1]!];
  }

  /** The events as objects, in recording order (what a test of the world reads). */
  recorded(): TraceEvent[] {
    this.settle();
    const out = new Array<TraceEvent>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.object(i);
    return out;
  }

  /** The events as objects by time (LazyList). */
  list(): TraceEvent[] {
    this.settle();
    const order = this.timeOrder();
    if (order === null) return this.recorded();
    const out = new Array<TraceEvent>(this.length);
    for (let k = 0; k < this.length; k++) out[k] = this.object(order[k]!);
    return out;
  }

  /** The event at position `k` by time, as a fresh object (LazyList). */
  at(k: number): TraceEvent | undefined {
    if (k < 0 || k >= this.length) return undefined;
    this.settle();
    const order = this.timeOrder();
    return this.object(order === null ? k : order[k]!);
  }

  /**
   * Events are recorded as time passes, so they are normally in order already and
   * the check spares the sort; otherwise a stable sort by time (equal times keep
   * recording order).
   */
  private timeOrder(): Int32Array | null {
    if (this.order !== undefined) return this.order;
    if (!this.unsorted) return (this.order = null);
    const { t } = this;
    const list = Array.from({ length: this.length }, (_, i) => i);
    list.sort((a, b) => t[a]! - t[b]!);
    return (this.order = Int32Array.from(list));
  }

  /** One event; fields in the contract's order (t, type, message, target, deploymentId, rule, healthy, end, undocumented). */
  /** The id of event `i`'s target (or the name of its thing), undefined when it has none. */
  private targetOf(i: number): string | undefined {
    const ref = this.target[i]!;
    return (this.fields[i]! & TARGET) === 0 ? undefined : ref >= 0 ? this.targets.idAt(ref) : this.texts.list[-1 - ref]!;
  }

  private object(i: number): TraceEvent {
    const t = time(this.t[i]!);
    const type = this.strings.list[this.type[i]!] as TraceEventType;
    const bits = this.fields[i]!;
    const target = this.targetOf(i);
    const m = this.message[i]!;
    const message = (bits & NUMBERED) !== 0 ? this.numberedMessage(m) : m >= 0 ? this.messages[m]! : this.messageTexts.list[-1 - m]!(target!);
    const deploymentId = (bits & DEPLOYMENT) === 0 ? undefined : this.strings.list[this.deployment[i]!]!;
    const rule = (bits & RULE) === 0 ? undefined : (this.strings.list[this.rule[i]!] as RuleId);
    const healthy = (bits & HEALTHY) === 0 ? undefined : (bits & HEALTHY_TRUE) !== 0;
    const undocumented = (bits & UNDOCUMENTED) === 0 ? undefined : this.strings.list[this.undocumented[i]!]!;
    // The shapes per-instance events take are built whole: an object given its
    // fields one by one keeps them in a second array.
    switch (bits & ~(HEALTHY_TRUE | NUMBERED)) {
      case TARGET | DEPLOYMENT:
        return { t, type, message, target, deploymentId };
      case TARGET | DEPLOYMENT | RULE:
        return { t, type, message, target, deploymentId, rule };
      case TARGET | DEPLOYMENT | HEALTHY:
        return { t, type, message, target, deploymentId, healthy };
      case TARGET | DEPLOYMENT | RULE | HEALTHY:
        return { t, type, message, target, deploymentId, rule, healthy };
      case TARGET | DEPLOYMENT | UNDOCUMENTED:
        return { t, type, message, target, deploymentId, undocumented };
      case TARGET | DEPLOYMENT | RULE | UNDOCUMENTED:
        return { t, type, message, target, deploymentId, rule, undocumented };
      default: {
        const e: TraceEvent = { t, type, message };
        if (target !== undefined) e.target = target;
        if (deploymentId !== undefined) e.deploymentId = deploymentId;
        if (rule !== undefined) e.rule = rule;
        if (healthy !== undefined) e.healthy = healthy;
        if ((bits & END) !== 0) e.end = time(this.end[i]!);
        if (undocumented !== undefined) e.undocumented = undocumented;
        return e;
      }
    }
  }
}
