// Which charts a trace gets, and their count ticks. Pure (node-tested).
// Elastic Beanstalk and CodeDeploy Server: production traffic and instances in
// service. Lambda and ECS have no fleet to count (an alias points at two function
// versions; ECS runs one or two task sets), so "1 in service" says nothing: they get
// the traffic weights instead, per version in percent (Lambda: the alias; ECS: the
// production listener and, when the deployment has one, the test listener).
import type { Scenario } from '../../scenario/types.ts';
import type { TraceSample } from '../../trace/types.ts';

export type ChartKind = 'traffic' | 'capacity' | 'test';

export interface ChartSpec {
  kind: ChartKind;
  title: string;
  /** Whether values are percentages (weights) rather than counts. */
  percent: boolean;
  /** Accessible name of the chart. */
  label: string;
  /** The value per version in one sample (undefined: the sample says nothing). */
  pick: (s: TraceSample) => Record<string, number> | undefined;
}

const traffic = (title: string, label: string): ChartSpec => ({ kind: 'traffic', title, percent: true, label, pick: (s) => s.traffic });

export function chartSpecs(scenario: Scenario, samples: readonly TraceSample[]): ChartSpec[] {
  const platform = scenario.platform === 'CodeDeploy' ? scenario.codeDeploy?.computePlatform : undefined;
  if (platform === 'Lambda') {
    return [traffic('Traffic weights (alias)', 'Percent of invocations the alias routes to each function version over time')];
  }
  if (platform === 'ECS') {
    const specs = [traffic('Traffic weights (production listener)', 'Percent of production traffic per task set version over time')];
    if (samples.some((s) => s.testTraffic !== undefined)) {
      specs.push({ kind: 'test', title: 'Traffic weights (test listener)', percent: true, label: 'Percent of test listener traffic per task set version over time', pick: (s) => s.testTraffic });
    }
    return specs;
  }
  return [
    traffic('Production traffic', 'Production traffic per version over time'),
    { kind: 'capacity', title: 'In service', percent: false, label: 'Targets in service per version over time', pick: (s) => s.inService },
  ];
}

/**
 * Y ticks for a chart: 0, 50, 100 for percentages; for counts whole numbers only
 * (never 0.5 instances), at most `most` intervals, each a 1-2-5 multiple. The last
 * tick is the axis top (at least `top`).
 */
export function yTicks(top: number, percent: boolean, most = 3): number[] {
  if (percent) return [0, 50, 100];
  const max = Math.max(1, Math.ceil(top));
  let step = 1;
  for (let mag = 1; ; mag *= 10) {
    const s = [1, 2, 5].map((m) => m * mag).find((c) => Math.ceil(max / c) <= most);
    if (s !== undefined) {
      step = s;
      break;
    }
  }
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) ticks.push(v);
  return ticks;
}

interface BandPointLike { t: number; y0: number; y1: number }

/**
 * Where to write a band's version name inside it (so a version is told by its
 * name, not by colour alone): the middle of its largest step (height × time),
 * or undefined when the band never holds anything.
 */
export function bandLabelAt(points: readonly BandPointLike[]): { t: number; y: number; from: number; to: number; height: number } | undefined {
  let best: { t: number; y: number; from: number; to: number; height: number } | undefined;
  let bestArea = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const p = points[i]!;
    const height = p.y1 - p.y0;
    const area = height * (points[i + 1]!.t - p.t);
    if (height > 0 && area > bestArea) {
      bestArea = area;
      best = { t: (p.t + points[i + 1]!.t) / 2, y: (p.y0 + p.y1) / 2, from: p.t, to: points[i + 1]!.t, height };
    }
  }
  return best;
}
