// Elastic Beanstalk facts (reference §1), as data: the one place the engine,
// the scenario defaults, the narration and the tests read them from.
import type { DeploymentPolicy } from '../scenario/types.ts';

export const EB_POLICIES = [
  'AllAtOnce',
  'Rolling',
  'RollingWithAdditionalBatch',
  'Immutable',
  'TrafficSplitting',
  'BlueGreen',
] as const satisfies readonly DeploymentPolicy[];

/** aws:elasticbeanstalk:command and aws:elasticbeanstalk:trafficsplitting defaults (reference §1.2). */
export const EB_DEFAULTS = {
  environmentType: 'LoadBalanced',
  DeploymentPolicy: 'AllAtOnce',
  BatchSizeType: 'Percentage',
  BatchSize: 100,
  Timeout: 600,
  IgnoreHealthCheck: false,
  NewVersionPercent: 10,
  EvaluationTime: 5,
  /** Auto Scaling group MaxSize default. */
  MaxSize: 4,
  dnsTtl: 60,
  swapAfter: 300,
} as const;

export const EB_RANGES = {
  BatchSizePercentage: { min: 1, max: 100 },
  Timeout: { min: 1, max: 3600 },
  NewVersionPercent: { min: 1, max: 100 },
  EvaluationTime: { min: 3, max: 600 },
} as const;

/** EB adds this many seconds to `Timeout` internally (reference §1.2). */
export const EB_TIMEOUT_EXTRA_SECONDS = 240;

/** Which environments can use which policy (reference §1.1). */
export const EB_POLICY_NEEDS_LOAD_BALANCER: Record<DeploymentPolicy, string | undefined> = {
  AllAtOnce: undefined,
  Rolling: 'Rolling needs a load-balanced environment',
  RollingWithAdditionalBatch: 'RollingWithAdditionalBatch needs a load-balanced environment',
  Immutable: undefined,
  TrafficSplitting: 'TrafficSplitting needs an Application Load Balancer, so a load-balanced environment',
  BlueGreen: undefined,
};

/** The official comparison (reference §1.1): what a failure costs and how to roll back. */
export const EB_POLICY_FACTS: Record<DeploymentPolicy, { failureImpact: string; rollback: string }> = {
  AllAtOnce: { failureImpact: 'Downtime', rollback: 'Manual redeploy' },
  Rolling: {
    failureImpact: 'Single batch out of service; batches done before the failure run the new version',
    rollback: 'Manual redeploy',
  },
  RollingWithAdditionalBatch: {
    failureImpact: 'Minimal if the first batch fails, otherwise like Rolling',
    rollback: 'Manual redeploy',
  },
  Immutable: { failureImpact: 'Minimal', rollback: 'Terminate new instances' },
  TrafficSplitting: {
    failureImpact: 'The share of client traffic routed to the new version is temporarily impacted',
    rollback: 'Reroute traffic and terminate new instances',
  },
  BlueGreen: { failureImpact: 'Minimal', rollback: 'Swap URL back' },
};

export interface WorkflowStepFact {
  name: string;
  phase: 'Initial' | 'Configure' | 'Deploy';
  what: string;
  /** Default duration in seconds (a simulator choice; override in the scenario's timings.steps). */
  seconds: number;
  /** True for the platform hooks under .platform/hooks/. */
  hook?: boolean;
}

/**
 * The instance deployment workflow on Amazon Linux 2 and later (reference §1.4),
 * in order. `prebuild`, `predeploy` and `postdeploy` are the platform hooks.
 */
export const EB_INSTANCE_WORKFLOW: readonly WorkflowStepFact[] = [
  { name: 'download', phase: 'Initial', what: 'download and extract the source bundle', seconds: 8 },
  { name: 'commands', phase: 'Initial', what: 'run .ebextensions commands', seconds: 3 },
  { name: 'prebuild', phase: 'Initial', what: 'run .platform/hooks/prebuild', seconds: 3, hook: true },
  { name: 'buildfile', phase: 'Configure', what: 'run the Buildfile', seconds: 4 },
  { name: 'proxy-config', phase: 'Configure', what: 'copy the .platform/nginx proxy configuration', seconds: 1 },
  { name: 'container_commands', phase: 'Configure', what: 'run .ebextensions container_commands', seconds: 3 },
  { name: 'predeploy', phase: 'Configure', what: 'run .platform/hooks/predeploy', seconds: 3, hook: true },
  { name: 'procfile', phase: 'Deploy', what: 'start the Procfile processes (the application restarts on the new version)', seconds: 5 },
  { name: 'proxy-apply', phase: 'Deploy', what: 'apply the proxy configuration', seconds: 1 },
  { name: 'postdeploy', phase: 'Deploy', what: 'run .platform/hooks/postdeploy', seconds: 2, hook: true },
];

/** The workflow step at whose start the instance begins running the new version. */
export const EB_RESTART_STEP = 'procfile';

/** Steps around the workflow that are spans too (load balancer and instance lifecycle). */
export const EB_LIFECYCLE_STEPS = {
  launch: 'launch',
  deregister: 'deregister',
  register: 'register',
  healthCheck: 'health-check',
  terminate: 'terminate',
} as const;

/** Every step name a HookFailure may name on Elastic Beanstalk. */
export const EB_FAILABLE_STEPS: readonly string[] = EB_INSTANCE_WORKFLOW.map((s) => s.name);

/**
 * Instances per batch. Percentage rounding is UNDOCUMENTED (see undocumented.ts,
 * percentageRounding): rounded up, at least 1.
 */
export function ebBatchSize(s: { instances: number; BatchSizeType: 'Percentage' | 'Fixed'; BatchSize: number }): number {
  if (s.BatchSizeType === 'Fixed') return Math.max(1, Math.min(s.BatchSize, s.instances));
  return Math.max(1, Math.min(s.instances, Math.ceil((s.instances * s.BatchSize) / 100)));
}

/** How many instances a policy launches, so faults can name them before they exist. */
export function ebLaunchedInstances(s: {
  instances: number;
  DeploymentPolicy: DeploymentPolicy;
  BatchSizeType: 'Percentage' | 'Fixed';
  BatchSize: number;
}): number {
  switch (s.DeploymentPolicy) {
    case 'AllAtOnce':
    case 'Rolling':
      return 0;
    case 'RollingWithAdditionalBatch':
      return ebBatchSize(s);
    case 'Immutable':
    case 'TrafficSplitting':
    case 'BlueGreen':
      return s.instances;
  }
}

/**
 * deploysim's model of clients moving after a CNAME swap, where AWS gives no
 * numbers (undocumented.ts: dnsPropagation, dnsTail): `withinTtlPercent` of the
 * clients move evenly over one TTL in `steps`, the rest when `tailTtls` TTLs have
 * passed since the swap.
 */
export const EB_DNS_MODEL = { steps: 10, withinTtlPercent: 95, tailTtls: 3 } as const;
