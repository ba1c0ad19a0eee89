// A CodeDeploy deployment group and a deployment configuration, as the API returns
// them (`aws deploy get-deployment-group` / `get-deployment-config`, camelCase) or as
// CloudFormation declares them (AWS::CodeDeploy::DeploymentGroup / DeploymentConfig,
// PascalCase): the same model in two spellings, read by one mapper. Field names and
// enums: [API] codedeploy service-2.json; the scenario's codeDeploy block uses the
// API's own names, so most fields carry over as they are (reference §2.3–2.4).
import { AUTO_ROLLBACK_EVENTS } from '../aws/codedeploy-facts.ts';
import type { ComputePlatform } from '../scenario/types.ts';
import type { Source } from './located-yaml.ts';
import { bool, checkKeys, int, list, obj, oneOf, str, type Ctx, type Obj } from './read.ts';
import type { Path } from './types.ts';

export type Casing = 'camel' | 'Pascal';

/** A field name in the file's spelling. CloudFormation spells one acronym its own way. */
function keyFor(casing: Casing, camel: string): string {
  if (casing === 'camel') return camel;
  return camel === 'ecsServices' ? 'ECSServices' : camel[0]!.toUpperCase() + camel.slice(1);
}

/** Reads `o` by camelCase names whatever the file's casing. */
class Fields {
  constructor(
    readonly c: Ctx,
    readonly o: Obj,
    readonly path: Path,
    readonly casing: Casing,
  ) {}
  key(camel: string): string {
    return keyFor(this.casing, camel);
  }
  has(camel: string): boolean {
    const v = this.o[this.key(camel)];
    return v !== undefined && v !== null;
  }
  get(camel: string): unknown {
    return this.o[this.key(camel)];
  }
  at(camel: string): Path {
    return [...this.path, this.key(camel)];
  }
  check(spec: { known: string[]; ignored?: Record<string, string>; metadata?: string[] }, where: string, unknownIsNote: boolean): void {
    const rename = (names: string[]) => names.map((n) => this.key(n));
    const ignored = Object.fromEntries(Object.entries(spec.ignored ?? {}).map(([k, v]) => [this.key(k), v]));
    checkKeys(this.c, this.o, this.path, { known: rename(spec.known), ignored, metadata: rename(spec.metadata ?? []), unknownIsNote }, where);
  }
  sub(camel: string, what?: string): Fields | undefined {
    const o = obj(this.c, this.get(camel), this.at(camel), what);
    return o ? new Fields(this.c, o, this.at(camel), this.casing) : undefined;
  }
}

export interface GroupImport {
  src: Source;
  path: Path;
  computePlatform?: ComputePlatform;
  /** Fields of the scenario's codeDeploy block, with the path each came from. */
  fields: { name: string; value: unknown; path: Path }[];
  deploymentConfigName?: { name: string; path: Path };
}

export interface ConfigImport {
  src: Source;
  path: Path;
  name?: string;
  /** CloudFormation: the logical id, which a Ref in the template gives for the configuration. */
  id?: string;
  computePlatform: ComputePlatform;
  custom: { minimumHealthyHosts?: unknown; trafficRoutingConfig?: unknown };
}

const WHICH_INSTANCES = 'which instances the group deploys to; deploysim simulates instances i-1 … i-N (codeDeploy.instances)';

