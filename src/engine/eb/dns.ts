// Production traffic of an Elastic Beanstalk blue/green pair behind one DNS name
// (reference §1.3): `share.value` percent of the clients resolve the production URL
// to the green environment, the rest to the blue one. DNS does not fail over: a
// client sent to an environment with nothing in service gets errors (unserved),
// it is not served by the other environment.
import { versionRecord } from '../../trace/percent.ts';
import type { TrafficModel } from '../world.ts';
import { spreadOverPool } from '../traffic.ts';

type Pools = ReadonlyMap<string, ReadonlyMap<string, number>>;

export function dnsTraffic(blue: string, green: string, share: { value: number }): { traffic: TrafficModel; unserved: (pools: Pools) => number } {
  const serves = (pools: Pools, pool: string) => (pools.get(pool)?.size ?? 0) > 0;
  return {
    traffic: (pools) => {
      const weights = versionRecord();
      spreadOverPool(weights, pools, blue, 100 - share.value);
      spreadOverPool(weights, pools, green, share.value);
      return weights;
    },
    // In tenths of a percent, like the traffic it complements.
    unserved: (pools) => Math.round(((serves(pools, blue) ? 0 : 100 - share.value) + (serves(pools, green) ? 0 : share.value)) * 10) / 10,
  };
}
