// Property tests over generated Elastic Beanstalk scenarios: the invariants that
// must hold for every fleet, policy and fault combination.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EB_FAILABLE_STEPS, ebBatchSize, ebLaunchedInstances } from '../../src/aws/eb-facts.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { validateScenario } from '../../src/scenario/validate.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import type { Trace } from '../../src/trace/types.ts';
import { checkTrace, replayChanges } from '../../src/trace/check.ts';
import { capacityRange } from '../helpers.ts';

const policies = ['AllAtOnce', 'Rolling', 'RollingWithAdditionalBatch', 'Immutable', 'TrafficSplitting', 'BlueGreen'] as const;

const settings = fc.record({
  instances: fc.integer({ min: 1, max: 12 }),
  DeploymentPolicy: fc.constantFrom(...policies),
  BatchSizeType: fc.constantFrom('Percentage', 'Fixed'),
  BatchSize: fc.integer({ min: 1, max: 100 }),
  IgnoreHealthCheck: fc.boolean(),
  Timeout: fc.integer({ min: 60, max: 900 }),
  NewVersionPercent: fc.integer({ min: 1, max: 100 }),
  EvaluationTime: fc.integer({ min: 3, max: 8 }),
});

type Settings = typeof settings extends fc.Arbitrary<infer T> ? T : never;

function build(s: Settings, faults: unknown[] = []): Scenario {
  const eb: Record<string, unknown> = { ...s, MaxSize: 100 };
  if (s.DeploymentPolicy !== 'BlueGreen') delete eb.dnsTtl;
  const v = validateScenario({ name: 'generated', platform: 'ElasticBeanstalk', elasticBeanstalk: eb, faults });
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.scenario;
}

const faultsFor = (s: Settings) => {
  const known = s.instances + ebLaunchedInstances(s);
  const target = fc.integer({ min: 1, max: known }).map((i) => `i-${i}`);
  const at = fc.integer({ min: 0, max: 1200 });
  return fc.array(
    fc.oneof(
      fc.record({ type: fc.constant('UnhealthyInstance'), target, at }),
      fc.record({ type: fc.constant('BadVersion'), at }),
      fc.record({ type: fc.constant('HookFailure'), target, event: fc.constantFrom(...EB_FAILABLE_STEPS), at }),
      fc.record({ type: fc.constant('InstanceTerminated'), target, at }),
      fc.record({ type: fc.constant('AbortDeployment'), at }),
      ...(s.DeploymentPolicy === 'BlueGreen' ? [fc.record({ type: fc.constant('SwapEnvironmentCNAMEs'), at })] : []),
    ),
    { maxLength: 3 },
  );
};

const withFaults = settings.chain((s) => faultsFor(s).map((faults) => ({ s, faults })));

function checkInvariants(trace: Trace): void {
  // The replay invariant and the rest of the trace's internal consistency.
  expect(checkTrace(trace)).toEqual([]);
  const replayed = replayChanges(trace);
  for (const f of trace.final.targets) expect(replayed.get(f.id)).toMatchObject({ version: f.version, state: f.state, healthy: f.healthy });
  // Phases nest inside their deployment; a batch names its targets; a wait's deadline is not before its start.
  const d = trace.deployments[0]!;
  for (const p of trace.phases) {
    expect(p.start).toBeGreaterThanOrEqual(d.start);
    expect(p.end).toBeLessThanOrEqual(d.end);
    expect(p.end).toBeGreaterThanOrEqual(p.start);
    if (p.kind === 'batch') expect(p.targets!.length).toBeGreaterThan(0);
    if (p.deadline !== undefined) expect(p.deadline).toBeGreaterThanOrEqual(p.start);
  }
  for (const e of trace.events) {
    if (e.type === 'health-changed') expect(typeof e.healthy).toBe('boolean');
    if (e.type === 'wait-started') expect(e.end).toBeGreaterThanOrEqual(e.t);
  }
  for (const sample of trace.samples) {
    const total = Object.values(sample.traffic).reduce((a, b) => a + b, 0) + (sample.unserved ?? 0);
    const serving = Object.values(sample.inService).reduce((a, b) => a + b, 0);
    if (serving > 0 && (sample.unserved ?? 0) < 100) expect(total).toBeCloseTo(100, 5);
    else expect(sample.traffic).toEqual({});
    // Only blue/green's DNS can send clients to nothing.
    if (sample.unserved !== undefined) expect(trace.scenario.elasticBeanstalk!.DeploymentPolicy).toBe('BlueGreen');
    for (const v of Object.keys(sample.traffic)) expect(sample.inService[v] ?? 0).toBeGreaterThan(0);
  }
  const sorted = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1]! <= x);
  expect(sorted(trace.samples.map((s) => s.t))).toBe(true);
  expect(sorted(trace.events.map((e) => e.t))).toBe(true);
  expect(sorted(trace.spans.map((s) => s.start))).toBe(true);
  const byTarget = new Map<string, Trace['spans']>();
  for (const span of trace.spans) byTarget.set(span.target, [...(byTarget.get(span.target) ?? []), span]);
  for (const [, spans] of byTarget) {
    // One step at a time per instance.
    spans.forEach((span, i) => i > 0 && expect(span.start).toBeGreaterThanOrEqual(spans[i - 1]!.end));
    const deploymentSpans = spans.filter((s) => s.name !== 'register' && s.name !== 'health-check');
    const at = (name: string) => deploymentSpans.findIndex((s) => s.name === name);
    if (at('postdeploy') >= 0) expect(at('prebuild')).toBeLessThan(at('predeploy'));
    if (at('postdeploy') >= 0) expect(at('predeploy')).toBeLessThan(at('postdeploy'));
  }
  expect(trace.final.targets.map((t) => t.id)).toEqual(trace.targets.map((t) => t.id));
  expect(trace.durationSeconds).toBeGreaterThanOrEqual(trace.deployments[0]!.end);
}

