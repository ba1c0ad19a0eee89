import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex, eventCountAt, frameAt, nextEventTime, previousEventTime, sampleAt, targetAt, deploymentsAt } from '../../src/layout/frame.ts';
import { SCENARIO_DIR, shippedScenarios, eb, run } from '../helpers.ts';
import { validateText } from '../../src/scenario/validate.ts';
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
    expect(targetAt(index, 0, 25).version).toBe('v2');
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
