// Traffic models for strategies that split production traffic between two pools
// by weight (TrafficSplitting's weighted target groups, a blue/green DNS swap):
// `share.value` percent goes to pool `b`, the rest to pool `a`; within a pool,
// requests spread evenly over its in-service targets. A pool with nothing in
// service gets nothing, so the other carries all traffic.
import { versionRecord } from '../trace/percent.ts';
import type { TrafficModel } from './world.ts';

type Pools = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** Adds `portion` of the traffic to `weights`, spread evenly over the in-service targets of `pool` (nothing if none serve). */
export function spreadOverPool(weights: Record<string, number>, pools: Pools, pool: string, portion: number): void {
  const counts = pools.get(pool);
  if (!counts || portion <= 0) return;
  let total = 0;
  for (const n of counts.values()) total += n;
  for (const [v, n] of counts) weights[v] = (weights[v] ?? 0) + (portion * n) / total;
}

export function weightedPools(a: string, b: string, share: { value: number }): TrafficModel {
  return (pools) => {
    const weights = versionRecord();
    const add = (pool: string, portion: number) => spreadOverPool(weights, pools, pool, portion);
    const aServes = (pools.get(a)?.size ?? 0) > 0;
    const bServes = (pools.get(b)?.size ?? 0) > 0;
    const toB = !bServes ? 0 : !aServes ? 100 : share.value;
    add(a, 100 - toB);
    add(b, toB);
    return weights;
  };
}
