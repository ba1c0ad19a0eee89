import { describe, expect, it } from 'vitest';
import { layoutLanes, visibleRows, groupLabel } from '../../src/layout/lanes.ts';
import type { TraceTarget } from '../../src/trace/types.ts';

const targets = (n: number, group: TraceTarget['group'] = 'original'): TraceTarget[] =>
  Array.from({ length: n }, (_, i) => ({ id: `i-${i + 1}`, kind: 'instance' as const, group, launchedAt: 0 }));

describe('layoutLanes', () => {
  it('groups lanes under one header per group, in the fixed group order', () => {
    const layout = layoutLanes([...targets(2, 'temporary'), ...targets(3)]);
    expect(layout.rows.filter((r) => r.type === 'group').map((r) => r.label)).toEqual(['Original fleet', 'Temporary group']);
    expect(layout.rows.length).toBe(7);
    expect(layout.height).toBe(2 * 22 + 5 * 18);
  });

  it('folds a collapsed group to its header', () => {
    const layout = layoutLanes(targets(10), { collapsed: new Set(['original']) });
    expect(layout.rows).toHaveLength(1);
    expect(layout.rows[0]).toMatchObject({ type: 'group', collapsed: true, count: 10 });
  });

  it('returns only the rows in view for a 5,000-lane timeline', () => {
    const layout = layoutLanes(targets(5000), { laneHeight: 12 });
    const rows = visibleRows(layout, 30_000, 300, 2);
    expect(rows.length).toBeLessThan(35);
    expect(rows[0]!.y).toBeLessThanOrEqual(30_000);
    expect(rows[rows.length - 1]!.y + 12).toBeGreaterThanOrEqual(30_300);
  });

  it('names a replacement of task sets as a task set', () => {
    expect(groupLabel('replacement', ['task-set'])).toBe('Replacement task set');
    expect(groupLabel('replacement', ['instance'])).toBe('Replacement instances');
  });
});
