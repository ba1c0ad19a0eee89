// The fault panel offers only faults that validation accepts: every option
// injectOptions gives, for every shipped scenario, turned into a fault, validates.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.ts';
import { actionFault, injectOptions, targetFault } from '../../src/layout/faults.ts';
import { formatProblem, validateScenario } from '../../src/scenario/validate.ts';
import type { Fault } from '../../src/scenario/types.ts';
import { eb, readScenario, scenario, shippedScenarios } from '../helpers.ts';

/** A sample of a long list: its ends and a few in between (fleets of 1,000 stay fast). */
const sample = <T>(xs: readonly T[]): T[] => (xs.length <= 6 ? [...xs] : [xs[0]!, xs[1]!, xs[Math.floor(xs.length / 2)]!, xs[xs.length - 2]!, xs[xs.length - 1]!]);

describe.each(shippedScenarios())('%s', (rel) => {
  it('offers only faults that validate', () => {
    const raw = readScenario(rel) as Record<string, any>;
    const v = validateScenario(raw);
    if (!v.ok) return; // scenarios.test.ts reports it
    const trace = simulate(v.scenario);
    const o = injectOptions(v.scenario, trace);
    const t = 1;
    const faults: Fault[] = [];
    for (const k of o.targetKinds) {
      for (const target of sample(o.targets)) {
        if (k.kind !== 'HookFailure') faults.push(targetFault(k.kind, target, t));
        else for (const step of o.steps) faults.push(targetFault(k.kind, target, t, step, o.errorCodes[0]));
      }
    }
    for (const code of o.errorCodes) if (o.targets[0] && o.steps[0]) faults.push(targetFault('HookFailure', o.targets[0], t, o.steps[0], code));
    for (const a of o.actions) faults.push(actionFault(a.action, t));
    const bad = faults.flatMap((f) => {
      const r = validateScenario({ ...raw, faults: [...(raw.faults ?? []), f] });
      return r.ok ? [] : [`${JSON.stringify(f)} → ${r.problems.map(formatProblem).join('; ')}`];
    });
    expect(bad).toEqual([]);
    expect(faults.length).toBeGreaterThan(0);
  });
});

describe('injectOptions follows the validation facts', () => {
  it('ECS: only the replacement task set runs hooks', () => {
    const s = scenario({ platform: 'CodeDeploy', codeDeploy: { computePlatform: 'ECS', deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce' } });
    const o = injectOptions(s, simulate(s));
    expect(o.targets).not.toContain('original-task-set');
    expect(o.targets.length).toBeGreaterThan(0);
  });
  it('Server in-place without a load balancer offers no traffic hooks', () => {
    const s = scenario({ platform: 'CodeDeploy', codeDeploy: { computePlatform: 'Server', deploymentType: 'IN_PLACE', loadBalancer: false, instances: 3 } });
    const o = injectOptions(s, simulate(s));
    for (const e of ['BeforeBlockTraffic', 'AfterBlockTraffic', 'BeforeAllowTraffic', 'AfterAllowTraffic']) expect(o.steps).not.toContain(e);
    expect(o.steps).toContain('ValidateService');
  });
  it('Server in-place behind a load balancer offers them', () => {
    const s = scenario({ platform: 'CodeDeploy', codeDeploy: { computePlatform: 'Server', deploymentType: 'IN_PLACE', loadBalancer: true, instances: 3 } });
    expect(injectOptions(s, simulate(s)).steps).toContain('BeforeBlockTraffic');
  });
});

describe('injectOptions on a large fleet', () => {
  it('offers every Elastic Beanstalk instance in id order, read in one pass', () => {
    const trace = eb({ instances: 2000, DeploymentPolicy: 'Immutable' });
    const v = validateScenario(trace.scenario);
    if (!v.ok) throw new Error('invalid');
    let finds = 0;
    const targets = new Proxy(trace.targets, { get: (o, k) => (k === 'find' && finds++, Reflect.get(o, k)) });
    const o = injectOptions(v.scenario, { ...trace, targets });
    expect(finds).toBe(0);
    expect(o.targets).toEqual(trace.targets.filter((t) => t.kind === 'instance').map((t) => t.id));
    expect(o.targets.length).toBeGreaterThanOrEqual(2000);
  });
});
