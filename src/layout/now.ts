// The now line: one sentence, true at the playhead, saying which phase the
// deployment is in (AWS's words, from the trace's phases), what it waits for
// (from the spans running at t and the traffic sample) and how long is left
// (from the phase's deadline). Never read from event message text.
import { EB_TIMEOUT_EXTRA_SECONDS } from '../aws/eb-facts.ts';
import { stepFact, WAIT_RELEASED_BY, type StepKind } from '../aws/step-kinds.ts';
import type { TraceDeployment, TracePhase, TraceSpan } from '../trace/types.ts';
import { activeSpanAt, sampleAt, type TraceIndex } from './frame.ts';
import { formatTime } from './time.ts';

export interface NowLine {
  /** The phases open at t, outer to inner, in AWS's words; or the deployment when none is open. */
  phase: string;
  /** What the deployment waits for or does right now. */
  detail: string;
  /** How long is left or how far along a timed wait is. */
  countdown: string;
  /** The deployment running at t (undefined before the first starts). */
  deploymentId: string | undefined;
  /** True while a rollback deployment runs. */
  rollback: boolean;
  /** The whole sentence. */
  text: string;
}

/** The deployment running at t: the latest started that has not ended. */
function runningAt(deployments: readonly TraceDeployment[], t: number): TraceDeployment | undefined {
  let found: TraceDeployment | undefined;
  for (const d of deployments) if (d.start <= t && t < d.end && (!found || d.start >= found.start)) found = d;
  return found;
}

/** Phases of `deploymentId` open at t, outer first. */
export function phasesAt(index: TraceIndex, deploymentId: string, t: number): TracePhase[] {
  const out: TracePhase[] = [];
  for (const p of index.phases) {
    if (p.start > t) break;
    if (p.deploymentId === deploymentId && t < p.end) out.push(p);
  }
  return out;
}

const PHRASE: Record<StepKind, (ids: string, names: string) => string> = {
  check: (ids) => `waiting for ${ids} to pass health checks`,
  join: (ids, names) => `${ids} joining traffic (${names})`,
  drain: (ids, names) => `${ids} leaving traffic (${names})`,
  launch: (ids) => `launching ${ids}`,
  terminate: (ids) => `terminating ${ids}`,
  hook: (ids, names) => `${ids} running ${names}`,
  reserved: (ids, names) => `${ids}: ${names}`,
  workflow: (ids, names) => `${ids} running ${names}`,
};
const KIND_ORDER: StepKind[] = ['check', 'join', 'drain', 'hook', 'reserved', 'workflow', 'launch', 'terminate'];

export function listIds(ids: readonly string[], max = 3): string {
  // "and 1 more" says less than the one name it hides.
  if (ids.length <= max + 1) return ids.length <= 1 ? ids.join('') : `${ids.slice(0, -1).join(', ')} and ${ids.at(-1)}`;
  return `${ids.slice(0, max).join(', ')} and ${ids.length - max} more`;
}

/** What the targets in scope are doing at t, grouped by kind of step (health checks first: that is what waits wait on). */
export function describeDoing(index: TraceIndex, scope: readonly number[], t: number, deploymentId: string): string {
  const byKind = new Map<StepKind, { ids: string[]; names: Set<string> }>();
  for (const i of scope) {
    const s: TraceSpan | undefined = activeSpanAt(index, i, t);
    if (!s || s.deploymentId !== deploymentId) continue;
    const kind = stepFact(s.name).kind;
    let g = byKind.get(kind);
    if (!g) byKind.set(kind, (g = { ids: [], names: new Set() }));
    g.ids.push(index.targets[i]!.id);
    g.names.add(s.name);
  }
  return KIND_ORDER.filter((k) => byKind.has(k))
    .map((k) => {
      const g = byKind.get(k)!;
      return PHRASE[k](listIds(g.ids), [...g.names].join(', '));
    })
    .join('; ');
}

function trafficNow(index: TraceIndex, t: number): string {
  const sample = sampleAt(index, t);
  if (!sample) return '';
  const entries = Object.entries(sample.traffic);
  if (entries.length === 0) return 'nothing serving production traffic';
  return `production traffic ${entries.map(([v, p]) => `${v} ${p}%`).join(' · ')}`;
}

function scopeOf(index: TraceIndex, open: readonly TracePhase[]): number[] {
  for (let k = open.length - 1; k >= 0; k--) {
    const ids = open[k]!.targets;
    if (ids) return ids.map((id) => index.targetIndex.get(id)).filter((i): i is number => i !== undefined);
  }
  return index.targets.map((_, i) => i);
}