export function readDeploymentGroup(c: Ctx, o: Obj, path: Path, casing: Casing, cliOutput: boolean, platform?: ComputePlatform): GroupImport {
  const f = new Fields(c, o, path, casing);
  f.check(
    {
      known: ['deploymentConfigName', 'autoRollbackConfiguration', 'deploymentStyle', 'blueGreenDeploymentConfiguration', 'loadBalancerInfo', ...(cliOutput ? ['computePlatform'] : ['deployment'])],
      ignored: {
        alarmConfiguration: 'CloudWatch alarms: to see what an alarm does, add an Alarm fault at the second it goes into ALARM',
        autoScalingGroups: WHICH_INSTANCES,
        ec2TagFilters: WHICH_INSTANCES,
        ec2TagSet: WHICH_INSTANCES,
        onPremisesInstanceTagFilters: WHICH_INSTANCES,
        onPremisesTagSet: WHICH_INSTANCES,
        ecsServices: 'the ECS service; deploysim simulates its original and replacement task sets',
        triggerConfigurations: 'notifications; deploysim does not model SNS',
        outdatedInstancesStrategy: 'what happens to instances launched during a deployment; deploysim does not model scale-out',
        terminationHookEnabled: 'Auto Scaling termination hooks; deploysim does not model scale-in',
        serviceRoleArn: 'permissions; deploysim does not model IAM',
        tags: 'tags do not change a deployment',
      },
      metadata: ['applicationName', 'deploymentGroupName', 'deploymentGroupId', 'targetRevision', 'lastSuccessfulDeployment', 'lastAttemptedDeployment'],
    },
    'a deployment group',
    cliOutput,
  );
  // CloudFormation says the platform on the application resource; the CLI's output says it here.
  const out: GroupImport = { src: c.src, path, fields: [], ...(platform ? { computePlatform: platform } : {}) };
  const set = (name: string, value: unknown, at: Path) => out.fields.push({ name, value, path: at });

  if (f.has('computePlatform')) out.computePlatform = oneOf(c, f.get('computePlatform'), f.at('computePlatform'), ['Server', 'Lambda', 'ECS']);
  if (f.has('deploymentConfigName')) {
    const name = str(c, f.get('deploymentConfigName'), f.at('deploymentConfigName'));
    if (name !== undefined) out.deploymentConfigName = { name, path: f.at('deploymentConfigName') };
  }

  const rollback = f.has('autoRollbackConfiguration') ? f.sub('autoRollbackConfiguration') : undefined;
  if (rollback) {
    rollback.check({ known: ['enabled', 'events'] }, 'autoRollbackConfiguration', cliOutput);
    const enabled = rollback.has('enabled') ? bool(c, rollback.get('enabled'), rollback.at('enabled')) : false;
    const events = rollback.has('events') ? list(c, rollback.get('events'), rollback.at('events')) : [];
    const names = (events ?? []).map((e, i) => oneOf(c, e, [...rollback.at('events'), i], AUTO_ROLLBACK_EVENTS)).filter((e) => e !== undefined);
    if (enabled !== undefined) set('autoRollbackConfiguration', { enabled, events: [...new Set(names)] }, rollback.path);
  }

  let deploymentType: string | undefined;
  let trafficControl = false;
  const style = f.has('deploymentStyle') ? f.sub('deploymentStyle') : undefined;
  if (style) {
    style.check({ known: ['deploymentType', 'deploymentOption'] }, 'deploymentStyle', cliOutput);
    if (style.has('deploymentType')) deploymentType = oneOf(c, style.get('deploymentType'), style.at('deploymentType'), ['IN_PLACE', 'BLUE_GREEN']);
    if (style.has('deploymentOption')) trafficControl = oneOf(c, style.get('deploymentOption'), style.at('deploymentOption'), ['WITH_TRAFFIC_CONTROL', 'WITHOUT_TRAFFIC_CONTROL']) === 'WITH_TRAFFIC_CONTROL';
    if (deploymentType) set('deploymentType', deploymentType, style.at('deploymentType'));
  }

  // A load balancer is used when the style routes traffic through one the group names.
  const lbInfo = f.has('loadBalancerInfo') ? f.sub('loadBalancerInfo') : undefined;
  let named = false;
  if (lbInfo) {
    lbInfo.check({ known: ['elbInfoList', 'targetGroupInfoList', 'targetGroupPairInfoList'] }, 'loadBalancerInfo', cliOutput);
    for (const k of ['elbInfoList', 'targetGroupInfoList', 'targetGroupPairInfoList']) {
      if (lbInfo.has(k)) named ||= (list(c, lbInfo.get(k), lbInfo.at(k)) ?? []).length > 0;
    }
  }
  if (out.computePlatform !== 'Lambda' && out.computePlatform !== 'ECS') {
    if (named && !trafficControl) c.r.note('info', c.src, f.at('loadBalancerInfo'), 'deploymentOption is not WITH_TRAFFIC_CONTROL, so CodeDeploy does not route traffic through this load balancer and the traffic hooks do not run');
    if (trafficControl && !named) c.r.note('assumed', c.src, style!.at('deploymentOption'), 'WITH_TRAFFIC_CONTROL without a load balancer in loadBalancerInfo: deploysim simulates no load balancer');
    if (style || lbInfo) set('loadBalancer', trafficControl && named, lbInfo ? lbInfo.path : style!.at('deploymentOption'));
  }

  const bg = f.has('blueGreenDeploymentConfiguration') ? f.sub('blueGreenDeploymentConfiguration') : undefined;
  if (bg) {
    const value = readBlueGreen(bg, cliOutput);
    if (deploymentType === 'BLUE_GREEN' && out.computePlatform !== 'Lambda') set('blueGreenDeploymentConfiguration', value, bg.path);
    else c.r.note('ignored', c.src, bg.path, 'applies to blue/green deployments on EC2 and ECS; this group is not one');
  }

  const deployment = f.has('deployment') ? f.sub('deployment') : undefined;
  if (deployment) {
    deployment.check({ known: ['ignoreApplicationStopFailures'], ignored: { revision: 'the revision to deploy; the AppSpec file describes it', description: 'a description does not change a deployment' } }, 'Deployment', false);
    if (deployment.has('ignoreApplicationStopFailures')) {
      const v = bool(c, deployment.get('ignoreApplicationStopFailures'), deployment.at('ignoreApplicationStopFailures'));
      if (v !== undefined) set('ignoreApplicationStopFailures', v, deployment.at('ignoreApplicationStopFailures'));
    }
  }
  return out;
}

