// The instance deployment workflow of reference §1.4 and the load balancer steps around it.
import { describe, expect, it } from 'vitest';
import { EB_INSTANCE_WORKFLOW } from '../../src/aws/eb-facts.ts';
import { eb, spansOf } from '../helpers.ts';

const workflow = EB_INSTANCE_WORKFLOW.map((s) => s.name);

describe('Elastic Beanstalk instance workflow (reference §1.4)', () => {
  it('runs Initial, Configure and Deploy phases in order, with the platform hooks prebuild → predeploy → postdeploy', () => {
    expect(workflow).toEqual([
      'download',
      'commands',
      'prebuild',
      'buildfile',
      'proxy-config',
      'container_commands',
      'predeploy',
      'procfile',
      'proxy-apply',
      'postdeploy',
    ]);
  });

  it('a Rolling instance is detached, deployed, attached and health-checked, each step a span back to back', () => {
    const trace = eb({ instances: 2, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 1 });
    const spans = spansOf(trace, 'i-2');
    expect(spans.map((s) => s.name)).toEqual(['deregister', ...workflow, 'register', 'health-check']);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBe(spans[i - 1]!.end);
    expect(spans.every((s) => s.status === 'Succeeded' && s.deploymentId === 'd-1')).toBe(true);
    expect(spans[0]!.revision).toBe('v1'); // draining serves the old version
    expect(spans.slice(1).every((s) => s.revision === 'v2')).toBe(true);
  });

  it('new instances are launched first; AllAtOnce instances are never detached', () => {
    const immutable = eb({ instances: 2, DeploymentPolicy: 'Immutable' });
    expect(spansOf(immutable, 'i-3').map((s) => s.name)).toEqual(['launch', ...workflow, 'register', 'health-check']);
    const allAtOnce = eb({ instances: 2, DeploymentPolicy: 'AllAtOnce' });
    expect(spansOf(allAtOnce, 'i-1').map((s) => s.name)).toEqual([...workflow, 'health-check']);
  });

  it('a failing hook fails its span with a reason and stops the instance there', () => {
    const trace = eb(
      { instances: 4, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2 },
      { faults: [{ type: 'HookFailure', target: 'i-2', event: 'predeploy' }] },
    );
    const spans = spansOf(trace, 'i-2');
    const last = spans[spans.length - 1]!;
    expect(last).toMatchObject({ name: 'predeploy', status: 'Failed' });
    expect(last.reason).toBe("predeploy failed: the command returned an error");
    expect(spans.some((s) => s.name === 'postdeploy')).toBe(false);
    // The app never restarted, so i-2 still runs v1, detached (failedInstanceState, UNDOCUMENTED).
    expect(trace.final.targets.find((t) => t.id === 'i-2')).toMatchObject({ version: 'v1', state: 'OutOfService', healthy: false });
    expect(trace.events.some((e) => e.undocumented === 'failedInstanceState')).toBe(true);
    expect(trace.outcome).toBe('Failed');
    // The other batch never started.
    expect(spansOf(trace, 'i-3')).toEqual([]);
  });

  it('a hook failure without a target fails on every instance that runs that step', () => {
    const trace = eb({ instances: 3, DeploymentPolicy: 'AllAtOnce' }, { faults: [{ type: 'HookFailure', event: 'postdeploy' }] });
    for (const id of ['i-1', 'i-2', 'i-3']) {
      expect(spansOf(trace, id).find((s) => s.name === 'postdeploy')?.status).toBe('Failed');
    }
  });

  it('step durations come from the scenario timings', () => {
    const trace = eb({ instances: 1, DeploymentPolicy: 'AllAtOnce' }, { timings: { steps: { predeploy: 42 }, healthCheckInterval: 10, healthyThreshold: 2 } });
    const spans = spansOf(trace, 'i-1');
    const predeploy = spans.find((s) => s.name === 'predeploy')!;
    expect(predeploy.end - predeploy.start).toBe(42);
    const check = spans.find((s) => s.name === 'health-check')!;
    expect(check.end - check.start).toBe(20);
  });
});
