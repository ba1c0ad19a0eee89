// The batch phases of a Server rollout (trace `phases`): the instances CodeDeploy
// starts together, in one scheduling wave, form a batch. How many batches a
// rollout takes is known only when it ends (failures and slow instances reshape the
// waves), so the batches are named "Batch k of K" then (a batch group of the phase
// columns: the names are written when the trace is read). O(1) per instance event.
import type { World } from '../world.ts';
import type { PhaseColumns, PhaseRef } from '../phase-columns.ts';
import { grow, type NumberedText } from '../trace-columns.ts';
import { listIds } from '../narration.ts';
import type { TargetIndex } from '../target-store.ts';
import { thousands } from '../../scenario/thousands.ts';

/**
 * The batch-started message of a batch phase, "Batch k: <lead> <its targets><tail>",
 * written from the phase when the trace is read (a one at a time rollout starts a
 * batch per instance; see NumberedText).
 */
export function batchStartedText(phases: PhaseColumns, lead: string, tail = ''): NumberedText {
  return (ref) => `Batch ${thousands(phases.batchNumber(ref))}: ${lead} ${listIds(phases.targetIds(ref))}${tail}`;
}

export class BatchPhases {
  /**
   * Each target's open batch by its index (0: none): numbers, not a pointer per
   * instance, which in a 100,000-instance array (old space from birth) each cost
   * the collector a remembered slot.
   */
  private batchOf = new Int32Array(0);
  /**
   * Each batch's phase and how many of its instances are still running, by batch
   * number (1-based): numbers, not an object per batch (one per instance one at a time).
   */
  private phaseOf = new Int32Array(16);
  private left = new Int32Array(16);
  private readonly group: number;
  private count = 0;

  constructor(
    private readonly world: World,
    private readonly deploymentId: string,
  ) {
    this.group = world.phaseColumns.batchGroup();
  }

  /** Opens the next batch (numbered from 1) for instances started together; returns its phase. */
  start(ids: readonly TargetIndex[]): PhaseRef {
    const k = ++this.count;
    const phase = this.world.openBatchPhase(this.deploymentId, this.group, k, ids);
    if (k >= this.phaseOf.length) {
      this.phaseOf = grow(this.phaseOf, this.phaseOf.length * 2);
      this.left = grow(this.left, this.left.length * 2);
    }
    this.phaseOf[k] = phase;
    this.left[k] = ids.length;
    const n = this.world.targetCount;
    if (this.batchOf.length < n) this.batchOf = grow(this.batchOf, n);
    for (let i = 0; i < ids.length; i++) this.batchOf[ids[i]!] = k;
    return phase;
  }

  /** One instance of a batch is done; the batch closes with its last instance. */
  finished(i: TargetIndex): void {
    const k = i < this.batchOf.length ? this.batchOf[i]! : 0;
    if (k === 0) return;
    this.batchOf[i] = 0;
    if (--this.left[k]! === 0) this.world.closePhase(this.phaseOf[k]!);
  }

  /** Names every batch "Batch k of K" once the rollout is over. */
  nameAll(): void {
    this.world.phaseColumns.nameBatches(this.group, this.count);
  }
}
