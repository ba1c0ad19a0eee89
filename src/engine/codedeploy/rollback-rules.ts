// When CodeDeploy rolls a deployment back automatically (reference §2.2, §2.4):
// the one place the orchestrator's guards and the narration read the rule from.
import type { AutoRollbackEvent, CodeDeploySettings } from '../../scenario/types.ts';
import type { RuleId } from '../../aws/rules.ts';
import type { UndocumentedId } from '../../aws/undocumented.ts';

export type Trigger =
  /** `rollbackBlocked`: the failure cannot trigger a rollback (ECS BeforeInstall). */
  | { kind: 'failure'; changed: boolean; rollbackBlocked?: string }
  | { kind: 'alarm'; changed: boolean }
  /** `autoRollbackEnabled`: StopDeployment's own flag, when given. */
  | { kind: 'request'; changed: boolean; autoRollbackEnabled?: boolean }
  /** deploymentReadyOption STOP_DEPLOYMENT ran out of time. */
  | { kind: 'readyTimeout'; changed: boolean };

export type FailureTrigger = Extract<Trigger, { kind: 'failure' }>;
export type StopTrigger = Exclude<Trigger, { kind: 'failure' }>;

export interface Decision {
  rollback: boolean;
  /** Why, in plain words. */
  why: string;
  undocumented?: UndocumentedId;
}

const EVENT_OF: Record<'failure' | 'alarm' | 'request', AutoRollbackEvent> = {
  failure: 'DEPLOYMENT_FAILURE',
  alarm: 'DEPLOYMENT_STOP_ON_ALARM',
  request: 'DEPLOYMENT_STOP_ON_REQUEST',
};

export function decideRollback(cd: CodeDeploySettings, trigger: Trigger): Decision {
  if (trigger.kind === 'readyTimeout') return { rollback: false, why: 'traffic was never rerouted, so the original instances still serve', undocumented: 'readyTimeout' };
  if (trigger.kind === 'failure' && trigger.rollbackBlocked) return { rollback: false, why: trigger.rollbackBlocked };
  const { enabled, events } = cd.autoRollbackConfiguration;
  const event = EVENT_OF[trigger.kind];
  let configured: boolean;
  let why: string;
  let undocumented: UndocumentedId | undefined;
  if (trigger.kind === 'request' && trigger.autoRollbackEnabled !== undefined) {
    configured = trigger.autoRollbackEnabled;
    why = `StopDeployment was called with autoRollbackEnabled ${trigger.autoRollbackEnabled}`;
    undocumented = 'stopRollbackFlag';
  } else if (!enabled) {
    configured = false;
    why = 'automatic rollback is not enabled for this deployment group';
  } else {
    configured = events.includes(event);
    why = configured ? `autoRollbackConfiguration lists ${event}` : `autoRollbackConfiguration does not list ${event}`;
  }
  if (configured && !trigger.changed) {
    return { rollback: false, why: `${why}, but nothing had changed yet, so there is nothing to roll back`, undocumented: 'rollbackNothingChanged' };
  }
  return { rollback: configured, why, ...(undocumented ? { undocumented } : {}) };
}

/** Why the lifecycle events in progress end when a deployment (or, `rollingBack`, its rollback) stops, as their spans say. */
export function stopReason(trigger: Trigger, rollingBack = false): string {
  if (rollingBack) return 'Stopped: the rollback deployment was stopped';
  switch (trigger.kind) {
    case 'alarm':
      return 'Stopped: a CloudWatch alarm stopped the deployment';
    case 'request':
      return 'Stopped: the user called StopDeployment';
    case 'readyTimeout':
      return 'Stopped: nobody continued the deployment within the wait time';
    case 'failure':
      return 'the deployment failed';
  }
}

/** The rule behind a stop: an alarm, StopDeployment, or the Ready wait running out. */
export function stopRule(trigger: Trigger | undefined): RuleId | undefined {
  switch (trigger?.kind) {
    case 'alarm':
      return 'cd.alarm-stops';
    case 'request':
      return 'cd.stop-deployment';
    case 'readyTimeout':
      return 'cd.ready-wait';
    default:
      return undefined;
  }
}
