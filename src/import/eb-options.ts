// Elastic Beanstalk option settings, from wherever they come (.ebextensions,
// CloudFormation, `aws elasticbeanstalk describe-configuration-settings`), applied in
// AWS's order of precedence ([EB] command-options.md "Precedence": settings applied
// directly to the environment, then saved configurations, then .ebextensions files in
// alphabetical order, then defaults). Options and ranges: [EB] command-options-general.md
// and reference §1.2.
import { EB_RANGES } from '../aws/eb-facts.ts';
import { suggest } from '../scenario/validate.ts';
import type { Source } from './located-yaml.ts';
import { bool, int, oneOf, type Ctx } from './read.ts';
import type { Report } from './report.ts';
import type { Path } from './types.ts';

export interface OptionSetting {
  namespace: string;
  option: string;
  value: unknown;
  src: Source;
  /** Where the value is. */
  path: Path;
  /** 0 .ebextensions, 1 saved configuration, 2 applied directly to the environment. */
  level: 0 | 1 | 2;
  resourceName?: string;
  /** Read from AWS's own output (describe-configuration-settings): AWS accepted it already. */
  observed?: boolean;
}

export const LEVEL_NAMES = ['a configuration file (.ebextensions)', 'a saved configuration', 'a setting applied directly to the environment'] as const;

type Apply = (c: Ctx, s: OptionSetting, out: EbOptions) => void;

/** What the options say, with the scenario field each one sets. */
export interface EbOptions {
  /** scenario elasticBeanstalk field → value and where it came from. */
  eb: Map<string, { value: unknown; s: OptionSetting }>;
  timings: Map<string, { value: unknown; s: OptionSetting }>;
  loadBalancerType?: { value: string; s: OptionSetting };
}

const eb = (field: string, read: (c: Ctx, s: OptionSetting) => unknown): Apply => (c, s, out) => {
  const value = read(c, s);
  if (value !== undefined) out.eb.set(field, { value, s });
};
const timing = (field: string, range: { min: number; max: number }, unit: string): Apply => (c, s, out) => {
  const value = int(c, s.value, s.path, range, unit);
  if (value !== undefined) out.timings.set(field, { value, s });
};
const ignore = (why: string): Apply => (c, s) => c.r.note('ignored', s.src, s.path, `${s.namespace} ${s.option}: ${why}`);