describe('Elastic Beanstalk invariants (property tests)', () => {
  it('without faults every policy succeeds, respects its capacity bound and ends with every instance on v2', () => {
    fc.assert(
      fc.property(settings, (s) => {
        const trace = simulate(build(s));
        checkInvariants(trace);
        expect(trace.outcome).toBe('Succeeded');
        const { min } = capacityRange(trace);
        const n = s.instances;
        switch (s.DeploymentPolicy) {
          case 'AllAtOnce':
            expect(min).toBe(0);
            break;
          case 'Rolling':
            expect(min).toBe(n - ebBatchSize(s));
            break;
          default:
            expect(min).toBeGreaterThanOrEqual(n);
        }
        const live = trace.final.targets.filter((t) => t.state !== 'Terminated');
        if (s.DeploymentPolicy === 'BlueGreen') {
          expect(live.filter((t) => t.version === 'v2')).toHaveLength(n);
        } else {
          expect(live).toHaveLength(n);
          expect(live.every((t) => t.version === 'v2' && t.state === 'InService' && t.healthy)).toBe(true);
        }
        expect(trace.final.traffic).toEqual({ v2: 100 });
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
    );
  }, 60_000);

  it('with faults, invariants hold and the new-group policies never touch the originals when they roll back', () => {
    fc.assert(
      fc.property(withFaults, ({ s, faults }) => {
        const trace = simulate(build(s, faults));
        checkInvariants(trace);
        if (trace.outcome === 'RolledBack' && (s.DeploymentPolicy === 'Immutable' || s.DeploymentPolicy === 'TrafficSplitting')) {
          const originals = trace.targets.filter((t) => t.group === 'original').map((t) => t.id);
          expect(trace.spans.filter((sp) => originals.includes(sp.target))).toEqual([]);
          const alive = trace.final.targets.filter((t) => t.state !== 'Terminated');
          expect(alive.every((t) => t.version === 'v1')).toBe(true);
        }
        if (s.DeploymentPolicy === 'TrafficSplitting' || s.DeploymentPolicy === 'Immutable') {
          // No interruption for clients while the deployment runs, unless an original instance itself was terminated,
          // or Immutable was told to ignore health checks (it then replaces the old instances with unhealthy ones),
          // or every new instance was terminated after they all passed: EB then goes on as documented (reference §1:
          // it moves them to the original group and terminates the old instances), and deploysim does not replace a
          // terminated instance within the deployment (UNDOCUMENTED, terminatedNotReplaced), so nothing is left to serve.
          const terminatedOriginal = faults.some((f: any) => f.type === 'InstanceTerminated' && Number(String(f.target).slice(2)) <= s.instances);
          const ignoring = s.DeploymentPolicy === 'Immutable' && s.IgnoreHealthCheck;
          const newLeft = trace.final.targets.filter((t) => t.state !== 'Terminated' && trace.targets.find((x) => x.id === t.id)?.group !== 'original');
          const lostEveryNew = trace.outcome === 'Succeeded' && newLeft.length === 0;
          const during = trace.samples.filter((x) => x.t <= trace.deployments[0]!.end);
          if (!terminatedOriginal && !ignoring && !lostEveryNew) expect(during.every((x) => Object.keys(x.traffic).length > 0)).toBe(true);
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 200) },
    );
  }, 60_000);

  it('is deterministic, and a fault injected at t leaves everything before t unchanged (the future forks from now)', () => {
    fc.assert(
      fc.property(withFaults, fc.integer({ min: 1, max: 1500 }), fc.constantFrom('AbortDeployment', 'BadVersion'), ({ s, faults }, t, kind) => {
        const before = simulate(build(s, faults));
        expect(JSON.stringify(simulate(build(s, faults)))).toBe(JSON.stringify(before));
        const after = simulate(build(s, [...faults, { type: kind, at: t }]));
        const past = (trace: Trace) => ({
          events: trace.events.filter((e) => e.t < t),
          spans: trace.spans.filter((x) => x.end < t),
          samples: trace.samples.filter((x) => x.t < t),
        });
        expect(past(after)).toEqual(past(before));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
    );
  }, 60_000);
});

describe('found by the properties (Immutable)', () => {
  it('the only new instance terminated after it passed: EB still terminates the old one, as documented, and says that nothing runs v2', () => {
    const trace = simulate(build({ instances: 1, DeploymentPolicy: 'Immutable', BatchSizeType: 'Fixed', BatchSize: 1, IgnoreHealthCheck: false, Timeout: 60, NewVersionPercent: 10, EvaluationTime: 5 }, [
      { type: 'InstanceTerminated', target: 'i-2', at: 144 },
    ]));
    checkInvariants(trace);
    expect(trace.outcome).toBe('Succeeded');
    expect(trace.final.targets.map((t) => t.state)).toEqual(['Terminated', 'Terminated']);
    expect(trace.events.at(-1)!.message).toMatch(/0 new instances run v2/);
    expect(trace.final.traffic).toEqual({});
  });
});
