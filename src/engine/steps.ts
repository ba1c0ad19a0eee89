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

/** `index` once the run has finished. */
const FINISHED = -1;

export function runSteps(o: StepRunOptions): StepRun {
  return runProgram(o, o.target, o.steps);
}

/** Runs `steps` on `target` under a program shared by a batch: one object per run, nothing else allocated. */
export function runProgram(program: StepProgram, target: string, steps: readonly Step[]): StepRun {
  const run = new StepRunner(program, target, steps);
  program.world.agenda.schedule(run, program.world.now);
  return run;
}

/**
 * One target's run. It is its own agenda entry (one step is pending at a time), so a
 * run costs one object however many steps it has: no closures, no entry per step.
 * A 100,000-instance rollout keeps as many alive at once, so it has no field it can do
 * without: "finished" is an index, "timed out" a failure.
 */
class StepRunner implements StepRun, Entry {
  // The agenda entry: when this run is next due; while a step is pending, when it ends.
  t = 0;
  cancelled = false;
  /** The next step to start, or FINISHED. */
  private index = 0;
  /** The step in progress, pending on the agenda; undefined before the first and between steps. */
  private step: Step | undefined = undefined;
  private start = 0;
  /** Why the pending step fails, if it does: TIMED_OUT when it runs past the deadline. */
  private failure: StepFailure | undefined = undefined;
  /** How the spans refer to the target (World.spanRef), found once per run. */
  private readonly ref: number;

  constructor(
    private readonly o: StepProgram,
    readonly target: string,
    private readonly steps: readonly Step[],
  ) {
    this.ref = o.world.spanRef(target);
  }

  get finished(): boolean {
    return this.index === FINISHED;
  }

  /** Called by the agenda: the first step starts, or the pending one ends. */
  run(): void {
    if (this.step === undefined) this.next();
    else this.tick();
  }

  cancel(reason: string): void {
    if (this.finished) return;
    const current = this.step;
    if (current) this.record(current, this.start, this.o.world.now, 'Failed', reason);
    this.finish({ ok: false, failedStep: current?.name, reason, cancelled: true });
  }

  private record(s: Step, from: number, to: number, status: SpanStatus, reason?: string | TargetText): void {
    // Straight into the world's span columns: no object per span.
    const o = this.o;
    o.world.spanColumns.add(this.ref, s.name, from, to, status, o.deploymentId, s.revision, reason);
  }

  private finish(result: StepResult): void {
    this.index = FINISHED;
    this.step = undefined;
    this.o.onEnd(result, this.target);
  }

  private tick(): void {
    if (this.finished) return;
    const done = this.step!;
    this.step = undefined;
    const failure = this.failure;
    if (failure === TIMED_OUT) {
      const reason = this.o.deadlineReason?.(done.name, this.target) ?? 'timed out';
      this.record(done, this.start, this.t, 'Failed', reason);
      return this.finish({ ok: false, failedStep: done.name, reason, timedOut: true });
    }
    if (failure && !failure.ignored) {
      this.record(done, this.start, this.t, 'Failed', failure.reason);
      return this.finish({ ok: false, failedStep: done.name, reason: failure.reason });
    }
    this.record(done, this.start, this.t, failure?.ignored ? 'Failed' : 'Succeeded', failure?.reason);
    if (failure?.ignored) done.onIgnoredFailure?.(this.target);
    done.onSuccess?.(this.target);
    this.next();
  }

  private next(): void {
    if (this.finished) return;
    const { world, deadline } = this.o;
    const { target, steps } = this;
    while (this.index < steps.length && steps[this.index]!.skip !== undefined) {
      const skipped = steps[this.index++]!;
      const skip = skipped.skip!;
      // A function of the target is kept as it is: the span's reason is written when read.
      this.record(skipped, world.now, world.now, 'Skipped', skip);
    }
    if (this.index >= steps.length) return this.finish(SUCCEEDED);
    const step = steps[this.index++]!;
    this.step = step;
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
    // `t` becomes `end` (never before now): the step's end, for its span.
    world.agenda.schedule(this, end);
  }
}
