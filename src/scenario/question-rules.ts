// Questions must be answerable: a target that exists in this deployment, a version
// it knows, and the fields each kind of question needs. Checked on the filled
// scenario, where the fleet size and the targets launched are known.
import { ebLaunchedInstances } from '../aws/eb-facts.ts';
import { ECS_ORIGINAL_TARGET, ECS_REPLACEMENT_TARGET, LAMBDA_ALIAS_TARGET } from '../aws/codedeploy-facts.ts';
import { quote } from './problem-text.ts';
import type { Scenario } from './types.ts';
import type { Problem } from './validate.ts';

/** Whether `id` names a target of this deployment, and how to say which ones do. */
function targetsOf(s: Scenario): { has: (id: string) => boolean; expected: string } {
  const cd = s.codeDeploy;
  if (cd?.computePlatform === 'Lambda') return { has: (id) => id === LAMBDA_ALIAS_TARGET, expected: LAMBDA_ALIAS_TARGET };
  if (cd?.computePlatform === 'ECS') return { has: (id) => id === ECS_ORIGINAL_TARGET || id === ECS_REPLACEMENT_TARGET, expected: `${ECS_ORIGINAL_TARGET} or ${ECS_REPLACEMENT_TARGET}` };
  const known = s.elasticBeanstalk ? s.elasticBeanstalk.instances + ebLaunchedInstances(s.elasticBeanstalk) : cd!.deploymentType === 'BLUE_GREEN' ? 2 * cd!.instances : cd!.instances;
  return {
    has: (id) => {
      const m = /^i-([1-9]\d*)$/.exec(id);
      return m !== null && Number(m[1]) <= known;
    },
    expected: `i-1 … i-${known}`,
  };
}

export function questionRules(s: Scenario): Problem[] {
  const problems: Problem[] = [];
  const questions = s.questions ?? [];
  const targets = targetsOf(s);
  const versions = [s.versions.from, s.versions.to];
  const seen = new Set<string>();
  questions.forEach((q, i) => {
    const at = (field: string) => `/questions/${i}/${field}`;
    if (seen.has(q.id)) problems.push({ path: at('id'), message: `${quote(q.id)} is used by another question; ids must be unique` });
    seen.add(q.id);
    const needsTarget = q.ask === 'nextLifecycleEvent' || q.ask === 'finalVersion';
    if (needsTarget && q.target === undefined) problems.push({ path: at('target'), message: `is required when ask is ${q.ask}` });
    if (q.target !== undefined && !targets.has(q.target)) problems.push({ path: at('target'), message: `no target ${quote(q.target)} in this deployment; expected ${targets.expected}` });
    if (q.ask === 'trafficShare' && q.version === undefined) problems.push({ path: at('version'), message: 'is required when ask is trafficShare' });
    if (q.version !== undefined && !versions.includes(q.version)) problems.push({ path: at('version'), message: `${quote(q.version)} is not a version of this scenario; expected ${versions.join(' or ')}` });
  });
  return problems;
}
