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
import { dataOf, targetCount, writtenTexts, FIRST_CAPACITY, grow, larger, revive, StringTable, Table, time, type ColumnsData, type TargetIds, type TargetText } from './trace-columns.ts';

/** Which optional fields an event has (bits), and its `healthy` value. */
const TARGET = 1;
const DEPLOYMENT = 2;
const RULE = 4;
const HEALTHY = 8;
const END = 16;
const UNDOCUMENTED = 32;
const HEALTHY_TRUE = 64;

/** Events in recording order; `at()` and `list()` give them by time (stable), as the trace has them. */
export class EventColumns implements LazyList<TraceEvent> {
  length = 0;
  private capacity = FIRST_CAPACITY;
  private t = new Float64Array(FIRST_CAPACITY);
  private end = new Float64Array(FIRST_CAPACITY);
  private target = new Int32Array(FIRST_CAPACITY);
  /** Indices in `strings` (type, deployment, rule, undocumented id: a few dozen distinct). */
  private type = new Int32Array(FIRST_CAPACITY);
  private deployment = new Int32Array(FIRST_CAPACITY);
  private rule = new Int32Array(FIRST_CAPACITY);
  private undocumented = new Int32Array(FIRST_CAPACITY);
  private fields = new Uint8Array(FIRST_CAPACITY);
  /** An index in `messages`, or -1 - an index in `messageTexts` (a TargetText of the event's target). */
  private message = new Int32Array(FIRST_CAPACITY);
  private readonly messages: string[] = [];
  private readonly messageTexts = new Table<TargetText>();
  private readonly strings = new StringTable();
  /** Names of event targets that are not world targets. */
  private readonly texts = new StringTable();
  /** Event indices by time, once asked for; null when that is recording order (the usual case). */
  private order: Int32Array | null | undefined = undefined;

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
   * undefined when absent. A TargetText message needs a target.
   */
  add(
    t: number,
    type: TraceEventType,
    message: string | TargetText,
    target: number | undefined,
    deploymentId: string | undefined,
    rule: RuleId | undefined,
    healthy: boolean | undefined,
    end: number | undefined,
    undocumented: UndocumentedId | undefined,
  ): void {
    const i = this.length;
    if (i === this.capacity) this.enlarge();
    this.t[i] = t;
    this.type[i] = this.strings.of(type);
    if (typeof message === 'function') {
      if (target === undefined) throw new Error(`a ${type} event written from its target's id needs a target`);
      this.message[i] = -1 - this.messageTexts.of(message);
    } else {
      this.message[i] = this.messages.length;
      this.messages.push(message);
    }
    let bits = 0;
    if (target !== undefined) {
      bits |= TARGET;
      this.target[i] = target;
    }
    if (deploymentId !== undefined) {
      bits |= DEPLOYMENT;
      this.deployment[i] = this.strings.of(deploymentId);
    }
    if (rule !== undefined) {
      bits |= RULE;
      this.rule[i] = this.strings.of(rule);
    }
    if (healthy !== undefined) bits |= healthy ? HEALTHY | HEALTHY_TRUE : HEALTHY;
    if (end !== undefined) {
      bits |= END;
      this.end[i] = end;
    }
    if (undocumented !== undefined) {
      bits |= UNDOCUMENTED;
      this.undocumented[i] = this.strings.of(undocumented);
    }
    this.fields[i] = bits;
    this.length = i + 1;
    this.order = undefined;
  }

  private enlarge(): void {
    const n = larger(this.capacity);
    this.t = grow(this.t, n);
    this.end = grow(this.end, n);
    this.target = grow(this.target, n);
    this.type = grow(this.type, n);
    this.deployment = grow(this.deployment, n);
    this.rule = grow(this.rule, n);
    this.undocumented = grow(this.undocumented, n);
    this.fields = grow(this.fields, n);
    this.message = grow(this.message, n);
    this.capacity = n;
  }

  /** These columns as plain data for another thread (see ColumnsData in trace-columns.ts). */
  data(): ColumnsData {
    this.timeOrder(); // sorted once, here, and sent along
    const { cells: message, strings: messages } = writtenTexts(this.message, this.length, this.messages, this.messageTexts.list, -1, (i) => this.targetOf(i)!);
    return dataOf({ ...this, message, messages, messageTexts: undefined }, this.targets, targetCount(this.target, this.length, this.fields, TARGET));
  }

  static revive(data: ColumnsData): EventColumns {
    return revive(data, EventColumns.prototype);
  }

  /** Every event's time, in no particular order. */
  times(): Float64Array {
    return this.t.subarray(0, this.length);
  }

  /** The time of the last event in trace order, or undefined when there is none. */
  lastTime(): number | undefined {
    if (this.length === 0) return undefined;
    const order = this.timeOrder();
    return this.t[order === null ? this.length - 1 : order[this.length - 1]!];
  }

  /** The events as objects, in recording order (what a test of the world reads). */
  recorded(): TraceEvent[] {
    const out = new Array<TraceEvent>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.object(i);
    return out;
  }

  /** The events as objects by time (LazyList). */
  list(): TraceEvent[] {
    const order = this.timeOrder();
    if (order === null) return this.recorded();
    const out = new Array<TraceEvent>(this.length);
    for (let k = 0; k < this.length; k++) out[k] = this.object(order[k]!);
    return out;
  }

  /** The event at position `k` by time, as a fresh object (LazyList). */
  at(k: number): TraceEvent | undefined {
    if (k < 0 || k >= this.length) return undefined;
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
    const { t } = this;
    let sorted = true;
    for (let i = 1; i < this.length && sorted; i++) if (t[i]! < t[i - 1]!) sorted = false;
    if (sorted) return (this.order = null);
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
    const message = m >= 0 ? this.messages[m]! : this.messageTexts.list[-1 - m]!(target!);
    const deploymentId = (bits & DEPLOYMENT) === 0 ? undefined : this.strings.list[this.deployment[i]!]!;
    const rule = (bits & RULE) === 0 ? undefined : (this.strings.list[this.rule[i]!] as RuleId);
    const healthy = (bits & HEALTHY) === 0 ? undefined : (bits & HEALTHY_TRUE) !== 0;
    const undocumented = (bits & UNDOCUMENTED) === 0 ? undefined : this.strings.list[this.undocumented[i]!]!;
    // The shapes per-instance events take are built whole: an object given its
    // fields one by one keeps them in a second array.
    switch (bits & ~HEALTHY_TRUE) {
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
