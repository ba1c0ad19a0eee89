// Schedules Server instances by minimum healthy hosts (reference §2.3): an
// instance starts only if the healthy count stays at or above the minimum once it
// is taken offline; an instance is healthy when its last deployment succeeded.
// When nothing is in flight and nothing more may start, the rollout is over:
// it succeeded if every instance was attempted and enough succeeded.
// The same runner, with `slotOnFailure`, is a plain parallelism limit (blue/green
// rerouting, blocking originals, the rollback's traffic hooks).
// O(1) work per instance event: counters, a queue index, a map of runs in flight.
import type { RunRef } from '../step-runs.ts';
import type { World } from '../world.ts';
import { ByTarget } from '../by-target.ts';
import type { TargetIndex } from '../target-store.ts';

export interface RolloutResult {
  ok: boolean;
  succeeded: number;
  failed: TargetIndex[];
  /** Instances never attempted because the minimum could not be kept (or, with failFast, after a failure). */
  untouched: number;
  /** Instances left out because they were terminated before their turn (see terminatedPending). */
  dropped: number;
}

export interface RolloutOptions {
  world: World;
  /** Instances in scheduling order. */
  ids: readonly TargetIndex[];
  minimumHealthy: number;
  requiredSuccesses: number;
  /** Whether an instance counts as healthy before it starts (default: the world's view). A terminated instance never does. */
  isHealthy?: (id: TargetIndex) => boolean;
  /** Stop starting instances after the first failure. */
  failFast?: boolean;
  /**
   * A plain parallelism limit, not a minimum of healthy hosts: a failed run frees its
   * place like a successful one, and an instance terminated before or after its turn
   * frees none and takes none.
   */
  slotOnFailure?: boolean;
  /**
   * An instance terminated before its turn fails (a blue/green replacement that can
   * never be installed) instead of being dropped from the deployment.
   */
  terminatedFails?: boolean;
  /** Starts one instance; its result must come back through the rollout's `finished`. */
  run: (id: TargetIndex) => RunRef;
  /** Called after instances started together (one scheduling wave), with their ids. */
  onBatch?: (ids: TargetIndex[]) => void;
  /** Called when an instance's run ends, or when it fails without running (terminated before its turn). */
  onFinished?: (id: TargetIndex, ok: boolean) => void;
  /** Called when an instance terminated before its turn leaves the queue: `failed` (terminatedFails) or dropped. */
  onSkipped?: (id: TargetIndex, failed: boolean) => void;
  onDone: (r: RolloutResult) => void;
}

export class Rollout {
  private next = 0;
  private healthy = 0;
  private succeeded = 0;
  private readonly failed: TargetIndex[] = [];
  /** Runs in flight, by instance; they started in queue order (see inFlightRuns). */
  private readonly inFlight: ByTarget<RunRef>;
  private readonly dropped = new Set<TargetIndex>();
  private droppedCount = 0;
  /** The instances that succeeded: only a termination asks, so it is built on the first one (see succeeded). */
  private succeededIds: Set<TargetIndex> | undefined;
  /** Instances not counted healthy when the rollout began (usually none: kept small on purpose). */
  private readonly uncounted = new Set<TargetIndex>();
  private over = false;
  private positions: Map<TargetIndex, number> | undefined;
  private pumpPending = false;
  /** Whether start() has run its first pump (until then, scheduling waits for the agenda). */
  private started = false;
  /** The largest number of instances in flight at once, for tests and narration. */
  peakInFlight = 0;
  /** The lowest healthy count seen, for tests and narration. */
  lowestHealthy: number;

  constructor(private readonly o: RolloutOptions) {
    this.inFlight = new ByTarget(o.world);
    // Index loops over the fleet: this runs once per rollout, unoptimized at first, where for…of allocates per instance.
    for (let k = 0; k < o.ids.length; k++) {
      const id = o.ids[k]!;
      if (this.isHealthy(id)) this.healthy++;
      else this.uncounted.add(id);
    }
    this.lowestHealthy = this.healthy;
  }

  get active(): boolean {
    return !this.over;
  }

  running(id: TargetIndex): boolean {
    return this.inFlight.has(id);
  }

  /** Starts scheduling at the current moment, after whatever started it has finished (never synchronously). */
  start(): void {
    this.pumpSoon();
  }

  /**
   * Schedules instances once everything else due at this moment has happened, so
   * instances freed at one moment start together, as one batch.
   */
  private pumpSoon(): void {
    if (this.pumpPending) return;
    const { agenda } = this.o.world;
    // Nothing else is due now (the usual case one at a time): schedule at once.
    if (this.started && agenda.peekTime() !== agenda.now) return this.pump();
    this.pumpPending = true;
    agenda.at(agenda.now, this.pumpDue);
  }

  /**
   * The pump pumpSoon schedules: made once, not in pumpSoon, which runs for every
   * instance that finishes: a function made there would have V8 allocate a context
   * for `this` at each call, whether or not it schedules anything.
   */
  private readonly pumpDue = (): void => {
    this.pumpPending = false;
    this.started = true;
    this.pump();
  };

  /** Stops scheduling; in-flight runs are cut short with `reason`. */
  stop(reason: string): void {
    if (this.over) return;
    this.over = true;
    const runs = this.inFlightRuns();
    for (let k = 0; k < this.o.ids.length; k++) this.inFlight.delete(this.o.ids[k]!);
    for (const run of runs) this.o.world.stepRuns.cancel(run, reason);
  }

