// Runs one target through an ordered list of steps on the agenda, recording a span
// per step. The order and durations come from the AWS facts modules; this runner
// only executes them, so every platform shares one way of timing, failing,
// skipping and cancelling a step.
import type { SpanStatus } from '../trace/types.ts';
import type { Entry } from './agenda.ts';
import type { World } from './world.ts';
import type { TargetText } from './trace-columns.ts';

// Callbacks receive the target's id last, so one list of steps can serve a whole
// batch of targets (fewer allocations: a 10,000-instance run is GC-bound otherwise).
export interface Step {
  name: string;
  /** Seconds the step takes when it succeeds. */
  seconds: number;
  /** Whose scripts or bundle the step runs. */
  revision: string;
  /** Recorded as a zero-length Skipped span and passed over; the reason, or a function of the target giving it. */
  skip?: string | ((target: string) => string);
  /** Called when the step starts (e.g. the app restarts on the new version). */
  onStart?: (target: string) => void;
  /** Called when the step succeeds. */
  onSuccess?: (target: string) => void;
  /**
   * Decides at the step's start whether it fails: a reason and how long it runs
   * before failing (default: its normal duration), or undefined to succeed.
   */
  failure?: (start: number, end: number, target: string) => StepFailure | undefined;
  /** Called when the step ends with an ignored failure, before onSuccess (to say it was ignored). */
  onIgnoredFailure?: (target: string) => void;
}

/** Why a step fails: a reason, how long it runs before failing (default: its normal duration), and whether the failure is ignored. */
export interface StepFailure {
  reason: string;
  seconds?: number;
  ignored?: boolean;
}

export interface StepResult {
  ok: boolean;
  /** The step that failed, when !ok. */
  failedStep?: string;
  reason?: string;
  /** True when the failure was cut short from outside (abort, termination, deadline). */
  cancelled?: boolean;
  timedOut?: boolean;
}

export interface StepRun {
  readonly target: string;
  readonly finished: boolean;
  /** Ends the current step now as Failed with `reason` and stops the run. */
  cancel(reason: string): void;
}

/**
 * What every target of a batch shares when it runs its steps: the world, the
 * deployment, the deadline and the end callback (which gets the target). One
 * program serves a whole batch, so a run costs one object per target.
 */
export interface StepProgram {
  world: World;
  deploymentId: string;
  /** Absolute simulated time by which the run must have finished, or it fails as timed out. */
  deadline?: number | undefined;
  /** Why a step cut short by the deadline failed, by step name (and target: one function serves a batch). */
  deadlineReason?: ((step: string, target: string) => string) | undefined;
  /** Called once when the run ends; gets the target too, so one callback serves a whole batch. */
  onEnd: (result: StepResult, target: string) => void;
  /** runProgram's memo: the plan of its last run (see StepPlan). */
  stepPlan?: StepPlan | undefined;
}

/**
 * A program and a step list, which every run of a batch shares: one field of each run
 * instead of two. A program's runs mostly share one list (a batch), or a few in turn.
 */
interface StepPlan {
  readonly program: StepProgram;
  readonly steps: readonly Step[];
}

export interface StepRunOptions extends StepProgram {
  target: string;
  /** May be shared by every target of a batch (callbacks get the target). */
  steps: readonly Step[];
}

/** The result of a run that went through: one shared object, since nothing varies. */
const SUCCEEDED: StepResult = Object.freeze({ ok: true });

/** The pending step's `failure` when it runs past the program's deadline (it overrides any other). */
const TIMED_OUT: StepFailure = Object.freeze({ reason: 'timed out' });

/** `pos` once the run has finished. */
const FINISHED = -1;

/** `pos` while no step is pending and step `next` is the next to start (-2, -3, …). */
function between(next: number): number {
  return -2 - next;
}

export function runSteps(o: StepRunOptions): StepRun {
  return runProgram(o, o.target, o.steps);
}

/** Runs `steps` on `target` under a program shared by a batch: one object per run, nothing else allocated. */
export function runProgram(program: StepProgram, target: string, steps: readonly Step[]): StepRun {
  let plan = program.stepPlan;
  if (plan === undefined || plan.steps !== steps) program.stepPlan = plan = { program, steps };
  const run = new StepRunner(plan, program.world.spanRef(target));
  program.world.agenda.schedule(run, program.world.now);
  return run;
}

