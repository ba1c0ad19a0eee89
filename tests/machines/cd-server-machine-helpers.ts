// Helpers for testing the CodeDeploy Server orchestrators alone: settings with or
// without automatic rollback, beside the shared machine helpers.
import { scenario } from '../helpers.ts';
import type { CodeDeploySettings } from '../../src/scenario/types.ts';

export { afterEvents, finalStates, firstStepsTo, reach, recorder, start } from './machine-helpers.ts';

/** Filled CodeDeploy settings; `rollback` lists the autoRollbackConfiguration events. */
export function settings(extra: Record<string, unknown> = {}, rollback: string[] = []): CodeDeploySettings {
  return scenario({
    platform: 'CodeDeploy',
    codeDeploy: { computePlatform: 'Server', instances: 3, ...(rollback.length ? { autoRollbackConfiguration: { enabled: true, events: rollback } } : {}), ...extra },
  }).codeDeploy!;
}
