// The simulated world one run acts on: the targets and their state, the agenda
// (simulated time), and the trace being recorded. Strategies change the world only
// through these methods, so samples (in-service counts and traffic per version)
// are kept up to date incrementally and recorded whenever they change, and every
// change of a target's observable state is recorded once, here (trace `changes`).
// Versions are user text: they are only ever keys of Maps or prototype-free objects.
import type { Fault, FaultType, Scenario } from '../scenario/types.ts';
import type { RuleId } from '../aws/rules.ts';
import type {
  Creator,
  DeploymentStatus,
  TargetGroup,
  TargetKind,
  TargetState,
  TraceChange,
  TraceDeployment,
  TraceMachineState,
  TraceEvent,
  TraceEventType,
  TraceSample,
  TraceSpan,
} from '../trace/types.ts';
import { percentages, sharesInto, versionRecord } from '../trace/percent.ts';
import { UNDOCUMENTED, type UndocumentedId } from '../aws/undocumented.ts';
import { Agenda } from './agenda.ts';
import { InServiceCounts } from './in-service-counts.ts';
import { StepRuns } from './step-runs.ts';
import { ChangeColumns, grow, idThenText, SpanColumns, type NumberedText, type TargetIds, type TargetText } from './trace-columns.ts';
import { EventColumns } from './event-columns.ts';
import { SampleColumns } from './sample-columns.ts';
import { FinalTargetColumns, TargetColumns } from './target-columns.ts';
import { PhaseColumns, type NewPhase, type PhaseRef } from './phase-columns.ts';
import { TargetStore, TargetView, type TargetIndex } from './target-store.ts';
import { sizedArray } from './sized-array.ts';

/**
 * What the run reads of a target (World.target): a view of the world's columns
 * (target-store.ts), not an object kept per target. Its kind and group never change
 * and nothing in the run asks for them: they are recorded in the target columns only.
 * Change it through the world's setters (they keep the counts and record the change).
 */
export type TargetRuntime = TargetView;

/** What an event may carry besides its type and message. */
export interface EventExtra {
  /** The target, or the id of one the scenario names (a fault's), which may not exist (yet). */
  target?: TargetIndex | string | undefined;
  deploymentId?: string | undefined;
  undocumented?: UndocumentedId | undefined;
  rule?: RuleId | undefined;
  healthy?: boolean | undefined;
  end?: number | undefined;
}

/** Computes production traffic weights per version from the in-service counts of each pool. */
export type TrafficModel = (pools: ReadonlyMap<string, ReadonlyMap<string, number>>) => Record<string, number>;

/** Default: one load balancer spreading requests evenly over every in-service target. */
export const evenSpread: TrafficModel = (pools) => {
  const weights = versionRecord();
  for (const counts of pools.values()) for (const [v, n] of counts) weights[v] = (weights[v] ?? 0) + n;
  return weights;
};

type FaultOf<T extends FaultType> = Extract<Fault, { type: T }>;

/** Faults of one type: all of them, those aimed at every target, and per named target those plus its own. */
interface FaultsOfType {
  all: readonly Fault[];
  everyTarget: readonly Fault[];
  byTarget: Map<string, readonly Fault[]>;
  /** byTarget's instances (i-N) by N: a target is asked about by index, and its id is not written to ask. */
  byInstance: Map<number, readonly Fault[]>;
}
type FaultIndex = Map<FaultType, FaultsOfType>;

const NO_FAULTS: readonly Fault[] = Object.freeze([]);
const NO_EXTRA: EventExtra = Object.freeze({});

function indexFaults(faults: readonly Fault[]): FaultIndex {
  const index: FaultIndex = new Map();
  for (const f of faults) {
    let byType = index.get(f.type);
    if (!byType) index.set(f.type, (byType = { all: [], everyTarget: [], byTarget: new Map(), byInstance: new Map() }));
    (byType.all as Fault[]).push(f);
  }
  for (const byType of index.values()) {
    const targetOf = (f: Fault) => ('target' in f ? f.target : undefined);
    byType.everyTarget = Object.freeze(byType.all.filter((f) => targetOf(f) === undefined));
    for (const f of byType.all) {
      const target = targetOf(f);
      if (target !== undefined && !byType.byTarget.has(target)) {
        const list = Object.freeze(byType.all.filter((g) => targetOf(g) === undefined || targetOf(g) === target));
        byType.byTarget.set(target, list);
        const n = instanceNumber(target);
        if (n >= 0) byType.byInstance.set(n, list);
      }
    }
    Object.freeze(byType.all);
  }
  return index;
}

