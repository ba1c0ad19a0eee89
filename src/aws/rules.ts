// The rules catalogue: every AWS rule the engine applies, in plain words, with
// the AWS documentation page it comes from (reference: shared/reference/
// aws-deployments.md, which cites the same pages). Trace events carry `rule: <id>`
// so a view can answer "why?"; `deploysim rules --json` prints this catalogue.
// Behaviours AWS does not document are not here: they live in undocumented.ts.

export interface Rule {
  id: string;
  /** The rule, in plain words for a learner. */
  text: string;
  /** The AWS documentation page that states it. */
  source: string;
}

const EB = (page: string) => `https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/${page}.html`;
const CD = (page: string) => `https://docs.aws.amazon.com/codedeploy/latest/userguide/${page}.html`;
const CD_API = (page: string) => `https://docs.aws.amazon.com/codedeploy/latest/APIReference/${page}.html`;
const LAMBDA = (page: string) => `https://docs.aws.amazon.com/lambda/latest/dg/${page}.html`;

const EB_POLICIES_PAGE = EB('using-features.rolling-version-deploy');
const EB_OPTIONS_PAGE = EB('command-options-general');
const CD_CONFIGS_PAGE = CD('deployment-configurations');
const CD_HOOKS_PAGE = CD('reference-appspec-file-structure-hooks');
const CD_ROLLBACK_PAGE = CD('deployments-rollback-and-redeploy');

