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

describe('questions in a scenario', () => {
  const base = { name: 'quiz', platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 4, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2 } };

  it('are validated like everything else: a target that does not exist is an error with its path', async () => {
    const { validateScenario, formatProblem } = await import('../../src/scenario/validate.ts');
    const v = validateScenario({
      ...base,
      questions: [
        { id: 'a', at: 10, ask: 'finalVersion', target: 'i-9' },
        { id: 'a', at: 10, ask: 'trafficShare' },
        { id: 'c', at: 10, ask: 'nextLifecycleEvent' },
        { id: 'd', at: 10, ask: 'guess' },
      ],
    });
    expect(v.ok ? [] : v.problems.map(formatProblem)).toEqual(['/questions/3/ask: "guess" is not allowed; expected one of: nextLifecycleEvent, finalVersion, outcome, trafficShare, inService, rollbackCreated']);
    const w = validateScenario({ ...base, questions: [{ id: 'a', at: 10, ask: 'finalVersion', target: 'i-9' }, { id: 'a', at: 10, ask: 'trafficShare' }, { id: 'c', at: 10, ask: 'nextLifecycleEvent' }] });
    expect(w.ok ? [] : w.problems.map(formatProblem)).toEqual([
      '/questions/0/target: no target "i-9" in this deployment; expected i-1 … i-4',
      '/questions/1/id: "a" is used by another question; ids must be unique',
      '/questions/1/version: is required when ask is trafficShare',
      '/questions/2/target: is required when ask is nextLifecycleEvent',
    ]);
  });

  it('run --json adds the answers, computed from the trace', async () => {
    const { main } = await import('../../src/cli/main.ts');
    const text = JSON.stringify({ ...base, questions: [{ id: 'end', at: 0, ask: 'finalVersion', target: 'i-1' }, { id: 'cap', at: 0, ask: 'inService', t: 30 }] });
    let out = '';
    const code = await main(['run', 'quiz.json', '--json'], { out: (t) => void (out += t), err: () => {}, read: async () => text });
    expect(code).toBe(0);
    const trace = JSON.parse(out);
    expect(trace.questions).toEqual([
      { id: 'end', at: 0, ask: 'finalVersion', answer: 'v2', choices: ['It is terminated', 'v1', 'v2'], rule: 'eb.rolling-batch' },
      { id: 'cap', at: 0, ask: 'inService', answer: '2', choices: ['1', '2', '3', '4'], rule: 'eb.rolling-batch' },
    ]);
  });
});