/** The world's targets by id, read-only (what strategies and faults ask of them). */
export interface TargetLookup {
  get(id: string): TargetRuntime | undefined;
  has(id: string): boolean;
  /** The targets in launch order. */
  values(): IterableIterator<TargetRuntime>;
  /** Their ids in launch order. */
  keys(): IterableIterator<string>;
}

/** What addTarget is given about a new target. */
export interface NewTarget {
  id: string;
  kind: TargetKind;
  group: TargetGroup;
  pool: string;
  version: string;
  state: TargetState;
  healthy: boolean;
  /** Load balancer membership when the target has one. */
  registered?: boolean | undefined;
  label?: string;
}

export class World implements TargetIds {
  /** Every step run of the world, as rows (step-runs.ts); the agenda runs them in their turn. */
  readonly stepRuns: StepRuns = new StepRuns(this);
  readonly agenda = new Agenda(this.stepRuns);
  /**
   * Not a Map of every target: inserting 200,000 fresh id strings into one (hashing
   * each, rehashing as it grows) was a tenth of a blue/green run. Instances (i-N) are
   * found by their number; only the few other targets (task sets, aliases) are hashed.
   */
  readonly targets: TargetLookup = {
    get: (id) => this.view(this.lookup(id)),
    has: (id) => this.lookup(id) >= 0,
    values: () => this.views().values(),
    keys: () => Array.from({ length: this.store.length }, (_, i) => this.store.idAt(i)).values(),
  };
  /** Targets whose id is not an instance's (i-N): their index by id. */
  private readonly others = new Map<string, number>();
  /** The trace's targets, kept as columns until the trace is built (see target-columns.ts). */
  readonly targetColumns = new TargetColumns(this);
  /** Spans and changes, kept as columns until the trace is built (see trace-columns.ts). */
  readonly spanColumns = new SpanColumns(this);
  readonly changeColumns = new ChangeColumns(this);
  /** Events, kept as columns too (see event-columns.ts). */
  readonly eventColumns = new EventColumns(this);
  /** Samples, kept as columns too (see sample-columns.ts). */
  readonly sampleColumns = new SampleColumns();
  private readonly sampleKeys: string[] = [];
  private readonly sampleCounts: number[] = [];
  private readonly trafficKeys: string[] = [];
  private readonly trafficShares: number[] = [];
  readonly deployments: TraceDeployment[] = [];
  /** The phases, kept as columns until the trace is built (see phase-columns.ts). */
  readonly phaseColumns = new PhaseColumns(this);
  readonly machines: TraceMachineState[] = [];
  /**
   * The phases open now, in opening order: a handful at a time (a list, not a Set: a
   * one at a time rollout opens and closes a phase per instance, and a Set that grows
   * and shrinks by one rebuilds its table every few changes).
   */
  private readonly openPhases: PhaseRef[] = [];
  /** An error thrown where the agenda cannot see it (inside a machine's action): it ends the run. */
  private error: unknown;
  private failed = false;
  traffic: TrafficModel = evenSpread;
  /** Percent of production clients sent to a pool with nothing in service (they get errors); see TraceSample.unserved. */
  unserved: ((pools: ReadonlyMap<string, ReadonlyMap<string, number>>) => number) | undefined;
  testTraffic: Record<string, number> | undefined;
  private readonly inService = new InServiceCounts();
  private dirty = true;
  private readonly explained = new Set<UndocumentedId>();
  private readonly idThenTexts = new Map<string, TargetText>();
  private nextInstance = 1;
  /** The targets' state by index (launch order). */
  private store = new TargetStore();
  /**
   * Instances by the number in their id (i-N, N below INSTANCE_NUMBERS): their index
   * plus one (0 for none). Found without hashing the id, and a typed array: no second
   * array of 100,000 pointers for the GC to follow.
   */
  private instanceIndex = new Int32Array(1024);
  /** The targets' ids in launch order, once `release` has dropped the rest of their state. */
  private ids: TargetIds | undefined;
  private readonly faultIndex: FaultIndex;
  /** The final state once taken (finalTargets), re-pointed at the ids by release. */
  private finalColumns: FinalTargetColumns | undefined;