function readBlueGreen(bg: Fields, cliOutput: boolean): Obj {
  const { c } = bg;
  bg.check({ known: ['deploymentReadyOption', 'terminateBlueInstancesOnDeploymentSuccess', 'greenFleetProvisioningOption'] }, 'blueGreenDeploymentConfiguration', cliOutput);
  const out: Obj = {};
  const ready = bg.has('deploymentReadyOption') ? bg.sub('deploymentReadyOption') : undefined;
  if (ready) {
    ready.check({ known: ['actionOnTimeout', 'waitTimeInMinutes'] }, 'deploymentReadyOption', cliOutput);
    const action = ready.has('actionOnTimeout') ? oneOf(c, ready.get('actionOnTimeout'), ready.at('actionOnTimeout'), ['CONTINUE_DEPLOYMENT', 'STOP_DEPLOYMENT']) : 'CONTINUE_DEPLOYMENT';
    const wait = ready.has('waitTimeInMinutes') ? int(c, ready.get('waitTimeInMinutes'), ready.at('waitTimeInMinutes'), { min: 0 }, ' minutes') : undefined;
    if (action) out.deploymentReadyOption = { actionOnTimeout: action, ...(wait !== undefined ? { waitTimeInMinutes: wait } : {}) };
  }
  const terminate = bg.has('terminateBlueInstancesOnDeploymentSuccess') ? bg.sub('terminateBlueInstancesOnDeploymentSuccess') : undefined;
  if (terminate) {
    terminate.check({ known: ['action', 'terminationWaitTimeInMinutes'] }, 'terminateBlueInstancesOnDeploymentSuccess', cliOutput);
    const action = terminate.has('action') ? oneOf(c, terminate.get('action'), terminate.at('action'), ['TERMINATE', 'KEEP_ALIVE']) : 'TERMINATE';
    const wait = terminate.has('terminationWaitTimeInMinutes') ? int(c, terminate.get('terminationWaitTimeInMinutes'), terminate.at('terminationWaitTimeInMinutes'), { min: 0, max: 2880 }, ' minutes') : undefined;
    if (action) out.terminateBlueInstancesOnDeploymentSuccess = { action, ...(wait !== undefined ? { terminationWaitTimeInMinutes: wait } : {}) };
  }
  const green = bg.has('greenFleetProvisioningOption') ? bg.sub('greenFleetProvisioningOption') : undefined;
  if (green) {
    green.check({ known: ['action'] }, 'greenFleetProvisioningOption', cliOutput);
    const action = green.has('action') ? oneOf(c, green.get('action'), green.at('action'), ['DISCOVER_EXISTING', 'COPY_AUTO_SCALING_GROUP']) : undefined;
    if (action) out.greenFleetProvisioningOption = { action };
  }
  return out;
}

