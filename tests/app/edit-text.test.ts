// textWithFaults: only the faults member changes; the rest keeps the user's formatting.
import { describe, expect, it } from 'vitest';
import { textWithFaults } from '../../src/app/edit-text.ts';
import type { Fault } from '../../src/scenario/types.ts';

const alarm: Fault = { type: 'Alarm', at: 3 };
const stop: Fault = { type: 'StopDeployment', at: 9 };
const fail = () => 'FALLBACK';

describe('textWithFaults', () => {
  it('replaces an existing faults list in place, keeping the members around it', () => {
    const text = '{\n    "name": "x",   // odd spacing kept\n    "faults": [],\n    "b": {"c":1}\n}';
    const clean = text.replace('   // odd spacing kept', '');
    const out = textWithFaults(clean, [alarm, stop], { name: 'x', faults: [alarm, stop], b: { c: 1 } }, fail);
    expect(out.startsWith('{\n    "name": "x",\n    "faults": [\n        {')).toBe(true);
    expect(out.endsWith('],\n    "b": {"c":1}\n}')).toBe(true);
    // Removing every fault leaves an empty list, nothing else touched.
    expect(textWithFaults(out, [], { name: 'x', faults: [], b: { c: 1 } }, fail)).toBe(clean);
  });
  it('falls back when the text does not read back as the scenario', () => {
    expect(textWithFaults('{"a":1}', [alarm], { a: 2, faults: [alarm] }, fail)).toBe('FALLBACK');
    expect(textWithFaults('not json', [alarm], {}, fail)).toBe('FALLBACK');
  });
});
