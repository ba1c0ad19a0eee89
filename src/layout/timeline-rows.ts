// The timeline as rows of a table at the playhead (for screen readers and
// anyone who prefers text to bands): the phases and the steps (spans) that
// have started by t, each with its status as of t. Pure; <timeline-table> renders it.
import type { TraceIndex } from './frame.ts';
import { upperBound } from './time.ts';

export type RowStatus = 'In progress' | 'Done' | 'Succeeded' | 'Failed' | 'Skipped';

export interface PhaseRow { name: string; deploymentId: string; kind: string; start: number; end: number | undefined; status: RowStatus; targets: string }
export interface SpanRow { target: string; name: string; deploymentId: string; start: number; end: number | undefined; status: RowStatus; reason?: string }
export interface TimelineRows { phases: PhaseRow[]; spans: SpanRow[]; spansTotal: number }

/** At most this many step rows (the latest ones): a 5,000-target fleet would otherwise make a table of 50,000 rows. */
export const MAX_SPAN_ROWS = 200;

export function timelineRows(index: TraceIndex, t: number, maxSpans = MAX_SPAN_ROWS): TimelineRows {
  const phases: PhaseRow[] = index.phases
    .filter((p) => p.start <= t)
    .map((p) => ({
      name: p.name,
      deploymentId: p.deploymentId,
      kind: p.kind,
      start: p.start,
      end: p.end <= t ? p.end : undefined,
      status: p.end <= t ? 'Done' : 'In progress',
      targets: p.targets?.join(', ') ?? '',
    }));
  // Spans are stored by start; the ones started by t are a prefix.
  const spans = index.trace.spans;
  const sorted = isSortedByStart(index) ? spans.slice(0, upperBound(spans, t, (s) => s.start)) : spans.filter((s) => s.start <= t);
  const latest = sorted.slice(Math.max(0, sorted.length - maxSpans));
  return {
    phases,
    spans: latest.map((s) => ({
      target: s.target,
      name: s.name,
      deploymentId: s.deploymentId,
      start: s.start,
      end: s.end <= t ? s.end : undefined,
      status: s.end <= t || s.status === 'Skipped' ? s.status : 'In progress',
      ...(s.reason && s.end <= t ? { reason: s.reason } : {}),
    })),
    spansTotal: sorted.length,
  };
}

const sortedCache = new WeakMap<TraceIndex, boolean>();
/** Whether the trace's spans are in start order (checked once per index). */
function isSortedByStart(index: TraceIndex): boolean {
  let ok = sortedCache.get(index);
  if (ok === undefined) {
    const s = index.trace.spans;
    ok = s.every((x, i) => i === 0 || s[i - 1]!.start <= x.start);
    sortedCache.set(index, ok);
  }
  return ok;
}
