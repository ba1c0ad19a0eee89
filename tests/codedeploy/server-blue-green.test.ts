// Server blue/green rules (reference §2.3–2.4): rerouting's own success rules per
// configuration, originals that fail to deregister, replacements terminated before
// their install, the Ready wait, ContinueDeployment, and the phases a view reads.
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../src/trace/types.ts';
import { cd, finalOf, names } from './helpers.ts';

const bg = (config: string, instances: number, extra: Record<string, unknown> = {}) => ({
  deploymentType: 'BLUE_GREEN',
  deploymentConfigName: `CodeDeployDefault.${config}`,
  instances,
  ...extra,
});
const afterAllowFails = (...targets: string[]) => ({ faults: targets.map((target) => ({ type: 'HookFailure', target, event: 'AfterAllowTraffic' })) });
const ended = (trace: Trace, id = 'd-1') => trace.events.find((e) => e.type === 'deployment-ended' && e.deploymentId === id)!;

describe('rerouting success rules (blue/green column of the configurations table)', () => {
  it('AllAtOnce succeeds if traffic reaches at least one replacement', () => {
    const trace = cd(bg('AllAtOnce', 3), afterAllowFails('i-4', 'i-5'));
    expect(trace.outcome).toBe('Succeeded');
    expect(trace.events.some((e) => e.type === 'batch-ended' && e.rule === 'cd.reroute-all-at-once')).toBe(true);
  });

  it('AllAtOnce fails only if rerouting fails for every replacement', () => {
    const trace = cd(bg('AllAtOnce', 3), afterAllowFails('i-4', 'i-5', 'i-6'));
    expect(trace.outcome).toBe('Failed');
    expect(ended(trace).rule).toBe('cd.reroute-all-at-once');
  });

  it('HalfAtATime succeeds if at least half the replacements receive traffic, and fails otherwise', () => {
    expect(cd(bg('HalfAtATime', 4), afterAllowFails('i-5', 'i-6')).outcome).toBe('Succeeded');
    const failed = cd(bg('HalfAtATime', 4), afterAllowFails('i-5', 'i-6', 'i-7'));
    expect(failed.outcome).toBe('Failed');
    expect(ended(failed).rule).toBe('cd.reroute-half-at-a-time');
  });

  it('HalfAtATime reroutes up to half the replacements at a time', () => {
    const trace = cd(bg('HalfAtATime', 4));
    const allow = (id: string) => trace.spans.find((s) => s.target === id && s.name === 'BeforeAllowTraffic')!.start;
    expect(allow('i-5')).toBe(allow('i-6'));
    expect(allow('i-7')).toBeGreaterThan(allow('i-6'));
  });

  it('OneAtATime fails at the first rerouting failure: later replacements never receive traffic', () => {
    const trace = cd(bg('OneAtATime', 3), afterAllowFails('i-5'));
    expect(trace.outcome).toBe('Failed');
    expect(names(trace, 'i-6')).not.toContain('AllowTraffic');
    expect(ended(trace).rule).toBe('cd.reroute-one-at-a-time');
  });

  it('OneAtATime: a failure on the last replacement still lets the deployment succeed', () => {
    const trace = cd(bg('OneAtATime', 3), afterAllowFails('i-6'));
    expect(trace.outcome).toBe('Succeeded');
    expect(trace.final.traffic).toEqual({ v2: 100 });
  });

  it('any original failing to deregister fails the whole deployment', () => {
    const trace = cd(bg('AllAtOnce', 2), { faults: [{ type: 'HookFailure', target: 'i-1', event: 'BeforeBlockTraffic' }] });
    expect(trace.outcome).toBe('Failed');
    expect(ended(trace).rule).toBe('cd.deregister-originals');
    // ignoreApplicationStopFailures passes over a BeforeBlockTraffic failure.
    const ignored = cd(bg('AllAtOnce', 2, { ignoreApplicationStopFailures: true }), { faults: [{ type: 'HookFailure', target: 'i-1', event: 'BeforeBlockTraffic' }] });
    expect(ignored.outcome).toBe('Succeeded');
    expect(ignored.events.some((e) => e.rule === 'cd.ignore-application-stop-failures' && e.target === 'i-1')).toBe(true);
  });
});

describe('a replacement terminated before its install (issue 9)', () => {
  const terminated = { faults: [{ type: 'InstanceTerminated', target: 'i-5', at: 10 }] };

  it('fails instead of running its hooks; AllAtOnce still succeeds on the others', () => {
    const trace = cd(bg('AllAtOnce', 3), terminated);
    expect(names(trace, 'i-5')).toEqual([]);
    expect(trace.final.targets.find((t) => t.id === 'i-5')).toMatchObject({ state: 'Terminated', healthy: false });
    expect(trace.events.some((e) => e.type === 'lifecycle-event-failed' && e.target === 'i-5')).toBe(true);
    expect(trace.outcome).toBe('Succeeded');
  });

  it('with OneAtATime it is a failure before the last, and the deployment says which instance failed', () => {
    const trace = cd(bg('OneAtATime', 3), terminated);
    expect(trace.outcome).toBe('Failed');
    expect(ended(trace).message).toMatch(/^Deployment d-1 Failed: i-5 failed/);
  });
});

