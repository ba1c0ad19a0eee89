// Server scheduling by minimum healthy hosts (reference §2.3): how many instances
// run at once, the success rules of each predefined configuration, custom
// minimums, the impossible minimum, and the scheduling order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../src/trace/types.ts';
import { cd, finalOf, names } from './helpers.ts';

/** Instances whose deployment d-1 is in progress at each moment, and the most at once. */
function peakConcurrency(trace: Trace, deploymentId = 'd-1'): number {
  const windows = new Map<string, { start: number; end: number }>();
  for (const s of trace.spans) {
    if (s.deploymentId !== deploymentId || !s.target.startsWith('i-')) continue;
    const w = windows.get(s.target);
    if (!w) windows.set(s.target, { start: s.start, end: s.end });
    else w.end = Math.max(w.end, s.end);
  }
  const points = [...windows.values()].flatMap((w) => [
    { t: w.start, d: +1 },
    { t: w.end, d: -1 },
  ]);
  points.sort((a, b) => a.t - b.t || a.d - b.d);
  let now = 0;
  let peak = 0;
  for (const p of points) peak = Math.max(peak, (now += p.d));
  return peak;
}

/**
 * The fewest healthy instances at any moment, from the trace alone: an instance is
 * not healthy from the start of its first span in d-1 until its End succeeds, and
 * stays unhealthy if it fails.
 */
function lowestHealthy(trace: Trace, n: number): number {
  const changes: { t: number; d: number }[] = [];
  const byTarget = new Map<string, Trace['spans']>();
  for (const s of trace.spans) if (s.deploymentId === 'd-1') byTarget.set(s.target, [...(byTarget.get(s.target) ?? []), s]);
  for (const spans of byTarget.values()) {
    changes.push({ t: spans[0]!.start, d: -1 });
    const last = spans[spans.length - 1]!;
    if (last.name === 'End' && last.status === 'Succeeded') changes.push({ t: last.end, d: +1 });
  }
  // At one moment, recoveries count before new departures (CodeDeploy starts the next instance after one finishes).
  changes.sort((a, b) => a.t - b.t || b.d - a.d);
  let healthy = n;
  let lowest = n;
  for (const c of changes) lowest = Math.min(lowest, (healthy += c.d));
  return lowest;
}

const failOn = (...ids: string[]) => ids.map((target) => ({ type: 'HookFailure', target, event: 'AfterInstall' }));

describe('CodeDeployDefault.HalfAtATime', () => {
  it('9 instances: 4 at a time', () => {
    const trace = cd({ instances: 9, deploymentConfigName: 'CodeDeployDefault.HalfAtATime', loadBalancer: true });
    expect(peakConcurrency(trace)).toBe(4);
    expect(lowestHealthy(trace, 9)).toBe(5);
    expect(trace.outcome).toBe('Succeeded');
  });

  it('9 instances: 5 successes are enough (4 fail in the last wave)', () => {
    // i-1…i-4 go first; 5 succeed; then i-5…i-9 are attempted with at most 4 failing.
    const trace = cd({ instances: 9, deploymentConfigName: 'CodeDeployDefault.HalfAtATime', loadBalancer: false }, { faults: failOn('i-6', 'i-7', 'i-8', 'i-9') });
    expect(trace.outcome).toBe('Succeeded');
  });

  it('9 instances: 4 failures in the first wave leave exactly 5 healthy, so nothing more may start', () => {
    const trace = cd({ instances: 9, deploymentConfigName: 'CodeDeployDefault.HalfAtATime' }, { faults: failOn('i-1', 'i-2', 'i-3', 'i-4') });
    expect(trace.outcome).toBe('Failed');
    for (const id of ['i-5', 'i-6', 'i-7', 'i-8', 'i-9']) expect(names(trace, id)).toEqual([]);
  });
});

