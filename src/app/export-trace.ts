// Export of the trace: JSON (the whole trace) and CSV (spans; samples). Pure
// builders; the app only downloads what they return. `traceJson` is the ONE
// place the JSON encoding is chosen: the compact form `deploysim run --json`
// writes (docs/trace.md), which `readTrace` and `decodeTrace` read back.
import type { Trace } from '../trace/types.ts';
import { encodeTrace } from '../trace/encode.ts';
import { csvTable } from './csv.ts';

export function traceJson(trace: Trace): string {
  return JSON.stringify(encodeTrace(trace)) + '\n';
}

export const SPAN_COLUMNS = ['target', 'group', 'name', 'start', 'end', 'durationSeconds', 'status', 'deploymentId', 'revision', 'reason'] as const;

export function spansCsv(trace: Trace): string {
  const group = new Map(trace.targets.map((t) => [t.id, t.group]));
  return csvTable(
    SPAN_COLUMNS,
    trace.spans.map((s) => [s.target, group.get(s.target) ?? '', s.name, s.start, s.end, Math.round((s.end - s.start) * 1000) / 1000, s.status, s.deploymentId, s.revision, s.reason ?? '']),
  );
}

/**
 * One row per sample: production traffic and in-service targets per version, a
 * column pair per version (versions in order of appearance), and unserved clients.
 */
export function samplesCsv(trace: Trace): string {
  const versions: string[] = [];
  const seen = new Set<string>();
  const note = (v: string) => {
    if (!seen.has(v)) {
      seen.add(v);
      versions.push(v);
    }
  };
  note(trace.scenario.versions.from);
  note(trace.scenario.versions.to);
  for (const s of trace.samples) for (const v of [...Object.keys(s.traffic), ...Object.keys(s.inService)]) note(v);
  const header = ['t', ...versions.map((v) => `traffic % ${v}`), ...versions.map((v) => `in service ${v}`), 'unserved %'];
  // Object.hasOwn: a version named "constructor" must not read the prototype.
  const at = (rec: Record<string, number>, v: string) => (Object.hasOwn(rec, v) ? rec[v]! : 0);
  return csvTable(
    header,
    trace.samples.map((s) => [s.t, ...versions.map((v) => at(s.traffic, v)), ...versions.map((v) => at(s.inService, v)), s.unserved ?? 0]),
  );
}

/** A file name from the scenario's name: letters, digits and dashes only. */
export function exportFileName(trace: Trace, suffix: string): string {
  const stem = trace.scenario.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'deploysim';
  return `${stem}-${suffix}`;
}
