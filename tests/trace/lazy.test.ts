// The engine's trace leaves targets, spans, events, samples and changes unbuilt until first read (src/trace/
// lazy.ts). Whoever reads it must see a plain data object: the same JSON text in the
// same key order, the same clone, spread and deep equality; the compact encoder and
// the check read the columns without building the lists.
import { describe, expect, it } from 'vitest';
import { checkTrace } from '../../src/trace/check.ts';
import { encodeTrace } from '../../src/trace/encode.ts';
import { rowsOf, TRACE_COLUMNS } from '../../src/trace/lazy.ts';
import type { Trace } from '../../src/trace/types.ts';
import { readScenario, run } from '../helpers.ts';

// A rollback: spans out of recording order, reasons, every kind of change.
const scenario = readScenario('codedeploy/server-one-at-a-time-hook-failure-rollback.json');
const fresh = (): Trace => run(scenario as Record<string, unknown>);
const unbuilt = (t: Trace) => (t as unknown as Record<symbol, Record<string, unknown>>)[TRACE_COLUMNS]!;

describe('lazy targets, spans, events, samples and changes', () => {
  it('reads as a plain data object: JSON text and key order, spread, clone and deep equality', () => {
    const built = fresh();
    const json = JSON.stringify(built);
    // Plain data properties only (the records' null prototypes kept, unlike JSON.parse).
    const eager: Trace = Object.fromEntries(Object.entries(built)) as unknown as Trace;
    expect(Object.values(Object.getOwnPropertyDescriptors(eager)).every((d) => 'value' in d)).toBe(true);
    expect(eager.targets.length).toBeGreaterThan(3);
    expect(eager.spans.length).toBeGreaterThan(10);
    expect(eager.changes.length).toBeGreaterThan(10);
    expect(JSON.stringify(fresh())).toBe(json);
    expect(Object.keys(fresh())).toEqual(Object.keys(eager));
    expect({ ...fresh() }).toStrictEqual(eager);
    // structuredClone gives every record a prototype: compared with a clone of the plain object.
    expect(structuredClone(fresh())).toStrictEqual(structuredClone(eager));
    expect(fresh()).toStrictEqual(eager);
  });

  it('builds a list once, keeps it, and then lets go of its columns', () => {
    const t = fresh();
    expect(unbuilt(t).spans).toBeDefined();
    const spans = t.spans;
    expect(t.spans).toBe(spans);
    expect(Object.getOwnPropertyDescriptor(t, 'spans')).toMatchObject({ value: spans, writable: true, enumerable: true });
    expect(unbuilt(t).spans).toBeUndefined();
    expect(unbuilt(t).changes).toBeDefined();
  });

  it('takes an assigned list like a data property', () => {
    const t = fresh();
    t.changes = [];
    expect(t.changes).toEqual([]);
    expect(unbuilt(t).changes).toBeUndefined();
    expect(rowsOf(t, 'changes').length).toBe(0);
  });

  it('gives every row from the columns as the built list has it', () => {
    const t = fresh();
    const spans = rowsOf(t, 'spans');
    const rows = Array.from({ length: spans.length }, (_, i) => spans.at(i));
    expect(rows).toStrictEqual(fresh().spans);
    expect(spans.at(spans.length)).toBeUndefined();
    const targets = rowsOf(t, 'targets');
    expect(Array.from({ length: targets.length }, (_, i) => targets.at(i))).toStrictEqual(fresh().targets);
  });

  it('keeps the targets unbuilt until read, with their ids, groups, launch times and labels', () => {
    const t = fresh();
    expect(unbuilt(t).targets).toBeDefined();
    const targets = t.targets;
    expect(unbuilt(t).targets).toBeUndefined();
    expect(targets.map((x) => x.id)).toEqual(t.final.targets.map((x) => x.id));
    expect(targets[0]).toStrictEqual({ id: 'i-1', kind: 'instance', group: 'original', launchedAt: 0 });
  });

  it('encodes and checks without building the lists, with the same result as from the lists', () => {
    const t = fresh();
    const compact = encodeTrace(t);
    expect(checkTrace(t)).toEqual([]);
    expect(unbuilt(t).spans).toBeDefined();
    expect(unbuilt(t).events).toBeDefined();
    expect(unbuilt(t).samples).toBeDefined();
    expect(unbuilt(t).changes).toBeDefined();
    const built = fresh();
    void built.spans;
    void built.events;
    void built.samples;
    void built.changes;
    expect(JSON.stringify(encodeTrace(built))).toBe(JSON.stringify(compact));
  });
});
