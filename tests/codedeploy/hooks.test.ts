// Hook failures (reference §2.1): error codes, timeouts, ignoreApplicationStopFailures,
// which hooks a bad version fails, and terminated instances.
import { describe, expect, it } from 'vitest';
import { cd, names, span } from './helpers.ts';

describe('ignoreApplicationStopFailures', () => {
  it.each(['ApplicationStop', 'BeforeBlockTraffic', 'AfterBlockTraffic'])('true: a %s failure is ignored and the instance carries on', (event) => {
    const trace = cd({ instances: 2, loadBalancer: true, ignoreApplicationStopFailures: true }, { faults: [{ type: 'HookFailure', target: 'i-1', event }] });
    expect(span(trace, 'i-1', event).status).toBe('Failed');
    expect(names(trace, 'i-1').at(-1)).toBe('End');
    expect(span(trace, 'i-1', 'End').status).toBe('Succeeded');
    expect(trace.outcome).toBe('Succeeded');
  });

  it('false: the same failure fails the instance', () => {
    const trace = cd({ instances: 2, loadBalancer: true }, { faults: [{ type: 'HookFailure', target: 'i-1', event: 'ApplicationStop' }] });
    expect(names(trace, 'i-1').at(-1)).toBe('ApplicationStop');
    expect(trace.outcome).toBe('Failed');
  });

  it('does not cover other hooks', () => {
    const trace = cd({ instances: 2, ignoreApplicationStopFailures: true }, { faults: [{ type: 'HookFailure', target: 'i-1', event: 'BeforeInstall' }] });
    expect(trace.outcome).toBe('Failed');
  });
});

describe('error codes', () => {
  it('ScriptTimedOut fails the hook after the 3600 s timeout, with the code as the reason', () => {
    const trace = cd({ instances: 1 }, { faults: [{ type: 'HookFailure', event: 'AfterInstall', errorCode: 'ScriptTimedOut' }] });
    const s = span(trace, 'i-1', 'AfterInstall');
    expect([s.status, s.end - s.start]).toEqual(['Failed', 3600]);
    expect(s.reason).toMatch(/^ScriptTimedOut/);
  });

  it('the default error code is ScriptFailed', () => {
    const trace = cd({ instances: 1 }, { faults: [{ type: 'HookFailure', event: 'AfterInstall' }] });
    expect(span(trace, 'i-1', 'AfterInstall').reason).toMatch(/^ScriptFailed/);
  });
});

describe('BadVersion and UnhealthyInstance', () => {
  it('Server: ValidateService fails on every instance running the new version', () => {
    const trace = cd({ instances: 3, deploymentConfigName: 'CodeDeployDefault.AllAtOnce' }, { faults: [{ type: 'BadVersion' }] });
    for (const id of ['i-1', 'i-2', 'i-3']) expect(span(trace, id, 'ValidateService').status).toBe('Failed');
  });

  it('Lambda: BeforeAllowTraffic fails and no traffic ever moves', () => {
    const trace = cd({ computePlatform: 'Lambda', deploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce' }, { faults: [{ type: 'BadVersion' }] });
    expect(span(trace, 'alias:live', 'BeforeAllowTraffic').status).toBe('Failed');
    expect(trace.samples.every((s) => s.traffic.v2 === undefined)).toBe(true);
  });

  it('an unhealthy instance behind a load balancer fails AllowTraffic after the one-hour health wait', () => {
    const trace = cd({ instances: 2, loadBalancer: true }, { faults: [{ type: 'UnhealthyInstance', target: 'i-2' }] });
    const s = span(trace, 'i-2', 'AllowTraffic');
    expect([s.status, s.end - s.start]).toEqual(['Failed', 3600]);
    // i-2 is the last instance: OneAtATime still succeeds.
    expect(trace.outcome).toBe('Succeeded');
  });
});

describe('InstanceTerminated', () => {
  it('an instance terminated mid-deployment fails its deployment; OneAtATime cannot go on', () => {
    const trace = cd({ instances: 3 }, { faults: [{ type: 'InstanceTerminated', target: 'i-1', at: 20 }] });
    expect(trace.outcome).toBe('Failed');
    const last = trace.spans.filter((s) => s.target === 'i-1').at(-1)!;
    expect([last.status, last.end]).toEqual(['Failed', 20]);
    expect(trace.final.targets.find((t) => t.id === 'i-1')!.state).toBe('Terminated');
  });
});

describe('Server blue/green rerouting follows the configuration', () => {
  it.each([
    ['CodeDeployDefault.OneAtATime', 1],
    ['CodeDeployDefault.HalfAtATime', 2],
    ['CodeDeployDefault.AllAtOnce', 4],
  ])('%s: AllowTraffic on %i replacement(s) at a time', (name, parallel) => {
    const trace = cd({ deploymentType: 'BLUE_GREEN', instances: 4, deploymentConfigName: name });
    const allow = trace.spans.filter((s) => s.name === 'AllowTraffic').map((s) => s.start);
    const firstWave = allow.filter((t) => t === Math.min(...allow)).length;
    expect(firstWave).toBe(parallel);
  });
});
