// The text report lists a trace's phases in time order, nested phases indented
// under the phase that holds them, with their targets and deadlines.
import { describe, expect, it } from 'vitest';
import { formatTrace } from '../../src/cli/format-text.ts';
import type { TracePhase } from '../../src/trace/types.ts';
import { eb } from '../helpers.ts';

const phasesOf = (text: string) => {
  const lines = text.split('\n');
  const from = lines.indexOf('Phases:');
  const to = lines.indexOf('', from);
  return lines.slice(from + 1, to);
};

describe('text report phases', () => {
  const trace = eb({ instances: 4, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2 });
  const phase = (p: Partial<TracePhase>): TracePhase => ({ deploymentId: 'd-1', kind: 'batch', name: 'x', start: 0, end: 10, ...p });

  it('nests a wait inside its batch and shows targets and the deadline', () => {
    const text = formatTrace({
      ...trace,
      phases: [
        phase({ name: 'Batch 1 of 2', start: 0, end: 100, targets: ['i-1', 'i-2'] }),
        phase({ kind: 'wait', name: 'Health check Timeout', start: 40, end: 100, deadline: 880 }),
        phase({ name: 'Batch 2 of 2', start: 100, end: 200, targets: ['i-3', 'i-4'] }),
      ],
    });
    expect(phasesOf(text)).toEqual([
      '      0:00 → 1:40  d-1  Batch 1 of 2 (i-1, i-2) [batch]',
      '      0:40 → 1:40  d-1    Health check Timeout [wait, gives up at 14:40]',
      '      1:40 → 3:20  d-1  Batch 2 of 2 (i-3, i-4) [batch]',
    ]);
  });

  it('folds long lists unless verbose', () => {
    const many = Array.from({ length: 50 }, (_, i) => phase({ name: `Batch ${i + 1} of 50`, start: i * 10, end: i * 10 + 10, targets: [`i-${i + 1}`] }));
    expect(phasesOf(formatTrace({ ...trace, phases: many })).at(-1)).toBe('  … and 10 more phases (--verbose lists them all)');
    expect(phasesOf(formatTrace({ ...trace, phases: many }, { verbose: true }))).toHaveLength(50);
  });

  it('says nothing about phases when there are none', () => {
    expect(formatTrace({ ...trace, phases: [] })).not.toContain('Phases:');
  });
});
