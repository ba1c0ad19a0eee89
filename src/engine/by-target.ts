// A map from target to a value, kept in an array by the target's index in the
// world: a 100,000-instance rollout keeps all its runs in flight at once, and a Map
// of that size costs a hash and a cache miss per instance event, and rehashes as it grows.
import type { World } from './world.ts';
import type { TargetIndex } from './target-store.ts';
import { sizedArray } from './sized-array.ts';
import { grow } from './trace-columns.ts';

export class ByTarget<T> {
  protected values: (T | undefined)[] = [];
  size = 0;

  constructor(private readonly world: World) {}

  protected slot(i: TargetIndex): number {
    if (i >= this.values.length) this.values = slotsFor(this.values, this.world.targetCount);
    return i;
  }

  get(id: TargetIndex): T | undefined {
    return this.values[this.slot(id)];
  }

  has(id: TargetIndex): boolean {
    return this.get(id) !== undefined;
  }

  /** Sets a value (never undefined). */
  set(id: TargetIndex, value: T): void {
    const i = this.slot(id);
    if (this.values[i] === undefined) this.size++;
    this.values[i] = value;
  }

  /** Removes the value of `id`; returns whether there was one. */
  delete(id: TargetIndex): boolean {
    const i = this.slot(id);
    if (this.values[i] === undefined) return false;
    this.values[i] = undefined;
    this.size--;
    return true;
  }
}

/**
 * A ByTarget that also gives its values in the order they were set (a Map's order):
 * what cuts runs short (an abort) must do it in the order they started, for the
 * trace to stay as it was. Only that rare moment pays for the order (a sort).
 */
export class OrderedByTarget<T> extends ByTarget<T> {
  /** When each slot was last set while empty (a counter), for `inOrder`: numbers, not pointers for the GC to visit. */
  private setAt = new Float64Array(0);
  private sets = 0;

  /** Sets a value (never undefined); a new one goes last in `inOrder`, a replaced one keeps its place (as in a Map). */
  override set(id: TargetIndex, value: T): void {
    const i = this.slot(id);
    if (this.values[i] === undefined) {
      if (i >= this.setAt.length) this.setAt = grow(this.setAt, this.values.length);
      this.setAt[i] = this.sets++;
    }
    super.set(id, value);
  }

  /** The values in the order they were first set (since their last delete). */
  inOrder(): T[] {
    const slots: number[] = [];
    for (let i = 0; i < this.values.length; i++) if (this.values[i] !== undefined) slots.push(i);
    slots.sort((a, b) => this.setAt[a]! - this.setAt[b]!);
    return slots.map((i) => this.values[i]!);
  }

  clear(): void {
    this.values.fill(undefined);
    this.size = 0;
  }
}

/**
 * `values` with a slot for each of `count` targets, grown in one step: every target
 * that exists has a slot (lookups only ever ask for those), where growing by push,
 * one slot at a time, allocated three times the final array at 100,000 instances
 * (each larger copy in the old generation, which then collects sooner).
 */
function slotsFor<T>(values: (T | undefined)[], count: number): (T | undefined)[] {
  const out = sizedArray<T | undefined>(count).fill(undefined);
  for (let i = 0; i < values.length; i++) out[i] = values[i];
  return out;
}