export const RULES = {
  // ── Elastic Beanstalk (reference §1) ──────────────────────────────────
  'eb.policy-environment': {
    text: 'AllAtOnce works everywhere; Rolling and RollingWithAdditionalBatch need a load-balanced environment; Immutable works for load-balanced and single-instance environments; TrafficSplitting needs an Application Load Balancer.',
    source: EB('using-features.deploy-existing-version'),
  },
  'eb.all-at-once': {
    text: 'AllAtOnce deploys the new version to every instance at once; all are briefly out of service. A failure means downtime and there is no automatic rollback: you redeploy a good version.',
    source: EB_POLICIES_PAGE,
  },
  'eb.rolling-batch': {
    text: 'Rolling deploys batch by batch: the batch is detached from the load balancer (connections drain), gets the new version, and is attached again. The next batch starts only when every instance of this one is healthy. Capacity is one batch short meanwhile.',
    source: EB_POLICIES_PAGE,
  },
  'eb.rolling-failure': {
    text: 'A batch that is not healthy within Timeout fails the deployment: batches already done keep the new version, pending batches keep the old one, and there is no automatic rollback.',
    source: EB_POLICIES_PAGE,
  },
  'eb.batch-size': {
    text: 'BatchSizeType Percentage (default) or Fixed; BatchSize 1–100 for Percentage, 1–MaxSize for Fixed (default 100%).',
    source: EB_OPTIONS_PAGE,
  },
  'eb.timeout': {
    text: 'Timeout (default 600 s, 1–3600) is how long to wait for an instance to run its commands and become healthy; Elastic Beanstalk adds 240 s to it.',
    source: EB_OPTIONS_PAGE,
  },
  'eb.ignore-health-check': {
    text: 'With IgnoreHealthCheck true, instances that do not become healthy within Timeout do not cancel the deployment: it moves on.',
    source: EB_OPTIONS_PAGE,
  },
  'eb.additional-batch-launch': {
    text: 'RollingWithAdditionalBatch launches an extra batch of instances before the rolling deployment starts, so capacity never drops.',
    source: EB_POLICIES_PAGE,
  },
  'eb.additional-batch-terminate': {
    text: 'When a RollingWithAdditionalBatch deployment completes, Elastic Beanstalk terminates the additional batch of instances.',
    source: EB_POLICIES_PAGE,
  },
  'eb.immutable-first-instance': {
    text: 'Immutable creates a temporary Auto Scaling group behind the same load balancer and launches one instance with the new version first; it serves beside the old ones. When it passes health checks, the rest are launched.',
    source: EB('environmentmgmt-updates-immutable'),
  },
  'eb.immutable-promote': {
    text: 'When every new instance passes health checks, Elastic Beanstalk moves them into the original Auto Scaling group and terminates the temporary group and the old instances. Capacity briefly doubles.',
    source: EB('environmentmgmt-updates-immutable'),
  },
  'eb.immutable-failure': {
    text: 'If an Immutable deployment fails, Elastic Beanstalk terminates the temporary group; the original instances were never touched.',
    source: EB('environmentmgmt-updates-immutable'),
  },
  'eb.immutable-ignore-health-check': {
    text: 'IgnoreHealthCheck applies to Immutable deployments too: new instances that do not pass health checks do not cancel the deployment.',
    source: EB('environmentmgmt-updates-immutable'),
  },
  'eb.traffic-splitting-evaluate': {
    text: 'TrafficSplitting launches a full set of new instances in a temporary group, routes NewVersionPercent of client traffic to them and watches their health for EvaluationTime.',
    source: EB_POLICIES_PAGE,
  },
  'eb.traffic-splitting-promote': {
    text: 'If the new instances stay healthy through EvaluationTime, all traffic shifts to them, they join the original group, and the old instances are terminated.',
    source: EB_POLICIES_PAGE,
  },
  'eb.traffic-splitting-failure': {
    text: 'If the new instances turn unhealthy (or the update is aborted), all traffic moves back to the old instances and the new ones are terminated, with no interruption.',
    source: EB_POLICIES_PAGE,
  },
  'eb.cname-swap': {
    text: 'Blue/green: a second environment runs the new version; after testing it, you swap the environments\' CNAMEs (SwapEnvironmentCNAMEs). It is a DNS change: clients move as their cached records expire, and some resolvers keep old records past the TTL.',
    source: EB('using-features.CNAMESwap'),
  },
  'eb.cname-swap-back': {
    text: 'Blue/green rollback is swapping the CNAMEs back: a second SwapEnvironmentCNAMEs.',
    source: EB('using-features.CNAMESwap'),
  },
  'eb.abort': {
    text: 'AbortEnvironmentUpdate stops the update where it is: some instances keep the new version, others the old. It never swaps CNAMEs.',
    source: EB('using-features.rollingupdates.cancel'),
  },
  'eb.instance-workflow': {
    text: 'On each instance: download and extract the bundle, .ebextensions commands, .platform/hooks/prebuild; the Buildfile, proxy configuration, container_commands, .platform/hooks/predeploy; then the Procfile processes, the proxy configuration and .platform/hooks/postdeploy.',
    source: EB('platforms-linux-extend.workflow'),
  },
  'eb.health-checks': {
    text: 'The load balancer checks every HealthCheckInterval (15 s); HealthyThresholdCount (3) passing checks make an instance healthy, UnhealthyThresholdCount (5) failed checks take it out of service; DeregistrationDelay (20 s) drains connections.',
    source: EB('environments-cfg-alb'),
  },
  'eb.single-instance': {
    text: 'A single-instance environment has no load balancer: its one instance serves directly, with no load balancer health checks.',
    source: EB('using-features-managing-env-types'),
  },

  // ── CodeDeploy lifecycle events (reference §2.1–2.2) ───────────────────
  'cd.hooks-in-place': {
    text: 'In-place without a load balancer, each instance runs Start, ApplicationStop, DownloadBundle, BeforeInstall, Install, AfterInstall, ApplicationStart, ValidateService, End.',
    source: CD_HOOKS_PAGE,
  },
  'cd.hooks-in-place-load-balancer': {
    text: 'In-place behind a load balancer, each instance also runs BeforeBlockTraffic, BlockTraffic, AfterBlockTraffic before ApplicationStop, and BeforeAllowTraffic, AllowTraffic, AfterAllowTraffic after ValidateService.',
    source: CD_HOOKS_PAGE,
  },
  'cd.hooks-blue-green': {
    text: 'Blue/green: replacement instances run ApplicationStop … ValidateService, then BeforeAllowTraffic, AllowTraffic, AfterAllowTraffic; then the original instances run BeforeBlockTraffic, BlockTraffic, AfterBlockTraffic.',
    source: CD_HOOKS_PAGE,
  },
  'cd.hooks-lambda': {
    text: 'Lambda: Start, BeforeAllowTraffic (before any traffic shifts), AllowTraffic, AfterAllowTraffic (after all traffic has shifted), End. Each hook is a Lambda function that reports Succeeded or Failed within an hour.',
    source: CD_HOOKS_PAGE,
  },
  'cd.hooks-ecs': {
    text: 'ECS: Start, BeforeInstall, Install (creates the replacement task set), AfterInstall, AllowTestTraffic, AfterAllowTestTraffic, BeforeAllowTraffic, AllowTraffic, AfterAllowTraffic, End.',
    source: CD('deployment-steps-ecs'),
  },
  'cd.reserved-events': {
    text: 'Start, DownloadBundle, Install, BlockTraffic, AllowTraffic (and AllowTestTraffic on ECS) and End are run by CodeDeploy itself; no AppSpec script can hook them.',
    source: CD_HOOKS_PAGE,
  },
  'cd.last-revision-scripts': {
    text: 'ApplicationStop, BeforeBlockTraffic and AfterBlockTraffic run the scripts of the last successful revision on the instance, and are skipped where there is none (a first deployment). Every other hook runs the new revision\'s scripts.',
    source: CD('troubleshooting-deployments'),
  },
  'cd.ignore-application-stop-failures': {
    text: 'With ignoreApplicationStopFailures, a failure in ApplicationStop, BeforeBlockTraffic or AfterBlockTraffic is ignored and the instance continues with the next event.',
    source: CD_API('API_CreateDeployment'),
  },
  'cd.hook-timeout': {
    text: 'The scripts of one lifecycle event may run at most 3600 s; exceeding it fails the instance (ScriptTimedOut).',
    source: CD('reference-appspec-file-structure-hooks'),
  },
  'cd.hook-failure': {
    text: 'A lifecycle event that fails fails the instance\'s deployment; the instance counts as unhealthy until a deployment to it succeeds.',
    source: CD('instances-health'),
  },
  'cd.traffic-hook-failure': {
    text: 'On Lambda and ECS, a lifecycle hook (a Lambda function) that reports Failed, or does not report within an hour, fails the deployment.',
    source: CD_HOOKS_PAGE,
  },
  'cd.allow-traffic-health-wait': {
    text: 'During AllowTraffic the load balancer waits up to an hour for the instance to pass its health checks.',
    source: CD('deployment-steps-server'),
  },

  // ── CodeDeploy deployment configurations (reference §2.3) ──────────────
  'cd.one-at-a-time': {
    text: 'CodeDeployDefault.OneAtATime deploys to one instance at a time. It fails as soon as any instance but the last fails; a failure on the last instance still lets the deployment succeed. On a one-instance group it succeeds only if that instance succeeds.',
    source: CD_CONFIGS_PAGE,
  },
  'cd.half-at-a-time': {
    text: 'CodeDeployDefault.HalfAtATime deploys to up to half the instances at a time (rounded down) and succeeds if at least half (rounded up) succeed.',
    source: CD_CONFIGS_PAGE,
  },
  'cd.all-at-once': {
    text: 'CodeDeployDefault.AllAtOnce deploys to as many instances as possible at once and succeeds if at least one instance succeeds.',
    source: CD_CONFIGS_PAGE,
  },
  'cd.minimum-healthy-hosts': {
    text: 'CodeDeploy never takes the number of healthy instances below the minimum healthy hosts (HOST_COUNT, or FLEET_PERCENT rounded up); it deploys to as many at once as it can without doing so. At least one instance must succeed.',
    source: CD('instances-health'),
  },
  'cd.minimum-impossible': {
    text: 'If the minimum healthy hosts cannot be met, the deployment fails.',
    source: CD('instances-health'),
  },
  'cd.scheduling-order': {
    text: 'CodeDeploy deploys to unhealthy instances first, then instances with an unknown revision, then those on an old revision, then those already on the current one. An instance is healthy if its last deployment succeeded.',
    source: CD('instances-health'),
  },
  'cd.reroute-all-at-once': {
    text: 'Blue/green with AllAtOnce reroutes traffic to every replacement at once and succeeds if traffic reaches at least one replacement; it fails only if rerouting fails for all.',
    source: CD_CONFIGS_PAGE,
  },
  'cd.reroute-half-at-a-time': {
    text: 'Blue/green with HalfAtATime reroutes to up to half the replacements at a time and succeeds if rerouting succeeds for at least half of them.',
    source: CD_CONFIGS_PAGE,
  },
  'cd.reroute-one-at-a-time': {
    text: 'Blue/green with OneAtATime reroutes to one replacement at a time and fails at the first rerouting failure, except that a failure on the last replacement still lets the deployment succeed.',
    source: CD_CONFIGS_PAGE,
  },
  'cd.deregister-originals': {
    text: 'If any original instance fails to deregister from the load balancer, the whole blue/green deployment fails.',
    source: CD_CONFIGS_PAGE,
  },
  'cd.green-fleet': {
    text: 'greenFleetProvisioningOption: COPY_AUTO_SCALING_GROUP launches replacement instances by copying the Auto Scaling group; DISCOVER_EXISTING uses instances you name.',
    source: CD_API('API_GreenFleetProvisioningOption'),
  },
  'cd.ready-wait': {
    text: 'deploymentReadyOption STOP_DEPLOYMENT: the replacements wait (status Ready) for ContinueDeployment; if nobody calls it within waitTimeInMinutes, the deployment is Stopped. CONTINUE_DEPLOYMENT reroutes traffic as soon as the replacements are ready.',
    source: CD_API('API_DeploymentReadyOption'),
  },
  'cd.continue-deployment': {
    text: 'ContinueDeployment with wait type READY_WAIT starts rerouting traffic at once; with TERMINATION_WAIT it ends the wait before the original instances are terminated.',
    source: CD_API('API_ContinueDeployment'),
  },
  'cd.termination-wait': {
    text: 'terminateBlueInstancesOnDeploymentSuccess: TERMINATE ends the original instances after terminationWaitTimeInMinutes; KEEP_ALIVE keeps them running, deregistered.',
    source: CD_API('API_BlueInstanceTerminationOption'),
  },
  'cd.canary': {
    text: 'Canary: the first increment of traffic shifts, then, after the interval, all the rest.',
    source: CD_CONFIGS_PAGE,
  },
  'cd.linear': {
    text: 'Linear: traffic shifts in equal increments, one every interval, until 100%.',
    source: CD_CONFIGS_PAGE,
  },
  'cd.traffic-all-at-once': {
    text: 'AllAtOnce (Lambda and ECS): all traffic shifts at once.',
    source: CD_CONFIGS_PAGE,
  },
  'cd.ecs-before-install-no-rollback': {
    text: 'On ECS, a failure in a BeforeInstall hook cannot trigger a rollback; failures in later hooks can.',
    source: CD('deployment-steps-ecs'),
  },
  'cd.ecs-termination-wait': {
    text: 'On ECS, when the deployment succeeds the original task set is removed after the termination wait.',
    source: CD('deployment-steps-ecs'),
  },

  // ── CodeDeploy rollback and stopping (reference §2.4) ─────────────────
  'cd.rollback-new-deployment': {
    text: 'A rollback is a new deployment with its own deployment id, created by codeDeployRollback, of the last known good revision, on every compute platform.',
    source: CD_ROLLBACK_PAGE,
  },
  'cd.rollback-triggers': {
    text: 'Automatic rollback happens only for the events the deployment group enables in autoRollbackConfiguration: DEPLOYMENT_FAILURE, DEPLOYMENT_STOP_ON_ALARM, DEPLOYMENT_STOP_ON_REQUEST.',
    source: CD_ROLLBACK_PAGE,
  },
  'cd.rollback-in-place': {
    text: 'An in-place rollback redeploys the last known good revision with the same lifecycle events.',
    source: CD_ROLLBACK_PAGE,
  },
  'cd.rollback-blue-green': {
    text: 'A Server blue/green rollback routes traffic back to the original instances, as long as they have not been terminated.',
    source: CD_ROLLBACK_PAGE,
  },
  'cd.rollback-lambda': {
    text: 'A Lambda rollback points the alias back at the original version.',
    source: CD('deployment-steps-lambda'),
  },
  'cd.rollback-ecs': {
    text: 'An ECS rollback reroutes traffic from the replacement task set back to the original; the deployment\'s components return to their state when it started.',
    source: CD('deployment-steps-ecs'),
  },
  'cd.alarm-stops': {
    text: 'A CloudWatch alarm of the deployment group going into ALARM stops the deployment (status Stopped).',
    source: CD('monitoring-create-alarms'),
  },
  'cd.stop-deployment': {
    text: 'StopDeployment stops a deployment in progress (status Stopped); its autoRollbackEnabled flag asks for a rollback.',
    source: CD_API('API_StopDeployment'),
  },
  'cd.one-deployment-at-a-time': {
    text: 'A deployment group runs one deployment at a time.',
    source: CD('deployments'),
  },

  // ── Lambda aliases (reference §3) ─────────────────────────────────────
  'lambda.weighted-alias': {
    text: 'A Lambda alias points at one version and may send a weight (AdditionalVersionWeights) of invocations to one other version; routing is per invocation.',
    source: LAMBDA('configuration-aliases'),
  },
} as const satisfies Record<string, Omit<Rule, 'id'>>;

export type RuleId = keyof typeof RULES;

/** The catalogue as a list, for `deploysim rules --json` and the views. */
export function rulesCatalogue(): Rule[] {
  return (Object.keys(RULES) as RuleId[]).map((id) => ({ id, ...RULES[id] }));
}
