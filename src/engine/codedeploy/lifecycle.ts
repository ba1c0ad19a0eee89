// Turns a list of AWS lifecycle event names into the steps one target runs
// (reference §2.1–2.2): durations, whose scripts run (the revision), events skipped
// for want of a last successful revision, and the failures injected faults cause.
// Drivers add what an event does to the world (traffic, versions) through `effects`.
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

export function lifecycleSteps(ctx: CdContext, target: string, events: readonly string[], plan: Plan, effects: Effects = {}): Step[] {
  const t = ctx.world.target(target);
  return events.map((name) => {
    const extra: Effect = effects[name] ?? {};
    // ApplicationStop and the BlockTraffic hooks run the last successful revision's
    // scripts; every other event belongs to the revision being deployed.
    const lastRevision = LAST_REVISION_EVENTS.has(name);
    const revision = lastRevision ? t.lastSuccessfulRevision : plan.revision;
    const step: Step = {
      name,
      seconds: extra.seconds ?? eventSeconds(ctx, name),
      revision,
      ...(lastRevision && revision === '' ? { skip: `no last successful revision on ${target}: there is no ${name} script to run` } : {}),
    };
    if (extra.onStart) step.onStart = extra.onStart;
    if (extra.onSuccess) step.onSuccess = extra.onSuccess;
    const own = RESERVED_EVENTS.has(name) ? undefined : hookFailure(ctx, target, name, plan);
    const more = extra.failure;
    if (own || more) step.failure = (start, end, id) => own?.(start, end, id) ?? more?.(start, end, id);
    if (own && IGNORABLE_STOP_EVENTS.has(name) && ctx.cd.ignoreApplicationStopFailures) sayWhenIgnored(ctx, step, plan);
    return step;
  });
}

/** A failure ignoreApplicationStopFailures passes over is said when the hook ends (its span is Failed). */
function sayWhenIgnored(ctx: CdContext, step: Step, plan: Plan): void {
  const decide = step.failure!;
  const after = step.onSuccess;
  let ignored = false;
  step.failure = (start, end, id) => {
    const f = decide(start, end, id);
    ignored = f?.ignored === true;
    return f;
  };
  step.onSuccess = (id) => {
    if (ignored) {
      ctx.world.event('note', `${step.name} failed on ${id}, but ignoreApplicationStopFailures is true: the instance carries on with the next event`, {
        target: id,
        deploymentId: plan.deploymentId,
        rule: 'cd.ignore-application-stop-failures',
      });
    }
    after?.(id);
  };
}

/**
 * A hook fails when a HookFailure fault names it (for this target or every target)
 * and is in effect by the time the hook would end, or, for the hooks that validate
 * the new version, when a BadVersion fault is. Faults describe the user's deployment:
 * the rollback deployment runs the known-good revision's scripts untouched.
 */
function hookFailure(ctx: CdContext, target: string, name: string, plan: Plan): Step['failure'] {
  const { world, cd } = ctx;
  const validation = VALIDATION_EVENTS[cd.computePlatform].includes(name);
  return (_start, end) => {
    if (plan.deploymentId === USER_DEPLOYMENT) {
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
    if (validation && plan.revision === ctx.to && world.faultBy('BadVersion', end) !== undefined) {
      return { reason: `ScriptFailed: ${name} found ${ctx.to} broken (BadVersion)` };
    }
    return undefined;
  };
}
