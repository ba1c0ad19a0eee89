// Lambda (reference §2.2, §3): one function alias moves from the original version
// to the new one. BeforeAllowTraffic runs before any traffic shifts, AllowTraffic
// shifts the alias weights (AdditionalVersionWeights) per the configuration,
// AfterAllowTraffic runs once all traffic has shifted. The rollback deployment
// points the alias back at the original version.
import { LAMBDA_ALIAS_TARGET } from '../../aws/codedeploy-facts.ts';
import type { CdContext } from './context.ts';
import { describeTraffic, trafficConfigOf } from './traffic-shifting.ts';
import type { ShiftingPlatform } from './traffic/platform.ts';

export function lambdaPlatform(ctx: CdContext): ShiftingPlatform {
  const { world, cd, from, to } = ctx;
  const alias = world.addTarget({ id: LAMBDA_ALIAS_TARGET, kind: 'lambda-alias', group: 'alias', pool: 'alias', version: from, state: 'InService', healthy: true, label: 'function alias "live"' });
  const share = { value: 0 };
  // The alias routes invocations by weight, whatever else is running (reference §3).
  world.traffic = () => (share.value >= 100 ? { [to]: 100 } : share.value <= 0 ? { [from]: 100 } : { [from]: 100 - share.value, [to]: share.value });
  const set = (percent: number) => {
    share.value = percent;
    world.trafficChanged();
  };
  const split = () =>
    share.value <= 0
      ? `the alias still points at ${from}`
      : share.value >= 100
        ? `the alias points at ${to}`
        : `the alias stays split across two versions: ${100 - share.value}% of invocations to ${from}, ${share.value}% to ${to}`;

  return {
    target: alias,
    rollbackTarget: alias,
    intro: `Lambda deployment of ${to} through the alias "live" with ${cd.deploymentConfigName}: BeforeAllowTraffic, then ${describeTraffic(trafficConfigOf(cd))}, then AfterAllowTraffic`,
    hooksRule: 'cd.hooks-lambda',
    rollbackRule: 'cd.rollback-lambda',
    effects: {},
    stopNote: 'The lifecycle event in progress ends now as Failed; the alias keeps its current weights',
    shift(percent) {
      set(percent);
      if (percent >= 100) {
        world.setVersion(alias, to);
        return `The alias now points at ${to}: 100% of invocations`;
      }
      return `The alias now sends ${percent}% of invocations to ${to} and ${100 - percent}% to ${from} (AdditionalVersionWeights ${percent / 100})`;
    },
    rollBack() {
      set(0);
      world.setVersion(alias, from);
      return `The rollback points the alias "live" back at ${from}, which gets 100% of invocations again`;
    },
    summary: (status) => (status === 'Succeeded' ? `the alias "live" points at ${to}` : split()),
  };
}