export function readDeploymentConfig(c: Ctx, o: Obj, path: Path, casing: Casing, cliOutput: boolean): ConfigImport {
  const f = new Fields(c, o, path, casing);
  f.check(
    {
      known: ['deploymentConfigName', 'computePlatform', 'minimumHealthyHosts', 'trafficRoutingConfig'],
      ignored: { zonalConfig: 'zonal deployments across Availability Zones; deploysim does not model zones' },
      metadata: ['deploymentConfigId', 'createTime'],
    },
    'a deployment configuration',
    cliOutput,
  );
  const computePlatform = f.has('computePlatform') ? (oneOf(c, f.get('computePlatform'), f.at('computePlatform'), ['Server', 'Lambda', 'ECS']) ?? 'Server') : 'Server';
  const out: ConfigImport = { src: c.src, path, computePlatform, custom: {} };
  if (f.has('deploymentConfigName')) {
    const name = str(c, f.get('deploymentConfigName'), f.at('deploymentConfigName'));
    if (name !== undefined) out.name = name;
  }
  const hosts = f.has('minimumHealthyHosts') ? f.sub('minimumHealthyHosts') : undefined;
  if (hosts && computePlatform !== 'Server') {
    c.r.note('ignored', c.src, hosts.path, `minimum healthy hosts applies to EC2/On-premises deployments; a ${computePlatform} configuration shifts traffic`);
  } else if (hosts) {
    hosts.check({ known: ['type', 'value'] }, 'minimumHealthyHosts', cliOutput);
    const type = oneOf(c, hosts.get('type'), hosts.at('type'), ['HOST_COUNT', 'FLEET_PERCENT']);
    const value = int(c, hosts.get('value'), hosts.at('value'), { min: 0, ...(type === 'FLEET_PERCENT' ? { max: 100 } : {}) });
    if (type && value !== undefined) out.custom.minimumHealthyHosts = { type, value };
  }
  const routing = f.has('trafficRoutingConfig') ? f.sub('trafficRoutingConfig') : undefined;
  if (routing && computePlatform === 'Server') {
    c.r.note('ignored', c.src, routing.path, 'traffic routing applies to Lambda and ECS deployments; an EC2/On-premises configuration sets minimum healthy hosts');
  } else if (routing) {
    routing.check({ known: ['type', 'timeBasedCanary', 'timeBasedLinear'] }, 'trafficRoutingConfig', cliOutput);
    const type = oneOf(c, routing.get('type'), routing.at('type'), ['TimeBasedCanary', 'TimeBasedLinear', 'AllAtOnce']);
    const value: Obj = { type };
    for (const [field, pct, interval] of [['timeBasedCanary', 'canaryPercentage', 'canaryInterval'], ['timeBasedLinear', 'linearPercentage', 'linearInterval']] as const) {
      if (!routing.has(field)) continue;
      const sub = routing.sub(field);
      if (!sub) continue;
      sub.check({ known: [pct, interval] }, field, cliOutput);
      // At most 99 % per increment (reference §2.3); intervals in minutes.
      const p = int(c, sub.get(pct), sub.at(pct), { min: 1, max: 99 }, ' percent');
      const m = int(c, sub.get(interval), sub.at(interval), { min: 1 }, ' minutes');
      if (p !== undefined && m !== undefined) value[field] = { [pct]: p, [interval]: m };
    }
    const needs = type === 'TimeBasedCanary' ? 'timeBasedCanary' : type === 'TimeBasedLinear' ? 'timeBasedLinear' : undefined;
    if (needs && !routing.has(needs)) c.r.error(c.src.at(routing.path), `${routing.key(needs)} is required when the type is ${type}`);
    if (type) out.custom.trafficRoutingConfig = value;
  }
  return out;
}
