// Lifecycle event order per compute platform, deployment type and load balancer
// (reference §2.1–2.2), and whose scripts each hook runs.
import { describe, expect, it } from 'vitest';
import { cd, names, span } from './helpers.ts';

const IN_PLACE = ['Start', 'ApplicationStop', 'DownloadBundle', 'BeforeInstall', 'Install', 'AfterInstall', 'ApplicationStart', 'ValidateService', 'End'];
const IN_PLACE_LB = [
  'Start', 'BeforeBlockTraffic', 'BlockTraffic', 'AfterBlockTraffic', 'ApplicationStop', 'DownloadBundle', 'BeforeInstall', 'Install',
  'AfterInstall', 'ApplicationStart', 'ValidateService', 'BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic', 'End',
];

describe('Server in-place event order', () => {
  it('without a load balancer: no traffic events on any instance', () => {
    const trace = cd({ instances: 3, loadBalancer: false });
    for (const id of ['i-1', 'i-2', 'i-3']) expect(names(trace, id)).toEqual(IN_PLACE);
  });

  it('with a load balancer: the BlockTraffic trio first, the AllowTraffic trio last', () => {
    const trace = cd({ instances: 2, loadBalancer: true });
    for (const id of ['i-1', 'i-2']) expect(names(trace, id)).toEqual(IN_PLACE_LB);
  });

  it('events on one instance follow each other without overlap', () => {
    const trace = cd({ instances: 2, loadBalancer: true });
    const spans = trace.spans.filter((s) => s.target === 'i-1');
    for (let k = 1; k < spans.length; k++) expect(spans[k]!.start).toBeGreaterThanOrEqual(spans[k - 1]!.end);
  });

  it('ApplicationStop and the BlockTraffic hooks run the last successful revision (v1); the rest run v2', () => {
    const trace = cd({ instances: 1, loadBalancer: true });
    for (const s of trace.spans) {
      const last = ['ApplicationStop', 'BeforeBlockTraffic', 'AfterBlockTraffic'].includes(s.name);
      expect([s.name, s.revision]).toEqual([s.name, last ? 'v1' : 'v2']);
    }
  });

  it('in a rollback, ApplicationStop runs v2 on an instance whose last successful revision is v2', () => {
    const trace = cd(
      { instances: 3, loadBalancer: false, autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE'] } },
      { faults: [{ type: 'HookFailure', target: 'i-2', event: 'AfterInstall' }] },
    );
    expect(span(trace, 'i-1', 'ApplicationStop', 'd-2').revision).toBe('v2');
    // i-2 failed in d-1, so its last successful revision is still v1.
    expect(span(trace, 'i-2', 'ApplicationStop', 'd-2').revision).toBe('v1');
    expect(span(trace, 'i-1', 'Install', 'd-2').revision).toBe('v1');
    expect(names(trace, 'i-1', 'd-2')).toEqual(IN_PLACE);
  });
});

describe('Server blue/green event order', () => {
  const trace = cd({ deploymentType: 'BLUE_GREEN', instances: 2, deploymentConfigName: 'CodeDeployDefault.AllAtOnce' });

  it('replacements continue the numbering and run the install events, then the AllowTraffic trio', () => {
    expect(trace.targets.map((t) => `${t.id}:${t.group}`)).toEqual(['i-1:original', 'i-2:original', 'i-3:replacement', 'i-4:replacement']);
    for (const id of ['i-3', 'i-4']) {
      expect(names(trace, id)).toEqual([
        'Start', 'ApplicationStop', 'DownloadBundle', 'BeforeInstall', 'Install', 'AfterInstall', 'ApplicationStart', 'ValidateService',
        'BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic', 'End',
      ]);
    }
  });

  it('ApplicationStop is Skipped on a replacement: it has no last successful revision', () => {
    const s = span(trace, 'i-3', 'ApplicationStop');
    expect(s.status).toBe('Skipped');
    expect(s.end).toBe(s.start);
  });

  it('originals run the BlockTraffic trio with v1 scripts, after every replacement allowed traffic', () => {
    for (const id of ['i-1', 'i-2']) expect(names(trace, id)).toEqual(['Start', 'BeforeBlockTraffic', 'BlockTraffic', 'AfterBlockTraffic', 'End']);
    expect(span(trace, 'i-1', 'BeforeBlockTraffic').revision).toBe('v1');
    const lastAllow = Math.max(...['i-3', 'i-4'].map((id) => span(trace, id, 'AfterAllowTraffic').end));
    expect(span(trace, 'i-1', 'BeforeBlockTraffic').start).toBeGreaterThanOrEqual(lastAllow);
  });

  it('originals are terminated after the termination wait (default 60 minutes)', () => {
    const blocked = Math.max(...['i-1', 'i-2'].map((id) => span(trace, id, 'End').end));
    const terminated = trace.events.filter((e) => e.type === 'instance-terminated').map((e) => e.t);
    expect(terminated.length).toBe(2);
    for (const t of terminated) expect(t).toBeGreaterThanOrEqual(blocked + 3600);
    expect(trace.final.targets.filter((t) => t.state === 'Terminated').map((t) => t.id)).toEqual(['i-1', 'i-2']);
  });
});

describe('Lambda and ECS event order', () => {
  it('Lambda: Start, BeforeAllowTraffic, AllowTraffic, AfterAllowTraffic, End on the alias', () => {
    const trace = cd({ computePlatform: 'Lambda', deploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce' });
    expect(trace.targets.map((t) => t.id)).toEqual(['alias:live']);
    expect(names(trace, 'alias:live')).toEqual(['Start', 'BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic', 'End']);
  });

  it('ECS: the ten events on the replacement task set; the original task set runs none', () => {
    const trace = cd({ computePlatform: 'ECS', deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce' });
    expect(names(trace, 'replacement-task-set')).toEqual([
      'Start', 'BeforeInstall', 'Install', 'AfterInstall', 'AllowTestTraffic', 'AfterAllowTestTraffic',
      'BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic', 'End',
    ]);
    expect(names(trace, 'original-task-set')).toEqual([]);
  });
});
