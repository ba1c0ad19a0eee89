import { describe, expect, it } from 'vitest';
import { thousands } from '../../src/scenario/thousands.ts';

describe('thousands', () => {
  it('groups digits by three with commas, as en-US does', () => {
    for (const n of [0, 7, 999, 1000, 99_981, 100_000, 604_800, 1_234_567, 12.5, 1234.25]) expect(thousands(n)).toBe(n.toLocaleString('en-US', { maximumFractionDigits: 20 }));
  });
});