  /**
   * An instance was terminated from outside: its run is cut short (it fails), or,
   * before its turn, it is dropped from the queue or (terminatedFails) fails.
   * Returns which, or undefined when the instance is not waiting or running here.
   */
  terminated(id: TargetIndex, reason: string): 'cut short' | 'dropped' | 'failed' | undefined {
    if (this.over) return undefined;
    const run = this.inFlight.get(id);
    if (run !== undefined) {
      this.o.world.stepRuns.cancel(run, reason);
      return 'cut short';
    }
    let outcome: 'dropped' | 'failed' | undefined;
    // An original terminated after it was blocked must not stop the others being blocked.
    if (this.succeededSet().has(id)) {
      if (this.countsHosts) this.healthy--;
    } else if (!this.dropped.has(id) && this.waiting(id)) {
      // It counted as healthy while it waited; gone, it does not any more.
      if (this.countsHosts && !this.uncounted.has(id)) this.healthy--;
      outcome = this.skip(id);
    }
    this.lowestHealthy = Math.min(this.lowestHealthy, this.healthy);
    this.pumpSoon();
    return outcome;
  }

  /** The runs in flight, in the order they started (queue order). */
  private inFlightRuns(): RunRef[] {
    const runs: RunRef[] = [];
    for (let i = 0; i < this.next; i++) {
      const run = this.inFlight.get(this.o.ids[i]!);
      if (run !== undefined) runs.push(run);
    }
    return runs;
  }

  /**
   * The instances that succeeded so far: those started (before `next`, not dropped)
   * that neither run nor failed. Built once, then kept up to date by `finished`.
   */
  private succeededSet(): Set<TargetIndex> {
    if (this.succeededIds === undefined) {
      const failed = new Set(this.failed);
      const set = new Set<TargetIndex>();
      for (let i = 0; i < this.next; i++) {
        const id = this.o.ids[i]!;
        if (!this.inFlight.has(id) && !failed.has(id) && !this.dropped.has(id)) set.add(id);
      }
      this.succeededIds = set;
    }
    return this.succeededIds;
  }

  /** Whether `id` is still in the queue (not yet started): a position map, built on the first termination. */
  private waiting(id: TargetIndex): boolean {
    if (this.positions === undefined) {
      this.positions = new Map();
      this.o.ids.forEach((x, i) => this.positions!.set(x, i));
    }
    const at = this.positions.get(id);
    return at !== undefined && at >= this.next;
  }

  /** Whether the count is of healthy hosts, which a termination lowers (not a plain parallelism limit, slotOnFailure). */
  private get countsHosts(): boolean {
    return this.o.slotOnFailure !== true;
  }

  private isHealthy(id: TargetIndex): boolean {
    const world = this.o.world;
    if (world.stateOf(id) === 'Terminated') return false;
    return this.o.isHealthy ? this.o.isHealthy(id) : world.healthyOf(id);
  }

  /** Takes a terminated instance out of the queue: dropped, or failed without running. */
  private skip(id: TargetIndex): 'dropped' | 'failed' {
    this.dropped.add(id);
    this.o.onSkipped?.(id, this.o.terminatedFails === true);
    if (!this.o.terminatedFails) {
      this.droppedCount++;
      return 'dropped';
    }
    this.failed.push(id);
    this.o.onFinished?.(id, false);
    return 'failed';
  }

  private pump(): void {
    if (this.over) return;
    const { ids, minimumHealthy } = this.o;
    // The instances started now are usually ids[from … next): copied once at the end,
    // not grown one push at a time; a list is kept only after one was passed over.
    const from = this.next;
    let started: TargetIndex[] | undefined;
    while (this.next < ids.length && !(this.o.failFast === true && this.failed.length > 0)) {
      const id = ids[this.next]!;
      // Usually nothing was dropped: no look-up of each instance to find that out.
      if (this.dropped.size > 0 && this.dropped.has(id)) {
        started ??= ids.slice(from, this.next);
        this.next++;
        continue;
      }
      // Terminated before the rollout could be told (e.g. while replacements launched).
      if (this.o.world.stateOf(id) === 'Terminated') {
        started ??= ids.slice(from, this.next);
        this.next++;
        if (this.countsHosts && !this.uncounted.has(id)) this.healthy--;
        this.skip(id);
        continue;
      }
      const healthy = this.isHealthy(id);
      // Taking a healthy instance offline must leave at least the minimum healthy.
      if (healthy && this.healthy - 1 < minimumHealthy) break;
      this.next++;
      if (healthy) this.healthy--;
      this.lowestHealthy = Math.min(this.lowestHealthy, this.healthy);
      const run = this.o.run(id);
      if (!this.o.world.stepRuns.finished(run)) this.inFlight.set(id, run);
      this.peakInFlight = Math.max(this.peakInFlight, this.inFlight.size);
      started?.push(id);
    }
    if (this.o.onBatch !== undefined) {
      started ??= this.next > from ? ids.slice(from, this.next) : [];
      if (started.length > 0) this.o.onBatch(started);
    }
    if (this.inFlight.size > 0) return;
    this.over = true;
    let untouched = 0;
    for (let i = this.next; i < ids.length; i++) if (!this.dropped.has(ids[i]!)) untouched++;
    const ok = untouched === 0 && (this.o.failFast !== true || this.failed.length === 0) && this.succeeded >= this.o.requiredSuccesses;
    this.o.onDone({ ok, succeeded: this.succeeded, failed: this.failed, untouched, dropped: this.droppedCount });
  }

  /** An instance's run ended (called by whatever `run` started). */
  finished(id: TargetIndex, ok: boolean): void {
    if (!this.inFlight.delete(id) || this.over) return;
    if (ok) {
      this.succeeded++;
      this.succeededIds?.add(id);
      this.healthy++;
    } else {
      this.failed.push(id);
      if (this.o.slotOnFailure) this.healthy++;
    }
    this.o.onFinished?.(id, ok);
    this.pumpSoon();
  }
}
