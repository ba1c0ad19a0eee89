// Every step run of a world (steps.ts) as a row of typed-array columns, not an
// object per run. Why: a 100,000-instance rollout keeps a run per instance alive
// at once (a blue/green deployment four times over), and as objects (about 90 bytes
// each) every young-generation GC copied them, every major one marked them, and
// every step of every instance read one back from memory the CPU's caches no
// longer held, so a 100,000-instance run cost more per instance than a 10,000-
// instance one. A row is 20 bytes in arrays the collector never visits, and the
// agenda holds its number (a small integer, not a pointer) while it waits.
// Rows are never reused: a caller may still hold the number of a finished run.
import type { SpanStatus } from '../trace/types.ts';
import type { RowRunner } from './agenda.ts';
import type { Step, StepFailure, StepProgram, StepResult } from './steps.ts';
import type { TargetText } from './trace-columns.ts';
import type { TargetIndex } from './target-store.ts';
import type { World } from './world.ts';
import { FIRST_CAPACITY, grow, larger } from './trace-columns.ts';

/** A run's row in the world's StepRuns: how callers refer to a run. */
export type RunRef = number;

/**
 * A program and a step list, which every run of a batch shares: one column of each
 * row instead of two. A program's runs mostly share one list (a batch), or a few in turn.
 */
export interface StepPlan {
  readonly program: StepProgram;
  readonly steps: readonly Step[];
  /** Its index in StepRuns' plans (the rows' `plan` column). */
  readonly index: number;
}

/** The result of a run that went through: one shared object, since nothing varies. */
const SUCCEEDED: StepResult = Object.freeze({ ok: true });

/** The pending step's failure when it runs past the program's deadline (it overrides any other). */
const TIMED_OUT: StepFailure = Object.freeze({ reason: 'timed out' });

/** `pos` once the run has finished. */
const FINISHED = -1;

/** `pos` while no step is pending and step `next` is the next to start (-2, -3, …). */
function between(next: number): number {
  return -2 - next;
}

export class StepRuns implements RowRunner {
  private capacity = FIRST_CAPACITY;
  private length = 0;
  /** The run's plan: an index in `plans`. */
  private plan = new Int32Array(FIRST_CAPACITY);
  /** The run's target (its index; spans refer to it so too). */
  private ref = new Int32Array(FIRST_CAPACITY);
  /** The pending step's index (≥ 0), between(next) when none is pending, or FINISHED. */
  private pos = new Int32Array(FIRST_CAPACITY);
  /** When the pending step started. */
  private start = new Float64Array(FIRST_CAPACITY);
  /** Why a pending step fails, by row, for the few that do (TIMED_OUT past the deadline). */
  private readonly failures = new Map<RunRef, StepFailure>();
  private readonly plans: StepPlan[] = [];

  constructor(private readonly world: World) {}

  /** Starts `steps` on target `ref`, at the current moment (after what is already due now). */
  add(program: StepProgram, steps: readonly Step[], ref: TargetIndex): RunRef {
    let plan = program.stepPlan;
    if (plan === undefined || plan.steps !== steps) {
      program.stepPlan = plan = { program, steps, index: this.plans.length };
      this.plans.push(plan);
    }
    const row = this.length;
    if (row === this.capacity) this.growTo(larger(this.capacity));
    this.length = row + 1;
    this.plan[row] = plan.index;
    this.ref[row] = ref;
    this.pos[row] = between(0);
    this.world.agenda.scheduleRow(row, this.world.now);
    return row;
  }

  private growTo(n: number): void {
    this.plan = grow(this.plan, n);
    this.ref = grow(this.ref, n);
    this.pos = grow(this.pos, n);
    this.start = grow(this.start, n);
    this.capacity = n;
  }

  /** The run's target. */
  target(row: RunRef): TargetIndex {
    return this.ref[row]!;
  }

  finished(row: RunRef): boolean {
    return this.pos[row] === FINISHED;
  }

