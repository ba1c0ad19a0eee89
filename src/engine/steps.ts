// Runs one target through an ordered list of steps on the agenda, recording a span
// per step. The order and durations come from the AWS facts modules; this runner
// only executes them, so every platform shares one way of timing, failing,
// skipping and cancelling a step.
import type { SpanStatus } from '../trace/types.ts';
import type { World } from './world.ts';

// Callbacks receive the target's id last, so one list of steps can serve a whole
// batch of targets (fewer allocations: a 10,000-instance run is GC-bound otherwise).
export interface Step {
  name: string;
  /** Seconds the step takes when it succeeds. */
  seconds: number;
  /** Whose scripts or bundle the step runs. */
  revision: string;
  /** Recorded as a zero-length Skipped span and passed over. */
  skip?: string;
  /** Called when the step starts (e.g. the app restarts on the new version). */
  onStart?: (target: string) => void;
  /** Called when the step succeeds. */
  onSuccess?: (target: string) => void;
  /**
   * Decides at the step's start whether it fails: a reason and how long it runs
   * before failing (default: its normal duration), or undefined to succeed.
   */
  failure?: (start: number, end: number, target: string) => { reason: string; seconds?: number; ignored?: boolean } | undefined;
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

export interface StepRunOptions {
  world: World;
  target: string;
  deploymentId: string;
  steps: Step[];
  /** Absolute simulated time by which the run must have finished, or it fails as timed out. */
  deadline?: number;
  /** Why a step cut short by the deadline failed, by step name. */
  deadlineReason?: (step: string) => string;
  onEnd: (result: StepResult) => void;
}

export function runSteps(o: StepRunOptions): StepRun {
  const { world, target, deploymentId, steps } = o;
  let index = 0;
  let finished = false;
  // The step in progress; only one is pending at a time, so one `tick` closure serves them all.
  let step: Step | undefined;
  let start = 0;
  let end = 0;
  let failure: ReturnType<NonNullable<Step['failure']>>;
  let timedOut = false;

  const record = (s: Step, from: number, to: number, status: SpanStatus, reason?: string): void => {
    world.span(
      reason === undefined
        ? { target, name: s.name, start: from, end: to, status, deploymentId, revision: s.revision }
        : { target, name: s.name, start: from, end: to, status, deploymentId, revision: s.revision, reason },
    );
  };

  const finish = (result: StepResult): void => {
    finished = true;
    step = undefined;
    o.onEnd(result);
  };

  const tick = (): void => {
    if (finished) return;
    const done = step!;
    step = undefined;
    if (timedOut) {
      const reason = o.deadlineReason?.(done.name) ?? 'timed out';
      record(done, start, end, 'Failed', reason);
      return finish({ ok: false, failedStep: done.name, reason, timedOut: true });
    }
    if (failure && !failure.ignored) {
      record(done, start, end, 'Failed', failure.reason);
      return finish({ ok: false, failedStep: done.name, reason: failure.reason });
    }
    record(done, start, end, failure?.ignored ? 'Failed' : 'Succeeded', failure?.reason);
    done.onSuccess?.(target);
    next();
  };

  const next = (): void => {
    if (finished) return;
    while (index < steps.length && steps[index]!.skip !== undefined) {
      const skipped = steps[index++]!;
      record(skipped, world.now, world.now, 'Skipped', skipped.skip);
    }
    if (index >= steps.length) return finish({ ok: true });
    step = steps[index++]!;
    start = world.now;
    step.onStart?.(target);
    end = start + step.seconds;
    failure = step.failure?.(start, end, target);
    if (failure && failure.seconds !== undefined) end = start + failure.seconds;
    timedOut = o.deadline !== undefined && end > o.deadline;
    if (timedOut) end = Math.max(start, o.deadline!);
    world.agenda.at(end, tick);
  };

  world.agenda.at(world.now, next);

  return {
    target,
    get finished() {
      return finished;
    },
    cancel(reason: string) {
      if (finished) return;
      const current = step;
      if (current) record(current, start, world.now, 'Failed', reason);
      finish({ ok: false, failedStep: current?.name, reason, cancelled: true });
    },
  };
}
