// CodeDeploy's cross-field rules (reference §2), checked after the JSON Schema has
// accepted the structure. Each problem names the field to fix, says what is wrong
// and what is expected.
import {
  configNamesFor,
  ECS_ORIGINAL_TARGET,
  ECS_REPLACEMENT_TARGET,
  LAMBDA_ALIAS_TARGET,
  EVENTS_BY_PLATFORM,
  LOAD_BALANCER_ONLY_EVENTS,
  PREDEFINED_CONFIGS,
  PREDEFINED_PREFIX,
  RESERVED_EVENTS,
  SERVER_BLUE_GREEN_REPLACEMENT_EVENTS,
  SERVER_IN_PLACE_EVENTS,
} from '../aws/codedeploy-facts.ts';
import { DEFAULT_SERVER_INSTANCES } from './codedeploy-defaults.ts';

import type { Problem } from './validate.ts';
import { suggest } from './validate.ts';
import { quote } from './problem-text.ts';

type Raw = Record<string, any>;

const at = (field: string) => `/codeDeploy/${field}`;
const COMPUTE_PLATFORMS: readonly unknown[] = ['Server', 'Lambda', 'ECS'];

export function codeDeployRules(cd: Raw, faults: Raw[]): Problem[] {
  const platform: 'Server' | 'Lambda' | 'ECS' = cd.computePlatform ?? 'Server';
  // An unknown platform is the schema's problem to report; every rule below depends on it.
  if (!COMPUTE_PLATFORMS.includes(platform)) return [];
  const server = platform === 'Server';
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  if (!server && cd.deploymentType === 'IN_PLACE') {
    add(at('deploymentType'), `${platform} deployments are always BLUE_GREEN; IN_PLACE exists only for Server`);
  }
  const blueGreen = (cd.deploymentType ?? (server ? 'IN_PLACE' : 'BLUE_GREEN')) === 'BLUE_GREEN';

  problems.push(...configRules(cd, platform));

  if (server) {
    const instances = cd.instances ?? DEFAULT_SERVER_INSTANCES;
    if (instances < 1) add(at('instances'), `a Server deployment group needs at least 1 instance (got ${quote(instances)})`);
    if (blueGreen && cd.loadBalancer === false) {
      add(at('loadBalancer'), 'EC2 blue/green deployments need a load balancer to reroute traffic; set loadBalancer to true or use IN_PLACE');
    }
  } else {
    if (cd.instances !== undefined && cd.instances !== 0) {
      add(at('instances'), `${platform} deployments have no instances (${platform === 'Lambda' ? 'they shift a function alias' : 'they replace a task set'}); remove instances or set it to 0`);
    }
    if (platform === 'Lambda' && cd.loadBalancer === true) add(at('loadBalancer'), 'Lambda deployments have no load balancer: the function alias routes the traffic');
    if (platform === 'ECS' && cd.loadBalancer === false) add(at('loadBalancer'), 'ECS blue/green deployments always use a load balancer (production and test listeners)');
    if (cd.ignoreApplicationStopFailures === true) {
      add(at('ignoreApplicationStopFailures'), `exists only for Server: ${platform} deployments have no ApplicationStop, BeforeBlockTraffic or AfterBlockTraffic`);
    }
  }

  const rollback = cd.autoRollbackConfiguration;
  if (rollback?.enabled === true && (rollback.events ?? []).length === 0) {
    add(at('autoRollbackConfiguration/events'), 'automatic rollback is enabled but lists no events; expected one or more of DEPLOYMENT_FAILURE, DEPLOYMENT_STOP_ON_ALARM, DEPLOYMENT_STOP_ON_REQUEST');
  }

  problems.push(...blueGreenRules(cd.blueGreenDeploymentConfiguration, platform, blueGreen));
  problems.push(...faultRules(cd, faults, platform, blueGreen));
  return problems;
}

