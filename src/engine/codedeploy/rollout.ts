// Schedules Server instances by minimum healthy hosts (reference §2.3): an
// instance starts only if the healthy count stays at or above the minimum once it
// is taken offline; an instance is healthy when its last deployment succeeded.
// When nothing is in flight and nothing more may start, the rollout is over:
// it succeeded if every instance was attempted and enough succeeded.
// O(1) work per instance event: counters, a queue index, a map of runs in flight.
import type { StepRun } from '../steps.ts';
import type { World } from '../world.ts';

export interface RolloutResult {
  ok: boolean;
  succeeded: number;
  failed: string[];
  /** Instances never attempted because the minimum could not be kept. */
  untouched: number;
}

export interface RolloutOptions {
  world: World;
  /** Instances in scheduling order. */
  ids: readonly string[];
  minimumHealthy: number;
  requiredSuccesses: number;
  /** Whether an instance counts as healthy before it starts (default: the world's view). */
  isHealthy?: (id: string) => boolean;
  /** Stop starting instances after the first failure (traffic rerouting). */
  failFast?: boolean;
  /** Starts one instance; calls `done` with its result. */
  run: (id: string, done: (ok: boolean) => void) => StepRun;
  /** Called when an instance starts, with how many are then in flight. */
  onStart?: (id: string, inFlight: number) => void;
  onDone: (r: RolloutResult) => void;
}

export class Rollout {
  private next = 0;
  private healthy = 0;
  private succeeded = 0;
  private readonly failed: string[] = [];
  private readonly inFlight = new Map<string, StepRun>();
  private readonly dropped = new Set<string>();
  private readonly succeededIds = new Set<string>();
  private readonly startedHealthy = new Set<string>();
  private over = false;
  /** The largest number of instances in flight at once, for tests and narration. */
  peakInFlight = 0;
  /** The lowest healthy count seen, for tests and narration. */
  lowestHealthy: number;

  constructor(private readonly o: RolloutOptions) {
    for (const id of o.ids) if (o.world.target(id).state !== 'Terminated' && this.isHealthy(id)) this.healthy++;
    this.lowestHealthy = this.healthy;
  }

  get active(): boolean {
    return !this.over;
  }

  running(id: string): boolean {
    return this.inFlight.has(id);
  }

  start(): void {
    this.pump();
  }

  /** Stops scheduling; in-flight runs are cut short with `reason`. */
  stop(reason: string): void {
    if (this.over) return;
    this.over = true;
    const runs = [...this.inFlight.values()];
    this.inFlight.clear();
    for (const run of runs) run.cancel(reason);
  }

  /**
   * An instance was terminated from outside: its run is cut short (it fails), or it
   * is dropped from the queue before its turn. Returns which, or undefined.
   */
  terminated(id: string, reason: string): 'cut short' | 'dropped' | undefined {
    if (this.over) return undefined;
    const run = this.inFlight.get(id);
    if (run) {
      run.cancel(reason);
      return 'cut short';
    }
    let outcome: 'dropped' | undefined;
    if (this.succeededIds.has(id)) this.healthy--;
    else if (!this.dropped.has(id) && this.o.ids.indexOf(id, this.next) >= 0) {
      this.dropped.add(id);
      outcome = 'dropped';
      if (this.isHealthy(id)) this.healthy--;
    }
    this.lowestHealthy = Math.min(this.lowestHealthy, this.healthy);
    this.pump();
    return outcome;
  }

  private isHealthy(id: string): boolean {
    return this.o.isHealthy ? this.o.isHealthy(id) : this.o.world.target(id).healthy;
  }

  private pump(): void {
    if (this.over) return;
    const { ids, minimumHealthy } = this.o;
    const blocked = this.o.failFast === true && this.failed.length > 0;
    while (!blocked && this.next < ids.length) {
      const id = ids[this.next]!;
      if (this.dropped.has(id)) {
        this.next++;
        continue;
      }
      const healthy = this.isHealthy(id);
      // Taking a healthy instance offline must leave at least the minimum healthy.
      if (healthy && this.healthy - 1 < minimumHealthy) break;
      this.next++;
      if (healthy) {
        this.healthy--;
        this.startedHealthy.add(id);
      }
      this.lowestHealthy = Math.min(this.lowestHealthy, this.healthy);
      const run = this.o.run(id, (ok) => this.finished(id, ok));
      if (!run.finished) this.inFlight.set(id, run);
      this.peakInFlight = Math.max(this.peakInFlight, this.inFlight.size);
      this.o.onStart?.(id, this.inFlight.size);
    }
    if (this.inFlight.size > 0) return;
    this.over = true;
    let untouched = 0;
    for (let i = this.next; i < ids.length; i++) if (!this.dropped.has(ids[i]!)) untouched++;
    const ok = untouched === 0 && (this.o.failFast !== true || this.failed.length === 0) && this.succeeded >= this.o.requiredSuccesses;
    this.o.onDone({ ok, succeeded: this.succeeded, failed: this.failed, untouched });
  }

  private finished(id: string, ok: boolean): void {
    if (!this.inFlight.delete(id) || this.over) return;
    if (ok) {
      this.succeeded++;
      this.succeededIds.add(id);
      this.healthy++;
    } else this.failed.push(id);
    this.pump();
  }
}
