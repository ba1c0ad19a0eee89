// Chart series: traffic split and in-service capacity per version as stacked
// step bands over the whole trace. Drawn once per trace; the playhead only
// moves a clip, so a frame costs nothing here.
import { PREDEFINED_CONFIGS, serverSchedule } from '../aws/codedeploy-facts.ts';
import type { Scenario } from '../scenario/types.ts';
import type { TraceSample } from '../trace/types.ts';

export interface BandPoint { t: number; y0: number; y1: number }
export interface Band { version: string; points: BandPoint[] }
export interface Series { bands: Band[]; max: number }

/**
 * Where the shared time axis ends: a little after the trace. A change at the
 * trace's last instant (a Lambda rollback, an ECS rollback) gets this tail to be
 * drawn in; without it a step area ends in a zero-width step and the chart
 * keeps showing the state before the change.
 */
export function axisEnd(duration: number): number {
  return duration + Math.max(1, duration * 0.03);
}

/** The last sample at each distinct time, with a closing point at `end` (the axis end). */
export function collapseSamples(samples: readonly TraceSample[], end: number): TraceSample[] {
  const out: TraceSample[] = [];
  for (const s of samples) {
    if (out.length && out[out.length - 1]!.t === s.t) out[out.length - 1] = s;
    else out.push(s);
  }
  if (out.length && out[out.length - 1]!.t < end) out.push({ ...out[out.length - 1]!, t: end });
  return out;
}

function stack(rows: readonly TraceSample[], versions: readonly string[], pick: (s: TraceSample) => Record<string, number>): Series {
  const bands: Band[] = versions.map((version) => ({ version, points: [] }));
  let max = 0;
  for (const row of rows) {
    let y = 0;
    const values = pick(row);
    versions.forEach((v, i) => {
      const value = values[v] ?? 0;
      bands[i]!.points.push({ t: row.t, y0: y, y1: y + value });
      y += value;
    });
    max = Math.max(max, y);
  }
  return { bands: bands.filter((b) => b.points.some((p) => p.y1 > p.y0)), max };
}

export function trafficSeries(samples: readonly TraceSample[], versions: readonly string[], end: number): Series {
  const s = stack(collapseSamples(samples, end), versions, (x) => x.traffic);
  return { bands: s.bands, max: 100 };
}

export function capacitySeries(samples: readonly TraceSample[], versions: readonly string[], end: number): Series {
  return stack(collapseSamples(samples, end), versions, (x) => x.inService);
}

/**
 * Stretches where nothing serves production traffic (the samples say no version
 * has traffic): AllAtOnce's downtime. A stretch still open at the end of the
 * trace runs to `end`.
 */
export function downtimeSpans(samples: readonly TraceSample[], end: number): { from: number; to: number }[] {
  const rows = collapseSamples(samples, end);
  const out: { from: number; to: number }[] = [];
  let from: number | undefined;
  for (const row of rows) {
    const down = Object.keys(row.traffic).length === 0;
    if (down && from === undefined) from = row.t;
    else if (!down && from !== undefined) {
      out.push({ from, to: row.t });
      from = undefined;
    }
  }
  if (from !== undefined && from < end) out.push({ from, to: end });
  return out;
}

/**
 * CodeDeploy EC2/on-premises in-place: the minimum healthy hosts of the
 * deployment configuration, as a count of the scenario's instances (FLEET_PERCENT
 * rounded up; reference §2.3). Undefined where the rule does not bound the
 * in-service chart (other platforms, blue/green).
 */
export function minimumHealthyHosts(scenario: Scenario): number | undefined {
  const cd = scenario.codeDeploy;
  if (scenario.platform !== 'CodeDeploy' || !cd || cd.computePlatform !== 'Server' || cd.deploymentType !== 'IN_PLACE') return undefined;
  const custom = cd.customDeploymentConfig?.minimumHealthyHosts;
  if (custom) return serverSchedule({ platform: 'Server', kind: 'Custom', minimumHealthyHosts: custom }, cd.instances).minimumHealthy;
  const config = PREDEFINED_CONFIGS[cd.deploymentConfigName];
  if (!config || config.platform !== 'Server') return undefined;
  return serverSchedule(config, cd.instances).minimumHealthy;
}