  constructor(readonly scenario: Scenario) {
    this.faultIndex = indexFaults(scenario.faults);
  }

  get now(): number {
    return this.agenda.now;
  }

  // ── targets ──────────────────────────────────────────────────────────

  /**
   * Adds `count` instances alike but for their ids (the next i-N: i-1 … i-N, then
   * replacements continue the numbering); returns their indices. No id is written:
   * the store keeps each instance's number (target-store.ts).
   */
  addInstances(count: number, like: Omit<NewTarget, 'id' | 'kind'>): TargetIndex[] {
    // Sized up front, as the columns are: no copies into ever larger arrays.
    const added = sizedArray<TargetIndex>(count);
    this.store.reserve(count);
    const { group, pool, version, state, healthy, registered } = like;
    for (let i = 0; i < count; i++) added[i] = this.add(this.nextInstance++, undefined, 'instance', group, pool, version, state, healthy, registered, undefined);
    return added;
  }

  /** Adds a target (an instance when its id is i-N); `t` is copied, not kept. Returns its index. */
  addTarget(t: NewTarget): TargetIndex {
    const n = instanceNumber(t.id);
    return this.add(n, t.id, t.kind, t.group, t.pool, t.version, t.state, t.healthy, t.registered, t.label);
  }

  /** Adds instance number `n` (id i-n), or when `n` is -1 the target with the id `id`. */
  private add(
    n: number,
    id: string | undefined,
    kind: TargetKind,
    group: TargetGroup,
    pool: string,
    version: string,
    state: TargetState,
    healthy: boolean,
    registered: boolean | undefined,
    label: string | undefined,
  ): TargetIndex {
    // A number too large for the index array is kept as a name (looked up by hashing).
    const number = n < INSTANCE_NUMBERS ? n : -1;
    const name = number >= 0 ? undefined : (id ?? `i-${n}`);
    const index = this.store.add(number, name, pool, version, state, healthy, registered);
    if (name === undefined) {
      if (number >= this.instanceIndex.length) this.instanceIndex = grow(this.instanceIndex, Math.max(number + 1, this.instanceIndex.length * 2));
      this.instanceIndex[number] = index + 1;
    } else this.others.set(name, index);
    const now = this.now;
    this.targetColumns.add(now, kind, group, label);
    if (state === 'InService') this.count(pool, version, +1);
    this.changeColumns.added(now, index, version, state, healthy, registered);
    return index;
  }

  /** The id of the target at `index` in launch order (TargetIds, for the recorded columns). */
  idAt(index: TargetIndex): string {
    return this.ids !== undefined ? this.ids.idAt(index) : this.store.idAt(index);
  }

  /** The ids of `targets`, written now: for narration about a few targets (listIds). */
  idsOf(targets: readonly TargetIndex[]): string[] {
    return targets.map((i) => this.idAt(i));
  }

  /**
   * Lets go of what only the run needed (the targets' state columns and lookups), keeping
   * their ids for the recorded columns: a 100,000-instance trace is then built with
   * that much more room. Call once the final state has been read; targets are gone.
   */
  release(): void {
    const ids = (this.ids = this.store.ids());
    // The trace keeps the columns (its lists are built when first read): they read
    // ids from this, not the world, so the trace does not keep the world alive.
    this.spanColumns.useIds(ids);
    this.changeColumns.useIds(ids);
    this.eventColumns.useIds(ids);
    this.targetColumns.useIds(ids);
    this.phaseColumns.useIds(ids);
    this.finalColumns?.useIds(ids);
    this.store = new TargetStore();
    this.instanceIndex = new Int32Array(0);
    this.others.clear();
  }

