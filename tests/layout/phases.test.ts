import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/layout/frame.ts';
import { layoutPhases } from '../../src/layout/phases.ts';
import { lambdaRollbackFixture, readyWaitFixture, rollingFixture } from './fixtures.ts';

describe('layoutPhases', () => {
  it('puts a wait inside a batch on the row below, and consecutive batches on one row', () => {
    const l = layoutPhases(buildIndex(rollingFixture()));
    expect(l.bands.map((b) => [b.phase.name, b.row])).toEqual([
      ['Batch 1 of 2', 0],
      ['Batch 2 of 2', 0],
      ['Health check Timeout', 1],
    ]);
    expect(l.rows).toBe(2);
    expect(l.markers).toEqual([]);
  });

  it('marks the rollback deployment and draws its phases in the rollback style', () => {
    const l = layoutPhases(buildIndex(lambdaRollbackFixture()));
    const rollback = l.bands.find((b) => b.phase.kind === 'rollback')!;
    expect(rollback.rollback).toBe(true);
    expect(l.bands.filter((b) => b.rollback)).toHaveLength(1);
    expect(l.markers).toMatchObject([{ t: 300, rollback: true, label: 'd-2 rollback starts' }]);
    // The zero-length rollback at 300 s follows the canary phases that end at 300 s on the first row.
    expect(rollback.row).toBe(0);
  });

  it('falls back to the waits wait-started events announce when a trace has no phases', () => {
    const trace = readyWaitFixture();
    trace.phases = [];
    const l = layoutPhases(buildIndex(trace));
    expect(l.bands.map((b) => [b.phase.start, b.phase.end])).toEqual([[120, 720]]);
  });
});
