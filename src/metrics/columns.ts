// The metrics table's columns, one definition for `deploysim compare` and the
// compare view, so both show the same rows in the same words (docs/metrics.md).
import type { RunMetrics } from './metrics.ts';

export interface MetricColumn {
  title: string;
  /** The cell in words; `clock` formats seconds (the CLI's and the app's clock). */
  cell: (r: RunMetrics, clock: (seconds: number) => string) => string;
}

export const METRIC_COLUMNS: readonly MetricColumn[] = [
  { title: 'strategy', cell: (r) => r.strategy },
  { title: 'outcome', cell: (r) => r.outcome },
  { title: 'duration', cell: (r, clock) => clock(r.durationSeconds) },
  { title: 'lowest in service', cell: (r) => (r.minInService === null ? 'n/a' : `${r.minInService} (${r.minInServicePercent}%)`) },
  { title: 'mixed versions', cell: (r, clock) => clock(r.mixedVersionSeconds) },
  { title: 'peak targets', cell: (r) => (r.peakTargets === null ? 'n/a' : String(r.peakTargets)) },
  { title: 'extra instance-min', cell: (r) => (r.extraInstanceSeconds === null ? 'n/a' : (r.extraInstanceSeconds / 60).toFixed(1)) },
  { title: 'new version while failing', cell: (r) => (r.failingShare === null ? 'never failed' : `${r.failingShare}% of traffic`) },
  { title: 'restored after', cell: (r, clock) => (r.failingShare === null ? '—' : r.restoreSeconds === null ? 'not restored' : clock(r.restoreSeconds)) },
];
