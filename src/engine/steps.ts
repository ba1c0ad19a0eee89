// Runs one target through an ordered list of steps on the agenda, recording a span
// per step. The order and durations come from the AWS facts modules; the runs
// (step-runs.ts) only execute them, so every platform shares one way of timing,
// failing, skipping and cancelling a step.
import type { World } from './world.ts';
import type { TargetText } from './trace-columns.ts';
import type { RunRef, StepPlan, StepRuns } from './step-runs.ts';
import type { TargetIndex } from './target-store.ts';

// Callbacks receive the target (its index) last, so one list of steps can serve a
// whole batch of targets (fewer allocations: a 10,000-instance run is GC-bound otherwise).
export interface Step {
  name: string;
  /** Seconds the step takes when it succeeds. */
  seconds: number;
  /** Whose scripts or bundle the step runs. */
  revision: string;
  /** Recorded as a zero-length Skipped span and passed over; the reason, or a TargetText giving it from the target's id when the trace is read. */
  skip?: string | TargetText;
  /** Called when the step starts (e.g. the app restarts on the new version). */
  onStart?: (target: TargetIndex) => void;
  /** Called when the step succeeds. */
  onSuccess?: (target: TargetIndex) => void;
  /**
   * Decides at the step's start whether it fails: a reason and how long it runs
   * before failing (default: its normal duration), or undefined to succeed.
   */
  failure?: (start: number, end: number, target: TargetIndex) => StepFailure | undefined;
  /** Called when the step ends with an ignored failure, before onSuccess (to say it was ignored). */
  onIgnoredFailure?: (target: TargetIndex) => void;
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
  readonly target: TargetIndex;
  readonly finished: boolean;
  /** Ends the current step now as Failed with `reason` and stops the run. */
  cancel(reason: string): void;
}

/**
 * What every target of a batch shares when it runs its steps: the world, the
 * deployment, the deadline and the end callback (which gets the target). One
 * program serves a whole batch, so a run costs one row of the world's StepRuns.
 */
export interface StepProgram {
  world: World;
  deploymentId: string;
  /** Absolute simulated time by which the run must have finished, or it fails as timed out. */
  deadline?: number | undefined;
  /** Why a step cut short by the deadline failed, by step name (and target: one function serves a batch). */
  deadlineReason?: ((step: string, target: TargetIndex) => string) | undefined;
  /** Called once when the run ends; gets the target too, so one callback serves a whole batch. */
  onEnd: (result: StepResult, target: TargetIndex) => void;
  /** StepRuns' memo: the plan of its last run (see StepPlan). */
  stepPlan?: StepPlan | undefined;
}

export interface StepRunOptions extends StepProgram {
  target: TargetIndex;
  /** May be shared by every target of a batch (callbacks get the target). */
  steps: readonly Step[];
}

export function runSteps(o: StepRunOptions): StepRun {
  return new RunHandle(o.world.stepRuns, runProgram(o, o.target, o.steps));
}

/**
 * Runs `steps` on `target` under a program shared by a batch, starting now (after
 * what is already due now): a row of the world's StepRuns, nothing allocated.
 */
export function runProgram(program: StepProgram, target: TargetIndex, steps: readonly Step[]): RunRef {
  return program.world.stepRuns.add(program, steps, target);
}

/** A single run seen as an object, for the few callers that hold one (runSteps). */
class RunHandle implements StepRun {
  constructor(
    private readonly runs: StepRuns,
    private readonly row: RunRef,
  ) {}

  get target(): TargetIndex {
    return this.runs.target(this.row);
  }

  get finished(): boolean {
    return this.runs.finished(this.row);
  }

  cancel(reason: string): void {
    this.runs.cancel(this.row, reason);
  }
}
