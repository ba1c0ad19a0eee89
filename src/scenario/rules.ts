// AWS's own rules that span several fields (reference §1.1–1.2, §2), checked after
// the JSON Schema has accepted the structure. Each problem names the field to fix.
import {
  EB_DEFAULTS,
  EB_FAILABLE_STEPS,
  EB_POLICY_NEEDS_LOAD_BALANCER,
  EB_RANGES,
  ebLaunchedInstances,
} from '../aws/eb-facts.ts';
import { codeDeployRules } from './codedeploy-rules.ts';
import type { Problem } from './validate.ts';
import { suggest } from './validate.ts';
import { quote } from './problem-text.ts';
import { thousands } from './thousands.ts';

type Raw = Record<string, any>;

export function awsRules(s: Raw): Problem[] {
  const problems: Problem[] = [];
  if (s.platform === 'ElasticBeanstalk') {
    if (s.codeDeploy !== undefined) problems.push({ path: '/codeDeploy', message: 'belongs to platform "CodeDeploy"; this scenario\'s platform is "ElasticBeanstalk"' });
    if (s.elasticBeanstalk === undefined) problems.push({ path: '/elasticBeanstalk', message: 'is required when platform is "ElasticBeanstalk"' });
    else problems.push(...elasticBeanstalkRules(s.elasticBeanstalk, s.faults ?? []));
  } else if (s.platform === 'CodeDeploy') {
    if (s.elasticBeanstalk !== undefined) problems.push({ path: '/elasticBeanstalk', message: 'belongs to platform "ElasticBeanstalk"; this scenario\'s platform is "CodeDeploy"' });
    if (s.codeDeploy === undefined) problems.push({ path: '/codeDeploy', message: 'is required when platform is "CodeDeploy"' });
    else problems.push(...codeDeployRules(s.codeDeploy, s.faults ?? []));
  }
  if (s.versions?.from !== undefined && s.versions.from === s.versions?.to) {
    problems.push({ path: '/versions/to', message: `must differ from versions.from (both are ${quote(s.versions.to)})` });
  }
  return problems;
}

function elasticBeanstalkRules(eb: Raw, faults: Raw[]): Problem[] {
  const problems: Problem[] = [];
  const at = (field: string) => `/elasticBeanstalk/${field}`;
  const policy = eb.DeploymentPolicy ?? EB_DEFAULTS.DeploymentPolicy;
  const environmentType = eb.environmentType ?? EB_DEFAULTS.environmentType;
  const batchSizeType = eb.BatchSizeType ?? EB_DEFAULTS.BatchSizeType;
  const batchSize = eb.BatchSize ?? EB_DEFAULTS.BatchSize;
  const maxSize = eb.MaxSize ?? Math.max(EB_DEFAULTS.MaxSize, eb.instances);

  if (environmentType === 'SingleInstance') {
    if (eb.instances !== 1) problems.push({ path: at('instances'), message: `must be 1 in a SingleInstance environment (got ${quote(eb.instances)})` });
    const needs = EB_POLICY_NEEDS_LOAD_BALANCER[policy as keyof typeof EB_POLICY_NEEDS_LOAD_BALANCER];
    if (needs) problems.push({ path: at('DeploymentPolicy'), message: `${needs}; this environment is SingleInstance` });
  }
  if (batchSizeType === 'Percentage' && batchSize > EB_RANGES.BatchSizePercentage.max) {
    problems.push({ path: at('BatchSize'), message: `must be ≤ 100 when BatchSizeType is Percentage (got ${quote(batchSize)})` });
  }
  if (batchSizeType === 'Fixed' && batchSize > maxSize) {
    problems.push({ path: at('BatchSize'), message: `must be ≤ MaxSize (${maxSize}) when BatchSizeType is Fixed (got ${quote(batchSize)})` });
  }
  if (eb.instances > maxSize) {
    problems.push({ path: at('instances'), message: `must be ≤ MaxSize (${maxSize}), the Auto Scaling group's maximum` });
  }
  const known = eb.instances + ebLaunchedInstances({ instances: eb.instances, DeploymentPolicy: policy, BatchSizeType: batchSizeType, BatchSize: batchSize });
  faults.forEach((f, i) => {
    const path = `/faults/${i}`;
    if (f.type === 'Alarm' || f.type === 'StopDeployment' || f.type === 'ContinueDeployment') {
      problems.push({ path: `${path}/type`, message: `${f.type} is a CodeDeploy input; Elastic Beanstalk deployments take AbortDeployment (and SwapEnvironmentCNAMEs for BlueGreen)` });
    }
    if (f.type === 'SwapEnvironmentCNAMEs' && policy !== 'BlueGreen') {
      problems.push({ path: `${path}/type`, message: `SwapEnvironmentCNAMEs swaps the CNAMEs of a blue/green pair of environments; DeploymentPolicy is ${policy}, not BlueGreen` });
    }
    if (f.errorCode !== undefined) problems.push({ path: `${path}/errorCode`, message: 'error codes are CodeDeploy\'s; Elastic Beanstalk steps simply fail' });
    if (f.type === 'HookFailure' && typeof f.event === 'string' && !EB_FAILABLE_STEPS.includes(f.event)) {
      const hint = suggest(f.event, EB_FAILABLE_STEPS);
      problems.push({
        path: `${path}/event`,
        message: `${quote(f.event)} is not an Elastic Beanstalk workflow step${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of: ${EB_FAILABLE_STEPS.join(', ')}`,
      });
    }
    if (typeof f.target === 'string') {
      const m = /^i-(\d+)$/.exec(f.target);
      if (!m || Number(m[1]) < 1 || Number(m[1]) > known) {
        problems.push({
          path: `${path}/target`,
          message: `no instance ${quote(f.target)} in this deployment; expected i-1 … i-${known} (${thousands(eb.instances)} running${known > eb.instances ? `, i-${eb.instances + 1} … i-${known} launched by ${policy}` : ''})`,
        });
      }
    }
  });
  return problems;
}
