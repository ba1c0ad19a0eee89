// The JSON Schema of a scenario file, built from the AWS facts modules so the
// enums and ranges have one source. `npm run schema` writes it to
// scenarios/scenario.schema.json (published for editors); a test checks the file
// is current. Rules that span several fields live in rules.ts.
import { EB_DEFAULTS, EB_FAILABLE_STEPS, EB_POLICIES, EB_RANGES } from '../aws/eb-facts.ts';
import {
  AUTO_ROLLBACK_EVENTS,
  HOOK_ERROR_CODES,
  PREDEFINED_CONFIG_NAMES,
  TRAFFIC_ROUTING_BOUNDS,
} from '../aws/codedeploy-facts.ts';
import { DEFAULT_TIMINGS } from './defaults.ts';
import { LIMITS } from './limits.ts';

type Json = Record<string, unknown>;

const seconds = (description: string, min = 0): Json => ({ type: 'number', minimum: min, maximum: LIMITS.seconds, description });
const minutes = (description: string, min = 0): Json => ({ type: 'integer', minimum: min, maximum: LIMITS.minutes, description });
const integer = (limit: number, description: string, min = 1): Json => ({ type: 'integer', minimum: min, maximum: limit, description });
const strict = (properties: Record<string, Json>, required: string[] = [], description?: string): Json => ({
  type: 'object',
  ...(description ? { description } : {}),
  properties,
  required,
  additionalProperties: false,
});

const at = seconds('Simulated second from which the fault takes effect (default 0).');
const target = { type: 'string', pattern: '^\\S+$', description: 'A target id, e.g. "i-3".' };

const faults: Json[] = [
  strict(
    { type: { const: 'UnhealthyInstance' }, target, at },
    ['type', 'target'],
    'That instance never passes health checks once it runs the new version.',
  ),
  strict({ type: { const: 'BadVersion' }, at }, ['type'], 'Every target running the new version fails its health checks and validations.'),
  strict(
    {
      type: { const: 'HookFailure' },
      target,
      event: { type: 'string', description: `The step that fails: an Elastic Beanstalk workflow step (${EB_FAILABLE_STEPS.join(', ')}) or a CodeDeploy lifecycle event.` },
      errorCode: { enum: [...HOOK_ERROR_CODES], description: 'CodeDeploy error code (default ScriptFailed).' },
      at,
    },
    ['type', 'event'],
    'A step fails (on `target`, or on every target when omitted).',
  ),
  strict({ type: { const: 'InstanceTerminated' }, target, at: seconds('When the instance is terminated.') }, ['type', 'target', 'at']),
  strict({ type: { const: 'AbortDeployment' }, at: seconds('When the user aborts (AbortEnvironmentUpdate).') }, ['type', 'at']),
  strict(
    { type: { const: 'Alarm' }, at: seconds('When a CloudWatch alarm goes into ALARM.'), alarmName: { type: 'string' } },
    ['type', 'at'],
  ),
  strict(
    {
      type: { const: 'StopDeployment' },
      at: seconds('When the user stops the deployment.'),
      autoRollbackEnabled: { type: 'boolean', description: 'StopDeployment\'s own autoRollbackEnabled flag.' },
    },
    ['type', 'at'],
  ),
  strict(
    {
      type: { const: 'ContinueDeployment' },
      at: seconds('When the user calls ContinueDeployment.'),
      deploymentWaitType: { enum: ['READY_WAIT', 'TERMINATION_WAIT'], description: 'READY_WAIT starts rerouting traffic; TERMINATION_WAIT ends the wait before the original instances are terminated.' },
    },
    ['type', 'at', 'deploymentWaitType'],
    'CodeDeploy EC2 blue/green: the user continues the deployment.',
  ),
  strict(
    { type: { const: 'SwapEnvironmentCNAMEs' }, at: seconds('When the user swaps the environments\' CNAMEs.') },
    ['type', 'at'],
    'Elastic Beanstalk blue/green: the user swaps the CNAMEs; after the swap, swapping again swaps back.',
  ),
];

