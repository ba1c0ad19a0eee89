// Traffic shifting for Lambda and ECS (reference §2.3, §3) in words: which
// configuration a deployment uses, how to say it, and the AWS names of its
// increments and intervals (trace phase names). The shifting itself is the
// orchestrator statechart in traffic/machine.ts.
import { PREDEFINED_CONFIGS, type TrafficConfig } from '../../aws/codedeploy-facts.ts';
import type { RuleId } from '../../aws/rules.ts';
import type { CodeDeploySettings } from '../../scenario/types.ts';
import { minutes } from './context.ts';

export function trafficConfigOf(cd: CodeDeploySettings): TrafficConfig {
  const platform = cd.computePlatform as 'Lambda' | 'ECS';
  const custom = cd.customDeploymentConfig?.trafficRoutingConfig;
  if (!custom) return PREDEFINED_CONFIGS[cd.deploymentConfigName] as TrafficConfig;
  switch (custom.type) {
    case 'TimeBasedCanary':
      return { platform, kind: 'Canary', percentage: custom.timeBasedCanary.canaryPercentage, intervalMinutes: custom.timeBasedCanary.canaryInterval };
    case 'TimeBasedLinear':
      return { platform, kind: 'Linear', percentage: custom.timeBasedLinear.linearPercentage, intervalMinutes: custom.timeBasedLinear.linearInterval };
    case 'AllAtOnce':
      return { platform, kind: 'AllAtOnce' };
  }
}

/** The rule each kind of configuration follows (src/aws/rules.ts). */
export function trafficRule(c: TrafficConfig): RuleId {
  return c.kind === 'Canary' ? 'cd.canary' : c.kind === 'Linear' ? 'cd.linear' : 'cd.traffic-all-at-once';
}

export function describeTraffic(c: TrafficConfig): string {
  switch (c.kind) {
    case 'AllAtOnce':
      return 'all traffic shifts at once';
    case 'Canary':
      return `the first increment (${c.percentage}%) shifts, then, after an interval of ${minutes(c.intervalMinutes)}, all the rest (${100 - c.percentage}%)`;
    case 'Linear':
      return `traffic shifts in equal increments of ${c.percentage}%, one every ${minutes(c.intervalMinutes)}, until 100%`;
  }
}

/** How many increments the configuration shifts in. */
export function incrementCount(c: TrafficConfig): number {
  return c.kind === 'Linear' ? Math.ceil(100 / c.percentage) : c.kind === 'Canary' ? 2 : 1;
}

/** The trace phase name of increment `n` (1-based), which leaves `percent` on the new version. */
export function incrementName(c: TrafficConfig, n: number, percent: number): string {
  switch (c.kind) {
    case 'AllAtOnce':
      return 'AllAtOnce: 100%';
    case 'Canary':
      return n === 1 ? `Canary increment ${percent}%` : `Canary remaining ${100 - c.percentage}%`;
    case 'Linear':
      return `Linear increment ${n} of ${incrementCount(c)}: ${percent}%`;
  }
}

/** The trace phase name of the interval after an increment. */
export function intervalName(c: TrafficConfig): string {
  return c.kind === 'Canary' ? 'Canary interval' : 'Linear interval';
}
