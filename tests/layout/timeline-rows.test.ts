import { describe, expect, it } from 'vitest';
import { timelineRows } from '../../src/layout/timeline-rows.ts';
import { buildIndex } from '../../src/layout/frame.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { validateScenario } from '../../src/scenario/validate.ts';

const v = validateScenario({
  name: 'n', description: 'd', platform: 'ElasticBeanstalk',
  elasticBeanstalk: { instances: 6, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2 },
});
if (!v.ok) throw new Error('invalid');
const index = buildIndex(simulate(v.scenario));

describe('the timeline as table rows', () => {
  it('lists only what has started by t, with the status as of t', () => {
    const batch2 = index.phases.find((p) => p.name.startsWith('Batch 2'))!;
    const mid = (batch2.start + batch2.end) / 2;
    const rows = timelineRows(index, mid);
    expect(rows.phases.every((p) => p.start <= mid)).toBe(true);
    const row = rows.phases.find((p) => p.name === batch2.name)!;
    expect(row).toMatchObject({ status: 'In progress', end: undefined, targets: batch2.targets!.join(', ') });
    expect(rows.phases.find((p) => p.name.startsWith('Batch 1'))!.status).toBe('Done');
    expect(rows.phases.some((p) => p.name.startsWith('Batch 3'))).toBe(false);
    expect(rows.spans.every((s) => s.start <= mid)).toBe(true);
    expect(rows.spans.some((s) => s.status === 'In progress' && s.end === undefined)).toBe(true);
    expect(rows.spansTotal).toBe(index.trace.spans.filter((s) => s.start <= mid).length);
  });

  it('keeps the latest rows when there are too many', () => {
    const rows = timelineRows(index, index.duration, 5);
    expect(rows.spans).toHaveLength(5);
    expect(rows.spansTotal).toBe(index.trace.spans.length);
    expect(rows.spans.at(-1)!.start).toBe(Math.max(...index.trace.spans.map((s) => s.start)));
  });
});
