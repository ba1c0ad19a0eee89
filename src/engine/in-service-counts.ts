// How many targets are in service, per traffic pool and version: what the samples
// and the traffic models read. A version's count that drops to 0 is removed, so a
// pool's versions are those in service, in the order they last came into service
// (the Map's insertion order, which the samples' key order follows).
//
// Why the removal waits: an AllAtOnce restart installs v2 on an instance still in
// service and then takes it out, so v2's count goes 0 → 1 → 0 for every instance.
// Deleting and inserting the key each time made V8 rebuild the Map's table every few
// changes (5 MB of garbage in a 100,000-instance run). A count of 0 is kept until
// the counts are next read (`pools`), and a version that comes back meanwhile takes
// the place it would have had: where it is when it is the pool's last key, else last.
export class InServiceCounts {
  private readonly byPool = new Map<string, Map<string, number>>();
  /** Each pool's last key, in the Map's order (pools are a handful). */
  private readonly lastKey = new Map<Map<string, number>, string>();
  /** How many counts of 0 are kept, waiting for `pools` to remove them. */
  private zeros = 0;

  /** Adds `delta` (±1) to the count of `version` in `poolName`. */
  add(poolName: string, version: string, delta: number): void {
    let pool = this.byPool.get(poolName);
    if (!pool) this.byPool.set(poolName, (pool = new Map()));
    const was = pool.get(version);
    const n = (was ?? 0) + delta;
    if (n === 0) {
      pool.set(version, 0);
      this.zeros++;
      return;
    }
    if (was === 0) {
      this.zeros--;
      // Removed and added again, as if the 0 had been removed at once: last in the pool.
      if (this.lastKey.get(pool) !== version) {
        pool.delete(version);
        this.lastKey.set(pool, version);
      }
    } else if (was === undefined) this.lastKey.set(pool, version);
    pool.set(version, n);
  }

  /** The counts per pool and version, none of them 0. */
  pools(): ReadonlyMap<string, ReadonlyMap<string, number>> {
    if (this.zeros > 0) this.removeZeros();
    return this.byPool;
  }

  /** How many targets are in service in `pool`, or in every pool. */
  total(pool?: string): number {
    let total = 0;
    for (const [name, counts] of this.byPool) {
      if (pool !== undefined && name !== pool) continue;
      for (const n of counts.values()) total += n;
    }
    return total;
  }

  private removeZeros(): void {
    for (const pool of this.byPool.values()) {
      let last: string | undefined;
      for (const [version, n] of pool) {
        if (n === 0) pool.delete(version);
        else last = version;
      }
      if (last === undefined) this.lastKey.delete(pool);
      else this.lastKey.set(pool, last);
    }
    this.zeros = 0;
  }
}
