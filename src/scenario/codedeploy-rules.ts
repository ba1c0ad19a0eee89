// CodeDeploy's cross-field rules (reference §2). Filled in with the CodeDeploy engine.
import type { Problem } from './validate.ts';

type Raw = Record<string, any>;

export function codeDeployRules(_cd: Raw, _faults: Raw[]): Problem[] {
  return [{ path: '/platform', message: 'CodeDeploy scenarios are not simulated yet' }];
}