describe('CodeDeployDefault.OneAtATime', () => {
  it('is the default and deploys one instance at a time', () => {
    const trace = cd({ instances: 4 });
    expect(trace.scenario.codeDeploy!.deploymentConfigName).toBe('CodeDeployDefault.OneAtATime');
    expect(peakConcurrency(trace)).toBe(1);
  });

  it('a failure on any instance but the last fails the deployment at once', () => {
    const trace = cd({ instances: 4 }, { faults: failOn('i-2') });
    expect(trace.outcome).toBe('Failed');
    expect(names(trace, 'i-3')).toEqual([]);
    expect(finalOf(trace)).toMatchObject({ 'i-1': 'v2/InService', 'i-3': 'v1/InService', 'i-4': 'v1/InService' });
  });

  it('a failure on the last instance still lets the deployment succeed', () => {
    const trace = cd({ instances: 4 }, { faults: failOn('i-4') });
    expect(trace.outcome).toBe('Succeeded');
    expect(trace.deployments[0]!.status).toBe('Succeeded');
  });
});

describe('CodeDeployDefault.AllAtOnce', () => {
  it('deploys to every instance at once and succeeds if at least one succeeds', () => {
    const trace = cd({ instances: 5, deploymentConfigName: 'CodeDeployDefault.AllAtOnce' }, { faults: failOn('i-1', 'i-2', 'i-3', 'i-4') });
    expect(peakConcurrency(trace)).toBe(5);
    expect(trace.outcome).toBe('Succeeded');
  });

  it('fails when every instance fails', () => {
    const trace = cd({ instances: 3, deploymentConfigName: 'CodeDeployDefault.AllAtOnce' }, { faults: [{ type: 'BadVersion' }] });
    expect(trace.outcome).toBe('Failed');
  });
});

describe('custom minimum healthy hosts', () => {
  const custom = (type: string, value: number, instances: number, extra: Record<string, unknown> = {}) =>
    cd({ instances, deploymentConfigName: 'Mine', customDeploymentConfig: { minimumHealthyHosts: { type, value } } }, extra);

  it.each([
    [9, 1],
    [8, 2],
    [0, 10],
  ])('10 instances, HOST_COUNT %i: %i at a time', (minimum, parallel) => {
    expect(peakConcurrency(custom('HOST_COUNT', minimum, 10))).toBe(parallel);
  });

  it('FLEET_PERCENT is converted to a count at the start, rounded up: 75% of 6 is 4.5 → 5 → 1 at a time', () => {
    expect(peakConcurrency(custom('FLEET_PERCENT', 75, 6))).toBe(1);
    expect(peakConcurrency(custom('FLEET_PERCENT', 50, 6))).toBe(3);
  });

  it('at least one instance must succeed even with minimum 0', () => {
    expect(custom('HOST_COUNT', 0, 3, { faults: [{ type: 'BadVersion' }] }).outcome).toBe('Failed');
  });

  it('a minimum that cannot be met fails the deployment before any instance changes', () => {
    for (const trace of [custom('HOST_COUNT', 3, 3), custom('HOST_COUNT', 7, 3), custom('FLEET_PERCENT', 100, 4)]) {
      expect(trace.outcome).toBe('Failed');
      expect(trace.deployments.map((d) => d.status)).toEqual(['Failed']);
      expect(trace.spans).toEqual([]);
      expect(trace.final.targets.every((t) => t.version === 'v1' && t.state === 'InService')).toBe(true);
    }
  });
});

