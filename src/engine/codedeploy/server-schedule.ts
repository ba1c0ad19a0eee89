// Server scheduling shared by in-place and blue/green: the schedule of the
// deployment configuration, its success rule in words and as a rule id, the order
// CodeDeploy picks instances in, and the plain-language account of how a rollout ended.
import { PREDEFINED_CONFIGS, serverSchedule, type ServerConfig, type ServerSchedule } from '../../aws/codedeploy-facts.ts';
import type { RuleId } from '../../aws/rules.ts';
import type { CodeDeploySettings } from '../../scenario/types.ts';
import type { World } from '../world.ts';
import { sizedArray } from '../sized-array.ts';
import { listTargets, plural } from '../narration.ts';
import type { TargetIndex } from '../target-store.ts';
import type { RolloutResult } from './rollout.ts';
import { thousands } from '../../scenario/thousands.ts';

export type ServerConfigKind = ServerConfig['kind'] | 'Custom';

export function configKind(cd: CodeDeploySettings): ServerConfigKind {
  if (cd.customDeploymentConfig?.minimumHealthyHosts) return 'Custom';
  return (PREDEFINED_CONFIGS[cd.deploymentConfigName] as ServerConfig).kind;
}

export function scheduleFor(cd: CodeDeploySettings, instances: number): ServerSchedule {
  const custom = cd.customDeploymentConfig?.minimumHealthyHosts;
  if (custom) return serverSchedule({ platform: 'Server', kind: 'Custom', minimumHealthyHosts: custom }, instances);
  return serverSchedule(PREDEFINED_CONFIGS[cd.deploymentConfigName] as ServerConfig, instances);
}

/** The rule that decides how the configuration schedules instances and when it succeeds (reference §2.3). */
export function configRule(cd: CodeDeploySettings): RuleId {
  return CONFIG_RULES[configKind(cd)];
}

const CONFIG_RULES: Readonly<Record<ServerConfigKind, RuleId>> = {
  OneAtATime: 'cd.one-at-a-time',
  HalfAtATime: 'cd.half-at-a-time',
  AllAtOnce: 'cd.all-at-once',
  Custom: 'cd.minimum-healthy-hosts',
};

/**
 * Scheduling order (reference §2.3): unhealthy instances first, then those with an
 * unknown revision, then those on an old revision, then those already on the
 * revision being deployed; by id within each class. Terminated instances are left out.
 */
export function schedulingOrder(world: World, ids: readonly TargetIndex[], revision: string): TargetIndex[] {
  // Each instance's class (TERMINATED: left out), then the instances placed class by
  // class into one list of its final length: no lists grown a push at a time and joined.
  const classes = new Uint8Array(ids.length);
  const counts = [0, 0, 0, 0, 0];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    let k = TERMINATED;
    if (world.stateOf(id) !== 'Terminated') {
      const version = world.versionOf(id);
      k = !world.healthyOf(id) ? 0 : version === '' ? 1 : version !== revision ? 2 : 3;
    }
    classes[i] = k;
    counts[k]!++;
  }
  const at = [0, counts[0]!, counts[0]! + counts[1]!, counts[0]! + counts[1]! + counts[2]!, 0];
  const order = sizedArray<TargetIndex>(ids.length - counts[TERMINATED]!);
  for (let i = 0; i < ids.length; i++) {
    const k = classes[i]!;
    if (k !== TERMINATED) order[at[k]!++] = ids[i]!;
  }
  return order;
}

/** schedulingOrder's class of a terminated instance, which is left out. */
const TERMINATED = 4;

/** The configuration's schedule and success rule in words (reference §2.3). */
export function describeSchedule(cd: CodeDeploySettings, s: ServerSchedule, n: number): string {
  const m = cd.customDeploymentConfig?.minimumHealthyHosts;
  switch (configKind(cd)) {
    case 'OneAtATime':
      return `${cd.deploymentConfigName}: one instance at a time; ${n === 1 ? 'with a single instance the deployment succeeds only if it succeeds' : 'the deployment fails as soon as any instance but the last fails'}`;
    case 'HalfAtATime':
      return `${cd.deploymentConfigName}: at most ${plural(s.maxParallel, 'instance')} of ${thousands(n)} at a time, and at least ${thousands(s.requiredSuccesses)} must succeed`;
    case 'AllAtOnce':
      return `${cd.deploymentConfigName}: all ${plural(n, 'instance')} at once, and at least 1 must succeed`;
    case 'Custom':
      return `custom configuration "${cd.deploymentConfigName}" (minimum healthy hosts ${m!.type} ${m!.value}): at most ${plural(s.maxParallel, 'instance')} of ${thousands(n)} at a time, at least ${thousands(s.minimumHealthy)} kept healthy, and at least 1 must succeed`;
  }
}

/** Why a rollout ended as it did, for the deployment-ended narration. */
export function explainRollout(world: World, cd: CodeDeploySettings, s: ServerSchedule, r: RolloutResult, revision: string, last: TargetIndex | undefined): string {
  const failed = r.failed.length > 0 ? `${listTargets(r.failed, world)} failed` : '';
  if (r.ok) {
    const base = `${plural(r.succeeded, 'instance')} run${r.succeeded === 1 ? 's' : ''} ${revision}`;
    if (r.failed.length === 0) return base;
    if (configKind(cd) === 'OneAtATime' && r.failed.length === 1 && r.failed[0] === last) {
      return `${base}; the last instance, ${world.idAt(last)}, failed, but with OneAtATime a failure on the last instance still lets the deployment succeed`;
    }
    return `${base}; ${failed}, but at least ${thousands(s.requiredSuccesses)} succeeded, which is all ${cd.deploymentConfigName} requires`;
  }
  if (r.untouched > 0 && configKind(cd) === 'OneAtATime' && r.failed.length > 0) {
    return `${failed}, and with OneAtATime a failure on any instance but the last fails the deployment: ${plural(r.untouched, 'instance')} never received ${revision}`;
  }
  if (r.untouched > 0) {
    const why = [failed, r.dropped > 0 ? `${plural(r.dropped, 'instance')} terminated before its turn` : ''].filter(Boolean).join(' and ');
    const lead = why ? `${why}; ` : '';
    return `${lead}taking another instance offline would leave fewer than ${thousands(s.minimumHealthy)} healthy, so CodeDeploy cannot go on: ${plural(r.untouched, 'instance')} never received ${revision}`;
  }
  return `${failed || 'no instance succeeded'}; only ${thousands(r.succeeded)} succeeded where at least ${thousands(s.requiredSuccesses)} must`;
}
