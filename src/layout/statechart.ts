// Which state each machine is in at the playhead, for the live statechart:
// the orchestrator from trace `machines` (the latest entry at or before t), and
// one target's lifecycle from its spans (the step it is in, or Pending /
// Succeeded / Failed / Skipped). Machine descriptions are `deploysim machines`
// data (src/engine/machine-catalog.ts); a machine id they lack is reported, not guessed.
import type { MachineDescription } from '../engine/describe-machine.ts';
import type { TraceSpan, TraceTarget } from '../trace/types.ts';
import type { TraceIndex } from './frame.ts';
import { upperBound } from './time.ts';

export interface ActiveState {
  machineId: string;
  /** Undefined when the catalogue does not know the machine. */
  machine: MachineDescription | undefined;
  /** Dotted state path. */
  state: string;
  /** The state it came from: the transition just taken is previous → state. */
  previous?: string;
  /** When it entered the state. */
  since: number;
  deploymentId?: string;
}

const byId = (machines: readonly MachineDescription[], id: string) => machines.find((m) => m.id === id);

/** The orchestrator's state at t; undefined when the trace records none (yet). */
export function orchestratorAt(index: TraceIndex, machines: readonly MachineDescription[], t: number): ActiveState | undefined {
  const entries = index.trace.machines;
  const k = upperBound(entries, t, (m) => m.t);
  if (k === 0) return undefined;
  const latest = entries[k - 1]!;
  const out: ActiveState = { machineId: latest.machine, machine: byId(machines, latest.machine), state: latest.state, since: latest.t };
  for (let j = k - 2; j >= 0; j--) {
    if (entries[j]!.machine === latest.machine) {
      out.previous = entries[j]!.state;
      break;
    }
  }
  return out;
}

// ---- lifecycles ---------------------------------------------------------------

/** A lifecycle machine's events (its states other than the initial one and the finals), in AWS order. */
export function lifecycleEvents(m: MachineDescription): string[] {
  return m.states.filter((s) => s.id !== m.initial && s.type !== 'final').map((s) => s.id);
}

function isSubsequence(names: readonly string[], order: readonly string[]): boolean {
  let k = 0;
  for (const name of names) {
    while (k < order.length && order[k] !== name) k++;
    if (k === order.length) return false;
    k++;
  }
  return true;
}

// The trace does not name each target's lifecycle machine, so it is read off the
// steps that ran: the machine whose event order contains every target's steps.
// Ties go to the machine whose name fits the platform, deployment type, target
// group and rollback (only a preference: a renamed machine is still found by its
// steps), then to the one that starts where the steps start, then to the
// shortest (AllAtOnce's in-place list is inside Rolling's).
const FAMILY: Record<string, string> = { ElasticBeanstalk: 'eb', Server: 'codeDeployServer', Lambda: 'codeDeployLambda', ECS: 'codeDeployEcs' };

interface Context { group: TraceTarget['group']; rollback: boolean }

function nameHints(index: TraceIndex, c: Context): ((id: string) => boolean)[] {
  const sc = index.trace.scenario;
  const family = FAMILY[sc.platform === 'ElasticBeanstalk' ? sc.platform : sc.codeDeploy?.computePlatform ?? 'Server'] ?? '';
  const hints = [(id: string) => id.startsWith(family)];
  if (family === 'codeDeployServer') {
    const blueGreen = sc.codeDeploy?.deploymentType === 'BLUE_GREEN';
    hints.push((id) => id.includes('InPlace') !== blueGreen);
    if (blueGreen) {
      hints.push((id) => id.includes('Rollback') === c.rollback);
      if (c.group === 'replacement') hints.push((id) => id.includes('Replacement'));
      if (c.group === 'original') hints.push((id) => id.includes('Original'));
    }
  }
  return hints;
}

/** The distinct step sequences of a group's targets, each with how many targets ran it. */
type Sequences = readonly { seq: string[]; count: number }[];

