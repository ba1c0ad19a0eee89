// Export builders: CSV quoting and formula guarding on user text, the trace's
// spans and samples as CSV, the trace as JSON, and the moment as SVG.
import { describe, expect, it } from 'vitest';
import { csvCell, csvTable } from '../../src/app/csv.ts';
import { decodeTrace } from '../../src/trace/decode.ts';
import { exportFileName, samplesCsv, spansCsv, traceJson } from '../../src/app/export-trace.ts';
import { momentSvg, xml } from '../../src/app/export-svg.ts';
import { buildIndex } from '../../src/layout/frame.ts';
import { eb, run } from '../helpers.ts';

/** An RFC 4180 reader, to check that what is written reads back cell for cell. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks; doubles quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rlf')).toBe('"cr\rlf"');
  });

  it('guards formulas: text starting with = + - @ (or a tab) is prefixed with \'', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('a=1')).toBe('a=1');
  });

  it('numbers are written as numbers (a negative number is not a formula); empty for null', () => {
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('a table reads back cell for cell, CRLF between records', () => {
    const rows = [['a,b', 'x"y', 'multi\nline'], ['=1+1', 2, '']] as const;
    const text = csvTable(['h1', 'h2', 'h3'], rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([['h1', 'h2', 'h3'], ['a,b', 'x"y', 'multi\nline'], ["'=1+1", '2', '']]);
  });
});

describe('trace as CSV and JSON', () => {
  const trace = run({
    name: 'Rolling, "quoted", =evil',
    platform: 'ElasticBeanstalk',
    versions: { from: '=1+1', to: 'v2, with comma' },
    elasticBeanstalk: { instances: 4, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2 },
    faults: [{ type: 'UnhealthyInstance', target: 'i-3' }],
  });

  it('spans: one row per span with the trace\'s values; user text guarded', () => {
    const rows = parseCsv(spansCsv(trace));
    expect(rows[0]).toEqual(['target', 'group', 'name', 'start', 'end', 'durationSeconds', 'status', 'deploymentId', 'revision', 'reason']);
    expect(rows).toHaveLength(trace.spans.length + 1);
    const first = trace.spans[0]!;
    expect(rows[1]!.slice(0, 5)).toEqual([first.target, 'original', first.name, String(first.start), String(first.end)]);
    // The revision is the user's version text: the formula is guarded, the comma quoted.
    const revisions = new Set(rows.slice(1).map((r) => r[8]));
    expect(revisions).toContain("'=1+1");
    expect(revisions).toContain('v2, with comma');
    expect(rows.slice(1).some((r) => r[6] === 'Failed')).toBe(true);
  });

  it('samples: traffic and in-service per version, one row per sample', () => {
    const rows = parseCsv(samplesCsv(trace));
    expect(rows[0]).toEqual(['t', 'traffic % =1+1', 'traffic % v2, with comma', 'in service =1+1', 'in service v2, with comma', 'unserved %']);
    expect(rows).toHaveLength(trace.samples.length + 1);
    const s = trace.samples[trace.samples.length - 1]!;
    const last = rows[rows.length - 1]!;
    expect(Number(last[0])).toBe(s.t);
    expect(Number(last[3])).toBe(s.inService['=1+1'] ?? 0);
    expect(Number(last[4])).toBe(s.inService['v2, with comma'] ?? 0);
  });

  it('a version named like a prototype key reads its own value only', () => {
    const t = run({ platform: 'ElasticBeanstalk', versions: { from: 'constructor', to: '__proto__' }, elasticBeanstalk: { instances: 2 } });
    const rows = parseCsv(samplesCsv(t));
    expect(rows[1]).toEqual([String(t.samples[0]!.t), '100', '0', '2', '0', '0']);
  });

  it('JSON: the compact form `run --json` writes, read back equal', () => {
    expect(JSON.parse(traceJson(trace)).encoding).toBe('columns');
    expect(decodeTrace(JSON.parse(traceJson(trace)))).toStrictEqual(trace);
  });

  it('file names keep letters and digits only', () => {
    expect(exportFileName(trace, 'spans.csv')).toBe('rolling-quoted-evil-spans.csv');
  });
});

describe('the moment as SVG', () => {
  const index = buildIndex(eb({ instances: 6, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2 }, { name: '<b>Rolling</b> & "friends"' }));

  it('escapes user text', () => {
    const svg = momentSvg(index, 10);
    expect(svg).toContain('&lt;b&gt;Rolling&lt;/b&gt; &amp; &quot;friends&quot;');
    expect(svg).not.toContain('<b>');
    expect(xml("a'b\u0001")).toBe('a&apos;b');
  });

  it('names the scenario and the time, and draws only what has happened by t', () => {
    const early = momentSvg(index, 0);
    const mid = momentSvg(index, index.duration / 2);
    const end = momentSvg(index, index.duration);
    expect(mid).toContain(`of ${Math.floor(index.duration / 60)}:`);
    const steps = (svg: string) => (svg.match(/<rect [^>]*rx="2"/g) ?? []).length;
    expect(steps(early)).toBeLessThan(steps(mid));
    expect(steps(mid)).toBeLessThan(steps(end));
    expect(end).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1280" height="\d+"/);
  });
});
