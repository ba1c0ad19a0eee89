// The frame at time t: what every target, chart and header shows at one
// instant, read from the trace with binary searches over indexes built once per
// trace. Scrubbing and stepping back never re-run the simulation.
import type { DeploymentStatus, Outcome, Trace, TraceDeployment, TraceEvent, TraceSample, TraceSpan, TraceTarget } from '../trace/types.ts';
import { upperBound } from './time.ts';

export type TileState =
  | 'pending'
  | 'launching'
  | 'deploying'
  | 'draining'
  | 'registering'
  | 'checking'
  | 'healthy'
  | 'standby'
  | 'unhealthy'
  | 'terminating'
  | 'terminated';

export const TILE_STATE_LABEL: Record<TileState, string> = {
  pending: 'not launched yet',
  launching: 'launching',
  deploying: 'deploying',
  draining: 'draining',
  registering: 'joining traffic',
  checking: 'health checks',
  healthy: 'healthy, serving',
  standby: 'healthy, no traffic',
  unhealthy: 'failed / unhealthy',
  terminating: 'terminating',
  terminated: 'terminated',
};

export interface TargetFrame {
  index: number;
  id: string;
  state: TileState;
  version: string;
  /** The step in progress at t, if any. */
  step?: string;
  /** Load-balancer membership (or listener routing); null when the target has no load balancer. */
  inLB: boolean | null;
  healthy: boolean;
  /** Why the last failed step failed. */
  reason?: string;
}

export interface DeploymentFrame {
  id: string;
  creator: TraceDeployment['creator'];
  revision: string;
  status: DeploymentStatus;
  start: number;
  end: number;
}

interface LbChange { t: number; inLB: boolean }

/** Indexes built once per trace; every frame is read from them. */
export interface TraceIndex {
  trace: Trace;
  duration: number;
  /** Versions in order of appearance (from, to, then any other). */
  versions: string[];
  targets: readonly TraceTarget[];
  targetIndex: Map<string, number>;
  spansByTarget: TraceSpan[][];
  lbByTarget: LbChange[][];
  terminatedAt: Float64Array;
  hasLoadBalancer: boolean;
  /** Each target's version in the trace's final state. */
  finalVersion: Map<string, string>;
  /** Distinct event times, sorted: the stops for next/previous event. */
  eventTimes: number[];
  /** Distinct times where anything starts or ends: the edges of waits. */
  moments: number[];
}

const DRAIN_STEPS = new Set(['deregister', 'BlockTraffic']);
const JOIN_STEPS = new Set(['register', 'AllowTraffic', 'AllowTestTraffic']);
const CHECK_STEPS = new Set(['health-check']);

export function buildIndex(trace: Trace): TraceIndex {
  const targets = trace.targets;
  const targetIndex = new Map<string, number>();
  targets.forEach((t, i) => targetIndex.set(t.id, i));
  const spansByTarget: TraceSpan[][] = targets.map(() => []);
  for (const s of trace.spans) {
    const i = targetIndex.get(s.target);
    if (i !== undefined) spansByTarget[i]!.push(s);
  }
  for (const list of spansByTarget) list.sort((a, b) => a.start - b.start || a.end - b.end);
  const lbByTarget: LbChange[][] = targets.map(() => []);
  const terminatedAt = new Float64Array(targets.length).fill(Infinity);
  let hasLoadBalancer = false;
  for (const e of trace.events) {
    if (e.target === undefined) continue;
    const i = targetIndex.get(e.target);
    if (i === undefined) continue;
    if (e.type === 'registered' || e.type === 'deregistered') {
      hasLoadBalancer = true;
      lbByTarget[i]!.push({ t: e.t, inLB: e.type === 'registered' });
    } else if (e.type === 'instance-terminated') {
      terminatedAt[i] = Math.min(terminatedAt[i]!, e.t);
    }
  }
  const sc = trace.scenario;
  if (sc.elasticBeanstalk?.environmentType === 'LoadBalanced') hasLoadBalancer = true;
  if (sc.codeDeploy?.loadBalancer && sc.codeDeploy.computePlatform === 'Server') hasLoadBalancer = true;

  const versions: string[] = [];
  const addVersion = (v: string | undefined) => {
    if (v && !versions.includes(v)) versions.push(v);
  };
  addVersion(sc.versions?.from);
  addVersion(sc.versions?.to);
  for (const d of trace.deployments) addVersion(d.revision);
  for (const s of trace.samples) {
    for (const v of Object.keys(s.inService)) addVersion(v);
    for (const v of Object.keys(s.traffic)) addVersion(v);
  }
  for (const f of trace.final.targets) addVersion(f.version);

  const eventTimes = distinctSorted(trace.events.map((e) => e.t));
  const momentList: number[] = trace.events.map((e) => e.t);
  for (const s of trace.spans) momentList.push(s.start, s.end);
  for (const s of trace.samples) momentList.push(s.t);
  momentList.push(0, trace.durationSeconds);
  return {
    trace,
    duration: Math.max(trace.durationSeconds, 0),
    versions,
    targets,
    targetIndex,
    spansByTarget,
    lbByTarget,
    terminatedAt,
    hasLoadBalancer,
    finalVersion: new Map(trace.final.targets.map((f) => [f.id, f.version])),
    eventTimes,
    moments: distinctSorted(momentList),
  };
}

function distinctSorted(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (out.length === 0 || v > out[out.length - 1]!) out.push(v);
  return out;
}

