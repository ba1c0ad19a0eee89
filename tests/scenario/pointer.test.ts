import { describe, expect, it } from 'vitest';
import { ancestors, childPointer, escapeToken } from '../../src/scenario/pointer.ts';

describe('JSON Pointers', () => {
  it('escape ~ before / (RFC 6901), so each decodes back to its key', () => {
    expect(escapeToken('a/b~c')).toBe('a~1b~0c');
    expect(escapeToken('~1')).toBe('~01');
    expect(childPointer('/faults', 3)).toBe('/faults/3');
  });

  it('list their ancestors outermost first', () => {
    expect(ancestors('/faults/0/target')).toEqual(['', '/faults', '/faults/0']);
    expect(ancestors('/a')).toEqual(['']);
    expect(ancestors('')).toEqual([]);
  });
});
