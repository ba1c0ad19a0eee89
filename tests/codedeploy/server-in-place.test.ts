// Server in-place as a learner reads it (reference §2.3–2.4): each configuration's
// success rule stated correctly, documented behaviour never flagged as deploysim's
// choice, batch phases, the rollback as its own deployment, and rule ids on events.
import { describe, expect, it } from 'vitest';
import { cd } from './helpers.ts';

const failOn = (...ids: string[]) => ({ faults: ids.map((target) => ({ type: 'HookFailure', target, event: 'AfterInstall' })) });
const started = (trace: ReturnType<typeof cd>) => trace.events.find((e) => e.type === 'deployment-started')!;

describe('success rules in the narration', () => {
  it.each([
    ['OneAtATime', 4, /one instance at a time; the deployment fails as soon as any instance but the last fails/, 'cd.one-at-a-time'],
    ['HalfAtATime', 9, /at most 4 instances of 9 at a time, and at least 5 must succeed/, 'cd.half-at-a-time'],
    ['AllAtOnce', 3, /all 3 instances at once, and at least 1 must succeed/, 'cd.all-at-once'],
  ])('%s says its own rule', (config, instances, says, rule) => {
    const trace = cd({ instances, deploymentConfigName: `CodeDeployDefault.${config}` });
    expect(started(trace).message).toMatch(says);
    expect(started(trace).rule).toBe(rule);
  });

  it('OneAtATime never claims "at least 1 must succeed"', () => {
    expect(started(cd({ instances: 4 })).message).not.toMatch(/at least 1 must succeed/);
  });

  it('OneAtATime on a one-instance group: documented, succeeds only if that instance succeeds', () => {
    const ok = cd({ instances: 1 });
    const failed = cd({ instances: 1 }, failOn('i-1'));
    expect(ok.outcome).toBe('Succeeded');
    expect(failed.outcome).toBe('Failed');
    expect(started(failed).message).toMatch(/succeeds only if it succeeds/);
    // The only choices flagged are about serving without a load balancer, none about the one-instance rule.
    for (const t of [ok, failed]) expect(new Set(t.events.map((e) => e.undocumented).filter(Boolean))).toEqual(new Set(['noLoadBalancerServing']));
  });
});

describe('phases of an in-place deployment', () => {
  it('instances started together form a batch, named "Batch k of K" with its targets', () => {
    const trace = cd({ instances: 9, deploymentConfigName: 'CodeDeployDefault.HalfAtATime' });
    expect(trace.phases.map((p) => [p.name, p.targets])).toEqual([
      ['Batch 1 of 3', ['i-1', 'i-2', 'i-3', 'i-4']],
      ['Batch 2 of 3', ['i-5', 'i-6', 'i-7', 'i-8']],
      ['Batch 3 of 3', ['i-9']],
    ]);
  });

  it('a stopped deployment still names its batches out of the total it ran', () => {
    const trace = cd({ instances: 4 }, { faults: [{ type: 'StopDeployment', at: 200 }] });
    expect(trace.phases.map((p) => p.name)).toEqual(['Batch 1 of 3', 'Batch 2 of 3', 'Batch 3 of 3']);
    expect(trace.phases[2]!.end).toBe(200);
  });

  it('the rollback deployment d-2 is a rollback phase with its own batches', () => {
    const trace = cd({ instances: 3, autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE'] } }, failOn('i-2'));
    const d2 = trace.deployments.find((d) => d.id === 'd-2')!;
    const rollback = trace.phases.find((p) => p.kind === 'rollback')!;
    expect(rollback).toMatchObject({ deploymentId: 'd-2', name: 'Rollback', start: d2.start, end: d2.end });
    // Unhealthy i-2 goes first (scheduling order), then the others.
    expect(trace.phases.filter((p) => p.deploymentId === 'd-2' && p.kind === 'batch').map((p) => p.targets)).toEqual([['i-2'], ['i-1'], ['i-3']]);
    expect(trace.events.find((e) => e.type === 'rollback-started')!.rule).toBe('cd.rollback-new-deployment');
    expect(trace.events.some((e) => e.rule === 'cd.scheduling-order')).toBe(true);
  });
});

describe('rules on events', () => {
  it('hook order, last-revision scripts, failures and rollback decisions carry their rule', () => {
    const trace = cd({ instances: 3, loadBalancer: true }, failOn('i-1'));
    const rules = new Set(trace.events.map((e) => e.rule));
    for (const r of ['cd.hooks-in-place-load-balancer', 'cd.last-revision-scripts', 'cd.hook-failure', 'cd.rollback-triggers', 'cd.one-at-a-time']) expect(rules).toContain(r);
  });

  it('an alarm reads naturally, named or not, and carries cd.alarm-stops', () => {
    const unnamed = cd({ instances: 3 }, { faults: [{ type: 'Alarm', at: 50 }] });
    const named = cd({ instances: 3 }, { faults: [{ type: 'Alarm', at: 50, alarmName: 'HighErrorRate' }] });
    expect(unnamed.events.find((e) => e.type === 'alarm')).toMatchObject({ message: 'A CloudWatch alarm of the deployment group goes into ALARM: CodeDeploy stops deployment d-1', rule: 'cd.alarm-stops' });
    expect(named.events.find((e) => e.type === 'alarm')!.message).toBe('CloudWatch alarm HighErrorRate goes into ALARM: CodeDeploy stops deployment d-1');
  });

  it('ScriptTimedOut carries the hook timeout rule', () => {
    const trace = cd({ instances: 2 }, { faults: [{ type: 'HookFailure', target: 'i-1', event: 'AfterInstall', errorCode: 'ScriptTimedOut' }] });
    expect(trace.events.find((e) => e.type === 'lifecycle-event-failed')!.rule).toBe('cd.hook-timeout');
  });

  it('an instance terminated before its turn is dropped, and the deployment says why it could not go on', () => {
    const trace = cd({ instances: 4 }, { faults: [{ type: 'InstanceTerminated', target: 'i-3', at: 10 }] });
    expect(trace.outcome).toBe('Failed');
    const end = trace.events.find((e) => e.type === 'deployment-ended')!.message;
    expect(end).toMatch(/^Deployment d-1 Failed: 1 instance terminated before its turn; /);
  });
});
