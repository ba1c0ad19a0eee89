// What a learner can inject at the playhead, per platform, as scenario faults
// with `at` = now. The engine forks the future from `at`.
import type { Fault, HookErrorCode, Scenario } from '../scenario/types.ts';
import type { Trace } from '../trace/types.ts';
import { EB_FAILABLE_STEPS } from '../aws/eb-facts.ts';
import { HOOK_ERROR_CODES } from '../aws/codedeploy-facts.ts';
import { codeDeployFaultFacts } from '../scenario/codedeploy-rules.ts';
import { formatTime } from './time.ts';

export type TargetFailureKind = 'HookFailure' | 'UnhealthyInstance' | 'InstanceTerminated';
export type NowAction = 'AbortDeployment' | 'Alarm' | 'StopDeployment' | 'StopDeploymentRollback' | 'BadVersion';

export interface InjectOptions {
  targetKinds: { kind: TargetFailureKind; label: string }[];
  /** Steps (EB) or lifecycle events (CodeDeploy) that can be made to fail. */
  steps: string[];
  errorCodes: readonly HookErrorCode[];
  actions: { action: NowAction; label: string; help: string }[];
  /** Targets that faults can name. */
  targets: string[];
}

export function injectOptions(scenario: Scenario, trace: Trace | undefined): InjectOptions {
  const targets = trace ? trace.targets.map((t) => t.id) : [];
  if (scenario.platform === 'ElasticBeanstalk') {
    return {
      targetKinds: [
        { kind: 'HookFailure', label: 'a workflow step fails' },
        { kind: 'UnhealthyInstance', label: 'never becomes healthy' },
        { kind: 'InstanceTerminated', label: 'is terminated' },
      ],
      steps: [...EB_FAILABLE_STEPS],
      errorCodes: [],
      actions: [
        { action: 'AbortDeployment', label: 'Abort now', help: 'AbortEnvironmentUpdate: Elastic Beanstalk stops and rolls back what it can' },
        { action: 'BadVersion', label: 'New version is bad', help: 'From now on every instance running the new version fails its health checks' },
      ],
      // One pass over the targets (a find per target was quadratic: 212 ms at 10,000).
      targets: (trace?.targets ?? []).filter((t) => t.kind === 'instance').map((t) => t.id),
    };
  }
  // The same facts validation checks faults against: only valid faults are offered.
  const facts = codeDeployFaultFacts(scenario.codeDeploy ?? {});
  const compute = facts.platform;
  const kinds: InjectOptions['targetKinds'] = [{ kind: 'HookFailure', label: 'a lifecycle event fails' }];
  if (compute === 'Server') {
    kinds.push({ kind: 'UnhealthyInstance', label: 'never becomes healthy' }, { kind: 'InstanceTerminated', label: 'is terminated' });
  }
  const instanceIds = new Set(Array.from({ length: facts.known }, (_, k) => `i-${k + 1}`));
  return {
    targetKinds: kinds,
    steps: [...facts.hooks],
    errorCodes: HOOK_ERROR_CODES,
    actions: [
      { action: 'Alarm', label: 'Alarm now', help: 'A CloudWatch alarm of the deployment group goes into ALARM' },
      { action: 'StopDeployment', label: 'Stop now', help: 'StopDeployment without rollback' },
      { action: 'StopDeploymentRollback', label: 'Stop and roll back', help: 'StopDeployment with autoRollbackEnabled' },
    ],
    targets: targets.filter((id) => (compute === 'Server' ? instanceIds.has(id) : facts.hookTargets.includes(id))),
  };
}

const round = (t: number) => Math.round(t * 10) / 10;

export function targetFault(kind: TargetFailureKind, target: string, t: number, step?: string, errorCode?: HookErrorCode): Fault {
  const at = round(t);
  if (kind === 'UnhealthyInstance') return { type: 'UnhealthyInstance', target, at };
  if (kind === 'InstanceTerminated') return { type: 'InstanceTerminated', target, at };
  const f: Fault = { type: 'HookFailure', target, event: step ?? '', at };
  if (errorCode) f.errorCode = errorCode;
  return f;
}

export function actionFault(action: NowAction, t: number): Fault {
  const at = round(t);
  switch (action) {
    case 'AbortDeployment': return { type: 'AbortDeployment', at };
    case 'Alarm': return { type: 'Alarm', at };
    case 'StopDeployment': return { type: 'StopDeployment', at };
    case 'StopDeploymentRollback': return { type: 'StopDeployment', at, autoRollbackEnabled: true };
    case 'BadVersion': return { type: 'BadVersion', at };
  }
}

/** A fault in plain words, for the injected-input list. */
export function describeFault(f: Fault): string {
  const when = f.at !== undefined ? ` at ${formatTime(f.at)}` : ' from the start';
  switch (f.type) {
    case 'UnhealthyInstance': return `${f.target} never becomes healthy${when}`;
    case 'BadVersion': return `The new version is bad${when}`;
    case 'HookFailure': return `${f.event} fails${f.target ? ` on ${f.target}` : ''}${f.errorCode ? ` (${f.errorCode})` : ''}${when}`;
    case 'InstanceTerminated': return `${f.target} is terminated${when}`;
    case 'AbortDeployment': return `Abort the deployment${when}`;
    case 'Alarm': return `CloudWatch alarm${f.alarmName ? ` ${f.alarmName}` : ''} goes into ALARM${when}`;
    case 'StopDeployment': return `Stop the deployment${f.autoRollbackEnabled ? ' and roll back' : ''}${when}`;
    case 'ContinueDeployment': return `ContinueDeployment (${f.deploymentWaitType})${when}`;
    case 'SwapEnvironmentCNAMEs': return `Swap the environments' CNAMEs${when}`;
  }
}
