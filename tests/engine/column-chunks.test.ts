// Columns grow by chunks (src/engine/column-chunks.ts) and are joined when first read:
// rows on either side of a chunk boundary read back exactly as recorded, the last
// time and the repeat check work before anything is joined, and recording may go on
// after a read.
import { describe, expect, it } from 'vitest';
import { joinChunks, nextChunk } from '../../src/engine/column-chunks.ts';
import { ChangeColumns, SpanColumns } from '../../src/engine/trace-columns.ts';
import { EventColumns } from '../../src/engine/event-columns.ts';
import { SampleColumns } from '../../src/engine/sample-columns.ts';

const ids = { idAt: (i: number) => `i-${i + 1}` };
/** More rows than the first chunks hold together (4,096 + 12,288 + 49,152) and one more chunk. */
const ROWS = 140_000;

describe('chunks', () => {
  it('grow the capacity fourfold while small, then by a fixed chunk', () => {
    const first = { a: new Float64Array(4096), b: new Uint8Array(4096) };
    const second = nextChunk(first, 4096);
    expect(second.a).toBeInstanceOf(Float64Array);
    expect(second.b).toBeInstanceOf(Uint8Array);
    expect(second.a.length).toBe(3 * 4096);
    expect(nextChunk(first, 1 << 20).a.length).toBe(1 << 16);
  });

  it('join into exact-length arrays, the current chunk up to the length', () => {
    const filled = [{ a: Int32Array.of(1, 2) }, { a: Int32Array.of(3) }];
    expect(Array.from(joinChunks(filled, { a: Int32Array.of(4, 5, 0, 0) }, 5).a)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('columns across chunks', () => {
  it('SpanColumns: every span as recorded, then more recorded after a read', () => {
    const c = new SpanColumns(ids);
    for (let i = 0; i < ROWS; i++) c.add(i % 1000, i % 2 ? 'Install' : 'AfterInstall', i, i + 0.5, 'Succeeded', 'd-1', 'v2', i % 7 === 0 ? `why ${i}` : undefined);
    expect(c.at(ROWS - 1)).toMatchObject({ target: `i-${((ROWS - 1) % 1000) + 1}`, start: ROWS - 1, end: ROWS - 0.5 });
    c.add(5, 'Late', ROWS, ROWS + 1, 'Failed', 'd-1', 'v2', 'late');
    const spans = c.list();
    expect(spans).toHaveLength(ROWS + 1);
    expect(spans.every((s, i) => s.start === i && s.target === `i-${i < ROWS ? (i % 1000) + 1 : 6}` && (s.reason !== undefined) === (i === ROWS || i % 7 === 0))).toBe(true);
    expect(spans[70_000]).toEqual({ target: 'i-1', name: 'AfterInstall', start: 70_000, end: 70_000.5, status: 'Succeeded', deploymentId: 'd-1', revision: 'v2', reason: 'why 70000' });
  });

  it('ChangeColumns: every change as recorded, and the last time before any read', () => {
    const c = new ChangeColumns(ids);
    for (let i = 0; i < ROWS; i++) c.healthy(i, i % 500, i % 3 === 0);
    expect(c.lastTime()).toBe(ROWS - 1);
    const changes = c.list();
    expect(changes.every((x, i) => x.t === i && x.target === `i-${(i % 500) + 1}` && x.healthy === (i % 3 === 0))).toBe(true);
  });

  it('EventColumns: in time order without a sort; out of order, sorted stably across chunks', () => {
    const inOrder = new EventColumns(ids);
    for (let i = 0; i < ROWS; i++) inOrder.add(i, 'note', `m${i}`, i % 10, undefined, undefined, undefined, undefined, undefined);
    expect(inOrder.lastTime()).toBe(ROWS - 1);
    expect(inOrder.list().every((e, i) => e.message === `m${i}` && e.target === `i-${(i % 10) + 1}`)).toBe(true);

    const late = new EventColumns(ids);
    for (let i = 0; i < ROWS; i++) late.add(i === ROWS - 1 ? 0 : i, 'note', `m${i}`, undefined, undefined, undefined, undefined, undefined, undefined);
    expect(late.lastTime()).toBe(ROWS - 2);
    const events = late.list();
    expect(events.slice(0, 3).map((e) => e.message)).toEqual(['m0', `m${ROWS - 1}`, 'm1']);
  });

  it('SampleColumns: repeats are skipped at chunk boundaries too, and every sample reads back whole', () => {
    const c = new SampleColumns();
    const keys = ['v1', 'v2'];
    for (let i = 0; i < ROWS; i++) {
      const counts = [i, ROWS - i];
      // Each sample twice: the second repeats the first and is not kept.
      c.add(i, keys, counts, 2, keys, [50, 50], 2, undefined, 0);
      c.add(i + 0.5, keys, counts, 2, keys, [50, 50], 2, undefined, 0);
    }
    expect(c.lastTime()).toBe(ROWS - 1);
    const samples = c.list();
    expect(samples).toHaveLength(ROWS);
    expect(samples.every((s, i) => s.t === i && s.inService.v1 === i && s.inService.v2 === ROWS - i && s.traffic.v1 === 50 && s.traffic.v2 === 50)).toBe(true);
  });
});
