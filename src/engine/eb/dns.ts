// Production traffic of an Elastic Beanstalk blue/green pair behind one DNS name
// (reference §1.3): `share.value` percent of the clients resolve the production URL
// to the green environment, the rest to the blue one. DNS does not fail over: a
// client sent to an environment with nothing in service gets errors (unserved),
// it is not served by the other environment.
import { versionRecord } from '../../trace/percent.ts';
import type { TrafficModel } from '../world.ts';

type Pools = ReadonlyMap<string, ReadonlyMap<string, number>>;

export function dnsTraffic(blue: string, green: string, share: { value: number }): { traffic: TrafficModel; unserved: (pools: Pools) => number } {
  const serves = (pools: Pools, pool: string) => (pools.get(pool)?.size ?? 0) > 0;
  return {
    traffic: (pools) => {
      const weights = versionRecord();
      const add = (pool: string, portion: number) => {
        const counts = pools.get(pool);
        if (!counts || portion <= 0) return;
        let total = 0;
        for (const n of counts.values()) total += n;
        for (const [v, n] of counts) weights[v] = (weights[v] ?? 0) + (portion * n) / total;
      };
      add(blue, 100 - share.value);
      add(green, share.value);
      return weights;
    },
    unserved: (pools) => (serves(pools, blue) ? 0 : 100 - share.value) + (serves(pools, green) ? 0 : share.value),
  };
}
