import { describe, expect, it } from 'vitest';
import type { TraceSample } from '../../src/trace/types.ts';
import { capacitySeries, collapseSamples, trafficSeries } from '../../src/layout/series.ts';

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
