// CodeDeploy facts (reference §2–3), as data: lifecycle event orders, reserved
// events, predefined deployment configurations and AWS's bounds.
import type { ComputePlatform } from '../scenario/types.ts';
import { thousands } from '../scenario/thousands.ts';

/** Events CodeDeploy runs itself; no AppSpec script can hook them (reference §2.1, §2.2). */
export const RESERVED_EVENTS = new Set([
  'Start',
  'DownloadBundle',
  'Install',
  'BlockTraffic',
  'AllowTraffic',
  'AllowTestTraffic',
  'End',
]);

/** In-place, per instance, without a load balancer (reference §2.1). */
export const SERVER_IN_PLACE_EVENTS = [
  'Start',
  'ApplicationStop',
  'DownloadBundle',
  'BeforeInstall',
  'Install',
  'AfterInstall',
  'ApplicationStart',
  'ValidateService',
  'End',
] as const;

/** In-place, per instance, with a load balancer (reference §2.1; the agent's own list agrees). */
export const SERVER_IN_PLACE_LB_EVENTS = [
  'Start',
  'BeforeBlockTraffic',
  'BlockTraffic',
  'AfterBlockTraffic',
  'ApplicationStop',
  'DownloadBundle',
  'BeforeInstall',
  'Install',
  'AfterInstall',
  'ApplicationStart',
  'ValidateService',
  'BeforeAllowTraffic',
  'AllowTraffic',
  'AfterAllowTraffic',
  'End',
] as const;

/** Blue/green on Server: what replacement instances run (reference §2.1). */
export const SERVER_BLUE_GREEN_REPLACEMENT_EVENTS = [
  'Start',
  'ApplicationStop',
  'DownloadBundle',
  'BeforeInstall',
  'Install',
  'AfterInstall',
  'ApplicationStart',
  'ValidateService',
  'BeforeAllowTraffic',
  'AllowTraffic',
  'AfterAllowTraffic',
  'End',
] as const;

/** Blue/green on Server: what original instances run once replacements serve. */
export const SERVER_BLUE_GREEN_ORIGINAL_EVENTS = ['Start', 'BeforeBlockTraffic', 'BlockTraffic', 'AfterBlockTraffic', 'End'] as const;

export const LAMBDA_EVENTS = ['Start', 'BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic', 'End'] as const;

export const ECS_EVENTS = [
  'Start',
  'BeforeInstall',
  'Install',
  'AfterInstall',
  'AllowTestTraffic',
  'AfterAllowTestTraffic',
  'BeforeAllowTraffic',
  'AllowTraffic',
  'AfterAllowTraffic',
  'End',
] as const;

/** Hooks whose scripts come from the last successful revision, skipped where there is none. */
export const LAST_REVISION_EVENTS = new Set(['ApplicationStop', 'BeforeBlockTraffic', 'AfterBlockTraffic']);

/** Hooks whose failure `ignoreApplicationStopFailures` ignores. */
export const IGNORABLE_STOP_EVENTS = LAST_REVISION_EVENTS;

/** Events that exist on Server in-place only with a load balancer (reference §2.1). */
export const LOAD_BALANCER_ONLY_EVENTS = new Set([
  'BeforeBlockTraffic',
  'BlockTraffic',
  'AfterBlockTraffic',
  'BeforeAllowTraffic',
  'AllowTraffic',
  'AfterAllowTraffic',
]);

/** Blue/green rollback on Server: originals run the AllowTraffic trio again, replacements the BlockTraffic trio (reference §2.1). */
export const SERVER_ALLOW_TRAFFIC_EVENTS = ['BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic'] as const;
export const SERVER_BLOCK_TRAFFIC_EVENTS = ['BeforeBlockTraffic', 'BlockTraffic', 'AfterBlockTraffic'] as const;

/** The install part of a Server blue/green replacement's events, before rerouting. */
export const SERVER_BLUE_GREEN_INSTALL_EVENTS = SERVER_BLUE_GREEN_REPLACEMENT_EVENTS.slice(0, SERVER_BLUE_GREEN_REPLACEMENT_EVENTS.indexOf('BeforeAllowTraffic'));

/** The per-instance event order of a Server in-place deployment (reference §2.1). */
export function serverInPlaceEvents(loadBalancer: boolean): readonly string[] {
  return loadBalancer ? SERVER_IN_PLACE_LB_EVENTS : SERVER_IN_PLACE_EVENTS;
}

/**
 * The hooks that validate the new version: where deploysim's BadVersion fault makes
 * them fail. Server: ValidateService; Lambda: the two traffic hooks; ECS: the hooks
 * after test traffic and after production traffic.
 */
export const VALIDATION_EVENTS: Record<ComputePlatform, readonly string[]> = {
  Server: ['ValidateService'],
  Lambda: ['BeforeAllowTraffic', 'AfterAllowTraffic'],
  ECS: ['AfterAllowTestTraffic', 'AfterAllowTraffic'],
};

/** ECS: a failure in this hook cannot trigger a rollback; later hooks can (reference §2.2). */
export const ECS_NO_ROLLBACK_EVENT = 'BeforeInstall';

