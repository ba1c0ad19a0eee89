// What each compute platform's driver provides to the shared orchestrator
// (deployment-machine.ts): start the user's deployment, stop what is in flight,
// roll back, and say in plain words where things stand.
import type { DeploymentStatus } from '../../trace/types.ts';
import type { DeploymentEvent } from './deployment-machine.ts';

export type Send = (event: DeploymentEvent) => void;

export interface Driver {
  /** The deployment-started message. */
  readonly intro: string;
  deploy(): void;
  /** Cuts short everything in progress in the user's deployment. */
  stop(reason: string): void;
  /** Starts the rollback; reports ROLLBACK_DONE. */
  rollBack(): void;
  /** Stops the rollback in progress. */
  stopRollback(reason: string): void;
  /** Whether any target has changed yet (a rollback has something to restore). */
  changed(): boolean;
  /** Where things stand when the user's deployment ends with `status`. */
  summary(status: DeploymentStatus): string;
  /** An instance was terminated from outside (Server only). */
  terminated?(id: string): void;
}
