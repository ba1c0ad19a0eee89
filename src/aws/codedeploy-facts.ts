// CodeDeploy facts (reference §2–3), as data: lifecycle event orders, reserved
// events, predefined deployment configurations and AWS's bounds.
import type { ComputePlatform } from '../scenario/types.ts';

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

export const DEFAULT_DEPLOYMENT_CONFIG = 'CodeDeployDefault.OneAtATime';

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
