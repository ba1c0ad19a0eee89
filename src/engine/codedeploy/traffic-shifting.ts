// Production traffic shifting for Lambda and ECS (reference §2.3, §3): the steps
// of the configuration, scheduled on the agenda from the moment AllowTraffic
// starts. A stop freezes the split where it is.
import { PREDEFINED_CONFIGS, trafficSteps, type TrafficConfig, type TrafficStep } from '../../aws/codedeploy-facts.ts';
import type { CodeDeploySettings } from '../../scenario/types.ts';
import type { World } from '../world.ts';
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

export function describeTraffic(c: TrafficConfig): string {
  switch (c.kind) {
    case 'AllAtOnce':
      return 'all traffic shifts at once';
    case 'Canary':
      return `${c.percentage}% of traffic shifts first, the remaining ${100 - c.percentage}% ${minutes(c.intervalMinutes)} later`;
    case 'Linear':
      return `traffic shifts ${c.percentage}% at a time, one increment every ${minutes(c.intervalMinutes)}`;
  }
}

/** Shifts `share.value` (percent on the new version) through the configuration's steps. */
export class Shifter {
  readonly steps: TrafficStep[];
  private generation = 0;

  constructor(
    private readonly world: World,
    readonly share: { value: number },
    config: TrafficConfig,
    private readonly narrate: (percent: number, last: boolean) => void,
  ) {
    this.steps = trafficSteps(config);
  }

  /** Seconds from the first shift to the last. */
  get span(): number {
    return this.steps[this.steps.length - 1]!.atSeconds;
  }

  start(onFull?: () => void): void {
    const mine = ++this.generation;
    const t0 = this.world.now;
    this.steps.forEach((s, i) => {
      this.world.agenda.at(t0 + s.atSeconds, () => {
        if (mine !== this.generation) return;
        this.set(s.percent);
        const last = i === this.steps.length - 1;
        this.narrate(s.percent, last);
        if (last) onFull?.();
      });
    });
  }

  /** Freezes the split: shifts not yet made never happen. */
  stop(): void {
    this.generation++;
  }

  set(percent: number): void {
    this.share.value = percent;
    this.world.trafficChanged();
  }
}
