// Every count and time has an upper bound (src/scenario/limits.ts): the schema
// publishes it, validation refuses more with a message that states it, and the
// README lists it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMIT_ROWS, LIMITS } from '../../src/scenario/limits.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import { problems } from '../helpers.ts';

const eb = (settings: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  problems({ name: 'x', platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 4, ...settings }, ...extra });
const cd = (settings: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  problems({ name: 'x', platform: 'CodeDeploy', codeDeploy: settings, ...extra });

describe('scenario limits', () => {
  it('allows a fleet of 100,000 instances and refuses one more, stating the limit', () => {
    expect(LIMITS.instances).toBe(100_000);
    expect(eb({ instances: 100_000 })).toEqual([]);
    expect(eb({ instances: 100_001 })).toEqual(['/elasticBeanstalk/instances: must be ≤ 100000 (got 100001)']);
    expect(eb({ instances: 1e6, MaxSize: 1e6 })).toEqual([
      '/elasticBeanstalk/instances: must be ≤ 100000 (got 1000000)',
      '/elasticBeanstalk/MaxSize: must be ≤ 100000 (got 1000000)',
    ]);
    expect(eb({ BatchSizeType: 'Fixed', BatchSize: 100_001 })[0]).toBe('/elasticBeanstalk/BatchSize: must be ≤ 100000 (got 100001)');
    expect(cd({ instances: 100_000 })).toEqual([]);
    expect(cd({ instances: 100_001 })).toEqual(['/codeDeploy/instances: must be ≤ 100000 (got 100001)']);
  });

  it('bounds the number of faults', () => {
    const abort = (n: number) => Array.from({ length: n }, (_, i) => ({ type: 'AbortDeployment', at: i }));
    expect(eb({}, { faults: abort(LIMITS.faults) })).toEqual([]);
    expect(eb({}, { faults: abort(LIMITS.faults + 1) })).toEqual([`/faults: may list at most ${LIMITS.faults} items (got ${LIMITS.faults + 1})`]);
  });

  it('bounds every time, in seconds and in minutes', () => {
    const week = LIMITS.seconds;
    expect(week).toBe(604_800);
    expect(eb({}, { faults: [{ type: 'AbortDeployment', at: week }] })).toEqual([]);
    expect(eb({}, { faults: [{ type: 'AbortDeployment', at: week + 1 }] })).toEqual([`/faults/0/at: must be ≤ ${week} (got ${week + 1})`]);
    expect(eb({}, { timings: { launch: week + 0.5 } })).toEqual([`/timings/launch: must be ≤ ${week} (got ${week + 0.5})`]);
    expect(eb({}, { timings: { steps: { predeploy: 1e12 } } })).toEqual([`/timings/steps/predeploy: must be ≤ ${week} (got 1000000000000)`]);
    expect(eb({ DeploymentPolicy: 'BlueGreen', swapAfter: week + 1 })).toEqual([`/elasticBeanstalk/swapAfter: must be ≤ ${week} (got ${week + 1})`]);
    expect(eb({ DeploymentPolicy: 'BlueGreen', dnsTtl: week + 1 })).toEqual([`/elasticBeanstalk/dnsTtl: must be ≤ ${week} (got ${week + 1})`]);
    expect(eb({}, { timings: { healthyThreshold: LIMITS.healthChecks + 1 } })).toEqual([`/timings/healthyThreshold: must be ≤ ${LIMITS.healthChecks} (got ${LIMITS.healthChecks + 1})`]);
    const linear = (linearInterval: number) =>
      cd({
        computePlatform: 'Lambda',
        customDeploymentConfig: { trafficRoutingConfig: { type: 'TimeBasedLinear', timeBasedLinear: { linearPercentage: 10, linearInterval } } },
      });
    expect(linear(LIMITS.minutes)).toEqual([]);
    expect(linear(LIMITS.minutes + 1)).toEqual([`/codeDeploy/customDeploymentConfig/trafficRoutingConfig/timeBasedLinear/linearInterval: must be ≤ ${LIMITS.minutes} (got ${LIMITS.minutes + 1})`]);
  });

  it('keeps AWS\'s own ranges where AWS has them', () => {
    expect(eb({ Timeout: 3601 })).toEqual(['/elasticBeanstalk/Timeout: must be ≤ 3600 (got 3601)']);
    expect(eb({ EvaluationTime: 601 })).toEqual(['/elasticBeanstalk/EvaluationTime: must be ≤ 600 (got 601)']);
  });

  it('publishes a maximum for every number in the schema', () => {
    const unbounded: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const n = node as Record<string, unknown>;
      if ((n.type === 'number' || n.type === 'integer') && n.maximum === undefined) unbounded.push(path);
      if (n.type === 'array' && n.maxItems === undefined && !(n.uniqueItems && (n.items as Record<string, unknown> | undefined)?.enum)) unbounded.push(path);
      for (const [k, v] of Object.entries(n)) walk(v, `${path}/${k}`);
    };
    walk(scenarioSchema, '');
    expect(unbounded).toEqual([]);
  });

  it('are listed in the README, row by row', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain('## Limits');
    for (const [what, limit] of LIMIT_ROWS) expect(readme).toContain(`| ${what} | ${limit} |`);
  });
});