describe('scheduling order', () => {
  it('a rollback deploys to unhealthy instances first, then those on an old revision, then those already current', () => {
    const trace = cd(
      { instances: 4, autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE'] } },
      { faults: failOn('i-2') },
    );
    const firstStart = (id: string) => trace.spans.find((s) => s.target === id && s.deploymentId === 'd-2')!.start;
    const order = ['i-1', 'i-2', 'i-3', 'i-4'].sort((a, b) => firstStart(a) - firstStart(b));
    expect(order).toEqual(['i-2', 'i-1', 'i-3', 'i-4']);
  });
});

// Minimum healthy hosts as reference §2.3 defines it, for the property tests.
function referenceMinimum(config: Config, n: number): number {
  switch (config.kind) {
    case 'OneAtATime':
      return n - 1;
    case 'HalfAtATime':
      return n - Math.max(1, Math.floor(n / 2));
    case 'AllAtOnce':
      return 0;
    case 'HOST_COUNT':
      return config.value;
    case 'FLEET_PERCENT':
      return Math.ceil((config.value * n) / 100);
  }
}

type Config = { kind: 'OneAtATime' | 'HalfAtATime' | 'AllAtOnce' } | { kind: 'HOST_COUNT' | 'FLEET_PERCENT'; value: number };

const configArb: fc.Arbitrary<Config> = fc.oneof(
  fc.constantFrom<Config>({ kind: 'OneAtATime' }, { kind: 'HalfAtATime' }, { kind: 'AllAtOnce' }),
  fc.record({ kind: fc.constant('HOST_COUNT' as const), value: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ kind: fc.constant('FLEET_PERCENT' as const), value: fc.integer({ min: 0, max: 100 }) }),
);

function settings(config: Config, n: number, loadBalancer: boolean): Record<string, unknown> {
  const base = { instances: n, loadBalancer };
  return config.kind === 'HOST_COUNT' || config.kind === 'FLEET_PERCENT'
    ? { ...base, deploymentConfigName: 'Generated', customDeploymentConfig: { minimumHealthyHosts: { type: config.kind, value: config.value } } }
    : { ...base, deploymentConfigName: `CodeDeployDefault.${config.kind}` };
}

describe('properties over generated fleets and configurations', () => {
  const fleet = fc.integer({ min: 1, max: 25 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      config: configArb,
      loadBalancer: fc.boolean(),
      failing: fc.uniqueArray(fc.integer({ min: 1, max: n }), { maxLength: n }),
    }),
  );

  it('never more instances at once than the minimum allows, never fewer healthy than the minimum', () => {
    fc.assert(
      fc.property(fleet, ({ n, config, loadBalancer, failing }) => {
        const trace = cd(settings(config, n, loadBalancer), { faults: failOn(...failing.map((k) => `i-${k}`)) });
        const minimum = referenceMinimum(config, n);
        if (minimum >= n) {
          expect(trace.outcome).toBe('Failed');
          expect(trace.spans).toEqual([]);
          return;
        }
        expect(peakConcurrency(trace)).toBeLessThanOrEqual(n - minimum);
        expect(lowestHealthy(trace, n)).toBeGreaterThanOrEqual(minimum);
      }),
      { numRuns: 150 },
    );
  });

  it('with no failures every instance ends on v2 and the deployment succeeds', () => {
    fc.assert(
      fc.property(fleet, ({ n, config, loadBalancer }) => {
        if (referenceMinimum(config, n) >= n) return;
        const trace = cd(settings(config, n, loadBalancer));
        expect(trace.outcome).toBe('Succeeded');
        expect(trace.final.targets.every((t) => t.version === 'v2' && t.state === 'InService' && t.healthy)).toBe(true);
        expect(trace.final.traffic).toEqual({ v2: 100 });
      }),
      { numRuns: 100 },
    );
  });

  it('OneAtATime succeeds exactly when no instance but the last failed (and at least one succeeded)', () => {
    fc.assert(
      fc.property(fleet, ({ n, failing }) => {
        const trace = cd(settings({ kind: 'OneAtATime' }, n, true), { faults: failOn(...failing.map((k) => `i-${k}`)) });
        const onlyLast = failing.every((k) => k === n);
        const someSucceeds = failing.length < n;
        expect(trace.outcome).toBe(onlyLast && someSucceeds ? 'Succeeded' : 'Failed');
      }),
      { numRuns: 100 },
    );
  });
});
