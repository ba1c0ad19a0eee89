// Blue/green traffic rerouting on Server (reference §2.3, blue/green column): how
// many replacements join the load balancer at once, and when rerouting succeeds.
// AllAtOnce: all at once, succeeds if traffic reaches at least one replacement.
// HalfAtATime: up to half at a time, succeeds if at least half receive traffic.
// OneAtATime: one at a time, fails at the first failure except on the last one.
// Custom (minimum healthy hosts): AWS is silent (undocumented rerouteCustom).
import type { RuleId } from '../../aws/rules.ts';
import type { ServerSchedule } from '../../aws/codedeploy-facts.ts';
import type { UndocumentedId } from '../../aws/undocumented.ts';
import { listTargets, plural } from '../narration.ts';
import type { TargetIndex } from '../target-store.ts';
import type { TargetIds } from '../trace-columns.ts';
import type { ServerConfigKind } from './server-schedule.ts';
import { thousands } from '../../scenario/thousands.ts';

export interface ReroutePlan {
  /** How many replacements are rerouted at once. */
  parallel: number;
  /** Stop starting more after the first failure. */
  failFast: boolean;
  rule: RuleId;
  undocumented?: UndocumentedId;
  /** The success rule in words. */
  says: string;
}

export function reroutePlan(kind: ServerConfigKind, schedule: ServerSchedule, n: number): ReroutePlan {
  switch (kind) {
    case 'AllAtOnce':
      return { parallel: Math.max(1, n), failFast: false, rule: 'cd.reroute-all-at-once', says: 'all at once; it succeeds if traffic reaches at least one replacement' };
    case 'HalfAtATime':
      return {
        parallel: Math.max(1, Math.floor(n / 2)),
        failFast: false,
        rule: 'cd.reroute-half-at-a-time',
        says: `up to ${plural(Math.max(1, Math.floor(n / 2)), 'replacement')} at a time; it succeeds if at least ${thousands(Math.ceil(n / 2))} receive traffic`,
      };
    case 'OneAtATime':
      return {
        parallel: 1,
        failFast: true,
        rule: 'cd.reroute-one-at-a-time',
        says: 'one at a time; it fails at the first failure, unless that failure is on the last replacement',
      };
    case 'Custom':
      return {
        parallel: Math.max(1, Math.min(n, schedule.maxParallel)),
        failFast: true,
        rule: 'cd.minimum-healthy-hosts',
        undocumented: 'rerouteCustom',
        says: `up to ${plural(Math.max(1, Math.min(n, schedule.maxParallel)), 'replacement')} at a time; every one must receive traffic`,
      };
  }
}

export interface RerouteVerdict {
  ok: boolean;
  /** Why, in plain words. */
  why: string;
}

/** Whether rerouting to `targets` (in order) succeeded, given who failed and who was never tried. */
export function rerouteVerdict(ids: TargetIds, kind: ServerConfigKind, targets: readonly TargetIndex[], succeeded: number, failed: readonly TargetIndex[], untouched: number): RerouteVerdict {
  const n = targets.length;
  const failedText = failed.length > 0 ? `rerouting failed on ${listTargets(failed, ids)}` : '';
  if (n === 0) return { ok: false, why: 'no replacement instance is left to receive traffic' };
  switch (kind) {
    case 'AllAtOnce':
      return succeeded >= 1
        ? { ok: true, why: failed.length ? `${failedText}, but traffic reached ${plural(succeeded, 'replacement')}, and with AllAtOnce one is enough` : `traffic reached all ${thousands(n)} replacements` }
        : { ok: false, why: `${failedText}: with AllAtOnce rerouting fails only when it fails for every replacement, and it did` };
    case 'HalfAtATime': {
      const half = Math.ceil(n / 2);
      return succeeded >= half
        ? { ok: true, why: failed.length ? `${failedText}, but traffic reached ${thousands(succeeded)} of ${thousands(n)} replacements, at least half` : `traffic reached all ${thousands(n)} replacements` }
        : { ok: false, why: `${failedText}: traffic reached only ${thousands(succeeded)} of ${thousands(n)} replacements, and HalfAtATime needs at least ${thousands(half)}` };
    }
    case 'OneAtATime': {
      const last = targets[n - 1];
      if (failed.length === 0) return { ok: true, why: `traffic reached all ${thousands(n)} replacements` };
      if (failed.length === 1 && failed[0] === last && untouched === 0) {
        return { ok: true, why: `rerouting failed on ${ids.idAt(last!)}, the last replacement, and with OneAtATime a failure on the last one still lets the deployment succeed` };
      }
      return { ok: false, why: `${failedText}, and with OneAtATime the first rerouting failure before the last replacement fails the deployment` };
    }
    case 'Custom':
      return failed.length === 0 && untouched === 0 ? { ok: true, why: `traffic reached all ${thousands(n)} replacements` } : { ok: false, why: `${failedText || 'rerouting stopped'}, and every replacement must receive traffic` };
  }
}
