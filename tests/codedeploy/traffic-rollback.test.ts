// Lambda and ECS rollback (reference §2.2, §2.4): every rollback is a new
// deployment (d-2, created by codeDeployRollback); Lambda points the alias back at
// the original version; ECS reroutes traffic to the original task set and returns
// the deployment's components to their state at the start. Without a rollback,
// everything stays where the stop or failure left it.
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../src/trace/types.ts';
import { checkTrace } from '../../src/trace/check.ts';
import { cd, finalOf, names } from './helpers.ts';

const rollbackOn = (...events: string[]) => ({ autoRollbackConfiguration: { enabled: true, events } });
const deployments = (t: Trace) => t.deployments.map((d) => `${d.id} ${d.creator} ${d.status} ${d.revision}`);

describe('Lambda', () => {
  const canary = { computePlatform: 'Lambda', deploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent10Minutes' };

  it('a stopped deployment without rollback leaves the alias split across two versions', () => {
    const trace = cd(canary, { faults: [{ type: 'StopDeployment', at: 120 }] });
    expect(trace.outcome).toBe('Stopped');
    expect(deployments(trace)).toEqual(['d-1 user Stopped v2']);
    expect(trace.final.traffic).toEqual({ v1: 90, v2: 10 });
  });

  it('an alarm with DEPLOYMENT_STOP_ON_ALARM: a new deployment d-2 points the alias back at the original version', () => {
    const trace = cd({ ...canary, ...rollbackOn('DEPLOYMENT_STOP_ON_ALARM') }, { faults: [{ type: 'Alarm', at: 120 }] });
    expect(trace.outcome).toBe('RolledBack');
    expect(deployments(trace)).toEqual(['d-1 user Stopped v2', 'd-2 codeDeployRollback Succeeded v1']);
    expect(trace.deployments[1]!.start).toBe(120);
    // All traffic moves back when the rollback starts.
    expect(trace.samples[trace.samples.length - 1]).toMatchObject({ t: 120, traffic: { v1: 100 } });
    expect(trace.final.traffic).toEqual({ v1: 100 });
    const started = trace.events.find((e) => e.type === 'rollback-started')!;
    expect(started).toMatchObject({ deploymentId: 'd-2', rule: 'cd.rollback-new-deployment' });
    expect(trace.events.some((e) => e.deploymentId === 'd-2' && e.rule === 'cd.rollback-lambda')).toBe(true);
    expect(trace.phases.filter((p) => p.kind === 'rollback')).toEqual([
      { deploymentId: 'd-2', kind: 'rollback', name: 'Rollback to v1', start: 120, end: trace.deployments[1]!.end, targets: ['alias:live'] },
    ]);
    expect(names(trace, 'alias:live', 'd-2')).toEqual(['AllowTraffic']);
    expect(checkTrace(trace)).toEqual([]);
  });

  it('an AfterAllowTraffic failure with DEPLOYMENT_FAILURE moves all traffic back in d-2', () => {
    const trace = cd({ ...canary, ...rollbackOn('DEPLOYMENT_FAILURE') }, { faults: [{ type: 'HookFailure', event: 'AfterAllowTraffic' }] });
    expect(trace.outcome).toBe('RolledBack');
    expect(deployments(trace)).toEqual(['d-1 user Failed v2', 'd-2 codeDeployRollback Succeeded v1']);
    expect(trace.samples.some((s) => s.traffic.v2 === 100)).toBe(true);
    expect(finalOf(trace)).toEqual({ 'alias:live': 'v1/InService' });
    expect(trace.events.find((e) => e.type === 'lifecycle-event-failed')?.rule).toBe('cd.traffic-hook-failure');
  });

  it('a BeforeAllowTraffic failure moved nothing: no rollback deployment', () => {
    const trace = cd({ ...canary, ...rollbackOn('DEPLOYMENT_FAILURE') }, { faults: [{ type: 'HookFailure', event: 'BeforeAllowTraffic' }] });
    expect(trace.outcome).toBe('Failed');
    expect(deployments(trace)).toEqual(['d-1 user Failed v2']);
  });

  it('a stop during the rollback stops d-2 (no rollback of a rollback); traffic is already back', () => {
    const trace = cd({ ...canary, ...rollbackOn('DEPLOYMENT_STOP_ON_ALARM') }, { faults: [{ type: 'Alarm', at: 120 }, { type: 'StopDeployment', at: 130 }] });
    expect(trace.outcome).toBe('Stopped');
    expect(deployments(trace)).toEqual(['d-1 user Stopped v2', 'd-2 codeDeployRollback Stopped v1']);
    expect(trace.deployments[1]!.end).toBe(130);
    expect(trace.events.find((e) => e.type === 'deployment-stopped')?.message).toContain('d-2');
    expect(trace.final.traffic).toEqual({ v1: 100 });
    expect(checkTrace(trace)).toEqual([]);
  });
});

describe('ECS', () => {
  const ecs = { computePlatform: 'ECS', deploymentConfigName: 'CodeDeployDefault.ECSCanary10Percent5Minutes', ...rollbackOn('DEPLOYMENT_FAILURE') };

  it('a BeforeInstall failure cannot trigger a rollback (rule cd.ecs-before-install-no-rollback)', () => {
    const trace = cd(ecs, { faults: [{ type: 'HookFailure', event: 'BeforeInstall' }] });
    expect(trace.outcome).toBe('Failed');
    expect(deployments(trace)).toEqual(['d-1 user Failed v2']);
    expect(trace.events.some((e) => e.type === 'rollback-started')).toBe(false);
    expect(trace.events.some((e) => e.rule === 'cd.ecs-before-install-no-rollback' && /cannot trigger a rollback/.test(e.message))).toBe(true);
  });

  it.each(['AfterInstall', 'AfterAllowTestTraffic', 'BeforeAllowTraffic', 'AfterAllowTraffic'])(
    'a %s failure triggers a rollback deployment that returns the components to their state at the start',
    (event) => {
      const trace = cd(ecs, { faults: [{ type: 'HookFailure', event }] });
      expect(trace.outcome).toBe('RolledBack');
      expect(deployments(trace)).toEqual(['d-1 user Failed v2', 'd-2 codeDeployRollback Succeeded v1']);
      expect(trace.final.traffic).toEqual({ v1: 100 });
      expect(trace.samples[trace.samples.length - 1]!.testTraffic).toEqual({ v1: 100 });
      // At the start there was no replacement task set: the rollback removes it.
      expect(finalOf(trace)).toEqual({ 'original-task-set': 'v1/InService', 'replacement-task-set': 'v2/Terminated' });
      const removed = trace.events.find((e) => e.type === 'instance-terminated' && e.target === 'replacement-task-set')!;
      expect(removed).toMatchObject({ deploymentId: 'd-2', rule: 'cd.rollback-ecs' });
      expect(removed.undocumented).toBeUndefined();
      expect(names(trace, 'original-task-set', 'd-2')).toEqual(['AllowTraffic']);
      expect(checkTrace(trace)).toEqual([]);
    },
  );

  it('stopped without rollback, production traffic stays split between the task sets', () => {
    const trace = cd({ computePlatform: 'ECS', deploymentConfigName: 'CodeDeployDefault.ECSLinear10PercentEvery3Minutes' }, { faults: [{ type: 'StopDeployment', at: 300 }] });
    expect(trace.outcome).toBe('Stopped');
    expect(trace.final.traffic).toEqual({ v1: 80, v2: 20 });
    expect(finalOf(trace)).toEqual({ 'original-task-set': 'v1/InService', 'replacement-task-set': 'v2/InService' });
  });

  it('a stop during the termination wait with DEPLOYMENT_STOP_ON_REQUEST reroutes traffic to the original task set', () => {
    const plain = cd({ computePlatform: 'ECS', deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce' });
    const wait = plain.phases.find((p) => p.name === 'Termination wait')!;
    const trace = cd({ computePlatform: 'ECS', deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce', ...rollbackOn('DEPLOYMENT_STOP_ON_REQUEST') }, {
      faults: [{ type: 'StopDeployment', at: wait.start + 60 }],
    });
    expect(trace.outcome).toBe('RolledBack');
    expect(trace.phases.find((p) => p.name === 'Termination wait')).toMatchObject({ start: wait.start, end: wait.start + 60, deadline: wait.deadline });
    expect(finalOf(trace)).toEqual({ 'original-task-set': 'v1/InService', 'replacement-task-set': 'v2/Terminated' });
  });
});