/** One target at time t. */
export function targetAt(index: TraceIndex, i: number, t: number): TargetFrame {
  const target = index.targets[i]!;
  const { trace } = index;
  const spans = index.spansByTarget[i]!;
  const n = upperBound(spans, t, (s) => s.start);
  const from = trace.scenario.versions?.from ?? '';
  const firstRevision = spans[0]?.revision ?? trace.deployments[0]?.revision ?? from;
  let version = target.group === 'original' || target.launchedAt <= 0 ? from : firstRevision;
  if (target.kind === 'task-set' && target.label) {
    const m = /\((v[^)]*|[^)]+)\)/.exec(target.label);
    if (m) version = m[1]!;
  }
  let active: TraceSpan | undefined;
  let lastDone: TraceSpan | undefined;
  for (let k = n - 1; k >= 0 && k >= n - 4; k--) {
    const s = spans[k]!;
    if (!active && s.end > t && s.start <= t && s.status !== 'Skipped') active = s;
    if (!lastDone && s.end <= t && s.status !== 'Skipped') lastDone = s;
  }
  for (let k = n - 1; k >= 0; k--) {
    const s = spans[k]!;
    if (s.status !== 'Skipped' && target.kind !== 'task-set') {
      version = s.revision;
      break;
    }
  }
  if (t >= index.duration) {
    const fin = index.finalVersion.get(target.id);
    if (fin && target.kind !== 'task-set') version = fin;
  }
  if (target.kind === 'lambda-alias') {
    const sample = sampleAt(index, t);
    const entries = sample ? Object.entries(sample.traffic).sort((a, b) => b[1] - a[1]) : [];
    if (entries.length) version = entries.map(([v, p]) => (entries.length > 1 ? `${v} ${p}%` : v)).join(' · ');
  }

  // Load-balancer membership.
  let inLB: boolean | null = null;
  const lb = index.lbByTarget[i]!;
  const terminated = index.terminatedAt[i]! <= t;
  if (index.hasLoadBalancer && target.kind === 'instance') {
    const k = upperBound(lb, t, (c) => c.t);
    // Original instances start behind the load balancer; everything else joins it.
    inLB = k > 0 ? lb[k - 1]!.inLB : target.group === 'original';
    if (terminated || t < target.launchedAt) inLB = false;
  }

  // Task sets and aliases are not health-checked: once the deployment is over, a
  // failed step on them says how the deployment ended, not that they are unhealthy.
  const settled = target.kind !== 'instance' && t >= index.duration;
  const healthy = settled || !(lastDone && lastDone.status === 'Failed' && (!active || active.start < lastDone.end));
  let state: TileState;
  if (t < target.launchedAt) state = 'pending';
  else if (active) {
    if (active.name === 'launch') state = 'launching';
    else if (active.name === 'terminate') state = 'terminating';
    else if (DRAIN_STEPS.has(active.name)) state = 'draining';
    else if (JOIN_STEPS.has(active.name)) state = 'registering';
    else if (CHECK_STEPS.has(active.name)) state = 'checking';
    else state = 'deploying';
  } else if (terminated) state = 'terminated';
  else if (!healthy) state = 'unhealthy';
  else if (inLB === false) state = 'standby';
  else state = 'healthy';

  const frame: TargetFrame = { index: i, id: target.id, state, version, inLB, healthy: state !== 'unhealthy' };
  if (active) frame.step = active.name;
  if (state === 'unhealthy' && lastDone?.reason) frame.reason = lastDone.reason;
  else if (state === 'unhealthy' && lastDone) frame.reason = `${lastDone.name} failed`;
  return frame;
}

export function sampleAt(index: TraceIndex, t: number): TraceSample | undefined {
  const samples = index.trace.samples;
  const k = upperBound(samples, t, (s) => s.t);
  return k > 0 ? samples[k - 1] : samples[0];
}

/** How many events have happened by t (events at exactly t count). */
export function eventCountAt(index: TraceIndex, t: number): number {
  return upperBound(index.trace.events, t, (e) => e.t);
}

export function deploymentsAt(index: TraceIndex, t: number): DeploymentFrame[] {
  return index.trace.deployments
    .filter((d) => d.start <= t)
    .map((d) => ({
      id: d.id,
      creator: d.creator,
      revision: d.revision,
      start: d.start,
      end: d.end,
      status: t >= d.end && (d.end < index.duration || t >= index.duration) ? d.status : 'InProgress',
    }));
}

export interface Frame {
  t: number;
  targets: TargetFrame[];
  sample: TraceSample | undefined;
  eventCount: number;
  latestEvent: TraceEvent | undefined;
  deployments: DeploymentFrame[];
  outcome: Outcome | undefined;
}

export function frameAt(index: TraceIndex, t: number): Frame {
  const targets = new Array<TargetFrame>(index.targets.length);
  for (let i = 0; i < targets.length; i++) targets[i] = targetAt(index, i, t);
  const eventCount = eventCountAt(index, t);
  return {
    t,
    targets,
    sample: sampleAt(index, t),
    eventCount,
    latestEvent: index.trace.events[eventCount - 1],
    deployments: deploymentsAt(index, t),
    outcome: t >= index.duration ? index.trace.outcome : undefined,
  };
}

/** Counts of targets per state at t (for aggregated views and summaries). */
export function stateCounts(targets: readonly TargetFrame[]): Record<TileState, number> {
  const counts = Object.fromEntries(Object.keys(TILE_STATE_LABEL).map((k) => [k, 0])) as Record<TileState, number>;
  for (const f of targets) counts[f.state]++;
  return counts;
}

export function nextEventTime(index: TraceIndex, t: number): number {
  const k = upperBound(index.eventTimes, t + 1e-6, (x) => x);
  return k < index.eventTimes.length ? index.eventTimes[k]! : index.duration;
}

export function previousEventTime(index: TraceIndex, t: number): number {
  const k = upperBound(index.eventTimes, t - 1e-6, (x) => x) - 1;
  return k >= 0 ? index.eventTimes[k]! : 0;
}