function configRules(cd: Raw, platform: 'Server' | 'Lambda' | 'ECS'): Problem[] {
  const problems: Problem[] = [];
  const names = configNamesFor(platform);
  // Rules also run beside structural problems, so nothing here may assume a field's type.
  const name: string | undefined = typeof cd.deploymentConfigName === 'string' ? cd.deploymentConfigName : undefined;
  const custom: Raw | undefined = typeof cd.customDeploymentConfig === 'object' && cd.customDeploymentConfig !== null ? cd.customDeploymentConfig : undefined;
  if (custom) {
    if (name !== undefined && name.startsWith(PREDEFINED_PREFIX)) {
      problems.push({ path: at('deploymentConfigName'), message: `${quote(name)} uses the prefix ${PREDEFINED_PREFIX}, which AWS reserves for predefined configurations; name the custom configuration differently or remove customDeploymentConfig` });
    }
    if (platform === 'Server') {
      if (custom.trafficRoutingConfig) problems.push({ path: at('customDeploymentConfig/trafficRoutingConfig'), message: 'traffic routing is for Lambda and ECS; a Server configuration sets minimumHealthyHosts' });
      if (!custom.minimumHealthyHosts && !custom.trafficRoutingConfig) problems.push({ path: at('customDeploymentConfig/minimumHealthyHosts'), message: 'is required for a custom Server configuration: {"type": "HOST_COUNT" | "FLEET_PERCENT", "value": n}' });
      else if (custom.minimumHealthyHosts?.type === 'FLEET_PERCENT' && custom.minimumHealthyHosts.value > 100) {
        problems.push({ path: at('customDeploymentConfig/minimumHealthyHosts/value'), message: `FLEET_PERCENT is a percentage of the fleet: must be 0–100 (got ${quote(custom.minimumHealthyHosts.value)})` });
      }
    } else {
      if (custom.minimumHealthyHosts) problems.push({ path: at('customDeploymentConfig/minimumHealthyHosts'), message: `minimum healthy hosts is for Server; ${article(platform)} configuration sets trafficRoutingConfig` });
      const routing = custom.trafficRoutingConfig;
      if (!routing && !custom.minimumHealthyHosts) problems.push({ path: at('customDeploymentConfig/trafficRoutingConfig'), message: `is required for a custom ${platform} configuration: TimeBasedCanary, TimeBasedLinear or AllAtOnce` });
      else if (routing) {
        const needs: Record<string, string | undefined> = { TimeBasedCanary: 'timeBasedCanary', TimeBasedLinear: 'timeBasedLinear', AllAtOnce: undefined };
        // routing.type is user text: only its own keys, never Object.prototype's.
        const known = typeof routing.type === 'string' && Object.hasOwn(needs, routing.type);
        const field = known ? needs[routing.type] : undefined;
        if (field && !routing[field]) problems.push({ path: at(`customDeploymentConfig/trafficRoutingConfig/${field}`), message: `is required when type is ${routing.type}` });
        for (const other of ['timeBasedCanary', 'timeBasedLinear']) {
          if (known && other !== field && routing[other]) problems.push({ path: at(`customDeploymentConfig/trafficRoutingConfig/${other}`), message: `does not belong to type ${routing.type}${field ? `; use ${field}` : ''}` });
        }
      }
    }
    return problems;
  }
  if (name === undefined) {
    if (platform !== 'Server' && cd.deploymentConfigName === undefined) {
      problems.push({ path: at('deploymentConfigName'), message: `is required for ${platform}: the documented default, CodeDeployDefault.OneAtATime, is a Server configuration; expected one of: ${names.join(', ')}` });
    }
    return problems;
  }
  const predefined = Object.hasOwn(PREDEFINED_CONFIGS, name) ? PREDEFINED_CONFIGS[name] : undefined;
  if (!predefined) {
    const hint = suggest(name, names);
    problems.push({ path: at('deploymentConfigName'), message: `${quote(name)} is not a predefined ${platform} configuration${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of: ${names.join(', ')}, or describe your own in customDeploymentConfig` });
  } else if (predefined.platform !== platform) {
    problems.push({ path: at('deploymentConfigName'), message: `${name} is a ${predefined.platform} configuration; this deployment's computePlatform is ${platform}; expected one of: ${names.join(', ')}` });
  }
  return problems;
}

