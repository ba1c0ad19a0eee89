import { describe, expect, it } from 'vitest';
import type { TraceSample } from '../../src/trace/types.ts';
import { axisEnd, capacitySeries, collapseSamples, downtimeSpans, minimumHealthyHosts, trafficSeries } from '../../src/layout/series.ts';
import { lambdaRollbackFixture, rollingFixture } from './fixtures.ts';
import { scenario, SCENARIO_DIR, shippedScenarios } from '../helpers.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateText } from '../../src/scenario/validate.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { buildIndex } from '../../src/layout/frame.ts';

const samples: TraceSample[] = [
  { t: 0, inService: { v1: 4 }, traffic: { v1: 100 } },
  { t: 0, inService: { v1: 2 }, traffic: { v1: 100 } },
  { t: 60, inService: { v1: 2, v2: 2 }, traffic: { v1: 50, v2: 50 } },
];

describe('chart series', () => {
  it('keeps the last sample at each time and closes at the duration', () => {
    const rows = collapseSamples(samples, 100);
    expect(rows.map((r) => r.t)).toEqual([0, 60, 100]);
    expect(rows[0]!.inService).toEqual({ v1: 2 });
  });

  it('stacks versions in order: the new version sits on top of the old one', () => {
    const s = capacitySeries(samples, ['v1', 'v2'], 100);
    expect(s.max).toBe(4);
    const v2 = s.bands.find((b) => b.version === 'v2')!;
    expect(v2.points[1]).toEqual({ t: 60, y0: 2, y1: 4 });
  });

  it('scales traffic to 100 percent', () => {
    const s = trafficSeries(samples, ['v1', 'v2'], 100);
    expect(s.max).toBe(100);
    expect(s.bands.map((b) => b.version)).toEqual(['v1', 'v2']);
  });
});

describe('the final state is always drawn', () => {
  it('gives a change at the last instant a visible step before the axis ends', () => {
    const trace = lambdaRollbackFixture();
    const end = axisEnd(trace.durationSeconds);
    expect(end).toBeGreaterThan(trace.durationSeconds);
    const s = trafficSeries(trace.samples, ['v1', 'v2'], end);
    const v1 = s.bands.find((b) => b.version === 'v1')!;
    const last = v1.points[v1.points.length - 1]!;
    const atEnd = v1.points.find((p) => p.t === trace.durationSeconds)!;
    // From 300 s to the axis end the chart shows v1 at 100 %, which is final.traffic.
    expect(atEnd.y1 - atEnd.y0).toBe(trace.final.traffic.v1);
    expect(last.t).toBe(end);
    expect(s.bands.find((b) => b.version === 'v2')!.points.at(-1)).toMatchObject({ y0: 100, y1: 100 });
  });

  it('finds the stretch where nothing serves (AllAtOnce downtime)', () => {
    const rows: TraceSample[] = [
      { t: 0, inService: { v1: 4 }, traffic: { v1: 100 } },
      { t: 25, inService: {}, traffic: {} },
      { t: 78, inService: { v2: 4 }, traffic: { v2: 100 } },
    ];
    expect(downtimeSpans(rows, 80)).toEqual([{ from: 25, to: 78 }]);
    expect(downtimeSpans(rows.slice(0, 2), 80)).toEqual([{ from: 25, to: 80 }]);
    expect(downtimeSpans(samples, 100)).toEqual([]);
  });

  it('computes CodeDeploy in-place minimum healthy hosts from the configuration', () => {
    const server = (deploymentConfigName: string, extra: Record<string, unknown> = {}) =>
      scenario({ platform: 'CodeDeploy', codeDeploy: { computePlatform: 'Server', deploymentConfigName, instances: 6, ...extra } });
    expect(minimumHealthyHosts(server('CodeDeployDefault.OneAtATime'))).toBe(5);
    expect(minimumHealthyHosts(server('CodeDeployDefault.HalfAtATime'))).toBe(3);
    expect(minimumHealthyHosts(server('CodeDeployDefault.AllAtOnce'))).toBe(0);
    expect(minimumHealthyHosts(server('Custom', { customDeploymentConfig: { minimumHealthyHosts: { type: 'FLEET_PERCENT', value: 40 } } }))).toBe(3);
    expect(minimumHealthyHosts(rollingFixture().scenario)).toBeUndefined();
    expect(minimumHealthyHosts(lambdaRollbackFixture().scenario)).toBeUndefined();
  });
});

describe('every shipped scenario ends on its final traffic', () => {
  it('the traffic chart after the last instant shows final.traffic, and the axis tail gives it room', () => {
    for (const file of shippedScenarios()) {
      const v = validateText(readFileSync(join(SCENARIO_DIR, file), 'utf8'));
      if (!v.ok) continue;
      const trace = simulate(v.scenario);
      const index = buildIndex(trace);
      const end = axisEnd(index.duration);
      const s = trafficSeries(trace.samples, index.versions, end);
      const drawn: Record<string, number> = {};
      for (const b of s.bands) {
        const p = b.points.find((q) => q.t === index.duration) ?? b.points.at(-1)!;
        if (p.y1 > p.y0) drawn[b.version] = Math.round((p.y1 - p.y0) * 10) / 10;
      }
      expect(drawn, file).toEqual(trace.final.traffic);
      expect(s.bands.every((b) => b.points.at(-1)!.t === end), file).toBe(true);
    }
  });
});
