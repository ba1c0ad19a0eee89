// The trace's phases, recorded as columns while the run goes and built into objects
// when first read (src/trace/lazy.ts), as spans are. Why: a one at a time rollout opens
// a batch phase per instance, and kept as objects (the phase, its one-element target
// list, its name) 100,000 of them lived through the whole run, copied by young-generation
// collections and marked by full ones: at 10,000 instances they were a quarter of
// in-place OneAtATime's time.
//
// A Server rollout's batches are named "Batch k of K" once the rollout is over (the
// number of batches is known only then): they are recorded as batch k of a group,
// whose total is set at the end, and the name is written when the phase is read.
import type { PhaseKind, TracePhase } from '../trace/types.ts';
import type { LazyList } from '../trace/lazy.ts';
import { grow, StringTable, time, type TargetIds } from './trace-columns.ts';
import type { TargetIndex } from './target-store.ts';
import { thousands } from '../scenario/thousands.ts';

/** A recorded phase, by its place in recording order. */
export type PhaseRef = number;

/** A phase to open: its targets (by index) are read, not kept (a fleet's own list may be passed). */
export type NewPhase = Omit<TracePhase, 'start' | 'end' | 'targets'> & { targets?: readonly TargetIndex[] | undefined };

const KINDS: readonly PhaseKind[] = ['batch', 'wait', 'traffic-shift', 'rollback'];
const FIRST = 16;

export class PhaseColumns implements LazyList<TracePhase> {
  length = 0;
  private start = new Float64Array(FIRST);
  private end = new Float64Array(FIRST);
  /** NaN when the phase has no deadline. */
  private deadline = new Float64Array(FIRST);
  private kind = new Uint8Array(FIRST);
  /** An index in `strings`. */
  private deployment = new Int32Array(FIRST);
  /** An index in `strings`, or -1 - a batch group (the name is "Batch k of K", k in `batch`). */
  private name = new Int32Array(FIRST);
  private batch = new Int32Array(FIRST);
  /** Where the phase's targets start in `targetRefs`, -1 when it has no target list. */
  private targetsAt = new Int32Array(FIRST);
  private targetCount = new Int32Array(FIRST);
  /** Every phase's targets, one after another, by index. */
  private targetRefs = new Int32Array(FIRST * 4);
  private targetRefCount = 0;
  private readonly strings = new StringTable();
  /** Each batch group's number of batches, once its rollout is over (0 until then). */
  private readonly groupTotals: number[] = [];
  /** The latest end recorded (the trace's duration needs it). */
  maxEnd = 0;

  constructor(private targets: TargetIds) {}

  /** Where target ids come from from now on (see SpanColumns.useIds); no phase opens after. */
  useIds(targets: TargetIds): void {
    this.targets = targets;
  }

  /** Records a phase opened at `t` (its end is `t` until it is closed). */
  open(t: number, p: NewPhase): PhaseRef {
    return this.add(t, p.deploymentId, p.kind, this.strings.of(p.name), 0, p.targets, p.deadline);
  }

  /** A group of batches named "Batch k of K" when read, K given by nameBatches once known. */
  batchGroup(): number {
    this.groupTotals.push(0);
    return this.groupTotals.length - 1;
  }

  /** Records batch `k` of `group`, opened at `t`, acting on `ids`. */
  openBatch(t: number, deploymentId: string, group: number, k: number, targets: readonly TargetIndex[]): PhaseRef {
    return this.add(t, deploymentId, 'batch', -1 - group, k, targets, undefined);
  }

  /** The group's batches are `total` in all: "Batch k of total" from now on. */
  nameBatches(group: number, total: number): void {
    this.groupTotals[group] = total;
  }

  close(ref: PhaseRef, t: number): void {
    this.end[ref] = t;
    if (t > this.maxEnd) this.maxEnd = t;
  }

  /** The number of batch `ref` in its group (1-based): the k of "Batch k of K". */
  batchNumber(ref: PhaseRef): number {
    return this.batch[ref]!;
  }

  /** The ids of phase `ref`'s targets, in the order it was given them (none when it has no target list). */
  targetIds(ref: PhaseRef): string[] {
    const at = this.targetsAt[ref]!;
    return at < 0 ? [] : this.targetsOf(at, this.targetCount[ref]!);
  }

  deploymentOf(ref: PhaseRef): string {
    return this.strings.list[this.deployment[ref]!]!;
  }

  private add(t: number, deploymentId: string, kind: PhaseKind, name: number, batch: number, targets: readonly TargetIndex[] | undefined, deadline: number | undefined): PhaseRef {
    const i = this.length;
    if (i === this.start.length) this.growRows(i * 2);
    this.start[i] = t;
    this.end[i] = t;
    this.deadline[i] = deadline ?? NaN;
    this.kind[i] = KINDS.indexOf(kind);
    this.deployment[i] = this.strings.of(deploymentId);
    this.name[i] = name;
    this.batch[i] = batch;
    if (targets === undefined) this.targetsAt[i] = -1;
    else {
      const from = this.targetRefCount;
      if (from + targets.length > this.targetRefs.length) this.targetRefs = grow(this.targetRefs, Math.max(this.targetRefs.length * 2, from + targets.length));
      this.targetRefs.set(targets, from);
      this.targetRefCount = from + targets.length;
      this.targetsAt[i] = from;
      this.targetCount[i] = targets.length;
    }
    if (t > this.maxEnd) this.maxEnd = t;
    this.length = i + 1;
    return i;
  }

  private growRows(size: number): void {
    this.start = grow(this.start, size);
    this.end = grow(this.end, size);
    this.deadline = grow(this.deadline, size);
    this.kind = grow(this.kind, size);
    this.deployment = grow(this.deployment, size);
    this.name = grow(this.name, size);
    this.batch = grow(this.batch, size);
    this.targetsAt = grow(this.targetsAt, size);
    this.targetCount = grow(this.targetCount, size);
  }

  /** Phase `i` in recording order, built now; fields in the contract's order. */
  at(i: number): TracePhase | undefined {
    if (i < 0 || i >= this.length) return undefined;
    const deploymentId = this.strings.list[this.deployment[i]!]!;
    const kind = KINDS[this.kind[i]!]!;
    const name = this.nameAt(i);
    const start = time(this.start[i]!);
    const end = time(this.end[i]!);
    const at = this.targetsAt[i]!;
    const d = this.deadline[i]!;
    // One literal per shape, as the engine made them: the key order is the contract's.
    if (at < 0) return Number.isNaN(d) ? { deploymentId, kind, name, start, end } : { deploymentId, kind, name, start, end, deadline: time(d) };
    const targets = this.targetsOf(at, this.targetCount[i]!);
    return Number.isNaN(d) ? { deploymentId, kind, name, start, end, targets } : { deploymentId, kind, name, start, end, targets, deadline: time(d) };
  }

  list(): TracePhase[] {
    const out: TracePhase[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.at(i)!);
    return out;
  }

  private nameAt(i: number): string {
    const n = this.name[i]!;
    if (n >= 0) return this.strings.list[n]!;
    const total = this.groupTotals[-1 - n]!;
    return total > 0 ? `Batch ${thousands(this.batch[i]!)} of ${thousands(total)}` : `Batch ${thousands(this.batch[i]!)}`;
  }

  private targetsOf(from: number, count: number): string[] {
    const out: string[] = [];
    for (let k = 0; k < count; k++) out.push(this.targets.idAt(this.targetRefs[from + k]!));
    return out;
  }
}