  /** The target with this id, as a view made now (see TargetView); throws when there is none. */
  target(id: string): TargetRuntime {
    return this.targetAt(this.indexOf(id));
  }

  /** Target `i` as a view made now (see TargetView). */
  targetAt(i: TargetIndex): TargetRuntime {
    return new TargetView(this.store, i);
  }

  /** The index (launch order) of the target with this id; throws when there is none. */
  indexOf(id: string): TargetIndex {
    const i = this.lookup(id);
    if (i < 0) throw new Error(`unknown target ${id}`);
    return i;
  }

  private view(index: number): TargetView | undefined {
    return index >= 0 ? this.targetAt(index) : undefined;
  }

  private views(): TargetView[] {
    const out: TargetView[] = [];
    for (let i = 0; i < this.store.length; i++) out.push(this.targetAt(i));
    return out;
  }

  /** The index of the target with this id, or -1. */
  private lookup(id: string): TargetIndex {
    const n = instanceNumber(id);
    if (n < 0 || n >= INSTANCE_NUMBERS) return this.others.get(id) ?? -1;
    return (n < this.instanceIndex.length ? this.instanceIndex[n]! : 0) - 1;
  }

  // What runs per instance reads a target's fields through these, by index (no view made).

  stateOf(i: TargetIndex): TargetState {
    return this.store.stateAt(i);
  }
  healthyOf(i: TargetIndex): boolean {
    return this.store.healthyAt(i);
  }
  versionOf(i: TargetIndex): string {
    return this.store.versionAt(i);
  }
  registeredOf(i: TargetIndex): boolean | undefined {
    return this.store.registeredAt(i);
  }
  lastSuccessfulRevisionOf(i: TargetIndex): string {
    return this.store.lastRevisionAt(i);
  }
  setLastSuccessfulRevision(i: TargetIndex, revision: string): void {
    this.store.setLastRevision(i, revision);
  }

  /**
   * The targets of `targets` that are not terminated: `targets` itself when none is
   * (the usual case), so a whole fleet is not copied to find that out.
   */
  alive(targets: readonly TargetIndex[]): readonly TargetIndex[] {
    for (let k = 0; k < targets.length; k++) {
      if (this.store.stateAt(targets[k]!) === 'Terminated') return targets.filter((i) => this.store.stateAt(i) !== 'Terminated');
    }
    return targets;
  }

  /** Whether any target of `targets` is not terminated. */
  anyAlive(targets: readonly TargetIndex[]): boolean {
    for (let k = 0; k < targets.length; k++) if (this.store.stateAt(targets[k]!) !== 'Terminated') return true;
    return false;
  }

  /** How many targets there are (indices 0 … count − 1, launch order). */
  get targetCount(): number {
    return this.store.length;
  }
  stateAt(index: number): TargetState {
    return this.store.stateAt(index);
  }
  versionAt(index: number): string {
    return this.store.versionAt(index);
  }

  // The in-service counts depend on state, version and pool: each setter below takes
  // the target out of the counts, changes it, and puts it back.

  setState(i: TargetIndex, state: TargetState): void {
    const store = this.store;
    const was = store.stateAt(i);
    if (was === state) return;
    if (was === 'InService') this.count(store.poolAt(i), store.versionAt(i), -1);
    store.setState(i, state);
    if (state === 'InService') this.count(store.poolAt(i), store.versionAt(i), +1);
    this.changeColumns.state(this.now, i, state);
  }

  setVersion(i: TargetIndex, version: string): void {
    const store = this.store;
    const was = store.versionAt(i);
    if (was === version) return;
    const serving = store.stateAt(i) === 'InService';
    if (serving) this.count(store.poolAt(i), was, -1);
    store.setVersion(i, version);
    if (serving) this.count(store.poolAt(i), version, +1);
    this.changeColumns.version(this.now, i, version);
  }

  /** Moves a target to another traffic pool (e.g. from a temporary group into the original one). */
  setPool(i: TargetIndex, pool: string): void {
    const store = this.store;
    const serving = store.stateAt(i) === 'InService';
    if (serving) this.count(store.poolAt(i), store.versionAt(i), -1);
    store.setPool(i, pool);
    if (serving) this.count(pool, store.versionAt(i), +1);
  }