/** A load balancer waits up to this long for an instance to become healthy during AllowTraffic (reference §2.4 Limits). */
export const ALLOW_TRAFFIC_HEALTH_WAIT_SECONDS = 3600;

/** ECS: the console's default wait before the original task set is removed (reference §2.2). */
export const DEFAULT_TERMINATION_WAIT_MINUTES = 60;

/** Every lifecycle event name a HookFailure may name on each platform. */
export const EVENTS_BY_PLATFORM: Record<ComputePlatform, readonly string[]> = {
  Server: SERVER_IN_PLACE_LB_EVENTS,
  Lambda: LAMBDA_EVENTS,
  ECS: ECS_EVENTS,
};

export const HOOK_ERROR_CODES = ['ScriptFailed', 'ScriptTimedOut', 'ScriptMissing', 'ScriptNotExecutable', 'UnknownError'] as const;

export const AUTO_ROLLBACK_EVENTS = ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM', 'DEPLOYMENT_STOP_ON_REQUEST'] as const;

/** One hook may run at most this long (reference §2.1: 3600 s; one page says 1800, we follow 3600). */
export const HOOK_TIMEOUT_SECONDS = 3600;

export type ServerConfig =
  | { platform: 'Server'; kind: 'OneAtATime' }
  | { platform: 'Server'; kind: 'HalfAtATime' }
  | { platform: 'Server'; kind: 'AllAtOnce' };

export type TrafficConfig =
  | { platform: 'Lambda' | 'ECS'; kind: 'Canary'; percentage: number; intervalMinutes: number }
  | { platform: 'Lambda' | 'ECS'; kind: 'Linear'; percentage: number; intervalMinutes: number }
  | { platform: 'Lambda' | 'ECS'; kind: 'AllAtOnce' };

export type PredefinedConfig = ServerConfig | TrafficConfig;

/** The predefined deployment configurations (reference §2.3), spelled exactly as AWS spells them. */
export const PREDEFINED_CONFIGS: Record<string, PredefinedConfig> = {
  'CodeDeployDefault.OneAtATime': { platform: 'Server', kind: 'OneAtATime' },
  'CodeDeployDefault.HalfAtATime': { platform: 'Server', kind: 'HalfAtATime' },
  'CodeDeployDefault.AllAtOnce': { platform: 'Server', kind: 'AllAtOnce' },
  'CodeDeployDefault.LambdaCanary10Percent5Minutes': { platform: 'Lambda', kind: 'Canary', percentage: 10, intervalMinutes: 5 },
  'CodeDeployDefault.LambdaCanary10Percent10Minutes': { platform: 'Lambda', kind: 'Canary', percentage: 10, intervalMinutes: 10 },
  'CodeDeployDefault.LambdaCanary10Percent15Minutes': { platform: 'Lambda', kind: 'Canary', percentage: 10, intervalMinutes: 15 },
  'CodeDeployDefault.LambdaCanary10Percent30Minutes': { platform: 'Lambda', kind: 'Canary', percentage: 10, intervalMinutes: 30 },
  'CodeDeployDefault.LambdaLinear10PercentEvery1Minute': { platform: 'Lambda', kind: 'Linear', percentage: 10, intervalMinutes: 1 },
  'CodeDeployDefault.LambdaLinear10PercentEvery2Minutes': { platform: 'Lambda', kind: 'Linear', percentage: 10, intervalMinutes: 2 },
  'CodeDeployDefault.LambdaLinear10PercentEvery3Minutes': { platform: 'Lambda', kind: 'Linear', percentage: 10, intervalMinutes: 3 },
  'CodeDeployDefault.LambdaLinear10PercentEvery10Minutes': { platform: 'Lambda', kind: 'Linear', percentage: 10, intervalMinutes: 10 },
  'CodeDeployDefault.LambdaAllAtOnce': { platform: 'Lambda', kind: 'AllAtOnce' },
  'CodeDeployDefault.ECSCanary10Percent5Minutes': { platform: 'ECS', kind: 'Canary', percentage: 10, intervalMinutes: 5 },
  'CodeDeployDefault.ECSCanary10Percent15Minutes': { platform: 'ECS', kind: 'Canary', percentage: 10, intervalMinutes: 15 },
  'CodeDeployDefault.ECSLinear10PercentEvery1Minutes': { platform: 'ECS', kind: 'Linear', percentage: 10, intervalMinutes: 1 },
  'CodeDeployDefault.ECSLinear10PercentEvery3Minutes': { platform: 'ECS', kind: 'Linear', percentage: 10, intervalMinutes: 3 },
  'CodeDeployDefault.ECSAllAtOnce': { platform: 'ECS', kind: 'AllAtOnce' },
};

export const PREDEFINED_CONFIG_NAMES = Object.keys(PREDEFINED_CONFIGS);

/** The documented default when none is given (reference §2.3); it is a Server configuration. */
export const DEFAULT_DEPLOYMENT_CONFIG = 'CodeDeployDefault.OneAtATime';

/** AWS reserves this prefix for its predefined configurations. */
export const PREDEFINED_PREFIX = 'CodeDeployDefault.';

