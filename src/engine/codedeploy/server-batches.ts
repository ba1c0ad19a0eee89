// The batch phases of a Server rollout (trace `phases`): the instances CodeDeploy
// starts together, in one scheduling wave, form a batch. How many batches a
// rollout takes is known only when it ends (failures and slow instances reshape the
// waves), so the batches are named "Batch k of K" then. O(1) per instance event.
import type { TracePhase } from '../../trace/types.ts';
import type { World } from '../world.ts';
import { ByTarget } from '../by-target.ts';
import { flat } from '../narration.ts';

interface Open {
  phase: TracePhase;
  left: number;
}

export class BatchPhases {
  private readonly byTarget: ByTarget<Open>;
  private readonly phases: TracePhase[] = [];

  constructor(
    private readonly world: World,
    private readonly deploymentId: string,
  ) {
    this.byTarget = new ByTarget(world);
  }

  /** Opens the next batch for instances started together; returns its number (1-based). */
  start(ids: string[]): number {
    const phase = this.world.openPhase({ deploymentId: this.deploymentId, kind: 'batch', name: `Batch ${this.phases.length + 1}`, targets: ids });
    const open: Open = { phase, left: ids.length };
    for (const id of ids) this.byTarget.set(id, open);
    this.phases.push(phase);
    return this.phases.length;
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
    const total = this.phases.length;
    const { phases } = this;
    for (let i = 0; i < phases.length; i++) phases[i]!.name = flat(`Batch ${i + 1} of ${total}`);
  }
}