  setHealthy(i: TargetIndex, healthy: boolean): void {
    if (this.store.healthyAt(i) === healthy) return;
    this.store.setHealthy(i, healthy);
    this.changeColumns.healthy(this.now, i, healthy);
  }

  /** Joins or leaves the load balancer (or listener). */
  setRegistered(i: TargetIndex, registered: boolean): void {
    if (this.store.registeredAt(i) === registered) return;
    this.store.setRegistered(i, registered);
    this.changeColumns.registered(this.now, i, registered);
  }

  /** Call when something outside the targets changed the traffic split (weights, DNS, listeners). */
  trafficChanged(): void {
    this.dirty = true;
  }

  private count(poolName: string, version: string, delta: number): void {
    this.inService.add(poolName, version, delta);
    this.dirty = true;
  }

  inServiceCount(pool?: string): number {
    return this.inService.total(pool);
  }

  // ── trace ────────────────────────────────────────────────────────────

  /**
   * Records an event. `message` is its text, or, for an event about one target, a
   * TargetText that writes it from the target's id when the trace is read (see
   * idThen): the same text, byte for byte, without keeping a string per event.
   */
  event(type: TraceEventType, message: string | TargetText, extra: EventExtra = NO_EXTRA): void {
    const t = this.now;
    const { target, deploymentId, rule, healthy, end, undocumented } = extra;
    // Every such event is flagged; the explanation is spelled out the first time only.
    if (undocumented !== undefined && !this.explained.has(undocumented)) {
      this.explained.add(undocumented);
      const text = typeof message === 'string' ? message : message(typeof target === 'string' ? target : this.idAt(target!));
      message = `${text} (${UNDOCUMENTED[undocumented].says}.)`;
    }
    const ref = typeof target === 'string' ? this.spanRef(target, this.eventColumns) : target;
    this.eventColumns.add(t, type, message, ref, deploymentId, rule, healthy, end, undocumented);
  }

  /**
   * Records an event about no target whose message `text` writes from `n` when the
   * trace is read (NumberedText): the same text, byte for byte, without a string per event.
   */
  numberedEvent(type: TraceEventType, text: NumberedText, n: number, deploymentId: string, rule?: RuleId): void {
    this.eventColumns.add(this.now, type, text, undefined, deploymentId, rule, undefined, undefined, undefined, n);
  }

  /**
   * Records an event about one target, as event(type, message, { target, deploymentId,
   * rule, healthy, undocumented }) does, without an object for the extras: the events
   * every instance of a fleet has (launched, registered, passed its health checks,
   * restarted by AllAtOnce) come through here, from callbacks that are not inlined into
   * this, so such an object is really allocated.
   */
  targetEvent(type: TraceEventType, message: string | TargetText, target: TargetIndex, deploymentId: string, rule?: RuleId, healthy?: boolean, undocumented?: UndocumentedId): void {
    // The first event of an undocumented choice spells it out (event does that).
    if (undocumented !== undefined && !this.explained.has(undocumented)) return this.event(type, message, { target, deploymentId, rule, healthy, undocumented });
    this.eventColumns.add(this.now, type, message, target, deploymentId, rule, healthy, undefined, undocumented);
  }

  /**
   * Records the same targetEvent for each of `ids`, in order. A loop of its own: in the
   * once-per-group code that calls it, a deoptimization elsewhere (a 100,000-instance
   * run meeting a value its warm-ups never had) would leave the loop unoptimized too.
   */
  targetEvents(type: TraceEventType, message: TargetText, targets: readonly TargetIndex[], deploymentId: string, rule?: RuleId): void {
    for (let i = 0; i < targets.length; i++) this.targetEvent(type, message, targets[i]!, deploymentId, rule);
  }

  /**
   * The TargetText "<target id><suffix>", one function per suffix for the whole run
   * (the column keeps each function once, by identity: a fresh one per call would
   * defeat that).
   */
  idThen(suffix: string): TargetText {
    let text = this.idThenTexts.get(suffix);
    if (text === undefined) this.idThenTexts.set(suffix, (text = idThenText(suffix)));
    return text;
  }

