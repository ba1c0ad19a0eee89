// Which charts a trace gets, and their y ticks: whole numbers for counts, weights
// in percent for Lambda and ECS (no "1 in service").
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.ts';
import { validateScenario } from '../../src/scenario/validate.ts';
import { bandLabelAt, chartSpecs, yTicks } from '../../src/views/capacity-charts/chart-kinds.ts';

function trace(raw: Record<string, unknown>) {
  const v = validateScenario({ name: 't', ...raw });
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return simulate(v.scenario);
}

describe('chartSpecs', () => {
  it('Elastic Beanstalk and CodeDeploy Server: production traffic and instances in service (a count)', () => {
    for (const t of [
      trace({ platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 3, DeploymentPolicy: 'Rolling' } }),
      trace({ platform: 'CodeDeploy', codeDeploy: { computePlatform: 'Server', instances: 3 } }),
    ]) {
      const specs = chartSpecs(t.scenario, t.samples);
      expect(specs.map((s) => [s.kind, s.title, s.percent])).toEqual([['traffic', 'Production traffic', true], ['capacity', 'In service', false]]);
      expect(specs[1]!.pick(t.samples[0]!)).toEqual({ v1: 3 });
    }
  });

  it('Lambda: the alias\'s traffic weights per version, in percent, and no count of "1 in service"', () => {
    const t = trace({ platform: 'CodeDeploy', codeDeploy: { computePlatform: 'Lambda', deploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes' } });
    const specs = chartSpecs(t.scenario, t.samples);
    expect(specs.map((s) => [s.kind, s.title, s.percent])).toEqual([['traffic', 'Traffic weights (alias)', true]]);
    expect(specs.map((s) => s.pick(t.samples[1]!))).toEqual([{ v1: 90, v2: 10 }]);
  });

  it('ECS: production and test listener weights, in percent; no task-set count', () => {
    const t = trace({ platform: 'CodeDeploy', codeDeploy: { computePlatform: 'ECS', deploymentConfigName: 'CodeDeployDefault.ECSCanary10Percent5Minutes' } });
    const specs = chartSpecs(t.scenario, t.samples);
    expect(specs.map((s) => [s.kind, s.percent])).toEqual([['traffic', true], ['test', true]]);
    expect(specs.map((s) => s.title)).toEqual(['Traffic weights (production listener)', 'Traffic weights (test listener)']);
    const canary = t.samples.find((s) => s.traffic.v2 === 10)!;
    expect(specs.map((s) => s.pick(canary))).toEqual([{ v1: 90, v2: 10 }, { v2: 100 }]);
  });
});

describe('yTicks', () => {
  it('counts get whole-number ticks only, at most 3 intervals, the last at or above the top', () => {
    expect(yTicks(1, false)).toEqual([0, 1]);
    expect(yTicks(0, false)).toEqual([0, 1]);
    expect(yTicks(2, false)).toEqual([0, 1, 2]);
    expect(yTicks(3, false)).toEqual([0, 1, 2, 3]);
    expect(yTicks(4, false)).toEqual([0, 2, 4]);
    expect(yTicks(7, false)).toEqual([0, 5, 10]);
    expect(yTicks(100_000, false)).toEqual([0, 50_000, 100_000]);
    for (let top = 0; top <= 1000; top++) {
      const ticks = yTicks(top, false);
      expect(ticks.every(Number.isInteger)).toBe(true);
      expect(ticks.at(-1)!).toBeGreaterThanOrEqual(top);
      expect(ticks.length - 1).toBeLessThanOrEqual(3);
    }
  });

  it('percentages: 0, 50, 100', () => {
    expect(yTicks(100, true)).toEqual([0, 50, 100]);
  });
});

describe('bandLabelAt', () => {
  it('labels a band in the middle of its largest step', () => {
    const points = [{ t: 0, y0: 0, y1: 1 }, { t: 10, y0: 0, y1: 3 }, { t: 100, y0: 0, y1: 0 }, { t: 110, y0: 0, y1: 0 }];
    expect(bandLabelAt(points)).toEqual({ t: 55, y: 1.5, from: 10, to: 100, height: 3 });
    expect(bandLabelAt([{ t: 0, y0: 2, y1: 2 }, { t: 5, y0: 2, y1: 2 }])).toBeUndefined();
  });
});
