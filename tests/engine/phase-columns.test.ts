// The phases recorded as columns (src/engine/phase-columns.ts) read back as the
// contract's objects: fields in the contract's order, targets by id (kept by index,
// written when read), a deadline only where one was given, and a Server
// rollout's batches named "Batch k" until their group's total is known, then "Batch k of K".
import { describe, expect, it } from 'vitest';
import { PhaseColumns } from '../../src/engine/phase-columns.ts';

const ids = ['i-1', 'i-2', 'i-3', 'replacement-task-set'];
const columns = () => new PhaseColumns({ idAt: (i) => ids[i]! });

describe('PhaseColumns', () => {
  it('reads each phase back in the contract’s key order, with its targets and deadline', () => {
    const c = columns();
    const wait = c.open(10, { deploymentId: 'd-1', kind: 'wait', name: 'Ready wait', deadline: 70.5 });
    c.open(12, { deploymentId: 'd-1', kind: 'traffic-shift', name: 'Test traffic', targets: [2, 3] });
    c.close(wait, 40);
    expect(c.list()).toEqual([
      { deploymentId: 'd-1', kind: 'wait', name: 'Ready wait', start: 10, end: 40, deadline: 70.5 },
      { deploymentId: 'd-1', kind: 'traffic-shift', name: 'Test traffic', start: 12, end: 12, targets: ['i-3', 'replacement-task-set'] },
    ]);
    expect(Object.keys(c.at(0)!)).toEqual(['deploymentId', 'kind', 'name', 'start', 'end', 'deadline']);
    expect(Object.keys(c.at(1)!)).toEqual(['deploymentId', 'kind', 'name', 'start', 'end', 'targets']);
    expect(c.at(2)).toBeUndefined();
    expect(c.maxEnd).toBe(40);
    expect(c.deploymentOf(wait)).toBe('d-1');
  });

  it('names a group’s batches "Batch k" until its total is known, then "Batch k of K"; groups count apart', () => {
    const c = columns();
    const user = c.batchGroup();
    const rollback = c.batchGroup();
    c.openBatch(0, 'd-1', user, 1, [0]);
    c.openBatch(5, 'd-1', user, 2, [1, 2]);
    c.openBatch(9, 'd-2', rollback, 1, [1]);
    expect(c.list().map((p) => p.name)).toEqual(['Batch 1', 'Batch 2', 'Batch 1']);
    c.nameBatches(user, 2);
    expect(c.list().map((p) => [p.deploymentId, p.name, p.targets])).toEqual([
      ['d-1', 'Batch 1 of 2', ['i-1']],
      ['d-1', 'Batch 2 of 2', ['i-2', 'i-3']],
      ['d-2', 'Batch 1', ['i-2']],
    ]);
  });

  it('grows past its first capacity, and reads ids from the list it is handed once the world is let go', () => {
    const c = columns();
    const group = c.batchGroup();
    for (let k = 1; k <= 100; k++) c.close(c.openBatch(k, 'd-1', group, k, [k % 3]), k + 1);
    c.nameBatches(group, 100);
    c.useIds({ idAt: (i) => `x-${i}` });
    const list = c.list();
    expect(list).toHaveLength(100);
    expect(list[99]).toEqual({ deploymentId: 'd-1', kind: 'batch', name: 'Batch 100 of 100', start: 100, end: 101, targets: ['x-1'] });
  });
});
