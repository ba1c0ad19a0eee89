// What every CodeDeploy driver shares: the world, the filled settings, the two
// revisions, and small helpers for plain-language messages.
import type { CodeDeploySettings } from '../../scenario/types.ts';
import type { World } from '../world.ts';

export const USER_DEPLOYMENT = 'd-1';
export const ROLLBACK_DEPLOYMENT = 'd-2';

export interface CdContext {
  world: World;
  cd: CodeDeploySettings;
  from: string;
  to: string;
  /** Per-event durations from the scenario's timings (defaults already filled). */
  scenarioSteps: Record<string, number>;
}

export function contextOf(world: World): CdContext {
  return { world, cd: world.scenario.codeDeploy!, from: world.scenario.versions.from, to: world.scenario.versions.to, scenarioSteps: world.scenario.timings.steps };
}

export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A readable list of ids, abbreviated for large fleets. */
export function listIds(ids: readonly string[]): string {
  return ids.length <= 8 ? ids.join(', ') : `${ids[0]} … ${ids[ids.length - 1]} (${ids.length} instances)`;
}

export function minutes(m: number): string {
  return plural(m, 'minute');
}
