// What every CodeDeploy driver shares: the world, the filled settings, the two
// revisions, and small helpers for plain-language messages.
import type { CodeDeploySettings } from '../../scenario/types.ts';
import type { World } from '../world.ts';
import { plural } from '../narration.ts';

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

export function minutes(m: number): string {
  return plural(m, 'minute');
}