/**
 * One target's run. It is its own agenda entry (one step is pending at a time), so a
 * run costs one object however many steps it has: no closures, no entry per step.
 * A 100,000-instance rollout keeps as many alive at once, for every young-generation
 * GC to copy and every major one to mark, so it has no field it can do without: the
 * pending step is a position, "finished" a position, "timed out" a failure, program
 * and steps one shared plan, and the target's id is found from its index (`ref`).
 */
class StepRunner implements StepRun, Entry {
  // Never cancelled as an agenda entry (cancel() ends the run instead): `false` from the prototype, no field.
  declare readonly cancelled: false;
  /** The pending step's index (≥ 0), between(next) when none is pending, or FINISHED. */
  private pos = between(0);
  private start = 0;
  /** Why the pending step fails, if it does: TIMED_OUT when it runs past the deadline. */
  private failure: StepFailure | undefined = undefined;

  constructor(
    private readonly plan: StepPlan,
    /** How the spans refer to the target (World.spanRef). */
    private readonly ref: number,
  ) {}

  get target(): string {
    return this.plan.program.world.spanRefId(this.ref);
  }

  get finished(): boolean {
    return this.pos === FINISHED;
  }

  /** Called by the agenda: the first step starts, or the pending one ends. */
  run(): void {
    const world = this.plan.program.world;
    const target = world.spanRefId(this.ref);
    // What the steps' callbacks ask the world about is this target: it is found without parsing its id.
    world.focus(this.ref, target);
    if (this.pos >= 0) this.tick(target);
    else this.next(target);
  }

  cancel(reason: string): void {
    if (this.finished) return;
    const current = this.pos >= 0 ? this.plan.steps[this.pos] : undefined;
    if (current) this.record(current, this.start, this.plan.program.world.now, 'Failed', reason);
    this.finish({ ok: false, failedStep: current?.name, reason, cancelled: true }, this.target);
  }

  private record(s: Step, from: number, to: number, status: SpanStatus, reason?: string | TargetText): void {
    // Straight into the world's span columns: no object per span.
    const o = this.plan.program;
    o.world.spanColumns.add(this.ref, s.name, from, to, status, o.deploymentId, s.revision, reason);
  }

  private finish(result: StepResult, target: string): void {
    this.pos = FINISHED;
    this.plan.program.onEnd(result, target);
  }

  private tick(target: string): void {
    const k = this.pos;
    const o = this.plan.program;
    const done = this.plan.steps[k]!;
    // The agenda runs it when the step ends: now.
    const end = o.world.now;
    this.pos = between(k + 1);
    const failure = this.failure;
    if (failure === TIMED_OUT) {
      const reason = o.deadlineReason?.(done.name, target) ?? 'timed out';
      this.record(done, this.start, end, 'Failed', reason);
      return this.finish({ ok: false, failedStep: done.name, reason, timedOut: true }, target);
    }
    if (failure && !failure.ignored) {
      this.record(done, this.start, end, 'Failed', failure.reason);
      return this.finish({ ok: false, failedStep: done.name, reason: failure.reason }, target);
    }
    this.record(done, this.start, end, failure?.ignored ? 'Failed' : 'Succeeded', failure?.reason);
    if (failure?.ignored) done.onIgnoredFailure?.(target);
    done.onSuccess?.(target);
    this.next(target);
  }

  private next(target: string): void {
    if (this.finished) return;
    const { program, steps } = this.plan;
    const { world, deadline } = program;
    let i = -2 - this.pos;
    while (i < steps.length && steps[i]!.skip !== undefined) {
      const skipped = steps[i++]!;
      this.pos = between(i);
      // A function of the target is kept as it is: the span's reason is written when read.
      this.record(skipped, world.now, world.now, 'Skipped', skipped.skip!);
    }
    if (i >= steps.length) return this.finish(SUCCEEDED, target);
    const step = steps[i]!;
    this.pos = i;
    const start = world.now;
    this.start = start;
    step.onStart?.(target);
    let end = start + step.seconds;
    const failure = step.failure?.(start, end, target);
    this.failure = failure;
    if (failure && failure.seconds !== undefined) end = start + failure.seconds;
    if (deadline !== undefined && end > deadline) {
      this.failure = TIMED_OUT;
      end = Math.max(start, deadline);
    }
    world.agenda.schedule(this, end);
  }
}
Object.defineProperty(StepRunner.prototype, 'cancelled', { value: false });
