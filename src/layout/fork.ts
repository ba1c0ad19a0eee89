// Honest forks: before a fault is injected at the playhead, whether it can still
// take effect (the deployment is not over, the target still runs, the step is
// still ahead); after the re-simulation, what the fault changed compared with the
// future it replaced ("was Succeeded at 5:09, now Failed at 17:26"). Pure.
import type { Fault } from '../scenario/types.ts';
import type { Outcome, Trace } from '../trace/types.ts';
import { terminatedAt, type TraceIndex } from './frame.ts';
import { formatTime } from './time.ts';

export type FaultCheck = { ok: true } | { ok: false; reason: string };

export const OUTCOME_WORDS: Record<Outcome, string> = {
  Succeeded: 'Succeeded',
  Failed: 'Failed',
  Stopped: 'Stopped',
  RolledBack: 'Rolled back',
};

/** When the last deployment of the trace ended: after it, nothing can change. */
export function traceEnd(trace: Trace): number {
  return trace.deployments.length ? Math.max(...trace.deployments.map((d) => d.end)) : trace.durationSeconds;
}

const TARGET_FAULTS = new Set<Fault['type']>(['UnhealthyInstance', 'InstanceTerminated', 'HookFailure']);

/**
 * Refuses a fault that could no longer change anything at its `at`, with the
 * reason in words. Reads the index (per-target spans and terminations), since
 * the fault panel asks at every frame.
 */
export function checkFault(index: TraceIndex, fault: Fault): FaultCheck {
  const trace = index.trace;
  const at = fault.at ?? 0;
  const end = traceEnd(trace);
  if (trace.deployments.length && at >= end) {
    return {
      ok: false,
      reason: `The deployment is over: it ended ${OUTCOME_WORDS[trace.outcome]} at ${formatTime(end)}. An input now cannot change it; move the playhead back to fork its future.`,
    };
  }
  const target = 'target' in fault ? fault.target : undefined;
  if (target === undefined || !TARGET_FAULTS.has(fault.type)) return { ok: true };
  const i = index.targetIndex.get(target);
  if (i === undefined) return { ok: false, reason: `There is no target ${target} in this deployment.` };
  const info = index.targets[i]!;
  const terminated = terminatedAt(index, i);
  if (terminated <= at) return { ok: false, reason: `${target} was terminated at ${formatTime(terminated)}; nothing can happen to it any more.` };
  if (fault.type === 'InstanceTerminated' && info.launchedAt > at) {
    return { ok: false, reason: `${target} is not launched yet at ${formatTime(at)} (it launches at ${formatTime(info.launchedAt)}).` };
  }
  if (fault.type === 'HookFailure') {
    const runs = index.spansByTarget[i]!.filter((s) => s.name === fault.event && s.status !== 'Skipped');
    // The engine fails a step whose end is at or after `at`: one still running or still ahead.
    if (!runs.some((s) => s.end >= at)) {
      const done = runs[runs.length - 1];
      return {
        ok: false,
        reason: done
          ? `${fault.event} already finished on ${target} at ${formatTime(done.end)} (${done.status}) and does not run there again, so this failure could not take effect.`
          : `${fault.event} does not run on ${target} after ${formatTime(at)} in this deployment, so this failure could not take effect.`,
      };
    }
  }
  return { ok: true };
}

export interface ForkReport {
  /** changed: the future is different; no-effect: the fault was accepted but nothing changed. */
  kind: 'changed' | 'no-effect';
  fault: Fault;
  /** The headline: "was Succeeded at 5:09, now Failed at 17:26". */
  message: string;
  /** When the outcome changed: how it ended before ("Succeeded at 5:09") and now. */
  was?: string;
  now?: string;
  /** Further differences: deployments, final fleet, final traffic. */
  details: string[];
}

const outcomeAt = (trace: Trace) => `${OUTCOME_WORDS[trace.outcome]} at ${formatTime(traceEnd(trace))}`;

/** What the injected fault changed: the future that was replaced (before) against the new one (after). */
export function compareForks(before: Trace, after: Trace, fault: Fault): ForkReport {
  const details: string[] = [];
  const old = new Map(before.deployments.map((d) => [d.id, d]));
  for (const d of after.deployments) {
    const was = old.get(d.id);
    if (!was) details.push(`New: ${d.creator === 'codeDeployRollback' ? 'rollback ' : ''}deployment ${d.id} (${d.revision}) runs ${formatTime(d.start)}–${formatTime(d.end)}, ${d.status}.`);
    // With one deployment on each side, its change is the headline already.
    else if ((was.status !== d.status || was.end !== d.end) && (before.deployments.length > 1 || after.deployments.length > 1)) details.push(`${d.id}: was ${was.status} at ${formatTime(was.end)}, now ${d.status} at ${formatTime(d.end)}.`);
  }
  for (const d of before.deployments) if (!after.deployments.some((x) => x.id === d.id)) details.push(`${d.id} no longer runs.`);
  const fleetBefore = fleetWords(before);
  const fleetAfter = fleetWords(after);
  if (fleetBefore !== fleetAfter) details.push(`Final fleet: was ${fleetBefore}, now ${fleetAfter}.`);
  const trafficBefore = trafficWords(before.final.traffic);
  const trafficAfter = trafficWords(after.final.traffic);
  if (trafficBefore !== trafficAfter) details.push(`Final traffic: was ${trafficBefore}, now ${trafficAfter}.`);

  if (before.outcome !== after.outcome || traceEnd(before) !== traceEnd(after)) {
    const was = outcomeAt(before);
    const now = outcomeAt(after);
    return { kind: 'changed', fault, message: `was ${was}, now ${now}`, was, now, details };
  }
  if (details.length === 0 && sameStory(before, after)) {
    return {
      kind: 'no-effect',
      fault,
      message: `this input changed nothing: the deployment still ends ${outcomeAt(after)} the same way`,
      details,
    };
  }
  return { kind: 'changed', fault, message: `still ${outcomeAt(after)}, but the way there changed`, details };
}

/** The same steps and events, apart from the note that a fault was injected. */
function sameStory(a: Trace, b: Trace): boolean {
  const events = (t: Trace) => t.events.filter((e) => e.type !== 'fault-injected').map((e) => `${e.t} ${e.type} ${e.target ?? ''} ${e.message}`);
  const spans = (t: Trace) => t.spans.map((s) => `${s.target} ${s.name} ${s.start} ${s.end} ${s.status}`);
  const ea = events(a);
  const eb = events(b);
  const sa = spans(a);
  const sb = spans(b);
  return ea.length === eb.length && ea.every((x, i) => x === eb[i]) && sa.length === sb.length && sa.every((x, i) => x === sb[i]);
}

function fleetWords(trace: Trace): string {
  const counts = new Map<string, number>();
  let terminated = 0;
  for (const t of trace.final.targets) {
    if (t.state === 'Terminated') terminated++;
    else counts.set(t.version, (counts.get(t.version) ?? 0) + 1);
  }
  const parts = [...counts].map(([v, n]) => `${n} × ${v}`);
  if (terminated) parts.push(`${terminated} terminated`);
  return parts.join(' · ') || 'empty';
}

function trafficWords(traffic: Record<string, number>): string {
  const parts = Object.entries(traffic)
    .filter(([, p]) => p > 0)
    .map(([v, p]) => `${v} ${p}%`);
  return parts.join(' · ') || 'nothing serving';
}

/** What the fault panel says about the latest injection: refused, or what it changed. */
export type Injection =
  | { kind: 'refused'; fault: Fault; message: string }
  | (ForkReport & { faultIndex: number });
