// --json streams the trace in chunks, and the text is byte for byte what
// JSON.stringify gives for the compact trace (and for the object form, --expanded).
import { describe, expect, it } from 'vitest';
import { jsonPieces, SLICE, writeJson } from '../../src/cli/json-stream.ts';
import { encodeTrace } from '../../src/trace/encode.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { validateScenario } from '../../src/scenario/validate.ts';
import { readScenario, shippedScenarios } from '../helpers.ts';

async function streamed(value: unknown, chunkChars?: number, levels?: number): Promise<{ text: string; chunks: string[] }> {
  const chunks: string[] = [];
  await writeJson(value, (c) => void chunks.push(c), chunkChars, levels);
  return { text: chunks.join(''), chunks };
}

describe('streamed JSON', () => {
  it.each(shippedScenarios())('is byte-identical to JSON.stringify for the trace of %s, compact and expanded', async (file) => {
    const v = validateScenario(readScenario(file));
    if (!v.ok) throw new Error(`${file} is invalid`);
    const trace = simulate(v.scenario);
    expect((await streamed(trace, 512)).text).toBe(JSON.stringify(trace));
    const compact = encodeTrace(trace);
    expect((await streamed(compact, 512, 3)).text).toBe(JSON.stringify(compact));
  });

  it('matches JSON.stringify where it leaves fields out or writes null', async () => {
    const values: unknown[] = [
      { a: undefined, b: () => 1, c: [undefined, () => 1, Symbol('s'), NaN, -0], d: { toJSON: () => 'custom' }, e: [], f: {}, g: null },
      [[1, [2, [3]]], { x: [{ y: undefined }] }],
      { '': 1, 'quote"key': 'line\nbreak', emoji: '😀', nested: { deeper: { deepest: [1, 2] } } },
      'text',
      42,
      null,
    ];
    for (const value of values) for (const levels of [1, 2, 3]) expect((await streamed(value, 1, levels)).text).toBe(JSON.stringify(value));
  });

  it('walks the top levels itself, so no piece holds a whole list or column', () => {
    const trace = { spans: Array.from({ length: 1000 }, (_, i) => ({ target: `i-${i}`, start: i })) };
    const pieces = [...jsonPieces(trace, 3)];
    expect(pieces.length).toBeGreaterThan(2000);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(40);
    // Below the walked levels, a list goes a slice at a time.
    const columns = { spans: { target: Array.from({ length: 10 * SLICE }, (_, i) => i) } };
    const sliced = [...jsonPieces(columns, 3)];
    expect(sliced.length).toBeGreaterThan(10);
    expect(Math.max(...sliced.map((p) => p.split(',').length))).toBeLessThanOrEqual(SLICE + 1);
  });

  it('hands the sink chunks of about the given size and waits for each before the next', async () => {
    const order: string[] = [];
    let pending = 0;
    const value = { spans: Array.from({ length: 2000 }, (_, i) => ({ target: `i-${i}` })) };
    await writeJson(
      value,
      async (chunk) => {
        expect(pending).toBe(0); // the previous write has finished
        pending++;
        await new Promise((resolve) => setTimeout(resolve, 0));
        order.push(chunk);
        pending--;
      },
      1024,
      3,
    );
    expect(order.length).toBeGreaterThan(20);
    expect(order.slice(0, -1).every((c) => c.length >= 1024 && c.length < 1024 + 40)).toBe(true);
    expect(order.join('')).toBe(JSON.stringify(value));
  });
});
