// Chart series: traffic split and in-service capacity per version as stacked
// step bands over the whole trace. Drawn once per trace; the playhead only
// moves a clip, so a frame costs nothing here.
import type { TraceSample } from '../trace/types.ts';

export interface BandPoint { t: number; y0: number; y1: number }
export interface Band { version: string; points: BandPoint[] }
export interface Series { bands: Band[]; max: number }

/** The last sample at each distinct time, with a closing point at `duration`. */
export function collapseSamples(samples: readonly TraceSample[], duration: number): TraceSample[] {
  const out: TraceSample[] = [];
  for (const s of samples) {
    if (out.length && out[out.length - 1]!.t === s.t) out[out.length - 1] = s;
    else out.push(s);
  }
  if (out.length && out[out.length - 1]!.t < duration) out.push({ ...out[out.length - 1]!, t: duration });
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

export function trafficSeries(samples: readonly TraceSample[], versions: readonly string[], duration: number): Series {
  const s = stack(collapseSamples(samples, duration), versions, (x) => x.traffic);
  return { bands: s.bands, max: 100 };
}

export function capacitySeries(samples: readonly TraceSample[], versions: readonly string[], duration: number): Series {
  return stack(collapseSamples(samples, duration), versions, (x) => x.inService);
}