const elasticBeanstalk = strict(
  {
    instances: integer(LIMITS.instances, 'Instances running before the deployment: i-1 … i-N.'),
    environmentType: { enum: ['LoadBalanced', 'SingleInstance'], default: EB_DEFAULTS.environmentType },
    DeploymentPolicy: { enum: [...EB_POLICIES], default: EB_DEFAULTS.DeploymentPolicy, description: 'BlueGreen is the CNAME-swap workflow.' },
    BatchSizeType: { enum: ['Percentage', 'Fixed'], default: EB_DEFAULTS.BatchSizeType },
    BatchSize: { ...integer(LIMITS.instances, '1–100 for Percentage, 1–MaxSize for Fixed.'), default: EB_DEFAULTS.BatchSize },
    Timeout: { type: 'integer', ...range(EB_RANGES.Timeout), default: EB_DEFAULTS.Timeout, description: 'Seconds; EB adds 240 s internally.' },
    IgnoreHealthCheck: { type: 'boolean', default: EB_DEFAULTS.IgnoreHealthCheck },
    NewVersionPercent: { type: 'integer', ...range(EB_RANGES.NewVersionPercent), default: EB_DEFAULTS.NewVersionPercent },
    EvaluationTime: { type: 'integer', ...range(EB_RANGES.EvaluationTime), default: EB_DEFAULTS.EvaluationTime, description: 'Minutes.' },
    MaxSize: integer(LIMITS.instances, 'Auto Scaling group MaxSize (default: the larger of 4 and instances).'),
    dnsTtl: { ...integer(LIMITS.seconds, 'BlueGreen: DNS TTL in seconds.', 0), default: EB_DEFAULTS.dnsTtl },
    swapAfter: { ...integer(LIMITS.seconds, 'BlueGreen: seconds of testing the green environment before the CNAME swap.', 0), default: EB_DEFAULTS.swapAfter },
  },
  ['instances'],
);

const minimumHealthyHosts = strict(
  { type: { enum: ['HOST_COUNT', 'FLEET_PERCENT'] }, value: integer(LIMITS.instances, 'Instances (HOST_COUNT) or percent of the fleet (FLEET_PERCENT, 0–100).', 0) },
  ['type', 'value'],
);

const trafficRoutingConfig = strict(
  {
    type: { enum: ['TimeBasedCanary', 'TimeBasedLinear', 'AllAtOnce'] },
    timeBasedCanary: strict(
      {
        canaryPercentage: { type: 'integer', ...range(TRAFFIC_ROUTING_BOUNDS.percentage) },
        canaryInterval: minutes('Minutes.', TRAFFIC_ROUTING_BOUNDS.intervalMinutes.min),
      },
      ['canaryPercentage', 'canaryInterval'],
    ),
    timeBasedLinear: strict(
      {
        linearPercentage: { type: 'integer', ...range(TRAFFIC_ROUTING_BOUNDS.percentage) },
        linearInterval: minutes('Minutes.', TRAFFIC_ROUTING_BOUNDS.intervalMinutes.min),
      },
      ['linearPercentage', 'linearInterval'],
    ),
  },
  ['type'],
);

const codeDeploy = strict(
  {
    computePlatform: { enum: ['Server', 'Lambda', 'ECS'], default: 'Server' },
    deploymentType: { enum: ['IN_PLACE', 'BLUE_GREEN'], description: 'Server only; Lambda and ECS are always BLUE_GREEN.' },
    deploymentConfigName: {
      type: 'string',
      minLength: 1,
      examples: [...PREDEFINED_CONFIG_NAMES],
      description: `A predefined configuration (${PREDEFINED_CONFIG_NAMES.join(', ')}); CodeDeployDefault.OneAtATime when omitted on Server. With customDeploymentConfig: the custom configuration's own name (default "Custom").`,
    },
    customDeploymentConfig: strict({ minimumHealthyHosts, trafficRoutingConfig }),
    instances: integer(LIMITS.instances, 'Server: instances in the deployment group, i-1 … i-N (default 3); 0 on Lambda and ECS.', 0),
    loadBalancer: { type: 'boolean', description: 'Server: whether instances sit behind a load balancer (default: true for BLUE_GREEN, false for IN_PLACE; ECS always has one).' },
    autoRollbackConfiguration: strict(
      { enabled: { type: 'boolean' }, events: { type: 'array', items: { enum: [...AUTO_ROLLBACK_EVENTS] }, uniqueItems: true } },
      ['enabled'],
    ),
    ignoreApplicationStopFailures: { type: 'boolean', default: false },
    blueGreenDeploymentConfiguration: strict({
      deploymentReadyOption: strict(
        { actionOnTimeout: { enum: ['CONTINUE_DEPLOYMENT', 'STOP_DEPLOYMENT'] }, waitTimeInMinutes: minutes('Minutes to wait for the deployment to be continued before actionOnTimeout.') },
        ['actionOnTimeout'],
      ),
      terminateBlueInstancesOnDeploymentSuccess: strict(
        { action: { enum: ['TERMINATE', 'KEEP_ALIVE'] }, terminationWaitTimeInMinutes: { type: 'integer', minimum: 0, maximum: 2880 } },
        ['action'],
      ),
      greenFleetProvisioningOption: strict({ action: { enum: ['DISCOVER_EXISTING', 'COPY_AUTO_SCALING_GROUP'] } }, ['action']),
    }),
  },
  [],
);

