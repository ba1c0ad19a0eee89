// What a target picker lists for what the user typed.
import { describe, expect, it } from 'vitest';
import { matchTargets } from '../../src/views/target-picker/target-filter.ts';

const fleet = Array.from({ length: 5000 }, (_, i) => ({ value: `i-${i + 1}`, label: `i-${i + 1}` }));

describe('matchTargets', () => {
  it('an empty query lists the first targets and counts them all', () => {
    const m = matchTargets(fleet, '  ', 50);
    expect(m.total).toBe(5000);
    expect(m.shown.map((o) => o.value).slice(0, 3)).toEqual(['i-1', 'i-2', 'i-3']);
    expect(m.shown).toHaveLength(50);
  });

  it('ranks the instance numbered as typed first, then numbers starting with it, then any containing it', () => {
    const m = matchTargets(fleet, '42', 20);
    expect(m.shown.map((o) => o.value)).toEqual([
      'i-42', 'i-420', 'i-421', 'i-422', 'i-423', 'i-424', 'i-425', 'i-426', 'i-427', 'i-428', 'i-429',
      ...Array.from({ length: 9 }, (_, k) => `i-${4200 + k}`),
    ]);
    expect(m.total).toBe(fleet.filter((o) => o.value.includes('42')).length);
  });

  it('matches labels and ids case-insensitively', () => {
    const opts = [{ value: '', label: 'the target in action (i-2)' }, { value: 'alias:live', label: 'function alias "live"' }, { value: 'i-2', label: 'i-2' }];
    expect(matchTargets(opts, 'LIVE', 10).shown.map((o) => o.value)).toEqual(['alias:live']);
    expect(matchTargets(opts, 'i-2', 10).shown.map((o) => o.value)).toEqual(['i-2', '']);
    expect(matchTargets(opts, 'zzz', 10)).toEqual({ shown: [], total: 0 });
  });
});