  /** Records a span (of a target, or of anything named by `s.target`). */
  span(s: TraceSpan): void {
    this.spanColumns.add(this.spanRef(s.target), s.name, s.start, s.end, s.status, s.deploymentId, s.revision, s.reason);
  }

  /** How recorded spans (or events, or phases) refer to `id` (SpanColumns.add): its target's index, or its name when it is not a target. */
  spanRef(id: string, columns: { named(id: string): number } = this.spanColumns): number {
    const i = this.lookup(id);
    return i >= 0 ? i : columns.named(id);
  }

  /** The spans recorded so far, as objects in recording order (the trace has them sorted). */
  get spans(): TraceSpan[] {
    return this.spanColumns.recorded();
  }

  /** The events recorded so far, as objects in recording order (the trace has them by time). */
  get events(): TraceEvent[] {
    return this.eventColumns.recorded();
  }

  /** The samples recorded so far, as objects. */
  get samples(): TraceSample[] {
    return this.sampleColumns.list();
  }

  /** The changes recorded so far, as objects. */
  get changes(): TraceChange[] {
    return this.changeColumns.list();
  }

  startDeployment(id: string, creator: Creator, revision: string): TraceDeployment {
    const d: TraceDeployment = { id, creator, status: 'InProgress', start: this.now, end: this.now, revision };
    this.deployments.push(d);
    return d;
  }

  endDeployment(id: string, status: DeploymentStatus): void {
    const d = this.deployments.find((x) => x.id === id);
    if (!d) return;
    d.status = status;
    d.end = this.now;
    // A deployment's phases cannot outlive it.
    for (const ref of this.openPhases.slice()) if (this.phaseColumns.deploymentOf(ref) === id) this.closePhase(ref);
  }

  // ── phases and machine states ────────────────────────────────────────

  /** Opens a phase now; close it with closePhase (or it closes when its deployment ends). */
  openPhase(p: NewPhase): PhaseRef {
    return this.opened(this.phaseColumns.open(this.now, p));
  }

  /** Opens batch `k` of a batch group (PhaseColumns.batchGroup) now, acting on `targets`; closed as openPhase's are. */
  openBatchPhase(deploymentId: string, group: number, k: number, targets: readonly TargetIndex[]): PhaseRef {
    return this.opened(this.phaseColumns.openBatch(this.now, deploymentId, group, k, targets));
  }

  private opened(ref: PhaseRef): PhaseRef {
    this.openPhases.push(ref);
    return ref;
  }

  closePhase(ref: PhaseRef | undefined): void {
    if (ref === undefined) return;
    const open = this.openPhases;
    const k = open.lastIndexOf(ref);
    if (k < 0) return;
    // Shifted down by hand: splice would allocate its result at every phase (one per instance one at a time).
    for (let i = k + 1; i < open.length; i++) open[i - 1] = open[i]!;
    open.pop();
    this.phaseColumns.close(ref, this.now);
  }

  /** Records an orchestrator machine entering `state` (a dotted path). */
  machineState(machine: string, state: string): void {
    this.machines.push({ t: this.now, machine, state });
  }

