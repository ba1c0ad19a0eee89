// A map from target id to a value, kept in an array by the target's index in the
// world (World.target finds an instance by the number in its id, without hashing
// it): a 100,000-instance rollout keeps all its runs in flight at once, and a Map
// of that size costs a hash and a cache miss per instance event, and rehashes as it grows.
import type { World } from './world.ts';

export class ByTarget<T> {
  private readonly values: (T | undefined)[] = [];
  size = 0;

  constructor(private readonly world: World) {}

  private slot(id: string): number {
    const i = this.world.target(id).index;
    // Grown one slot at a time so the array stays packed (a large sparse one would be a dictionary).
    while (this.values.length <= i) this.values.push(undefined);
    return i;
  }

  get(id: string): T | undefined {
    return this.values[this.slot(id)];
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** Sets a value (never undefined). */
  set(id: string, value: T): void {
    const i = this.slot(id);
    if (this.values[i] === undefined) this.size++;
    this.values[i] = value;
  }

  /** Removes the value of `id`; returns whether there was one. */
  delete(id: string): boolean {
    const i = this.slot(id);
    if (this.values[i] === undefined) return false;
    this.values[i] = undefined;
    this.size--;
    return true;
  }
}
