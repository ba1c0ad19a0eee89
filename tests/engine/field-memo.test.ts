// FieldMemo: several fields sharing one string table each remember their own last
// value, and always give the table's index for the value asked.
import { describe, expect, it } from 'vitest';
import { FieldMemo, StringTable } from '../../src/engine/trace-columns.ts';

describe('FieldMemo', () => {
  it("gives the shared table's index for every value, fields asked in turn", () => {
    const table = new StringTable();
    const type = new FieldMemo(table);
    const rule = new FieldMemo(table);
    const asked: [FieldMemo, string][] = [
      [type, 'launched'], [rule, 'eb.rolling'], [type, 'launched'], [rule, 'eb.rolling'],
      [type, 'passed'], [rule, 'eb.rolling'], [type, 'launched'], [rule, 'eb.immutable'], [type, 'passed'],
    ];
    for (const [memo, value] of asked) expect(table.list[memo.of(value)]).toBe(value);
    expect(table.list).toEqual(['launched', 'eb.rolling', 'passed', 'eb.immutable']);
  });
});
