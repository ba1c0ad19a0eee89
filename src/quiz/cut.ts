// The trace as a quiz may show it: only what has happened by `until`, so no view
// can give an answer away (the timeline's later steps, the event log, the outcome,
// the total duration, a rollback deployment yet to come). Views receive this trace
// instead of the whole one; it is rebuilt once per question, never per frame.
//
// What happens AT `until` is the question itself ("what runs next?"), so spans and
// events starting there are hidden; the state at `until` (changes, samples) is shown.
import type { FinalTarget, Trace, TraceDeployment, TracePhase, TraceSpan } from '../trace/types.ts';

/**
 * One second of known future past `until`: what is still running at `until` stays
 * "in progress" (a frame at a trace's very end would show its outcome).
 */
export const CUT_HEADROOM = 1;

/**
 * `hiddenRules`: narration that states the rule a pending question is about (the
 * hook order, "fails as soon as any instance but the last fails") would answer
 * it, so events citing those rules are hidden until the question is revealed.
 */
export function cutTrace(trace: Trace, until: number, hiddenRules: ReadonlySet<string> = new Set()): Trace {
  if (until >= trace.durationSeconds) return trace;
  const end = until + CUT_HEADROOM;
  const clip = (x: number) => Math.min(x, end);
  const spans: TraceSpan[] = trace.spans
    .filter((s) => s.start < until)
    // A step still running hides how it ends: shown as running (its status is not known yet).
    .map(({ reason, ...s }) => (s.end > until ? { ...s, end, status: 'Succeeded' as const } : { ...s, ...(reason !== undefined ? { reason } : {}) }));
  const deployments: TraceDeployment[] = trace.deployments
    .filter((d) => d.start < until || d.start === 0)
    .map((d) => (d.end > until ? { ...d, end, status: 'InProgress' as const } : d));
  const phases: TracePhase[] = trace.phases.filter((p) => p.start < until).map((p) => (p.end > until ? { ...p, end: clip(p.end) } : p));
  const changes = trace.changes.filter((c) => c.t <= until);
  const targets = trace.targets.filter((t) => t.launchedAt <= until);
  const samples = trace.samples.filter((s) => s.t <= until);
  return {
    ...trace,
    // The scenario's text and timed inputs are what a learner must predict.
    scenario: { ...trace.scenario, description: '', faults: [] },
    durationSeconds: end,
    deployments,
    targets,
    spans,
    events: trace.events.filter((e) => e.t < until && !(e.rule && hiddenRules.has(e.rule))),
    samples,
    phases,
    changes,
    machines: trace.machines.filter((m) => m.t <= until),
    final: { targets: replayFinal(targets.map((t) => t.id), changes), traffic: samples[samples.length - 1]?.traffic ?? {} },
  };
}

function replayFinal(ids: string[], changes: Trace['changes']): FinalTarget[] {
  const state = new Map<string, FinalTarget>(ids.map((id) => [id, { id, version: '', state: 'OutOfService', healthy: false }]));
  for (const c of changes) {
    const f = state.get(c.target);
    if (!f) continue;
    if (c.version !== undefined) f.version = c.version;
    if (c.state !== undefined) f.state = c.state;
    if (c.healthy !== undefined) f.healthy = c.healthy;
  }
  return [...state.values()];
}
