// The scenario contract, as the engine sees it after validation: every optional
// field of the JSON file is filled with its default. Field names follow AWS's own
// spelling (see scenarios/scenario.schema.json, the published form of this type).

export type Platform = 'ElasticBeanstalk' | 'CodeDeploy';

export type DeploymentPolicy =
  | 'AllAtOnce'
  | 'Rolling'
  | 'RollingWithAdditionalBatch'
  | 'Immutable'
  | 'TrafficSplitting'
  | 'BlueGreen';

export type EnvironmentType = 'LoadBalanced' | 'SingleInstance';
export type BatchSizeType = 'Percentage' | 'Fixed';

export interface ElasticBeanstalkSettings {
  instances: number;
  environmentType: EnvironmentType;
  DeploymentPolicy: DeploymentPolicy;
  BatchSizeType: BatchSizeType;
  BatchSize: number;
  /** Seconds; EB adds 240 s of its own (reference §1.2). */
  Timeout: number;
  IgnoreHealthCheck: boolean;
  NewVersionPercent: number;
  /** Minutes. */
  EvaluationTime: number;
  /** Auto Scaling group MaxSize: bounds a Fixed BatchSize (reference §1.2). */
  MaxSize: number;
  /** BlueGreen only: the DNS record's TTL in seconds. */
  dnsTtl: number;
  /** BlueGreen only: seconds the user spends testing the green environment before swapping. */
  swapAfter: number;
}

export type ComputePlatform = 'Server' | 'Lambda' | 'ECS';
export type DeploymentType = 'IN_PLACE' | 'BLUE_GREEN';
export type AutoRollbackEvent = 'DEPLOYMENT_FAILURE' | 'DEPLOYMENT_STOP_ON_ALARM' | 'DEPLOYMENT_STOP_ON_REQUEST';

export interface MinimumHealthyHosts {
  type: 'HOST_COUNT' | 'FLEET_PERCENT';
  value: number;
}

export type TrafficRoutingConfig =
  | { type: 'TimeBasedCanary'; timeBasedCanary: { canaryPercentage: number; canaryInterval: number } }
  | { type: 'TimeBasedLinear'; timeBasedLinear: { linearPercentage: number; linearInterval: number } }
  | { type: 'AllAtOnce' };

export interface CustomDeploymentConfig {
  minimumHealthyHosts?: MinimumHealthyHosts;
  trafficRoutingConfig?: TrafficRoutingConfig;
}

export interface BlueGreenDeploymentConfiguration {
  deploymentReadyOption: {
    actionOnTimeout: 'CONTINUE_DEPLOYMENT' | 'STOP_DEPLOYMENT';
    waitTimeInMinutes: number;
  };
  terminateBlueInstancesOnDeploymentSuccess: {
    action: 'TERMINATE' | 'KEEP_ALIVE';
    terminationWaitTimeInMinutes: number;
  };
  greenFleetProvisioningOption: { action: 'DISCOVER_EXISTING' | 'COPY_AUTO_SCALING_GROUP' };
}

export interface CodeDeploySettings {
  computePlatform: ComputePlatform;
  deploymentType: DeploymentType;
  deploymentConfigName: string;
  customDeploymentConfig?: CustomDeploymentConfig;
  instances: number;
  loadBalancer: boolean;
  autoRollbackConfiguration: { enabled: boolean; events: AutoRollbackEvent[] };
  ignoreApplicationStopFailures: boolean;
  blueGreenDeploymentConfiguration?: BlueGreenDeploymentConfiguration;
}

export type HookErrorCode = 'ScriptFailed' | 'ScriptTimedOut' | 'ScriptMissing' | 'ScriptNotExecutable' | 'UnknownError';

// Every fault may carry `at`: the simulated second from which it takes effect.
// User actions in the app are faults with `at` = the playhead, which is what lets
// the future fork from "now" while the past stays identical.
export type Fault =
  | { type: 'UnhealthyInstance'; target: string; at?: number }
  | { type: 'BadVersion'; at?: number }
  | { type: 'HookFailure'; target?: string; event: string; errorCode?: HookErrorCode; at?: number }
  | { type: 'InstanceTerminated'; target: string; at: number }
  | { type: 'AbortDeployment'; at: number }
  | { type: 'Alarm'; at: number; alarmName?: string }
  | { type: 'StopDeployment'; at: number; autoRollbackEnabled?: boolean }
  /** CodeDeploy EC2 blue/green: the user calls ContinueDeployment (reference §2.3). */
  | { type: 'ContinueDeployment'; at: number; deploymentWaitType: 'READY_WAIT' | 'TERMINATION_WAIT' }
  /** Elastic Beanstalk blue/green: the user swaps the environments' CNAMEs (again: swapping back is the rollback). */
  | { type: 'SwapEnvironmentCNAMEs'; at: number };

export type FaultType = Fault['type'];

/** Durations in seconds of the steps the engine simulates; all have documented defaults. */
export interface Timings {
  /** Launching and booting a new EC2 instance. */
  launch: number;
  /** Draining connections when an instance leaves the load balancer (DeregistrationDelay). */
  deregistration: number;
  /** Attaching an instance to the load balancer. */
  registration: number;
  /** Seconds between load balancer health checks (HealthCheckInterval). */
  healthCheckInterval: number;
  /** Consecutive passing checks before an instance is healthy (HealthyThresholdCount). */
  healthyThreshold: number;
  /** Consecutive failed checks before the load balancer takes an instance out of service (UnhealthyThresholdCount). */
  unhealthyThreshold: number;
  /** Terminating an instance. */
  termination: number;
  /** Per-step durations of the EB instance workflow and CodeDeploy lifecycle events, by step name. */
  steps: Record<string, number>;
}

/** Predict-then-reveal: a question the simulator answers from the trace (never from a typed key). */
export type QuestionKind = 'nextLifecycleEvent' | 'finalVersion' | 'outcome' | 'trafficShare' | 'inService' | 'rollbackCreated';

export interface Question {
  id: string;
  /** When the question is asked (playback pauses there), simulated seconds. */
  at: number;
  ask: QuestionKind;
  /** nextLifecycleEvent (the next event on it after `at`), finalVersion. */
  target?: string;
  /** trafficShare: the version whose share is asked. */
  version?: string;
  /** trafficShare, inService: the moment asked about (default `at`). */
  t?: number;
}

/** Where an imported scenario came from (informational; the engine does not read it). */
export interface ScenarioSource {
  /** The files read, as the user named them. */
  files: string[];
}

export interface Scenario {
  $schema?: string;
  name: string;
  description: string;
  /** Present when the scenario was imported: the AWS files it was generated from. */
  source?: ScenarioSource;
  platform: Platform;
  versions: { from: string; to: string };
  elasticBeanstalk?: ElasticBeanstalkSettings;
  codeDeploy?: CodeDeploySettings;
  faults: Fault[];
  timings: Timings;
  /** Present only when the scenario asks questions. */
  questions?: Question[];
}
