// Automatic rollback (reference §2.2, §2.4): when it happens, what it is on each
// compute platform, and what a failed or stopped deployment leaves without it.
import { describe, expect, it } from 'vitest';
import { cd, finalOf, names } from './helpers.ts';

const rollbackOn = (...events: string[]) => ({ autoRollbackConfiguration: { enabled: true, events } });

describe('Server in-place', () => {
  const failing = { faults: [{ type: 'HookFailure', target: 'i-2', event: 'AfterInstall', errorCode: 'ScriptFailed' }] };

  it('DEPLOYMENT_FAILURE: a new deployment d-2 by codeDeployRollback redeploys the last known good revision', () => {
    const trace = cd({ instances: 3, ...rollbackOn('DEPLOYMENT_FAILURE') }, failing);
    expect(trace.outcome).toBe('RolledBack');
    expect(trace.deployments.map(({ id, creator, status, revision }) => ({ id, creator, status, revision }))).toEqual([
      { id: 'd-1', creator: 'user', status: 'Failed', revision: 'v2' },
      { id: 'd-2', creator: 'codeDeployRollback', status: 'Succeeded', revision: 'v1' },
    ]);
    expect(trace.deployments[1]!.start).toBe(trace.deployments[0]!.end);
    // Same lifecycle events as any deployment.
    expect(names(trace, 'i-1', 'd-2')).toEqual(['Start', 'ApplicationStop', 'DownloadBundle', 'BeforeInstall', 'Install', 'AfterInstall', 'ApplicationStart', 'ValidateService', 'End']);
    expect(trace.final.targets.every((t) => t.version === 'v1' && t.state === 'InService' && t.healthy)).toBe(true);
    expect(trace.events.some((e) => e.type === 'rollback-started' && e.deploymentId === 'd-2')).toBe(true);
  });

  it('without automatic rollback the fleet stays where the failure left it', () => {
    const trace = cd({ instances: 3 }, failing);
    expect(trace.outcome).toBe('Failed');
    expect(trace.deployments.length).toBe(1);
    expect(finalOf(trace)).toEqual({ 'i-1': 'v2/InService', 'i-2': 'v2/OutOfService', 'i-3': 'v1/InService' });
  });

  it('enabled false means no rollback even with events listed', () => {
    const trace = cd({ instances: 3, autoRollbackConfiguration: { enabled: false, events: ['DEPLOYMENT_FAILURE'] } }, failing);
    expect(trace.outcome).toBe('Failed');
    expect(trace.deployments.length).toBe(1);
  });

  it('an alarm stops the deployment (Stopped); DEPLOYMENT_STOP_ON_ALARM rolls it back', () => {
    const alarm = { faults: [{ type: 'Alarm', at: 200 }] };
    const stopped = cd({ instances: 3, ...rollbackOn('DEPLOYMENT_FAILURE') }, alarm);
    expect(stopped.outcome).toBe('Stopped');
    expect(stopped.deployments.map((d) => d.status)).toEqual(['Stopped']);
    expect(stopped.deployments[0]!.end).toBe(200);
    const rolled = cd({ instances: 3, ...rollbackOn('DEPLOYMENT_STOP_ON_ALARM') }, alarm);
    expect(rolled.outcome).toBe('RolledBack');
    expect(rolled.deployments.map((d) => `${d.id} ${d.status}`)).toEqual(['d-1 Stopped', 'd-2 Succeeded']);
  });

  it('the lifecycle event in progress at the stop ends as Failed and nothing further runs on that instance', () => {
    const trace = cd({ instances: 3 }, { faults: [{ type: 'StopDeployment', at: 40 }] });
    const spans = trace.spans.filter((s) => s.target === 'i-1');
    const last = spans[spans.length - 1]!;
    expect(last.status).toBe('Failed');
    expect(last.end).toBe(40);
    expect(names(trace, 'i-2')).toEqual([]);
  });

  it('StopDeployment rolls back with DEPLOYMENT_STOP_ON_REQUEST, or with its own autoRollbackEnabled', () => {
    const at = { type: 'StopDeployment', at: 100 };
    expect(cd({ instances: 3 }, { faults: [at] }).outcome).toBe('Stopped');
    expect(cd({ instances: 3, ...rollbackOn('DEPLOYMENT_STOP_ON_REQUEST') }, { faults: [at] }).outcome).toBe('RolledBack');
    expect(cd({ instances: 3 }, { faults: [{ ...at, autoRollbackEnabled: true }] }).outcome).toBe('RolledBack');
    expect(cd({ instances: 3, ...rollbackOn('DEPLOYMENT_STOP_ON_REQUEST') }, { faults: [{ ...at, autoRollbackEnabled: false }] }).outcome).toBe('Stopped');
  });

  it('an alarm after the deployment ended changes nothing', () => {
    const plain = cd({ instances: 2 });
    const late = cd({ instances: 2, ...rollbackOn('DEPLOYMENT_STOP_ON_ALARM') }, { faults: [{ type: 'Alarm', at: 100000 }] });
    expect(late.outcome).toBe('Succeeded');
    expect(late.spans).toEqual(plain.spans);
  });
});

