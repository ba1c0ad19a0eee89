// What a fleet tile shows as its version: the version installed on the target
// (from trace `changes`, where the world records it), and apart from it the
// revision whose lifecycle script is running. Read from the active step alone,
// the badge flickered v2/v1/v2 in an in-place deployment (Start belongs to the
// new deployment, ApplicationStop runs the old revision's script, and the new
// revision is installed only at Install).
import type { TraceIndex } from './frame.ts';

const byTarget = new WeakMap<TraceIndex, Map<string, { t: number; version: string }[]>>();

function versionChanges(index: TraceIndex): Map<string, { t: number; version: string }[]> {
  let map = byTarget.get(index);
  if (map) return map;
  map = new Map();
  for (const c of index.trace.changes) {
    if (c.version === undefined) continue;
    const list = map.get(c.target) ?? [];
    list.push({ t: c.t, version: c.version });
    map.set(c.target, list);
  }
  byTarget.set(index, map);
  return map;
}

/** The version installed on `target` at t; undefined before its first recorded version. */
export function installedVersionAt(index: TraceIndex, target: string, t: number): string | undefined {
  const list = versionChanges(index).get(target);
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.t <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? list[lo - 1]!.version : undefined;
}

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
