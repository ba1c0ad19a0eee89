// Default values for everything optional in a scenario, and the function that
// fills them in. The trace echoes the filled scenario, so a reader always sees
// exactly what was simulated.
import { EB_DEFAULTS, EB_INSTANCE_WORKFLOW } from '../aws/eb-facts.ts';
import { CODEDEPLOY_EVENT_SECONDS } from '../aws/codedeploy-facts.ts';
import { fillCodeDeploy } from './codedeploy-defaults.ts';
import type { ElasticBeanstalkSettings, Platform, Scenario, Timings } from './types.ts';

/**
 * Durations in seconds. The load balancer values are the EB defaults of reference §1.2
 * (HealthCheckInterval 15, HealthyThresholdCount 3, UnhealthyThresholdCount 5,
 * DeregistrationDelay 20); launch, registration, termination and step times are
 * simulator choices, overridable per scenario.
 */
export const DEFAULT_TIMINGS: Timings = {
  launch: 60,
  deregistration: 20,
  registration: 5,
  healthCheckInterval: 15,
  healthyThreshold: 3,
  unhealthyThreshold: 5,
  termination: 10,
  steps: {},
};

/** Default step durations per platform: EB's workflow steps, CodeDeploy's lifecycle events. */
export const DEFAULT_STEP_SECONDS: Record<Platform, Record<string, number>> = {
  ElasticBeanstalk: Object.fromEntries(EB_INSTANCE_WORKFLOW.map((s) => [s.name, s.seconds])),
  CodeDeploy: { ...CODEDEPLOY_EVENT_SECONDS },
};

// Loosely typed on purpose: input has passed the JSON Schema, so fields have the
// right types, but optional ones may be missing.
type Raw = Record<string, any>;

export function withDefaults(raw: Raw): Scenario {
  const scenario: Scenario = {
    ...(raw.$schema !== undefined ? { $schema: raw.$schema } : {}),
    name: raw.name,
    description: raw.description ?? '',
    ...(raw.source !== undefined ? { source: { files: [...raw.source.files] } } : {}),
    platform: raw.platform,
    versions: { from: raw.versions?.from ?? 'v1', to: raw.versions?.to ?? 'v2' },
    faults: (raw.faults ?? []).map((f: Raw) => ({ ...f })),
    timings: fillTimings(raw.timings ?? {}, raw.platform),
  };
  if (raw.elasticBeanstalk) scenario.elasticBeanstalk = fillElasticBeanstalk(raw.elasticBeanstalk);
  if (raw.codeDeploy) scenario.codeDeploy = fillCodeDeploy(raw.codeDeploy);
  if (raw.questions) scenario.questions = raw.questions.map((q: Raw) => ({ ...q }));
  return scenario;
}

function fillElasticBeanstalk(eb: Raw): ElasticBeanstalkSettings {
  return {
    instances: eb.instances,
    environmentType: eb.environmentType ?? EB_DEFAULTS.environmentType,
    DeploymentPolicy: eb.DeploymentPolicy ?? EB_DEFAULTS.DeploymentPolicy,
    BatchSizeType: eb.BatchSizeType ?? EB_DEFAULTS.BatchSizeType,
    BatchSize: eb.BatchSize ?? EB_DEFAULTS.BatchSize,
    Timeout: eb.Timeout ?? EB_DEFAULTS.Timeout,
    IgnoreHealthCheck: eb.IgnoreHealthCheck ?? EB_DEFAULTS.IgnoreHealthCheck,
    NewVersionPercent: eb.NewVersionPercent ?? EB_DEFAULTS.NewVersionPercent,
    EvaluationTime: eb.EvaluationTime ?? EB_DEFAULTS.EvaluationTime,
    MaxSize: eb.MaxSize ?? Math.max(EB_DEFAULTS.MaxSize, eb.instances),
    dnsTtl: eb.dnsTtl ?? EB_DEFAULTS.dnsTtl,
    swapAfter: eb.swapAfter ?? EB_DEFAULTS.swapAfter,
  };
}

function fillTimings(t: Raw, platform: Platform): Timings {
  const steps: Record<string, number> = { ...DEFAULT_STEP_SECONDS[platform], ...(t.steps ?? {}) };
  return {
    launch: t.launch ?? DEFAULT_TIMINGS.launch,
    deregistration: t.deregistration ?? DEFAULT_TIMINGS.deregistration,
    registration: t.registration ?? DEFAULT_TIMINGS.registration,
    healthCheckInterval: t.healthCheckInterval ?? DEFAULT_TIMINGS.healthCheckInterval,
    healthyThreshold: t.healthyThreshold ?? DEFAULT_TIMINGS.healthyThreshold,
    unhealthyThreshold: t.unhealthyThreshold ?? DEFAULT_TIMINGS.unhealthyThreshold,
    termination: t.termination ?? DEFAULT_TIMINGS.termination,
    steps,
  };
}
