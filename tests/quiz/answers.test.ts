// Quiz answers come from the trace (never from a key typed into the scenario).
import { describe, expect, it } from 'vitest';
import { answer } from '../../src/quiz/answers.ts';
import { eb, run } from '../helpers.ts';

const inPlace = run({
  platform: 'CodeDeploy',
  codeDeploy: { computePlatform: 'Server', deploymentType: 'IN_PLACE', deploymentConfigName: 'CodeDeployDefault.OneAtATime', instances: 3, loadBalancer: true },
});
const canary = (faults: unknown[] = []) =>
  run({
    platform: 'CodeDeploy',
    codeDeploy: { computePlatform: 'Lambda', deploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent10Minutes', autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_STOP_ON_ALARM'] } },
    faults,
  });

describe('quiz answers', () => {
  it('the next lifecycle event on a target is the next span that runs, with the neighbouring hooks as wrong choices', () => {
    const spans = inPlace.spans.filter((s) => s.target === 'i-1');
    const afterInstall = spans.find((s) => s.name === 'AfterInstall')!;
    const a = answer(inPlace, { id: 'q1', at: afterInstall.end, ask: 'nextLifecycleEvent', target: 'i-1' });
    expect(a.answer).toBe('ApplicationStart');
    expect(a.choices).toContain('ApplicationStart');
    expect(a.choices).toContain('AfterInstall');
    expect(a.choices).toContain('ValidateService');
    expect(a.rule).toBe('cd.hooks-in-place-load-balancer');
  });

  it('which version a target runs at the end, and the outcome', () => {
    expect(answer(inPlace, { id: 'q', at: 0, ask: 'finalVersion', target: 'i-2' }).answer).toBe('v2');
    const o = answer(inPlace, { id: 'q', at: 0, ask: 'outcome' });
    expect(o.answer).toBe('Succeeded');
    expect(o.choices).toEqual(['Succeeded', 'Failed', 'Stopped', 'RolledBack']);
  });

  it("a version's traffic share and the in-service count at a time", () => {
    const trace = canary();
    expect(answer(trace, { id: 'q', at: 0, ask: 'trafficShare', version: 'v2', t: 300 }).answer).toBe('10%');
    const rolling = eb({ instances: 6, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2 });
    expect(answer(rolling, { id: 'q', at: 30, ask: 'inService' }).answer).toBe('4');
  });

  it('whether a rollback deployment is created', () => {
    expect(answer(canary([{ type: 'Alarm', at: 120 }]), { id: 'q', at: 0, ask: 'rollbackCreated' })).toMatchObject({ answer: 'Yes', rule: 'cd.rollback-new-deployment' });
    expect(answer(canary(), { id: 'q', at: 0, ask: 'rollbackCreated' })).toMatchObject({ answer: 'No', rule: 'cd.rollback-triggers' });
  });
});