/** The namespaces deploysim reads; every option of them is known, so a typo is a problem. */
const NAMESPACES: Record<string, Record<string, Apply>> = {
  'aws:elasticbeanstalk:command': {
    DeploymentPolicy: eb('DeploymentPolicy', (c, s) => oneOf(c, s.value, s.path, ['AllAtOnce', 'Rolling', 'RollingWithAdditionalBatch', 'Immutable', 'TrafficSplitting'])),
    BatchSizeType: eb('BatchSizeType', (c, s) => oneOf(c, s.value, s.path, ['Percentage', 'Fixed'])),
    // 1–100 for Percentage, 1–MaxSize for Fixed: the scenario's rules check the pair.
    BatchSize: eb('BatchSize', (c, s) => int(c, s.value, s.path, { min: 1 })),
    Timeout: eb('Timeout', (c, s) => int(c, s.value, s.path, EB_RANGES.Timeout, ' seconds')),
    IgnoreHealthCheck: eb('IgnoreHealthCheck', (c, s) => bool(c, s.value, s.path)),
  },
  'aws:elasticbeanstalk:trafficsplitting': {
    NewVersionPercent: eb('NewVersionPercent', (c, s) => int(c, s.value, s.path, EB_RANGES.NewVersionPercent, ' percent')),
    EvaluationTime: eb('EvaluationTime', (c, s) => int(c, s.value, s.path, EB_RANGES.EvaluationTime, ' minutes')),
  },
  'aws:autoscaling:asg': {
    MinSize: eb('instances', (c, s) => int(c, s.value, s.path, { min: 1, max: 10000 })),
    MaxSize: eb('MaxSize', (c, s) => int(c, s.value, s.path, { min: 1, max: 10000 })),
    'Availability Zones': ignore('deploysim does not model Availability Zones'),
    'Custom Availability Zones': ignore('deploysim does not model Availability Zones'),
    Cooldown: ignore('deploysim does not model scaling activities'),
    EnableCapacityRebalancing: ignore('deploysim does not model Spot Instances'),
  },
  'aws:elasticbeanstalk:environment': {
    EnvironmentType: eb('environmentType', (c, s) => oneOf(c, s.value, s.path, ['LoadBalanced', 'SingleInstance'])),
    LoadBalancerType: (c, s, out) => {
      const value = oneOf(c, s.value, s.path, ['classic', 'application', 'network']);
      if (value) out.loadBalancerType = { value, s };
    },
    ServiceRole: ignore('permissions; deploysim does not model IAM'),
    LoadBalancerIsShared: ignore('deploysim does not model who owns the load balancer'),
  },
  // The load balancer's default process: its health checks and draining are the scenario's timings.
  'aws:elasticbeanstalk:environment:process:default': {
    DeregistrationDelay: timing('deregistration', { min: 0, max: 3600 }, ' seconds'),
    HealthCheckInterval: timing('healthCheckInterval', { min: 5, max: 300 }, ' seconds'),
    HealthyThresholdCount: timing('healthyThreshold', { min: 2, max: 10 }, ''),
    UnhealthyThresholdCount: timing('unhealthyThreshold', { min: 2, max: 10 }, ''),
    HealthCheckPath: ignore('deploysim does not send requests; health comes from the scenario\'s faults'),
    HealthCheckTimeout: ignore('deploysim does not send requests; health comes from the scenario\'s faults'),
    MatcherHTTPCode: ignore('deploysim does not send requests; health comes from the scenario\'s faults'),
    Port: ignore('deploysim does not model ports'),
    Protocol: ignore('deploysim does not model protocols'),
    StickinessEnabled: ignore('deploysim does not model sticky sessions'),
    StickinessLBCookieDuration: ignore('deploysim does not model sticky sessions'),
    StickinessType: ignore('deploysim does not model sticky sessions'),
  },
};

/** Applies settings lowest precedence first, so a later one overrides (and says so). */
export function applyOptionSettings(r: Report, settings: readonly OptionSetting[]): EbOptions {
  const out: EbOptions = { eb: new Map(), timings: new Map() };
  const ordered = settings.map((s, i) => ({ s, i })).sort((a, b) => a.s.level - b.s.level || a.i - b.i);
  const seen = new Map<string, OptionSetting>();
  for (const { s } of ordered) {
    const c: Ctx = { r, src: s.src, lenient: true };
    const options = NAMESPACES[s.namespace];
    if (!options) {
      c.r.note('ignored', s.src, s.path, `${s.namespace} ${s.option}: deploysim does not model this namespace`);
      continue;
    }
    const apply = options[s.option];
    if (!apply && s.observed) {
      c.r.note('ignored', s.src, s.path, `${s.namespace} ${s.option}: deploysim does not model this option`);
      continue;
    }
    if (!apply) {
      const hint = suggest(s.option, Object.keys(options));
      r.error(s.src.at(s.path), `${s.namespace} has no option "${s.option}"${hint ? ` (did you mean "${hint}"?)` : ''}; its options are: ${Object.keys(options).join(', ')}`);
      continue;
    }
    if (s.resourceName !== undefined) {
      c.r.note('ignored', s.src, s.path, `${s.namespace} ${s.option} for resource ${s.resourceName}: deploysim models the environment's own settings only`);
      continue;
    }
    if (s.value === undefined || s.value === null) {
      if (!s.observed) r.error(s.src.at(s.path), `${s.namespace} ${s.option} has no value`);
      continue;
    }
    const key = `${s.namespace}\u0000${s.option}`;
    const before = seen.get(key);
    if (before && before.src !== s.src) {
      const at = before.src.at(before.path);
      c.r.note('info', s.src, s.path, `${s.option} here, ${LEVEL_NAMES[s.level]}, overrides the value in ${at.file}:${at.line}:${at.column}${before.level < s.level ? `, ${LEVEL_NAMES[before.level]}` : ' (configuration files apply in alphabetical order)'}`);
    }
    seen.set(key, s);
    apply(c, s, out);
  }
  return out;
}