describe('Server blue/green', () => {
  it('a rollback routes traffic back to the originals: AllowTraffic trio on originals, BlockTraffic trio on replacements', () => {
    // OneAtATime: rerouting fails at i-3, the first replacement, so the deployment fails.
    const trace = cd(
      { deploymentType: 'BLUE_GREEN', instances: 2, deploymentConfigName: 'CodeDeployDefault.OneAtATime', ...rollbackOn('DEPLOYMENT_FAILURE') },
      { faults: [{ type: 'HookFailure', target: 'i-3', event: 'AfterAllowTraffic' }] },
    );
    expect(trace.outcome).toBe('RolledBack');
    expect(trace.deployments.map((d) => `${d.id} ${d.creator} ${d.status}`)).toEqual(['d-1 user Failed', 'd-2 codeDeployRollback Succeeded']);
    for (const id of ['i-1', 'i-2']) expect(names(trace, id, 'd-2')).toEqual(['BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic']);
    for (const id of ['i-3', 'i-4']) expect(names(trace, id, 'd-2')).toEqual(['BeforeBlockTraffic', 'BlockTraffic', 'AfterBlockTraffic']);
    expect(trace.final.traffic).toEqual({ v1: 100 });
    expect(finalOf(trace)).toMatchObject({ 'i-1': 'v1/InService', 'i-2': 'v1/InService' });
    // The rollback is its own deployment and its own phase.
    const rollback = trace.phases.filter((p) => p.kind === 'rollback');
    expect(rollback.map((p) => [p.deploymentId, p.start, p.end])).toEqual([['d-2', trace.deployments[1]!.start, trace.deployments[1]!.end]]);
  });

  it('a rollback registers no original that never left the load balancer, and deregisters no replacement that never joined it', () => {
    const trace = cd(
      { deploymentType: 'BLUE_GREEN', instances: 2, deploymentConfigName: 'CodeDeployDefault.OneAtATime', ...rollbackOn('DEPLOYMENT_FAILURE') },
      { faults: [{ type: 'HookFailure', target: 'i-3', event: 'AfterAllowTraffic' }] },
    );
    const inRollback = (type: string) => trace.events.filter((e) => e.type === type && e.deploymentId === 'd-2').map((e) => e.target);
    // The originals were never blocked; i-4 never received traffic.
    expect(inRollback('registered')).toEqual([]);
    expect(inRollback('deregistered')).toEqual(['i-3']);
    const registeredChanges = trace.changes.filter((c) => c.registered !== undefined && c.t >= trace.deployments[1]!.start);
    expect(registeredChanges.map((c) => `${c.target}:${c.registered}`)).toEqual(['i-3:false']);
  });

  it('without rollback a failed reroute leaves traffic where it was', () => {
    const trace = cd(
      { deploymentType: 'BLUE_GREEN', instances: 2, deploymentConfigName: 'CodeDeployDefault.OneAtATime' },
      { faults: [{ type: 'HookFailure', target: 'i-3', event: 'AfterAllowTraffic' }] },
    );
    expect(trace.outcome).toBe('Failed');
    // i-3 had joined the load balancer before its AfterAllowTraffic failed; i-4 was never tried; the originals were never blocked.
    expect(names(trace, 'i-4')).not.toContain('AllowTraffic');
    expect(trace.final.traffic).toEqual({ v1: 66.7, v2: 33.3 });
  });

  it('KEEP_ALIVE leaves the originals running, out of service', () => {
    const trace = cd({
      deploymentType: 'BLUE_GREEN',
      instances: 2,
      blueGreenDeploymentConfiguration: { terminateBlueInstancesOnDeploymentSuccess: { action: 'KEEP_ALIVE' } },
    });
    expect(trace.outcome).toBe('Succeeded');
    expect(finalOf(trace)).toEqual({ 'i-1': 'v1/OutOfService', 'i-2': 'v1/OutOfService', 'i-3': 'v2/InService', 'i-4': 'v2/InService' });
  });
});

describe('Server: a stop during the rollback', () => {
  // runServer maps each Server machine's top state to its deployment: 'rollingBack' is d-2.
  it.each([
    ['in-place', { instances: 3 }, { type: 'HookFailure', target: 'i-2', event: 'AfterInstall' }],
    ['blue/green', { deploymentType: 'BLUE_GREEN', instances: 2, deploymentConfigName: 'CodeDeployDefault.OneAtATime' }, { type: 'HookFailure', target: 'i-3', event: 'AfterAllowTraffic' }],
  ])('%s: StopDeployment while d-2 runs stops d-2, not a deployment that has ended', (_kind, settings, failure) => {
    const config = { ...settings, ...rollbackOn('DEPLOYMENT_FAILURE') };
    const rolledBack = cd(config, { faults: [failure] });
    const d2 = rolledBack.deployments[1]!;
    const at = d2.start + 1;
    expect(d2.end).toBeGreaterThan(at);
    const trace = cd(config, { faults: [failure, { type: 'StopDeployment', at }] });
    expect(trace.deployments.map((d) => `${d.id} ${d.status}`)).toEqual(['d-1 Failed', 'd-2 Stopped']);
    expect(trace.deployments[1]!.end).toBe(at);
    const stop = trace.events.find((e) => e.type === 'deployment-stopped')!;
    expect([stop.message, stop.deploymentId]).toEqual(['The user calls StopDeployment: deployment d-2 stops', 'd-2']);
  });
});
