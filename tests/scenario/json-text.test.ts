// src/scenario/json-text.ts: the first syntax error's place and kind, and the
// outline of a top-level object, checked against JSON.parse (valid exactly when
// it parses) and against hand-placed errors.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonObjectOutline, jsonSyntaxError } from '../../src/scenario/json-text.ts';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** Every shipped scenario's text. */
function shipped(dir = 'scenarios'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? shipped(join(dir, e.name)) : e.name.endsWith('.json') && !e.name.includes('schema') ? [readFileSync(join(dir, e.name), 'utf8')] : [],
  );
}

describe('jsonSyntaxError', () => {
  it.each([
    ['{"name": ', 9, 'value expected'],
    ['{\n  "name": \n}', 13, 'value expected'],
    ['', 0, 'value expected'],
    ['[1,]', 3, 'value expected'],
    ['{,}', 1, 'property name expected'],
    ['{"a":1,}', 7, 'property name expected'],
    ['{"a" 1}', 5, 'colon expected'],
    ['{"a":1 "b":2}', 7, 'comma expected'],
    ['[1 2]', 3, 'comma expected'],
    ['{"a":1', 6, 'close brace expected'],
    ['[1', 2, 'close bracket expected'],
    ['{"a":1}}', 7, 'end of file expected'],
    ['{"a":01}', 6, 'comma expected'],
    ['{"a": tru}', 6, 'invalid symbol'],
    ['{"a": True}', 6, 'invalid symbol'],
    ['{"a": nullx}', 6, 'invalid symbol'],
    ['abc', 0, 'invalid symbol'],
    ['{"a": -}', 6, 'invalid number format'],
    ['{"a": 1.}', 6, 'invalid number format'],
    ['{"a": 1e}', 6, 'invalid number format'],
    ['{"a": .5}', 6, 'invalid symbol'],
    ['{"a": "x', 8, 'unexpected end of string'],
    ['{"a": "x\ny"}', 8, 'unexpected end of string'],
    ['{"a": "\\u12G4"}', 7, 'invalid unicode'],
    ['{"a": "\\q"}', 7, 'invalid escape character'],
    ['{"a": "x\ty"}', 8, 'invalid character'],
    ['{"a": 1 // no\n}', 8, 'invalid comment token'],
    ['/* no */ {}', 0, 'invalid comment token'],
    ['{"a":\u00a01}', 5, 'invalid symbol'],
  ])('%j: at %i, %s', (text, offset, what) => {
    expect(parses(text)).toBe(false);
    expect(jsonSyntaxError(text)).toEqual({ offset, what });
  });

  it('finds nothing in valid JSON, numbers, escapes and nesting included', () => {
    for (const text of ['{}', '[]', ' {"a": [1, -0.5e+3, 2E-2, true, false, null, "\\u00e9\\n\\"\\\\\\/"]} ', '"x"', '0', '[[[[{}]]]]', ...shipped()]) {
      expect(parses(text)).toBe(true);
      expect(jsonSyntaxError(text), text.slice(0, 40)).toBeUndefined();
    }
  });

  it('agrees with JSON.parse on thousands of damaged scenario texts', () => {
    // Deterministic damage: a character deleted, doubled or replaced at pseudo-random places.
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const marks = '{}[]",:0-.e\\ atfn/\n';
    let broken = 0;
    for (const text of shipped().slice(0, 30)) {
      for (let k = 0; k < 100; k++) {
        const at = rand(text.length);
        const kind = rand(3);
        const damaged = kind === 0 ? text.slice(0, at) + text.slice(at + 1) : kind === 1 ? text.slice(0, at) + text[at] + text.slice(at) : text.slice(0, at) + marks[rand(marks.length)] + text.slice(at + 1);
        const error = jsonSyntaxError(damaged);
        expect(error === undefined, JSON.stringify(damaged.slice(Math.max(0, at - 20), at + 20))).toBe(parses(damaged));
        if (error) {
          broken++;
          expect(error.offset).toBeGreaterThanOrEqual(0);
          expect(error.offset).toBeLessThanOrEqual(damaged.length);
        }
      }
    }
    expect(broken).toBeGreaterThan(500);
  });

  it('gives up quietly on nesting deeper than the stack', () => {
    expect(jsonSyntaxError('['.repeat(200_000))).toBeUndefined();
  });
});

describe('jsonObjectOutline', () => {
  it('places the braces and every top-level member, in text order', () => {
    const text = ' {\n  "name": "x",\n  "faults": [ {"type": "a"} ],\n  "n": 1\n}\n';
    const outline = jsonObjectOutline(text)!;
    expect(text.slice(outline.offset, outline.offset + outline.length)).toBe(text.trim());
    expect(outline.members.map((m) => [m.key, text.slice(m.offset, m.offset + 6), text.slice(m.valueOffset, m.valueOffset + m.valueLength)])).toEqual([
      ['name', '"name"', '"x"'],
      ['faults', '"fault', '[ {"type": "a"} ]'],
      ['n', '"n": 1', '1'],
    ]);
  });

  it('decodes escaped keys, and has no outline for anything but a valid object', () => {
    expect(jsonObjectOutline('{"f\\u0061ults": 1}')!.members[0]!.key).toBe('faults');
    for (const text of ['[1]', '"x"', '{"a":', '']) expect(jsonObjectOutline(text)).toBeUndefined();
  });
});