  /** Called by the agenda: the run's first step starts, or its pending one ends. */
  runRow(row: RunRef): void {
    const target = this.ref[row]!;
    const plan = this.plans[this.plan[row]!]!;
    if (this.pos[row]! >= 0) this.tick(row, plan, target);
    else this.next(row, plan, target);
  }

  /** Ends the run's current step now as Failed with `reason` and stops the run. */
  cancel(row: RunRef, reason: string): void {
    if (this.finished(row)) return;
    const plan = this.plans[this.plan[row]!]!;
    const k = this.pos[row]!;
    const current = k >= 0 ? plan.steps[k] : undefined;
    if (current) this.record(row, plan, current, this.start[row]!, this.world.now, 'Failed', reason);
    this.failures.delete(row);
    this.finish(row, plan, { ok: false, failedStep: current?.name, reason, cancelled: true }, this.ref[row]!);
  }

  private record(row: RunRef, plan: StepPlan, s: Step, from: number, to: number, status: SpanStatus, reason?: string | TargetText): void {
    // Straight into the world's span columns: no object per span.
    const o = plan.program;
    this.world.spanColumns.add(this.ref[row]!, s.name, from, to, status, o.deploymentId, s.revision, reason);
  }

  private finish(row: RunRef, plan: StepPlan, result: StepResult, target: TargetIndex): void {
    this.pos[row] = FINISHED;
    plan.program.onEnd(result, target);
  }

  private tick(row: RunRef, plan: StepPlan, target: TargetIndex): void {
    const k = this.pos[row]!;
    const o = plan.program;
    const done = plan.steps[k]!;
    // The agenda runs it when the step ends: now.
    const end = this.world.now;
    const start = this.start[row]!;
    this.pos[row] = between(k + 1);
    let failure: StepFailure | undefined;
    if (this.failures.size > 0) {
      failure = this.failures.get(row);
      if (failure !== undefined) this.failures.delete(row);
    }
    if (failure === TIMED_OUT) {
      const reason = o.deadlineReason?.(done.name, target) ?? 'timed out';
      this.record(row, plan, done, start, end, 'Failed', reason);
      return this.finish(row, plan, { ok: false, failedStep: done.name, reason, timedOut: true }, target);
    }
    if (failure && !failure.ignored) {
      this.record(row, plan, done, start, end, 'Failed', failure.reason);
      return this.finish(row, plan, { ok: false, failedStep: done.name, reason: failure.reason }, target);
    }
    this.record(row, plan, done, start, end, failure?.ignored ? 'Failed' : 'Succeeded', failure?.reason);
    if (failure?.ignored) done.onIgnoredFailure?.(target);
    done.onSuccess?.(target);
    this.next(row, plan, target);
  }

  private next(row: RunRef, plan: StepPlan, target: TargetIndex): void {
    if (this.finished(row)) return;
    const { program, steps } = plan;
    const world = this.world;
    const deadline = program.deadline;
    let i = -2 - this.pos[row]!;
    while (i < steps.length && steps[i]!.skip !== undefined) {
      const skipped = steps[i++]!;
      this.pos[row] = between(i);
      // A function of the target is kept as it is: the span's reason is written when read.
      this.record(row, plan, skipped, world.now, world.now, 'Skipped', skipped.skip!);
    }
    if (i >= steps.length) return this.finish(row, plan, SUCCEEDED, target);
    const step = steps[i]!;
    this.pos[row] = i;
    const start = world.now;
    this.start[row] = start;
    step.onStart?.(target);
    let end = start + step.seconds;
    let failure = step.failure?.(start, end, target);
    if (failure && failure.seconds !== undefined) end = start + failure.seconds;
    if (deadline !== undefined && end > deadline) {
      failure = TIMED_OUT;
      end = Math.max(start, deadline);
    }
    // A run cut short by its own onStart keeps no failure (its row is never read again).
    if (failure !== undefined && !this.finished(row)) this.failures.set(row, failure);
    world.agenda.scheduleRow(row, end);
  }
}
