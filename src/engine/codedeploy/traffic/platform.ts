// What a traffic-shifting compute platform (Lambda's alias, ECS's task sets) does
// to the world when the orchestrator statechart (machine.ts) moves: the machine
// decides when; the platform says what changes and in which words.
import type { TargetIndex } from '../../target-store.ts';
import type { RuleId } from '../../../aws/rules.ts';
import type { DeploymentStatus } from '../../../trace/types.ts';
import type { Effects } from '../lifecycle.ts';

export interface ShiftingPlatform {
  /** The target whose lifecycle events run (spans): the alias, the replacement task set. */
  readonly target: TargetIndex;
  /** The target the rollback deployment moves traffic back to. */
  readonly rollbackTarget: TargetIndex;
  /** The deployment-started message. */
  readonly intro: string;
  /** The platform's lifecycle rule (hook order). */
  readonly hooksRule: RuleId;
  /** The platform's documented rollback. */
  readonly rollbackRule: RuleId;
  /** What lifecycle events do besides running (ECS: Install creates the task set, AllowTestTraffic moves the test listener). */
  readonly effects: Effects;
  /** The lifecycle event in progress is cut short by a stop: what stays as it is. */
  readonly stopNote: string;
  /** AllowTraffic starts. */
  allowTrafficStarts?(): void;
  /** Production traffic moves so that `percent` reaches the new version; returns the message. */
  shift(percent: number): string;
  /** The rollback deployment moves all traffic back to the original version; returns the message. */
  rollBack(): string;
  /** The rollback deployment succeeded (ECS: the deployment's components return to their state at the start). */
  rollbackDone?(): void;
  /** ECS: the termination wait is over; the original task set is removed. */
  removeOriginal?(): void;
  /** Where things stand when the user's deployment ends with `status`. */
  summary(status: DeploymentStatus): string;
}
