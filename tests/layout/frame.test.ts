import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex, eventCountAt, frameAt, nextEventTime, previousEventTime, sampleAt, targetAt, deploymentsAt } from '../../src/layout/frame.ts';
import { SCENARIO_DIR, shippedScenarios, eb, run } from '../helpers.ts';
import { validateText } from '../../src/scenario/validate.ts';
import { checkTrace, replayChanges } from '../../src/trace/check.ts';
import type { Trace } from '../../src/trace/types.ts';
import { lambdaRollbackFixture, readyWaitFixture, rollingFixture } from './fixtures.ts';
import { simulate } from '../../src/engine/simulate.ts';

const rollingUnhealthy = () => buildIndex(eb({ instances: 6, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2, Timeout: 600 }, { faults: [{ type: 'UnhealthyInstance', target: 'i-3' }] }));

describe('frameAt', () => {
  it('starts with every original instance healthy, on the old version, behind the load balancer', () => {
    const index = rollingUnhealthy();
    const f = frameAt(index, 0);
    const i6 = f.targets.find((x) => x.id === 'i-6')!;
    expect(i6).toMatchObject({ version: 'v1', state: 'healthy', inLB: true });
  });

  it('shows the first batch draining at the start and deploying after', () => {
    const index = rollingUnhealthy();
    expect(targetAt(index, 0, 5).state).toBe('draining');
    expect(targetAt(index, 0, 5).inLB).toBe(false);
    expect(targetAt(index, 0, 25).state).toBe('deploying');
  });

  it('marks the instance that never became healthy as unhealthy at the end, matching the final state', () => {
    const index = rollingUnhealthy();
    const end = frameAt(index, index.duration);
    for (const fin of index.trace.final.targets) {
      const t = end.targets.find((x) => x.id === fin.id)!;
      expect(t.version).toBe(fin.version);
      expect(t.healthy).toBe(fin.healthy);
    }
    expect(end.outcome).toBe('Failed');
  });

  it('reads the sample, events and deployment status in effect at t', () => {
    const index = rollingUnhealthy();
    expect(sampleAt(index, 0)?.inService).toEqual({ v1: 4 });
    expect(eventCountAt(index, -1)).toBe(0);
    expect(eventCountAt(index, index.duration)).toBe(index.trace.events.length);
    expect(deploymentsAt(index, 10)[0]!.status).toBe('InProgress');
    expect(deploymentsAt(index, index.duration)[0]!.status).toBe('Failed');
  });

  it('steps between distinct event times in both directions', () => {
    const index = rollingUnhealthy();
    const t1 = nextEventTime(index, 0);
    expect(t1).toBeGreaterThan(0);
    expect(previousEventTime(index, t1)).toBe(0);
    expect(nextEventTime(index, index.duration)).toBe(index.duration);
    expect(previousEventTime(index, 0)).toBe(0);
  });

  it('shows terminated instances as terminated after an immutable deployment', () => {
    const index = buildIndex(eb({ instances: 2, DeploymentPolicy: 'Immutable' }));
    const end = frameAt(index, index.duration);
    expect(end.targets.filter((t) => t.state === 'terminated').length).toBeGreaterThan(0);
    const launched = index.targets.filter((t) => t.launchedAt > 0);
    for (const t of launched) expect(targetAt(index, index.targets.indexOf(t), 0).state).toBe('pending');
  });

  it('is read from the trace alone: the same t gives the same frame after visiting other times', () => {
    const index = rollingUnhealthy();
    const a = frameAt(index, 150);
    frameAt(index, 900);
    frameAt(index, 3);
    expect(frameAt(index, 150)).toEqual(a);
  });

  it('gives every shipped scenario a frame at any time without throwing', () => {
    for (const file of shippedScenarios()) {
      const v = validateText(readFileSync(join(SCENARIO_DIR, file), 'utf8'));
      if (!v.ok) continue;
      let trace;
      try {
        trace = simulate(v.scenario);
      } catch {
        continue; // platform still being implemented: the app shows the error
      }
      const index = buildIndex(trace);
      for (const t of [0, index.duration / 3, index.duration / 2, index.duration]) {
        const f = frameAt(index, t);
        expect(f.targets.length).toBe(trace.targets.length);
        expectReplayed(trace, f.targets, t);
      }
    }
  });

  it('shows a lambda alias version as the traffic split', () => {
    const trace = run({
      platform: 'CodeDeploy',
      codeDeploy: { computePlatform: 'Lambda', deploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes' },
    });
    const index = buildIndex(trace);
    const during = targetAt(index, 0, 60);
    expect(during.version).toMatch(/v1 90% · v2 10%/);
  });
});

/** Version (aliases aside), health and membership agree with replaying the trace's changes up to t. */
function expectReplayed(trace: Trace, frames: ReturnType<typeof frameAt>['targets'], t: number): void {
  const replayed = replayChanges(trace, t);
  for (const f of frames) {
    const r = replayed.get(f.id);
    const target = trace.targets[f.index]!;
    if (!r || t < target.launchedAt) continue;
    if (target.kind !== 'lambda-alias') expect(f.version, `${f.id} at ${t}`).toBe(r.version);
    expect(f.healthy, `${f.id} at ${t}`).toBe(r.healthy);
    expect(f.inLB, `${f.id} at ${t}`).toBe(r.registered ?? null);
    if (r.state === 'Terminated' && !f.step) expect(f.state).toBe('terminated');
  }
}

describe('frameAt on hand-made version-2 traces', () => {
  it('the fixtures hold together', () => {
    for (const trace of [rollingFixture(), lambdaRollbackFixture(), readyWaitFixture()]) expect(checkTrace(trace)).toEqual([]);
  });

  it('takes version, health and load balancer membership from changes, the step from spans', () => {
    const trace = rollingFixture();
    const index = buildIndex(trace);
    // i-1 runs v1 until its application restarts (procfile at 28 s), whatever its spans' revision says.
    expect(targetAt(index, 0, 27)).toMatchObject({ version: 'v1', state: 'deploying', step: 'download', inLB: false });
    expect(targetAt(index, 0, 28)).toMatchObject({ version: 'v2', step: 'procfile' });
    expect(targetAt(index, 0, 40)).toMatchObject({ state: 'checking', inLB: true });
    expect(targetAt(index, 0, 90)).toMatchObject({ state: 'healthy', version: 'v2', inLB: true });
    for (const t of [0, 10, 28, 83, 100, 121, 500, 960, 961]) expectReplayed(trace, frameAt(index, t).targets, t);
  });

  it('shows the instance that failed its health checks as unhealthy with the reason, from the instant its health changes', () => {
    const index = buildIndex(rollingFixture());
    expect(targetAt(index, 2, 960).state).toBe('checking');
    const end = targetAt(index, 2, 961);
    expect(end).toMatchObject({ state: 'unhealthy', healthy: false, reason: 'did not pass health checks within the timeout' });
  });

  it('tells a new target that is not healthy yet from a failed one', () => {
    const index = buildIndex(readyWaitFixture());
    expect(targetAt(index, 1, 30)).toMatchObject({ state: 'waiting', version: '', inLB: false });
    expect(targetAt(index, 1, 75)).toMatchObject({ state: 'deploying', step: 'BeforeInstall' });
    expect(targetAt(index, 1, 300)).toMatchObject({ state: 'standby', version: 'v2', healthy: true, inLB: false });
  });

  it('reads the rollback at the last instant: the alias back on v1 and every deployment final', () => {
    const index = buildIndex(lambdaRollbackFixture());
    expect(targetAt(index, 0, 299).version).toBe('v1 90% · v2 10%');
    const end = frameAt(index, 300);
    expect(end.targets[0]!.version).toBe('v1');
    expect(end.deployments.map((d) => d.status)).toEqual(['Stopped', 'Succeeded']);
    expect(end.outcome).toBe('RolledBack');
  });
});