function blueGreenRules(bg: Raw | undefined, platform: 'Server' | 'Lambda' | 'ECS', blueGreen: boolean): Problem[] {
  if (!bg) return [];
  const path = at('blueGreenDeploymentConfiguration');
  if (platform === 'Lambda') return [{ path, message: 'Lambda deployments shift an alias: there are no blue instances to keep, terminate or provision; remove blueGreenDeploymentConfiguration' }];
  if (!blueGreen) return [{ path, message: 'applies to BLUE_GREEN deployments; this one is IN_PLACE' }];
  const problems: Problem[] = [];
  const ready = bg.deploymentReadyOption;
  if (ready?.actionOnTimeout === 'STOP_DEPLOYMENT' && !(ready.waitTimeInMinutes > 0)) {
    problems.push({ path: `${path}/deploymentReadyOption/waitTimeInMinutes`, message: 'STOP_DEPLOYMENT needs a waitTimeInMinutes of at least 1: how long to wait for the deployment to be continued' });
  }
  if (platform === 'ECS') {
    if (ready?.actionOnTimeout === 'STOP_DEPLOYMENT') problems.push({ path: `${path}/deploymentReadyOption/actionOnTimeout`, message: 'deploysim models STOP_DEPLOYMENT for Server blue/green only; use CONTINUE_DEPLOYMENT for ECS' });
    if (bg.terminateBlueInstancesOnDeploymentSuccess?.action === 'KEEP_ALIVE') {
      problems.push({ path: `${path}/terminateBlueInstancesOnDeploymentSuccess/action`, message: 'ECS removes the original task set after the termination wait; KEEP_ALIVE applies to EC2 instances' });
    }
    if (bg.greenFleetProvisioningOption?.action === 'COPY_AUTO_SCALING_GROUP') {
      problems.push({ path: `${path}/greenFleetProvisioningOption/action`, message: 'ECS creates a replacement task set, not an Auto Scaling group; remove greenFleetProvisioningOption' });
    }
  }
  return problems;
}

/** The lifecycle events a target of this deployment runs, for checking HookFailure.event. */
function eventsOf(platform: 'Server' | 'Lambda' | 'ECS', blueGreen: boolean, loadBalancer: boolean): readonly string[] {
  if (platform !== 'Server') return EVENTS_BY_PLATFORM[platform];
  if (blueGreen) return [...SERVER_BLUE_GREEN_REPLACEMENT_EVENTS, 'BeforeBlockTraffic', 'BlockTraffic', 'AfterBlockTraffic'];
  return loadBalancer ? EVENTS_BY_PLATFORM.Server : SERVER_IN_PLACE_EVENTS;
}

/**
 * What a fault may name in this deployment: the one source for both validation
 * (faultRules) and the app's fault panel (layout/faults.ts), so the panel never
 * offers a fault that validation then rejects.
 */
export interface FaultFacts {
  platform: 'Server' | 'Lambda' | 'ECS';
  blueGreen: boolean;
  loadBalancer: boolean;
  /** Every lifecycle event a target runs (reserved ones included). */
  events: readonly string[];
  /** The events a HookFailure may name: those where an AppSpec script runs. */
  hooks: readonly string[];
  /** Server: instances i-1 … i-known. */
  instances: number;
  known: number;
  /** Lambda / ECS: the targets that run hooks. */
  hookTargets: readonly string[];
}

