// Internal consistency of a trace: what must hold before anyone sees it. The CLI
// refuses to print a trace that fails (an internal error, never a wrong answer),
// and the tests hold every shipped and generated scenario to it.
import { rowsOf, type Rows } from './lazy.ts';
import type { FinalTarget, TargetState, Trace } from './types.ts';

export interface ReplayedTarget {
  version: string;
  state: TargetState;
  healthy: boolean;
  registered?: boolean;
}

/** Each target's observable state after replaying `changes` up to and including time `t`. */
export function replayChanges(trace: Pick<Trace, 'changes'>, t = Infinity): Map<string, ReplayedTarget> {
  const out = new Map<string, ReplayedTarget>();
  // Row by row: changes the trace has not built yet are read from its columns (lazy.ts).
  const changes = rowsOf(trace, 'changes');
  for (let i = 0; i < changes.length; i++) {
    const c = changes.at(i)!;
    if (c.t > t) break;
    let r = out.get(c.target);
    if (!r) {
      r = { version: c.version ?? '', state: c.state ?? 'OutOfService', healthy: c.healthy ?? false };
      out.set(c.target, r);
    }
    if (c.version !== undefined) r.version = c.version;
    if (c.state !== undefined) r.state = c.state;
    if (c.healthy !== undefined) r.healthy = c.healthy;
    if (c.registered !== undefined) r.registered = c.registered;
  }
  return out;
}

const TERMINAL = new Set(['Succeeded', 'Failed', 'Stopped']);

/** Every inconsistency found, in plain words; empty when the trace holds together. */
export function checkTrace(trace: Trace): string[] {
  const problems: string[] = [];
  const add = (p: string) => {
    if (problems.length < 20) problems.push(p);
  };
  const deployments = new Map(trace.deployments.map((d) => [d.id, d]));
  for (const d of trace.deployments) {
    if (!TERMINAL.has(d.status)) add(`deployment ${d.id} ended in status ${d.status}, not Succeeded, Failed or Stopped`);
    if (d.end < d.start) add(`deployment ${d.id} ends before it starts`);
  }
  const first = trace.deployments[0];
  if (!first) add('the trace has no deployment');
  else if ((trace.outcome === 'Succeeded') !== (first.status === 'Succeeded')) {
    add(`outcome ${trace.outcome} disagrees with deployment ${first.id}, which is ${first.status}`);
  }
  const rollback = trace.deployments.find((d) => d.creator === 'codeDeployRollback');
  if (rollback && (trace.outcome === 'RolledBack') !== (rollback.status === 'Succeeded')) {
    add(`outcome ${trace.outcome} disagrees with rollback deployment ${rollback.id}, which is ${rollback.status}`);
  }
  const sums = (traffic: Record<string, number>, where: string, unserved = 0) => {
    const values = Object.values(traffic);
    if (values.length === 0) return;
    const total = values.reduce((a, b) => a + b, 0) + unserved;
    if (Math.abs(total - 100) > 0.05 || values.some((v) => !(v > 0))) add(`traffic ${where} sums to ${total}, not 100`);
  };
  const samples = rowsOf(trace, 'samples');
  for (let i = 0; i < samples.length; i++) {
    const s = samples.at(i)!;
    sums(s.traffic, `at ${s.t} s`, s.unserved);
  }
  sums(trace.final.traffic, 'at the end');
  const replayed = replayChanges(trace);
  const finals = new Map<string, FinalTarget>(trace.final.targets.map((f) => [f.id, f]));
  for (const f of trace.final.targets) {
    const r = replayed.get(f.id);
    if (!r) add(`target ${f.id} has no changes`);
    else if (r.version !== f.version || r.state !== f.state || r.healthy !== f.healthy) {
      add(`replaying the changes of ${f.id} gives ${r.version}/${r.state}/${r.healthy ? 'healthy' : 'unhealthy'}, but its final state is ${f.version}/${f.state}/${f.healthy ? 'healthy' : 'unhealthy'}`);
    }
  }
  for (const id of replayed.keys()) if (!finals.has(id)) add(`target ${id} changes but is not in the final state`);
  for (const p of trace.phases) {
    const d = deployments.get(p.deploymentId);
    if (!d) add(`phase "${p.name}" belongs to unknown deployment ${p.deploymentId}`);
    else if (p.start < d.start || p.end > d.end) add(`phase "${p.name}" (${p.start}–${p.end} s) lies outside deployment ${d.id} (${d.start}–${d.end} s)`);
    if (p.end < p.start) add(`phase "${p.name}" ends before it starts`);
    if (p.kind === 'batch' && !p.targets) add(`batch phase "${p.name}" does not name its targets`);
  }
  // Spans, events, samples and changes row by row: the lists may not be built yet (lazy.ts), and
  // checking them must not build them.
  const spans = rowsOf(trace, 'spans');
  for (let i = 0; i < spans.length; i++) {
    const s = spans.at(i)!;
    if (s.end < s.start) add(`span ${s.name} on ${s.target} ends before it starts`);
  }
  // Read in place: a 100,000-instance trace has millions of entries, so no copies.
  const sorted = (list: Rows<{ t: number }>, what: string, each?: (t: number) => void) => {
    let before = -Infinity;
    let inOrder = true;
    for (let i = 0; i < list.length; i++) {
      const t = list.at(i)!.t;
      if (t < before) inOrder = false;
      before = t;
      each?.(t);
    }
    if (!inOrder) add(`${what} are not in time order`);
  };
  // Loops, not Math.max(...list): a 100,000-instance trace has millions of entries.
  let last = 0;
  sorted(rowsOf(trace, 'events'), 'events', (t) => (last = Math.max(last, t)));
  // Events and changes are read once for both questions (each read of an unbuilt row makes it).
  sorted(rowsOf(trace, 'changes'), 'changes', (t) => (last = Math.max(last, t)));
  sorted(trace.machines, 'machine states');
  sorted(samples, 'samples');
  for (const d of trace.deployments) last = Math.max(last, d.end);
  if (last > trace.durationSeconds) add(`something happens at ${last} s, after the trace's duration of ${trace.durationSeconds} s`);
  return problems;
}
