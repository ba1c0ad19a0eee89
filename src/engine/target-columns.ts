// The trace's targets (one per instance, task set or alias ever launched) kept as
// columns while the simulation runs, like its spans and changes (trace-columns.ts
// says why): 200,000 objects alive through a blue/green run of 100,000 instances
// are marked by every major GC. The objects are built when the trace's `targets`
// (and `final.targets`) are first read (src/trace/lazy.ts).
import type { FinalTarget, TargetGroup, TargetKind, TargetState, TraceTarget } from '../trace/types.ts';
import type { LazyList } from '../trace/lazy.ts';
import { dataOf, FIRST_CAPACITY, grow, larger, revive, StringTable, Table, time, type ColumnsData, type TargetIds } from './trace-columns.ts';

/** Targets in launch order, which is their index in the world (and trace order). */
export class TargetColumns implements LazyList<TraceTarget> {
  length = 0;
  private capacity = FIRST_CAPACITY;
  private launchedAt = new Float64Array(FIRST_CAPACITY);
  /** Indices in `kinds` and `groups` (a handful each). */
  private kind = new Uint8Array(FIRST_CAPACITY);
  private group = new Uint8Array(FIRST_CAPACITY);
  private readonly kinds = new Table<TargetKind>();
  private readonly groups = new Table<TargetGroup>();
  /** Labels of the few targets that have one, by index. */
  private readonly labels = new Map<number, string>();

  constructor(private targets: TargetIds) {}

  /** Where target ids come from from now on (see SpanColumns.useIds). */
  useIds(targets: TargetIds): void {
    this.targets = targets;
  }

  /** Records the next target (its index is the number recorded before it). */
  add(launchedAt: number, kind: TargetKind, group: TargetGroup, label: string | undefined): void {
    const i = this.length;
    if (i === this.capacity) {
      const n = larger(this.capacity);
      this.launchedAt = grow(this.launchedAt, n);
      this.kind = grow(this.kind, n);
      this.group = grow(this.group, n);
      this.capacity = n;
    }
    this.launchedAt[i] = launchedAt;
    this.kind[i] = this.kinds.of(kind);
    this.group[i] = this.groups.of(group);
    if (label) this.labels.set(i, label);
    this.length = i + 1;
  }

  /** These columns as plain data for another thread (see ColumnsData in trace-columns.ts). */
  data(): ColumnsData {
    return dataOf(this, this.targets, this.length);
  }

  static revive(data: ColumnsData): TargetColumns {
    return revive(data, TargetColumns.prototype);
  }

  /** The targets as objects (LazyList). */
  list(): TraceTarget[] {
    const out = new Array<TraceTarget>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.object(i);
    return out;
  }

  /** Target `i` as a fresh object (LazyList). */
  at(i: number): TraceTarget | undefined {
    return i >= 0 && i < this.length ? this.object(i) : undefined;
  }

  /** One target; fields in the contract's order (id, kind, group, launchedAt, label). */
  private object(i: number): TraceTarget {
    const id = this.targets.idAt(i);
    const kind = this.kinds.list[this.kind[i]!]!;
    const group = this.groups.list[this.group[i]!]!;
    const launchedAt = time(this.launchedAt[i]!);
    const label = this.labels.get(i);
    return label === undefined ? { id, kind, group, launchedAt } : { id, kind, group, launchedAt, label };
  }
}

/** The targets' final state (version, state, health), written once when the run ends; objects when first read. */
export class FinalTargetColumns implements LazyList<FinalTarget> {
  length = 0;
  private readonly version: Int32Array;
  private readonly state: Uint8Array;
  private readonly healthy: Uint8Array;
  private readonly versions = new StringTable();
  private readonly states = new Table<TargetState>();

  constructor(
    private targets: TargetIds,
    capacity: number,
  ) {
    this.version = new Int32Array(capacity);
    this.state = new Uint8Array(capacity);
    this.healthy = new Uint8Array(capacity);
  }

  /** Where target ids come from from now on (see SpanColumns.useIds). */
  useIds(targets: TargetIds): void {
    this.targets = targets;
  }

  /** Records the next target's final state (in launch order). */
  add(version: string, state: TargetState, healthy: boolean): void {
    const i = this.length++;
    this.version[i] = this.versions.of(version);
    this.state[i] = this.states.of(state);
    this.healthy[i] = healthy ? 1 : 0;
  }

  /** These columns as plain data for another thread (see ColumnsData in trace-columns.ts). */
  data(): ColumnsData {
    return dataOf(this, this.targets, this.length);
  }

  static revive(data: ColumnsData): FinalTargetColumns {
    return revive(data, FinalTargetColumns.prototype);
  }

  /** The final targets as objects (LazyList). */
  list(): FinalTarget[] {
    const out = new Array<FinalTarget>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.object(i);
    return out;
  }

  /** Final target `i` as a fresh object (LazyList). */
  at(i: number): FinalTarget | undefined {
    return i >= 0 && i < this.length ? this.object(i) : undefined;
  }

  /** Fields in the contract's order (id, version, state, healthy). */
  private object(i: number): FinalTarget {
    return { id: this.targets.idAt(i), version: this.versions.list[this.version[i]!]!, state: this.states.list[this.state[i]!]!, healthy: this.healthy[i] === 1 };
  }
}
