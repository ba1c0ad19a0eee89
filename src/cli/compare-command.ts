// `deploysim compare <scenario…> [--json]`: the metrics of several runs side by
// side, computed from their traces (docs/metrics.md). `--json` prints
// { "rows": [{ file, name, strategy, outcome, durationSeconds, minInService,
// minInServicePercent, mixedVersionSeconds, peakTargets, extraInstanceSeconds,
// failingShare, restoreSeconds }] }, null where a metric does not apply.
import type { Trace } from '../trace/types.ts';
import { computeMetrics, type RunMetrics } from '../metrics/metrics.ts';
import { clock } from './format-text.ts';
import { METRIC_COLUMNS as COLUMNS } from '../metrics/columns.ts';

export type CompareRow = { file: string } & Omit<RunMetrics, never>;

export function compareRows(runs: readonly { file: string; trace: Trace }[]): CompareRow[] {
  return runs.map(({ file, trace }) => {
    const m = computeMetrics(trace);
    // Key order is the contract's order.
    return {
      file,
      name: m.name,
      strategy: m.strategy,
      outcome: m.outcome,
      durationSeconds: m.durationSeconds,
      minInService: m.minInService,
      minInServicePercent: m.minInServicePercent,
      mixedVersionSeconds: m.mixedVersionSeconds,
      peakTargets: m.peakTargets,
      extraInstanceSeconds: m.extraInstanceSeconds,
      failingShare: m.failingShare,
      restoreSeconds: m.restoreSeconds,
    };
  });
}

export function compareOutput(rows: readonly CompareRow[], json: boolean): string {
  if (json) return JSON.stringify({ rows }) + '\n';
  const table = [COLUMNS.map((c) => c.title), ...rows.map((r) => COLUMNS.map((c) => c.cell(r, clock)))];
  const widths = COLUMNS.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  const out = [line(table[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...table.slice(1).map(line)];
  out.push('', ...rows.map((r, i) => `${String(i + 1).padStart(2)}. ${r.file}: ${r.name}`));
  out.push('', 'Definitions, and AWS\'s own comparison of the Elastic Beanstalk policies: docs/metrics.md');
  return out.join('\n') + '\n';
}