/** Elastic Beanstalk's health wait is the `Timeout` option plus the 240 s EB adds (reference §1.2). */
function timeoutNote(index: TraceIndex): string {
  const eb = index.trace.scenario.elasticBeanstalk;
  return index.trace.scenario.platform === 'ElasticBeanstalk' && eb ? ` of Timeout ${eb.Timeout} s + ${EB_TIMEOUT_EXTRA_SECONDS} s` : '';
}

function endedLine(index: TraceIndex, t: number): NowLine {
  const ended = index.trace.deployments.filter((d) => d.end <= t);
  const text = ended
    .map((d) => `${d.creator === 'codeDeployRollback' ? 'Rollback deployment' : 'Deployment'} ${d.id} ${d.status} at ${formatTime(d.end)}`)
    .join('; ');
  return { phase: '', detail: '', countdown: '', deploymentId: ended.at(-1)?.id, rollback: false, text };
}

export function nowLine(index: TraceIndex, t: number): NowLine {
  const deployments = index.trace.deployments;
  const d = runningAt(deployments, t);
  if (!d) {
    if (deployments.length && t >= deployments[0]!.start) return endedLine(index, t);
    return { phase: '', detail: '', countdown: '', deploymentId: undefined, rollback: false, text: 'Deployment not started' };
  }
  const open = phasesAt(index, d.id, t);
  const rollback = d.creator === 'codeDeployRollback' || open.some((p) => p.kind === 'rollback');
  const outer = open.filter((p) => p.kind !== 'wait');
  const wait = open.filter((p) => p.kind === 'wait').at(-1);
  // Lambda and ECS waits (canary and linear intervals, bakes) are about the traffic split.
  const cd = index.trace.scenario.codeDeploy;
  const trafficPlatform = index.trace.scenario.platform === 'CodeDeploy' && cd !== undefined && cd.computePlatform !== 'Server';
  const shifting = open.some((p) => p.kind === 'traffic-shift') || (trafficPlatform && wait !== undefined);
  const doing = shifting ? trafficNow(index, t) : describeDoing(index, scopeOf(index, open), t, d.id);
  const who = `${rollback ? 'Rollback deployment' : 'Deployment'} ${d.id}`;
  const head = outer.map((p) => p.name).join(' · ');
  let phase = head || (wait ? '' : `${who} in progress`);
  let detail = doing;
  let countdown = '';
  let form: Form = 'left';
  if (wait) {
    // The reference documents ContinueDeployment for EC2/on-premises blue/green only.
    const released = cd?.computePlatform === 'Server' ? WAIT_RELEASED_BY[wait.name] : undefined;
    const left = wait.deadline !== undefined ? `${formatTime(wait.deadline - t)} left` : '';
    if (released && wait.deadline !== undefined) {
      phase = head ? `${head} · ${wait.name}` : wait.name;
      detail = released;
      countdown = left;
      form = 'released';
    } else if (wait.deadline !== undefined && outer.some((p) => p.kind === 'batch')) {
      countdown = `${left}${timeoutNote(index)}`;
    } else {
      // A timed wait (a canary interval, EvaluationTime): how far along it is.
      const total = (wait.deadline ?? wait.end) - wait.start;
      phase = head ? `${head} · ${wait.name}` : wait.name;
      countdown = `${formatTime(t - wait.start)} of ${formatTime(total)}`;
      form = 'elapsed';
    }
  } else {
    const inner = open.at(-1);
    if (inner?.deadline !== undefined) countdown = `${formatTime(inner.deadline - t)} left${inner.kind === 'batch' ? timeoutNote(index) : ''}`;
  }
  if (d.creator === 'codeDeployRollback' && !phase.includes(d.id)) phase = phase ? `${phase} · ${d.id}` : who;
  return { phase, detail, countdown, deploymentId: d.id, rollback, text: sentence(form, phase, detail, countdown) };
}

type Form = 'released' | 'elapsed' | 'left';

/** "Batch 2 of 3 — waiting for i-3 …: 7:43 left", "Canary interval 3:00 of 5:00 — …", "Ready wait: ContinueDeployment or 12:00 left". */
function sentence(form: Form, phase: string, detail: string, countdown: string): string {
  switch (form) {
    case 'released':
      return `${phase}: ${detail} or ${countdown}`;
    case 'elapsed':
      return `${phase} ${countdown}${detail ? ` — ${detail}` : ''}`;
    case 'left':
      return `${phase}${detail ? ` — ${detail}` : ''}${countdown ? `: ${countdown}` : ''}`;
  }
}