  /** An error raised inside a machine: the run stops and simulate() throws it. */
  fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.error = error;
  }

  // ── faults ───────────────────────────────────────────────────────────

  // Indexed once per run (a 100,000-instance run asks several times per instance);
  // every answer is a shared, frozen array: nothing is allocated per question.

  /** Faults of one type, in scenario order. Shared and frozen: do not modify. */
  faults<T extends FaultType>(type: T): FaultOf<T>[] {
    return (this.faultIndex.get(type)?.all ?? NO_FAULTS) as FaultOf<T>[];
  }

  /** Faults of one type aimed at target `i` or at every target (no `target` field), in scenario order. */
  faultsOn<T extends FaultType>(type: T, i: TargetIndex): readonly FaultOf<T>[] {
    const byType = this.faultIndex.get(type);
    if (!byType) return NO_FAULTS as FaultOf<T>[];
    if (byType.byTarget.size === 0) return byType.everyTarget as FaultOf<T>[];
    const n = this.store.instanceNumberAt(i);
    return ((n >= 0 ? byType.byInstance.get(n) : byType.byTarget.get(this.store.idAt(i))) ?? byType.everyTarget) as FaultOf<T>[];
  }

  /**
   * The first fault of one type in effect by time `t` (its `at`, default 0, is at
   * most `t`), aimed at `target` or at every target when `target` is given.
   */
  faultBy<T extends FaultType>(type: T, t: number, target?: TargetIndex): FaultOf<T> | undefined {
    const list = target === undefined ? this.faults(type) : this.faultsOn(type, target);
    for (const f of list) if ((f.at ?? 0) <= t) return f;
    return undefined;
  }

  // ── running ──────────────────────────────────────────────────────────

  /** Runs the agenda to completion, recording a sample whenever a time slice changed counts or traffic. */
  run(): void {
    this.sample();
    while (!this.failed && this.agenda.step()) {
      if (this.dirty && this.agenda.peekTime() !== this.now) this.sample();
    }
    if (this.failed) throw this.error instanceof Error ? this.error : new Error(String(this.error));
    this.sample();
  }

  /** How many versions `sample` has summed so far into sampleKeys / sampleCounts. */
  private sampled = 0;
  private readonly sumCount = (c: number, v: string): void => {
    const keys = this.sampleKeys;
    const n = this.sampled;
    let k = 0;
    while (k < n && keys[k] !== v) k++;
    if (k === n) {
      keys[n] = v;
      this.sampleCounts[n] = c;
      this.sampled = n + 1;
    } else this.sampleCounts[k]! += c;
  };
  private readonly sumPool = (pool: ReadonlyMap<string, number>): void => pool.forEach(this.sumCount);

  private sample(): void {
    if (!this.dirty) return;
    this.dirty = false;
    // In service per version, summed over the pools in first-seen order (the
    // record's key order), into reused arrays: versions are a handful.
    const keys = this.sampleKeys;
    const counts = this.sampleCounts;
    this.sampled = 0;
    // forEach with one callback made once: no iterator or [key, value] pair per entry.
    const pools = this.inService.pools();
    pools.forEach(this.sumPool);
    const n = this.sampled;
    const unserved = this.unserved?.(pools) ?? 0;
    // The default model's weights are these very counts (evenSpread sums them the
    // same way): no record is made for them.
    let weights: readonly string[] = keys;
    let values: readonly number[] = counts;
    let w = n;
    if (this.traffic !== evenSpread) {
      const record = this.traffic(pools);
      weights = Object.keys(record);
      values = weights.map((v) => record[v]!);
      w = weights.length;
    }
    const m = sharesInto(weights, values, w, 100 - unserved, this.trafficKeys, this.trafficShares);
    this.sampleColumns.add(this.now, keys, counts, n, this.trafficKeys, this.trafficShares, m, this.testTraffic, unserved);
  }

  /** The targets' final state, as columns the trace builds objects from when first read (see release). */
  finalTargets(): FinalTargetColumns {
    const store = this.store;
    const final = (this.finalColumns = new FinalTargetColumns(this, store.length));
    for (let i = 0; i < store.length; i++) final.add(store.versionAt(i), store.stateAt(i), store.healthyAt(i));
    return final;
  }

  finalTraffic(): Record<string, number> {
    return percentages(this.traffic(this.inService.pools()));
  }
}

/** Instance numbers at or above this are looked up by id (the index array would be too large). */
const INSTANCE_NUMBERS = 1 << 24;

/** N for an id "i-N" (N decimal digits, no leading zero), else -1. */
function instanceNumber(id: string): number {
  const len = id.length;
  if (len < 3 || len > 11 || id.charCodeAt(0) !== 105 /* i */ || id.charCodeAt(1) !== 45 /* - */) return -1;
  let n = 0;
  for (let i = 2; i < len; i++) {
    const d = id.charCodeAt(i) - 48;
    if (d < 0 || d > 9 || (d === 0 && i === 2 && len > 3)) return -1;
    n = n * 10 + d;
  }
  return n;
}
