// The CodeDeploy scenario library covers what issue 3 asks for: every predefined
// configuration, and per compute platform a hook failure, an alarm and a stop,
// with and without automatic rollback.
import { describe, expect, it } from 'vitest';
import { PREDEFINED_CONFIG_NAMES } from '../../src/aws/codedeploy-facts.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { validateScenario } from '../../src/scenario/validate.ts';
import type { Trace } from '../../src/trace/types.ts';
import { readScenario, shippedScenarios } from '../helpers.ts';

const traces: Trace[] = shippedScenarios()
  .filter((f) => f.startsWith('codedeploy/'))
  .map((rel) => {
    const v = validateScenario(readScenario(rel));
    if (!v.ok) throw new Error(`${rel} is invalid`);
    return simulate(v.scenario);
  });

describe('the CodeDeploy scenario library', () => {
  it.each(PREDEFINED_CONFIG_NAMES)('uses %s in at least one scenario', (name) => {
    expect(traces.some((t) => t.scenario.codeDeploy!.deploymentConfigName === name && !t.scenario.codeDeploy!.customDeploymentConfig)).toBe(true);
  });

  const platforms = ['Server', 'Lambda', 'ECS'] as const;
  const has = (platform: string, fault: string, rolledBack: boolean) =>
    traces.some((t) => t.scenario.codeDeploy!.computePlatform === platform && t.scenario.faults.some((f) => f.type === fault) && (t.outcome === 'RolledBack') === rolledBack);

  it.each(platforms.flatMap((p) => ['HookFailure', 'Alarm', 'StopDeployment'].flatMap((f) => [[p, f, true], [p, f, false]] as const)))(
    '%s: a %s scenario with rollback %s',
    (platform, fault, rolledBack) => {
      // ECS HookFailure without rollback is the BeforeInstall rule; the others are plain.
      expect(has(platform, fault, rolledBack)).toBe(true);
    },
  );

  it('shows the OneAtATime last-instance exception and an impossible minimum healthy hosts', () => {
    expect(traces.some((t) => t.scenario.codeDeploy!.deploymentConfigName === 'CodeDeployDefault.OneAtATime' && t.scenario.faults.length > 0 && t.outcome === 'Succeeded')).toBe(true);
    expect(traces.some((t) => t.scenario.codeDeploy!.customDeploymentConfig?.minimumHealthyHosts && t.outcome === 'Failed' && t.spans.length === 0)).toBe(true);
  });

  it('gives every event a plain-language message', () => {
    for (const t of traces) for (const e of t.events) expect(e.message.length).toBeGreaterThan(20);
  });
});
