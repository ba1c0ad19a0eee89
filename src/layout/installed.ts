// What a fleet tile shows beside the version installed on the target (the
// frame's version, replayed from trace `changes`): the revision whose lifecycle
// script is running. Read from the active step alone,
// the badge flickered v2/v1/v2 in an in-place deployment (Start belongs to the
// new deployment, ApplicationStop runs the old revision's script, and the new
// revision is installed only at Install).
import type { TraceIndex } from './frame.ts';

/** The revision of the step running on target `i` at t (its script), if a step runs. */
export function runningRevisionAt(index: TraceIndex, i: number, t: number): string | undefined {
  const spans = index.spansByTarget[i] ?? [];
  for (let k = spans.length - 1; k >= 0; k--) {
    const s = spans[k]!;
    if (s.start > t) continue;
    if (s.end > t && s.status !== 'Skipped') return s.revision;
    if (s.end <= t) return undefined;
  }
  return undefined;
}
