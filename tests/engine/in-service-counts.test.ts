// The in-service counts (src/engine/in-service-counts.ts) keep a count of 0 until the
// next read, yet every read gives what removing it at once would: the same versions,
// in the same order (the samples' key order follows it).
import { describe, expect, it } from 'vitest';
import { InServiceCounts } from '../../src/engine/in-service-counts.ts';

/** The plain way: a count that reaches 0 is removed at once. */
class RemovedAtOnce {
  readonly byPool = new Map<string, Map<string, number>>();
  add(poolName: string, version: string, delta: number): void {
    let pool = this.byPool.get(poolName);
    if (!pool) this.byPool.set(poolName, (pool = new Map()));
    const n = (pool.get(version) ?? 0) + delta;
    if (n === 0) pool.delete(version);
    else pool.set(version, n);
  }
}

const entries = (pools: ReadonlyMap<string, ReadonlyMap<string, number>>) => [...pools].map(([name, counts]) => [name, [...counts]]);

/** A small deterministic generator (a linear congruential one), so a failure repeats. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

describe('InServiceCounts', () => {
  it('an AllAtOnce restart (v2 in and out of service on one instance) leaves the versions in their order', () => {
    const counts = new InServiceCounts();
    counts.add('original', 'v1', 3);
    counts.add('original', 'v1', -1);
    counts.add('original', 'v2', +1);
    counts.add('original', 'v2', -1);
    expect(entries(counts.pools())).toEqual([['original', [['v1', 2]]]]);
    expect(counts.total()).toBe(2);
  });

  it('a version that comes back goes last, as it would if its 0 had been removed at once', () => {
    const counts = new InServiceCounts();
    counts.add('p', 'a', 1);
    counts.add('p', 'b', 1);
    counts.add('p', 'a', -1);
    counts.add('p', 'a', 1);
    expect(entries(counts.pools())).toEqual([['p', [['b', 1], ['a', 1]]]]);
  });

  it('gives what removing every 0 at once gives, after any sequence of changes and reads', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const next = random(seed);
      const counts = new InServiceCounts();
      const plain = new RemovedAtOnce();
      const pools = ['original', 'green'];
      const versions = ['v1', 'v2', 'v3', ''];
      for (let step = 0; step < 120; step++) {
        const pool = pools[Math.floor(next() * pools.length)]!;
        const version = versions[Math.floor(next() * versions.length)]!;
        const now = plain.byPool.get(pool)?.get(version) ?? 0;
        // Counts never go below 0: a target leaves only a count it is in.
        const delta = now > 0 && next() < 0.5 ? -1 : 1;
        counts.add(pool, version, delta);
        plain.add(pool, version, delta);
        expect(counts.total(pool)).toBe([...(plain.byPool.get(pool)?.values() ?? [])].reduce((a, b) => a + b, 0));
        if (next() < 0.3) expect(entries(counts.pools()), `seed ${seed}, step ${step}`).toEqual(entries(plain.byPool));
      }
      expect(entries(counts.pools()), `seed ${seed}`).toEqual(entries(plain.byPool));
    }
  });
});
