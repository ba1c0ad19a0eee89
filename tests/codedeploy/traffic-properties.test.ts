// Property tests over generated Lambda and ECS scenarios: every predefined and
// custom traffic configuration, hook failures, bad versions, alarms and stops at
// random times, with and without automatic rollback. The trace must hold together
// (checkTrace), phases must nest inside their deployment, a rollback must be its
// own deployment, runs must be deterministic, and a fault injected at t must leave
// everything before t unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configNamesFor, EVENTS_BY_PLATFORM, RESERVED_EVENTS } from '../../src/aws/codedeploy-facts.ts';
import { checkTrace } from '../../src/trace/check.ts';
import type { Trace } from '../../src/trace/types.ts';
import { cd } from './helpers.ts';

const platform = fc.constantFrom('Lambda' as const, 'ECS' as const);

const config = (p: 'Lambda' | 'ECS') =>
  fc.oneof(
    fc.constantFrom(...configNamesFor(p)).map((deploymentConfigName) => ({ deploymentConfigName })),
    fc.record({ percentage: fc.integer({ min: 1, max: 99 }), interval: fc.integer({ min: 1, max: 20 }), canary: fc.boolean() }).map(({ percentage, interval, canary }) => ({
      deploymentConfigName: 'Custom',
      customDeploymentConfig: {
        trafficRoutingConfig: canary
          ? { type: 'TimeBasedCanary', timeBasedCanary: { canaryPercentage: percentage, canaryInterval: interval } }
          : { type: 'TimeBasedLinear', timeBasedLinear: { linearPercentage: percentage, linearInterval: interval } },
      },
    })),
  );

const rollback = fc.oneof(
  fc.constant({ enabled: false, events: [] as string[] }),
  fc.record({ enabled: fc.constant(true), events: fc.subarray(['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM', 'DEPLOYMENT_STOP_ON_REQUEST'], { minLength: 1 }) }),
);

const fault = (p: 'Lambda' | 'ECS') => {
  const at = fc.integer({ min: 0, max: 4000 });
  const hooks = EVENTS_BY_PLATFORM[p].filter((e) => !RESERVED_EVENTS.has(e));
  return fc.oneof(
    fc.record({ type: fc.constant('HookFailure'), event: fc.constantFrom(...hooks), at }),
    fc.record({ type: fc.constant('BadVersion'), at }),
    fc.record({ type: fc.constant('Alarm'), at }),
    fc.record({ type: fc.constant('StopDeployment'), at }),
    fc.record({ type: fc.constant('StopDeployment'), at, autoRollbackEnabled: fc.boolean() }),
  );
};

const generated = platform.chain((p) =>
  fc.record({
    settings: fc.record({ config: config(p), autoRollbackConfiguration: rollback, wait: fc.integer({ min: 0, max: 90 }) }).map(({ config: c, autoRollbackConfiguration, wait }) => ({
      computePlatform: p,
      ...c,
      autoRollbackConfiguration,
      ...(p === 'ECS' ? { blueGreenDeploymentConfiguration: { terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: wait } } } : {}),
    })),
    faults: fc.array(fault(p), { maxLength: 3 }),
    extra: fault(p),
  }),
);

function invariants(trace: Trace): void {
  expect(checkTrace(trace)).toEqual([]);
  const byId = new Map(trace.deployments.map((d) => [d.id, d]));
  for (const p of trace.phases) {
    const d = byId.get(p.deploymentId)!;
    expect(p.start).toBeGreaterThanOrEqual(d.start);
    expect(p.end).toBeLessThanOrEqual(d.end);
    if (p.kind === 'wait') expect(p.deadline).toBeGreaterThanOrEqual(p.end);
  }
  // Every rollback is its own deployment, started when the user's deployment ended.
  const [user, rollback, ...rest] = trace.deployments;
  expect(rest).toEqual([]);
  expect(user).toMatchObject({ id: 'd-1', creator: 'user' });
  if (rollback) {
    expect(rollback).toMatchObject({ id: 'd-2', creator: 'codeDeployRollback', revision: 'v1', start: user!.end });
    expect(user!.status).not.toBe('Succeeded');
    expect(trace.phases.filter((p) => p.kind === 'rollback').map((p) => p.deploymentId)).toEqual(['d-2']);
  }
  if (trace.outcome === 'RolledBack') expect(trace.final.traffic).toEqual({ v1: 100 });
  // A wait-started event says when its wait ends: the matching phase's deadline.
  const deadlines = trace.phases.filter((p) => p.kind === 'wait').map((p) => p.deadline);
  expect(trace.events.filter((e) => e.type === 'wait-started').map((e) => e.end)).toEqual(deadlines);
  // Test traffic never mixes into production traffic.
  for (const s of trace.samples) if (s.testTraffic) expect(Object.values(s.testTraffic).reduce((a, b) => a + b, 0)).toBe(100);
}

/** Everything recorded strictly before `t`. */
function before(trace: Trace, t: number) {
  return {
    spans: trace.spans.filter((s) => s.end < t),
    events: trace.events.filter((e) => e.t < t),
    samples: trace.samples.filter((s) => s.t < t),
    changes: trace.changes.filter((c) => c.t < t),
    machines: trace.machines.filter((m) => m.t < t),
    phases: trace.phases.filter((p) => p.end < t),
    deployments: trace.deployments.filter((d) => d.start < t).map((d) => ({ id: d.id, start: d.start, revision: d.revision })),
  };
}

// Generous timeouts: the suite shares two cores; speed is measured by the bench, not here.
describe('Lambda and ECS invariants (property tests)', () => {
  it('every generated deployment gives a consistent trace, phases inside their deployment, rollbacks as d-2', () => {
    fc.assert(
      fc.property(generated, ({ settings, faults }) => invariants(cd(settings, { faults }))),
      { numRuns: 120 },
    );
  }, 60_000);

  it('the same scenario gives a byte-identical trace', () => {
    fc.assert(
      fc.property(generated, ({ settings, faults }) => {
        expect(JSON.stringify(cd(settings, { faults }))).toBe(JSON.stringify(cd(settings, { faults })));
      }),
      { numRuns: 30 },
    );
  }, 60_000);

  it('a fault injected at t leaves everything before t unchanged', () => {
    fc.assert(
      fc.property(generated, ({ settings, faults, extra }) => {
        const plain = cd(settings, { faults });
        const forked = cd(settings, { faults: [...faults, extra] });
        invariants(forked);
        expect(before(forked, extra.at)).toEqual(before(plain, extra.at));
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