function pickLifecycle(index: TraceIndex, lifecycles: readonly MachineDescription[], sequences: Sequences, c: Context): MachineDescription | undefined {
  const counted = sequences.filter((s) => s.seq.length > 0);
  const names = counted.map((s) => s.seq);
  if (names.length === 0) return undefined;
  const orders = lifecycles.map((m) => ({ m, order: lifecycleEvents(m) }));
  let candidates = orders.filter((c) => names.every((seq) => isSubsequence(seq, c.order)));
  if (candidates.length === 0) {
    // Nothing contains every step: the machine that knows the most of them (over every target).
    const known = (c: { order: string[] }) => counted.reduce((n, s) => n + s.count * s.seq.filter((x) => c.order.includes(x)).length, 0);
    const best = Math.max(0, ...orders.map(known));
    candidates = best > 0 ? orders.filter((c) => known(c) === best) : [];
  }
  for (const hint of nameHints(index, c)) {
    const fits = candidates.filter((x) => hint(x.m.id));
    if (fits.length) candidates = fits;
  }
  const first = names.reduce((a, b) => (b.length > a.length ? b : a))[0];
  const starting = candidates.filter((x) => x.order[0] === first);
  if (starting.length) candidates = starting;
  candidates.sort((a, b) => a.order.length - b.order.length);
  return candidates[0]?.m;
}

/**
 * A target's steps up to the first one that repeats: a second `deregister` after
 * the health check is the instance being removed (RollingWithAdditionalBatch),
 * not its lifecycle starting over.
 */
export function firstRound<T extends { name: string }>(steps: readonly T[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const s of steps) {
    if (seen.has(s.name)) break;
    seen.add(s.name);
    out.push(s);
  }
  return out;
}

interface LifecycleIndex {
  /** "<deploymentId> <group>" → the lifecycle machine its targets run. */
  byGroup: Map<string, MachineDescription | undefined>;
}

const cache = new WeakMap<TraceIndex, WeakMap<readonly MachineDescription[], LifecycleIndex>>();

function lifecycleIndex(index: TraceIndex, machines: readonly MachineDescription[]): LifecycleIndex {
  let perCatalogue = cache.get(index);
  if (!perCatalogue) cache.set(index, (perCatalogue = new WeakMap()));
  let found = perCatalogue.get(machines);
  if (found) return found;
  const lifecycles = machines.filter((m) => m.kind === 'lifecycle');
  const lifecycleSteps = new Set(lifecycles.flatMap(lifecycleEvents));
  // Per "<deploymentId> <group>", each distinct step sequence once (keyed by its
  // text): a fleet of thousands mostly repeats a handful of sequences.
  const sequences = new Map<string, Map<string, { seq: string[]; count: number }>>();
  index.targets.forEach((target, i) => {
    const perDeployment = new Map<string, string[]>();
    for (const s of index.spansByTarget[i]!) {
      let seq = perDeployment.get(s.deploymentId);
      if (!seq) perDeployment.set(s.deploymentId, (seq = []));
      seq.push(s.name);
    }
    for (const [d, seq] of perDeployment) {
      const key = `${d} ${target.group}`;
      let distinct = sequences.get(key);
      if (!distinct) sequences.set(key, (distinct = new Map()));
      const text = seq.join('\n');
      const seen = distinct.get(text);
      if (seen) seen.count++;
      else distinct.set(text, { seq, count: 1 });
    }
  });
  const byGroup = new Map<string, MachineDescription | undefined>();
  for (const [key, distinct] of sequences) {
    // Steps outside every lifecycle (terminate, say) say nothing about which one runs,
    // and a group whose targets ran at most one lifecycle step (Immutable's old
    // instances are only detached and terminated) runs no lifecycle.
    const known = [...distinct.values()].map(({ seq, count }) => ({ seq: firstRound(seq.filter((n) => lifecycleSteps.has(n)).map((name) => ({ name }))).map((x) => x.name), count }));
    if (!known.some(({ seq }) => seq.length >= 2)) continue;
    const [deploymentId, group] = key.split(' ') as [string, TraceTarget['group']];
    const rollback = index.trace.deployments.find((d) => d.id === deploymentId)?.creator === 'codeDeployRollback';
    byGroup.set(key, pickLifecycle(index, lifecycles, known, { group, rollback }));
  }
  found = { byGroup };
  perCatalogue.set(machines, found);
  return found;
}

export type LifecycleAt =
  | (ActiveState & { target: string; machine: MachineDescription; deploymentId: string })
  | { target: string; machine: undefined; reason: string };

