// Turns a list of AWS lifecycle event names into the steps one target runs
// (reference §2.1–2.2): durations, whose scripts run (the revision), events skipped
// for want of a last successful revision, and the failures injected faults cause.
// Drivers add what an event does to the world (traffic, versions) through `effects`.
import type { TargetIndex } from '../target-store.ts';
import {
  CODEDEPLOY_EVENT_SECONDS,
  HOOK_ERROR_MEANINGS,
  HOOK_TIMEOUT_SECONDS,
  IGNORABLE_STOP_EVENTS,
  LAST_REVISION_EVENTS,
  RESERVED_EVENTS,
  VALIDATION_EVENTS,
} from '../../aws/codedeploy-facts.ts';
import type { Fault } from '../../scenario/types.ts';
import type { Step } from '../steps.ts';
import { USER_DEPLOYMENT, type CdContext } from './context.ts';

export interface Plan {
  deploymentId: string;
  /** The revision this deployment installs. */
  revision: string;
}

/** What an event does besides running (state changes) or an extra way it fails. */
export type Effect = Partial<Pick<Step, 'onStart' | 'onSuccess' | 'failure' | 'seconds'>>;
export type Effects = Partial<Record<string, Effect>>;

export function eventSeconds(ctx: CdContext, name: string): number {
  return ctx.scenarioSteps[name] ?? CODEDEPLOY_EVENT_SECONDS[name] ?? 0;
}

/**
 * The steps of `events` for the targets of one deployment, shared by all of them
 * (callbacks get the target): they differ only by the target's last successful
 * revision (whose scripts ApplicationStop and the BlockTraffic hooks run, and
 * whether those are skipped), so one list is built per such revision, on first use.
 * A 100,000-instance rollout builds one or two lists, not 100,000.
 */
export class LifecycleSteps {
  private readonly byLastRevision = new Map<string, readonly Step[]>();

  constructor(
    private readonly ctx: CdContext,
    private readonly events: readonly string[],
    private readonly plan: Plan,
    private readonly effects: Effects = {},
  ) {}

  /** The steps `target` runs (shared with every target on the same last successful revision). */
  of(target: TargetIndex): readonly Step[] {
    const last = this.ctx.world.lastSuccessfulRevisionOf(target);
    let steps = this.byLastRevision.get(last);
    if (steps === undefined) this.byLastRevision.set(last, (steps = Object.freeze(buildSteps(this.ctx, this.events, this.plan, this.effects, last))));
    return steps;
  }
}

/** The steps of one target (Lambda's alias, ECS's task set): see LifecycleSteps for a fleet. */
export function lifecycleSteps(ctx: CdContext, target: TargetIndex, events: readonly string[], plan: Plan, effects: Effects = {}): Step[] {
  return buildSteps(ctx, events, plan, effects, ctx.world.lastSuccessfulRevisionOf(target));
}

function buildSteps(ctx: CdContext, events: readonly string[], plan: Plan, effects: Effects, lastSuccessful: string): Step[] {
  return events.map((name) => {
    const extra: Effect = effects[name] ?? {};
    // ApplicationStop and the BlockTraffic hooks run the last successful revision's
    // scripts; every other event belongs to the revision being deployed.
    const lastRevision = LAST_REVISION_EVENTS.has(name);
    const revision = lastRevision ? lastSuccessful : plan.revision;
    const step: Step = {
      name,
      seconds: extra.seconds ?? eventSeconds(ctx, name),
      revision,
      ...(lastRevision && revision === '' ? { skip: (target: string) => `no last successful revision on ${target}: there is no ${name} script to run` } : {}),
    };
    if (extra.onStart) step.onStart = extra.onStart;
    if (extra.onSuccess) step.onSuccess = extra.onSuccess;
    const own = RESERVED_EVENTS.has(name) ? undefined : hookFailure(ctx, name, plan);
    const more = extra.failure;
    if (own && more) step.failure = (start, end, id) => own(start, end, id) ?? more(start, end, id);
    else if (own ?? more) step.failure = own ?? more;
    if (own && IGNORABLE_STOP_EVENTS.has(name) && ctx.cd.ignoreApplicationStopFailures) {
      // A failure ignoreApplicationStopFailures passes over is said when the hook ends (its span is Failed).
      step.onIgnoredFailure = (id) =>
        ctx.world.event('note', `${name} failed on ${ctx.world.idAt(id)}, but ignoreApplicationStopFailures is true: the instance carries on with the next event`, {
          target: id,
          deploymentId: plan.deploymentId,
          rule: 'cd.ignore-application-stop-failures',
        });
    }
    return step;
  });
}

/**
 * A hook fails when a HookFailure fault names it (for this target or every target)
 * and is in effect by the time the hook would end, or, for the hooks that validate
 * the new version, when a BadVersion fault is. Faults describe the user's deployment:
 * the rollback deployment runs the known-good revision's scripts untouched.
 * A hook no fault can touch gets no check at all (most runs: nothing to ask per target).
 */
function hookFailure(ctx: CdContext, name: string, plan: Plan): Step['failure'] {
  const { world, cd } = ctx;
  const named = plan.deploymentId === USER_DEPLOYMENT && world.faults('HookFailure').some((f) => f.event === name);
  const validation = VALIDATION_EVENTS[cd.computePlatform].includes(name) && plan.revision === ctx.to && world.faults('BadVersion').length > 0;
  if (!named && !validation) return undefined;
  return (_start, end, target) => {
    if (named) {
      let hit: Extract<Fault, { type: 'HookFailure' }> | undefined;
      for (const f of world.faultsOn('HookFailure', target)) {
        if (f.event === name && (f.at ?? 0) <= end) {
          hit = f;
          break;
        }
      }
      if (hit) {
        const code = hit.errorCode ?? 'ScriptFailed';
        const ignored = IGNORABLE_STOP_EVENTS.has(name) && cd.ignoreApplicationStopFailures;
        return {
          reason: `${code}: ${HOOK_ERROR_MEANINGS[code]}${ignored ? ' (ignored: ignoreApplicationStopFailures is true)' : ''}`,
          ...(code === 'ScriptTimedOut' ? { seconds: HOOK_TIMEOUT_SECONDS } : {}),
          ...(ignored ? { ignored: true } : {}),
        };
      }
    }
    if (validation && world.faultBy('BadVersion', end) !== undefined) {
      return { reason: `ScriptFailed: ${name} found ${ctx.to} broken (BadVersion)` };
    }
    return undefined;
  };
}