describe('the Ready wait and ContinueDeployment', () => {
  const stopDeployment = (wait: number, extra: Record<string, unknown> = {}) =>
    bg('AllAtOnce', 2, {
      blueGreenDeploymentConfiguration: {
        deploymentReadyOption: { actionOnTimeout: 'STOP_DEPLOYMENT', waitTimeInMinutes: wait },
        terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 60 },
        ...extra,
      },
    });
  const continueAt = (at: number, deploymentWaitType: string) => ({ type: 'ContinueDeployment', at, deploymentWaitType });

  it('nobody continues: the deployment is Stopped when the wait ends (documented, not deploysim\'s choice)', () => {
    const trace = cd(stopDeployment(10));
    expect(trace.outcome).toBe('Stopped');
    const wait = trace.phases.find((p) => p.name === 'Ready wait')!;
    expect(wait).toMatchObject({ kind: 'wait', end: wait.start + 600, deadline: wait.start + 600 });
    const started = trace.events.find((e) => e.type === 'wait-started')!;
    expect(started).toMatchObject({ rule: 'cd.ready-wait', end: wait.deadline });
    expect(started.undocumented).toBeUndefined();
    expect(ended(trace).rule).toBe('cd.ready-wait');
    expect(trace.final.traffic).toEqual({ v1: 100 });
  });

  it('READY_WAIT during the wait reroutes at once', () => {
    const trace = cd(stopDeployment(60), { faults: [continueAt(600, 'READY_WAIT')] });
    expect(trace.outcome).toBe('Succeeded');
    const wait = trace.phases.find((p) => p.name === 'Ready wait')!;
    expect(wait.end).toBe(600);
    expect(wait.deadline).toBe(wait.start + 3600);
    expect(trace.spans.find((s) => s.target === 'i-3' && s.name === 'BeforeAllowTraffic')!.start).toBe(600);
    expect(trace.events.some((e) => e.t === 600 && e.rule === 'cd.continue-deployment')).toBe(true);
  });

  it('TERMINATION_WAIT ends the termination wait: the originals are terminated at once', () => {
    const trace = cd(stopDeployment(60), { faults: [continueAt(600, 'READY_WAIT'), continueAt(1000, 'TERMINATION_WAIT')] });
    const wait = trace.phases.find((p) => p.name === 'Termination wait')!;
    expect(wait.end).toBe(1000);
    const terminatedAt = trace.events.filter((e) => e.type === 'instance-terminated').map((e) => e.t);
    expect(terminatedAt).toEqual([1000 + trace.scenario.timings.termination, 1000 + trace.scenario.timings.termination]);
  });

  it('a ContinueDeployment when nothing waits of its type is narrated and changes nothing', () => {
    const plain = cd(stopDeployment(10));
    for (const input of [continueAt(30, 'READY_WAIT'), continueAt(300, 'TERMINATION_WAIT')]) {
      const trace = cd(stopDeployment(10), { faults: [input] });
      expect(trace.spans).toEqual(plain.spans);
      expect(trace.outcome).toBe('Stopped');
      expect(trace.events.find((e) => e.t === input.at && e.rule === 'cd.continue-deployment')!.message).toMatch(/nothing is waiting/);
    }
  });

  it('with CONTINUE_DEPLOYMENT there is no Ready wait to end', () => {
    const trace = cd(bg('AllAtOnce', 2), { faults: [continueAt(200, 'READY_WAIT')] });
    expect(trace.outcome).toBe('Succeeded');
    expect(trace.phases.some((p) => p.name === 'Ready wait')).toBe(false);
    expect(trace.events.find((e) => e.t === 200 && e.rule === 'cd.continue-deployment')!.message).toMatch(/nothing is waiting/);
  });
});

describe('phases of a blue/green deployment', () => {
  it('provisioning, install batches, rerouting, blocking, the termination wait, terminating: in order, inside d-1', () => {
    const trace = cd(bg('HalfAtATime', 4));
    expect(trace.phases.map((p) => `${p.kind}:${p.name}`)).toEqual([
      'batch:Provisioning replacement instances',
      'batch:Batch 1 of 2',
      'batch:Batch 2 of 2',
      'traffic-shift:Rerouting traffic',
      'batch:Blocking traffic to original instances',
      'wait:Termination wait',
      'batch:Terminating original instances',
    ]);
    expect(trace.phases.find((p) => p.kind === 'traffic-shift')!.targets).toEqual(['i-5', 'i-6', 'i-7', 'i-8']);
    for (let k = 1; k < trace.phases.length; k++) expect(trace.phases[k]!.start).toBeGreaterThanOrEqual(trace.phases[k - 1]!.end);
  });

  it('the rollback is its own deployment and phase, with a batch for each group of instances it touches', () => {
    const trace = cd(bg('OneAtATime', 2, { autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE'] } }), afterAllowFails('i-3'));
    const d2 = trace.phases.filter((p) => p.deploymentId === 'd-2').map((p) => `${p.kind}:${p.name}`);
    expect(d2).toEqual(['rollback:Rollback', 'batch:Allowing traffic to original instances', 'batch:Blocking traffic to replacement instances']);
    expect(trace.deployments[1]).toMatchObject({ id: 'd-2', creator: 'codeDeployRollback' });
  });

  it('KEEP_ALIVE leaves the originals running, deregistered', () => {
    const trace = cd(bg('AllAtOnce', 2, { blueGreenDeploymentConfiguration: { terminateBlueInstancesOnDeploymentSuccess: { action: 'KEEP_ALIVE' } } }));
    expect(finalOf(trace)).toMatchObject({ 'i-1': 'v1/OutOfService', 'i-2': 'v1/OutOfService' });
    expect(trace.phases.some((p) => p.kind === 'wait')).toBe(false);
  });
});