/** The target's lifecycle machine and its state at t. */
export function lifecycleAt(index: TraceIndex, machines: readonly MachineDescription[], target: string, t: number): LifecycleAt {
  const i = index.targetIndex.get(target);
  if (i === undefined) return { target, machine: undefined, reason: `There is no target ${target} in this deployment.` };
  const spans = index.spansByTarget[i]!;
  const group = index.targets[i]!.group;
  const lifecycles = lifecycleIndex(index, machines).byGroup;
  // The latest deployment that has started and works on this target (or on its
  // group: a target a failed deployment never reached is still in it); before
  // any, the first one that will.
  const involved = index.trace.deployments.filter((d) => spans.some((s) => s.deploymentId === d.id) || lifecycles.has(`${d.id} ${group}`));
  const started = involved.filter((d) => d.start <= t);
  const deployment = started.length ? started.reduce((a, b) => (b.start >= a.start ? b : a)) : involved[0];
  if (!deployment) return { target, machine: undefined, reason: `No lifecycle event runs on ${target} in this trace.` };
  const machine = lifecycles.get(`${deployment.id} ${group}`);
  if (!machine) {
    return {
      target,
      machine: undefined,
      reason: spans.some((s) => s.deploymentId === deployment.id)
        ? `${target} runs no lifecycle in ${deployment.id}, only: ${[...new Set(spans.filter((s) => s.deploymentId === deployment.id).map((s) => s.name))].join(', ')}.`
        : `${target} takes no part in ${deployment.id}.`,
    };
  }
  const names = new Set(machine.states.map((s) => s.id));
  const steps = firstRound(spans.filter((s) => s.deploymentId === deployment.id && names.has(s.name)));
  const base = { target, machineId: machine.id, machine, deploymentId: deployment.id };
  if (steps.length === 0 && t >= deployment.end) {
    // The deployment ended without reaching this target: its lifecycle was skipped.
    const skipped = machine.transitions.find((tr) => tr.source === machine.initial && tr.event === 'SKIP')?.target;
    if (skipped) return { ...base, state: skipped, previous: machine.initial, since: deployment.end };
  }
  return { ...base, ...stateAmong(machine, steps, t) };
}

/** Where a lifecycle machine stands at t, given the steps (spans) that ran on its target, sorted by start. */
export function stateAmong(machine: MachineDescription, steps: readonly TraceSpan[], t: number): { state: string; previous?: string; since: number } {
  const k = upperBound(steps, t, (s) => s.start);
  if (k === 0) return { state: machine.initial, since: 0 };
  const s = steps[k - 1]!;
  const before = k >= 2 ? steps[k - 2]!.name : machine.initial;
  if (t < s.end) return { state: s.name, previous: before, since: s.start };
  const last = k === steps.length;
  if (s.status === 'Failed' && last) return { state: exit(machine, s.name, 'FAILED') ?? 'Failed', previous: s.name, since: s.end };
  const event = s.status === 'Succeeded' ? 'SUCCEEDED' : s.status === 'Skipped' ? 'SKIPPED' : 'FAILURE_IGNORED';
  const order = lifecycleEvents(machine);
  const next = exit(machine, s.name, event) ?? exit(machine, s.name, 'SUCCEEDED') ?? order[order.indexOf(s.name) + 1];
  return { state: next ?? s.name, previous: s.name, since: s.end };
}

function exit(machine: MachineDescription, from: string, event: string): string | undefined {
  return machine.transitions.find((tr) => tr.source === from && tr.event === event)?.target;
}

/**
 * The target the statechart follows when the learner has not picked one: the
 * first (in fleet order) with a step in progress at t, so it stays put while a
 * batch runs; between steps, the target of the latest event.
 */
export function autoTarget(index: TraceIndex, t: number): string | undefined {
  for (let i = 0; i < index.targets.length; i++) {
    const spans = index.spansByTarget[i]!;
    const k = upperBound(spans, t, (s) => s.start);
    for (let j = k - 1; j >= 0 && j >= k - 3; j--) if (spans[j]!.end > t) return index.targets[i]!.id;
  }
  const events = index.trace.events;
  for (let k = upperBound(events, t, (e) => e.t) - 1; k >= 0; k--) {
    const id = events[k]!.target;
    if (id !== undefined && index.targetIndex.has(id)) return id;
  }
  return index.targets.find((_, i) => index.spansByTarget[i]!.length > 0)?.id ?? index.targets[0]?.id;
}
