import { describe, expect, it } from 'vitest';
import { capacityRange, eb, spansOf } from '../helpers.ts';

describe('Elastic Beanstalk Rolling (reference §1.3)', () => {
  it('takes batches in id order and keeps capacity reduced by exactly one batch', () => {
    const trace = eb({ instances: 6, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2 });
    expect(trace.outcome).toBe('Succeeded');
    const batches = trace.events.filter((e) => e.type === 'batch-started').map((e) => e.message);
    expect(batches).toEqual(['Batch 1 of 3: i-1, i-2', 'Batch 2 of 3: i-3, i-4', 'Batch 3 of 3: i-5, i-6']);
    expect(capacityRange(trace)).toEqual({ min: 4, max: 6 });
  });

  it('a batch that never becomes healthy fails the deployment: earlier batches keep v2, later ones v1, no rollback', () => {
    const trace = eb(
      { instances: 6, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2 },
      { faults: [{ type: 'UnhealthyInstance', target: 'i-3' }] },
    );
    expect(trace.outcome).toBe('Failed');
    const versions = Object.fromEntries(trace.final.targets.map((t) => [t.id, `${t.version}/${t.state}`]));
    expect(versions).toEqual({
      'i-1': 'v2/InService',
      'i-2': 'v2/InService',
      'i-3': 'v2/OutOfService',
      'i-4': 'v2/InService',
      'i-5': 'v1/InService',
      'i-6': 'v1/InService',
    });
    expect(trace.events.some((e) => e.type === 'rollback-started')).toBe(false);
    // The failing health check is bounded by Timeout + 240 s from the batch's start.
    const check = spansOf(trace, 'i-3').find((s) => s.name === 'health-check')!;
    const batchStart = spansOf(trace, 'i-3')[0]!.start;
    expect(check.status).toBe('Failed');
    expect(check.end - batchStart).toBe(600 + 240);
  });
});