/** Name given to a custom configuration when the scenario does not name it. */
export const CUSTOM_CONFIG_NAME = 'Custom';

/** The predefined configuration names of one compute platform. */
export function configNamesFor(platform: ComputePlatform): string[] {
  return PREDEFINED_CONFIG_NAMES.filter((n) => PREDEFINED_CONFIGS[n]!.platform === platform);
}

/**
 * How a Server deployment schedules instances (reference §2.3): CodeDeploy never
 * starts an instance if that would take the healthy count below `minimumHealthy`;
 * at least `requiredSuccesses` instances must succeed. `impossible` says why the
 * minimum cannot be met (the deployment fails before any instance changes).
 */
export interface ServerSchedule {
  minimumHealthy: number;
  requiredSuccesses: number;
  /** The most instances that may be deployed at once on a fully healthy fleet. */
  maxParallel: number;
  impossible?: string;
  /** Set when the rule used is a simulator choice (an id in src/aws/undocumented.ts). */
  undocumented?: 'halfAtATimeSingleInstance';
}

export function serverSchedule(
  config: ServerConfig | { platform: 'Server'; kind: 'Custom'; minimumHealthyHosts: { type: 'HOST_COUNT' | 'FLEET_PERCENT'; value: number } },
  instances: number,
): ServerSchedule {
  const n = instances;
  switch (config.kind) {
    case 'OneAtATime':
      // One at a time: every instance but the one being deployed stays healthy. A failure
      // on any instance but the last leaves no way on; on the last, nothing is pending.
      // A one-instance group succeeds only if that instance succeeds (documented).
      return { minimumHealthy: n - 1, requiredSuccesses: 1, maxParallel: 1 };
    case 'HalfAtATime': {
      // Up to half at a time, rounded down; at least half, rounded up, must succeed.
      const half = Math.floor(n / 2);
      const maxParallel = Math.max(1, half);
      return {
        minimumHealthy: n - maxParallel,
        requiredSuccesses: Math.ceil(n / 2),
        maxParallel,
        ...(half === 0 ? { undocumented: 'halfAtATimeSingleInstance' as const } : {}),
      };
    }
    case 'AllAtOnce':
      return { minimumHealthy: 0, requiredSuccesses: 1, maxParallel: n };
    case 'Custom': {
      const { type, value } = config.minimumHealthyHosts;
      // FLEET_PERCENT is converted to a count at the start, rounded up.
      const minimumHealthy = type === 'HOST_COUNT' ? value : Math.ceil((value * n) / 100);
      const maxParallel = Math.max(0, n - minimumHealthy);
      const described = type === 'HOST_COUNT' ? `HOST_COUNT ${value}` : `FLEET_PERCENT ${value} (${thousands(minimumHealthy)} of ${thousands(n)} instances, rounded up)`;
      return {
        minimumHealthy,
        requiredSuccesses: 1,
        maxParallel,
        ...(maxParallel === 0
          ? { impossible: `minimum healthy hosts ${described} leaves no instance that can be taken offline among ${thousands(n)}` }
          : {}),
      };
    }
  }
}

/** Bounds of a custom traffic routing configuration: at most 99 % per increment (reference §2.3). */
export const TRAFFIC_ROUTING_BOUNDS = { percentage: { min: 1, max: 99 }, intervalMinutes: { min: 1 } } as const;

/**
 * Default seconds per lifecycle event (simulator choices; override in the scenario's
 * timings.steps). Traffic events on Lambda and ECS take the time the traffic
 * configuration dictates on top of these.
 */
export const CODEDEPLOY_EVENT_SECONDS: Record<string, number> = {
  Start: 1,
  BeforeBlockTraffic: 5,
  BlockTraffic: 20,
  AfterBlockTraffic: 5,
  ApplicationStop: 5,
  DownloadBundle: 10,
  BeforeInstall: 10,
  Install: 10,
  AfterInstall: 10,
  ApplicationStart: 10,
  ValidateService: 15,
  BeforeAllowTraffic: 5,
  AllowTraffic: 45,
  AfterAllowTraffic: 5,
  AllowTestTraffic: 10,
  AfterAllowTestTraffic: 10,
  End: 1,
};

/**
 * Target ids of Lambda and ECS deployments (simulator names), shared by the
 * validation rules and the engine so a fault's `target` and the trace agree.
 */
export const LAMBDA_ALIAS_TARGET = 'alias:live';
export const ECS_ORIGINAL_TARGET = 'original-task-set';
export const ECS_REPLACEMENT_TARGET = 'replacement-task-set';

/** What each lifecycle event error code means, in plain words for the narration. */
export const HOOK_ERROR_MEANINGS: Record<(typeof HOOK_ERROR_CODES)[number], string> = {
  ScriptFailed: 'the script exited with an error',
  ScriptTimedOut: `the script did not finish within the ${HOOK_TIMEOUT_SECONDS} s timeout`,
  ScriptMissing: 'the AppSpec file names a script that is not in the revision',
  ScriptNotExecutable: 'the script is not executable',
  UnknownError: 'the hook failed for an unknown reason',
};