export function codeDeployFaultFacts(cd: Raw): FaultFacts {
  const platform: 'Server' | 'Lambda' | 'ECS' = cd.computePlatform ?? 'Server';
  const server = platform === 'Server';
  const blueGreen = (cd.deploymentType ?? (server ? 'IN_PLACE' : 'BLUE_GREEN')) === 'BLUE_GREEN';
  const instances = server ? (cd.instances ?? DEFAULT_SERVER_INSTANCES) : 0;
  const loadBalancer = cd.loadBalancer ?? (platform === 'ECS' || (server && blueGreen));
  const events = eventsOf(platform, blueGreen, loadBalancer);
  return {
    platform,
    blueGreen,
    loadBalancer,
    events,
    hooks: [...new Set(events.filter((e) => !RESERVED_EVENTS.has(e)))],
    instances,
    // Blue/green replacements continue the numbering: i-N+1 … i-2N.
    known: blueGreen ? 2 * instances : instances,
    hookTargets: platform === 'Lambda' ? [LAMBDA_ALIAS_TARGET] : platform === 'ECS' ? [ECS_REPLACEMENT_TARGET] : [],
  };
}

function faultRules(cd: Raw, faults: Raw[], platform: 'Server' | 'Lambda' | 'ECS', blueGreen: boolean): Problem[] {
  const problems: Problem[] = [];
  const server = platform === 'Server';
  const { instances, known, loadBalancer, events, hooks, hookTargets: targets } = codeDeployFaultFacts({ ...cd, computePlatform: platform });
  if (!Array.isArray(faults)) return problems;
  faults.forEach((f, i) => {
    if (typeof f !== 'object' || f === null) return;
    const path = `/faults/${i}`;
    if (f.type === 'AbortDeployment' || f.type === 'SwapEnvironmentCNAMEs') {
      problems.push({ path: `${path}/type`, message: `${f.type} is an Elastic Beanstalk input; CodeDeploy deployments take StopDeployment, an Alarm or ContinueDeployment` });
      return;
    }
    if (f.type === 'ContinueDeployment' && !(server && blueGreen)) {
      problems.push({ path: `${path}/type`, message: 'ContinueDeployment continues an EC2/on-premises blue/green deployment (computePlatform Server, deploymentType BLUE_GREEN)' });
      return;
    }
    if (!server && (f.type === 'UnhealthyInstance' || f.type === 'InstanceTerminated')) {
      problems.push({ path: `${path}/type`, message: `${f.type} is about EC2 instances; ${article(platform)} deployment has none: use BadVersion or HookFailure` });
      return;
    }
    if (f.type === 'HookFailure' && typeof f.event === 'string') {
      if (RESERVED_EVENTS.has(f.event)) {
        problems.push({ path: `${path}/event`, message: `${f.event} is reserved for CodeDeploy: no AppSpec script runs in it; expected a hook: ${hooks.join(', ')}` });
      } else if (!events.includes(f.event)) {
        const lbOnly = server && !blueGreen && !loadBalancer && LOAD_BALANCER_ONLY_EVENTS.has(f.event);
        const hint = suggest(f.event, events);
        problems.push({
          path: `${path}/event`,
          message: lbOnly
            ? `${f.event} runs only when the instances sit behind a load balancer; set loadBalancer to true or pick another hook`
            : `${quote(f.event)} is not a lifecycle event of ${article(platform)}${server ? ` ${blueGreen ? 'blue/green' : 'in-place'}` : ''} deployment${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of: ${hooks.join(', ')}`,
        });
      }
    }
    if (typeof f.target === 'string') {
      if (server) {
        const m = /^i-(\d+)$/.exec(f.target);
        if (!m || Number(m[1]) < 1 || Number(m[1]) > known) {
          problems.push({
            path: `${path}/target`,
            message: `no instance ${quote(f.target)} in this deployment; expected i-1 … i-${known}${blueGreen ? ` (i-1 … i-${instances} are the originals, i-${instances + 1} … i-${known} the replacements)` : ''}`,
          });
        }
      } else if (!targets.includes(f.target)) {
        const hint = f.target === ECS_ORIGINAL_TARGET ? ' (the original task set runs no hooks)' : '';
        problems.push({ path: `${path}/target`, message: `no target ${quote(f.target)} runs hooks in ${article(platform)} deployment${hint}; expected ${targets.join(' or ')}, or omit target` });
      }
    }
  });
  return problems;
}

/** "a Lambda", "an ECS" (read letter by letter). */
function article(platform: string): string {
  return platform === 'ECS' ? 'an ECS' : `a ${platform}`;
}
