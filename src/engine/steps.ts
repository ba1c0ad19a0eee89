// Runs one target through an ordered list of steps on the agenda, recording a span
// per step. The order and durations come from the AWS facts modules; this runner
// only executes them, so every platform shares one way of timing, failing,
// skipping and cancelling a step.
import type { SpanStatus } from '../trace/types.ts';
import type { World } from './world.ts';

export interface Step {
  name: string;
  /** Seconds the step takes when it succeeds. */
  seconds: number;
  /** Whose scripts or bundle the step runs. */
  revision: string;
  /** Recorded as a zero-length Skipped span and passed over. */
  skip?: string;
  /** Called when the step starts (e.g. the app restarts on the new version). */
  onStart?: () => void;
  /** Called when the step succeeds. */
  onSuccess?: () => void;
  /**
   * Decides at the step's start whether it fails: a reason and how long it runs
   * before failing (default: its normal duration), or undefined to succeed.
   */
  failure?: (start: number, end: number) => { reason: string; seconds?: number; ignored?: boolean } | undefined;
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
  let current: { step: Step; start: number } | undefined;
  let generation = 0;

  const record = (step: Step, start: number, end: number, status: SpanStatus, reason?: string): void => {
    world.span({ target, name: step.name, start, end, status, deploymentId, revision: step.revision, ...(reason ? { reason } : {}) });
  };

  const finish = (result: StepResult): void => {
    finished = true;
    current = undefined;
    o.onEnd(result);
  };

  const next = (): void => {
    while (index < steps.length && steps[index]!.skip !== undefined) {
      const s = steps[index++]!;
      record(s, world.now, world.now, 'Skipped', s.skip);
    }
    if (index >= steps.length) return finish({ ok: true });
    const step = steps[index++]!;
    const start = world.now;
    step.onStart?.();
    let end = start + step.seconds;
    const failure = step.failure?.(start, end);
    if (failure && failure.seconds !== undefined) end = start + failure.seconds;
    let timedOut = false;
    if (o.deadline !== undefined && end > o.deadline) {
      end = Math.max(start, o.deadline);
      timedOut = true;
    }
    current = { step, start };
    const mine = ++generation;
    world.agenda.at(end, () => {
      if (finished || mine !== generation) return;
      current = undefined;
      if (timedOut) {
        const reason = o.deadlineReason?.(step.name) ?? 'timed out';
        record(step, start, end, 'Failed', reason);
        return finish({ ok: false, failedStep: step.name, reason, timedOut: true });
      }
      if (failure && !failure.ignored) {
        record(step, start, end, 'Failed', failure.reason);
        return finish({ ok: false, failedStep: step.name, reason: failure.reason });
      }
      record(step, start, end, failure?.ignored ? 'Failed' : 'Succeeded', failure?.reason);
      step.onSuccess?.();
      next();
    });
  };

  world.agenda.at(world.now, next);

  return {
    target,
    get finished() {
      return finished;
    },
    cancel(reason: string) {
      if (finished) return;
      const c = current;
      generation++;
      if (c) record(c.step, c.start, world.now, 'Failed', reason);
      finish({ ok: false, failedStep: c?.step.name, reason, cancelled: true });
    },
  };
}
