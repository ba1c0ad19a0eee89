// What every Elastic Beanstalk driver shares: the driver runs one policy family's
// orchestrator machine and provides the actions that act on the world (the
// machine decides, the driver acts). simulate-eb.ts picks the driver and feeds it
// the user's inputs and the faults.
import type { TargetIndex } from '../target-store.ts';
import type { AnyActorRef } from 'xstate';
import type { RuleId } from '../../aws/rules.ts';
import type { ElasticBeanstalkSettings } from '../../scenario/types.ts';
import type { DeploymentStatus } from '../../trace/types.ts';
import type { World } from '../world.ts';
import type { Fleet } from './fleet.ts';
import type { HealthWatch } from './health-faults.ts';
import { plural } from '../narration.ts';

export const DEPLOYMENT_ID = 'd-1';

/** Ends the deployment: status, whether a rollback restored the old version, and the summary a learner reads. */
export type End = (status: DeploymentStatus, rolledBack: boolean, summary: string, rule?: RuleId) => void;

export interface DriverContext {
  world: World;
  fleet: Fleet;
  eb: ElasticBeanstalkSettings;
  /** The instances running the old version before the deployment. */
  originals: TargetIndex[];
  end: End;
}

export interface Driver extends HealthWatch {
  actor: AnyActorRef;
}

/** Instances not terminated that run `version`. */
export function countVersion(world: World, version: string): number {
  let n = 0;
  // By index: no view or iterator result per target.
  for (let i = 0; i < world.targetCount; i++) if (world.stateAt(i) !== 'Terminated' && world.versionAt(i) === version) n++;
  return n;
}

/** "3 instances run v2", "1 instance runs v2". */
export function runVersion(n: number, noun: string, version: string): string {
  return `${plural(n, noun)} run${n === 1 ? 's' : ''} ${version}`;
}
