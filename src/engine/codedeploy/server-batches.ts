// The batch phases of a Server rollout (trace `phases`): the instances CodeDeploy
// starts together, in one scheduling wave, form a batch. How many batches a
// rollout takes is known only when it ends (failures and slow instances reshape the
// waves), so the batches are named "Batch k of K" then (a batch group of the phase
// columns: the names are written when the trace is read). O(1) per instance event.
import type { World } from '../world.ts';
import type { PhaseRef } from '../phase-columns.ts';
import { ByTarget } from '../by-target.ts';

interface Open {
  phase: PhaseRef;
  left: number;
}

export class BatchPhases {
  private readonly byTarget: ByTarget<Open>;
  private readonly group: number;
  private count = 0;

  constructor(
    private readonly world: World,
    private readonly deploymentId: string,
  ) {
    this.byTarget = new ByTarget(world);
    this.group = world.phaseColumns.batchGroup();
  }

  /** Opens the next batch for instances started together; returns its number (1-based). */
  start(ids: string[]): number {
    const k = ++this.count;
    const phase = this.world.openBatchPhase(this.deploymentId, this.group, k, ids);
    const open: Open = { phase, left: ids.length };
    for (const id of ids) this.byTarget.set(id, open);
    return k;
  }

  /** One instance of a batch is done; the batch closes with its last instance. */
  finished(id: string): void {
    const open = this.byTarget.get(id);
    if (!open) return;
    this.byTarget.delete(id);
    if (--open.left === 0) this.world.closePhase(open.phase);
  }

  /** Names every batch "Batch k of K" once the rollout is over. */
  nameAll(): void {
    this.world.phaseColumns.nameBatches(this.group, this.count);
  }
}