const timings = strict(
  {
    launch: seconds(`Launching a new instance (default ${DEFAULT_TIMINGS.launch}).`),
    deregistration: seconds(`Connection draining when leaving the load balancer (default ${DEFAULT_TIMINGS.deregistration}).`),
    registration: seconds(`Attaching to the load balancer (default ${DEFAULT_TIMINGS.registration}).`),
    healthCheckInterval: seconds(`Seconds between health checks (default ${DEFAULT_TIMINGS.healthCheckInterval}).`, 1),
    healthyThreshold: integer(LIMITS.healthChecks, `Passing checks to become healthy (default ${DEFAULT_TIMINGS.healthyThreshold}).`),
    unhealthyThreshold: integer(LIMITS.healthChecks, `Failed checks to be taken out of service (default ${DEFAULT_TIMINGS.unhealthyThreshold}).`),
    termination: seconds(`Terminating an instance (default ${DEFAULT_TIMINGS.termination}).`),
    steps: {
      type: 'object',
      description: 'Seconds per step, by step or lifecycle event name, e.g. {"predeploy": 30, "AfterInstall": 60}.',
      maxProperties: LIMITS.stepNames,
      additionalProperties: { type: 'number', minimum: 0, maximum: LIMITS.seconds },
    },
  },
  [],
  'Durations in seconds; every one has a default.',
);

export const scenarioSchema: Json = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'deploysim scenario',
  description: 'One simulated AWS deployment: fleet, policy or deployment configuration, timings and injected faults.',
  type: 'object',
  properties: {
    $schema: { type: 'string' },
    name: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    source: strict(
      {
        files: {
          type: 'array',
          minItems: 1,
          maxItems: LIMITS.sourceFiles,
          items: { type: 'string', minLength: 1, maxLength: LIMITS.sourcePathChars },
          description: 'The files read, as the user named them (a folder or zip bundle\'s files under its name).',
        },
      },
      ['files'],
      'Where the scenario came from: `deploysim import` (and the app\'s import) names the AWS files it was generated from. Informational; the simulation does not read it.',
    ),
    platform: { enum: ['ElasticBeanstalk', 'CodeDeploy'] },
    versions: strict(
      { from: { type: 'string', minLength: 1, default: 'v1' }, to: { type: 'string', minLength: 1, default: 'v2' } },
      [],
      'Labels of the running and the new application version.',
    ),
    elasticBeanstalk,
    codeDeploy,
    questions: {
      type: 'array',
      maxItems: LIMITS.questions,
      description: 'Predict-then-reveal questions: each is answered by the simulator from the trace (`deploysim run --json` adds the answers).',
      items: strict(
        {
          id: { type: 'string', minLength: 1, description: 'Names the question in the answers.' },
          at: seconds('When the question is asked: playback pauses there.'),
          ask: {
            enum: ['nextLifecycleEvent', 'finalVersion', 'outcome', 'trafficShare', 'inService', 'rollbackCreated'],
            description: 'nextLifecycleEvent (on target, after at), finalVersion (of target), outcome, trafficShare (of version at t), inService (count at t), rollbackCreated.',
          },
          target: { type: 'string', minLength: 1, description: 'nextLifecycleEvent, finalVersion: a target id.' },
          version: { type: 'string', minLength: 1, description: 'trafficShare: the version whose share is asked.' },
          t: seconds('trafficShare, inService: the moment asked about (default: at).'),
        },
        ['id', 'at', 'ask'],
      ),
    },
    faults: {
      type: 'array',
      maxItems: LIMITS.faults,
      items: { type: 'object', required: ['type'], discriminator: { propertyName: 'type' }, oneOf: faults },
    },
    timings,
  },
  required: ['name', 'platform'],
  additionalProperties: false,
};

function range(r: { min: number; max: number }): Json {
  return { minimum: r.min, maximum: r.max };
}
