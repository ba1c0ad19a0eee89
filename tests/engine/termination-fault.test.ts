// An InstanceTerminated fault takes effect the same way on both platforms with
// instances (termination-fault.ts): its instance is terminated while it runs, and a
// fault on one already terminated, or not launched yet, says so and does nothing.
import { describe, expect, it } from 'vitest';
import { terminationTarget } from '../../src/engine/termination-fault.ts';
import { World } from '../../src/engine/world.ts';
import { run, scenario } from '../helpers.ts';

const platforms = {
  ElasticBeanstalk: { platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 3, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 1 } },
  CodeDeploy: { platform: 'CodeDeploy', codeDeploy: { instances: 3 } },
};

describe.each(Object.entries(platforms))('InstanceTerminated on %s', (_name, settings) => {
  it('terminates its instance once; a second fault on it says it is already terminated', () => {
    // Both at once: a CodeDeploy deployment that fails at 20 s drops what was due later.
    const faults = [
      { type: 'InstanceTerminated', target: 'i-1', at: 20 },
      { type: 'InstanceTerminated', target: 'i-1', at: 20 },
    ];
    const trace = run({ ...settings, faults });
    expect(trace.events.filter((e) => e.type === 'fault-injected').map((e) => [e.t, e.message, e.target])).toEqual([
      [20, 'i-1 is terminated unexpectedly (for example by a failed EC2 host)', 'i-1'],
      [20, 'i-1 was to be terminated at 20 s, but it is already terminated', undefined],
    ]);
    expect(trace.final.targets.filter((t) => t.state === 'Terminated').map((t) => t.id)).toEqual(['i-1']);
    expect(trace.events.filter((e) => e.type === 'instance-terminated' && e.target === 'i-1')).toHaveLength(1);
  });
});

describe('terminationTarget', () => {
  it('gives the instance of a fault that takes effect, and nothing for one not launched yet', () => {
    const w = new World(scenario({ platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 2 } }));
    const [, i2] = w.addInstances(2, { group: 'original', pool: 'original', version: 'v1', state: 'InService', healthy: true, registered: true });
    expect(terminationTarget(w, { type: 'InstanceTerminated', target: 'i-5', at: 10 })).toBeUndefined();
    expect(terminationTarget(w, { type: 'InstanceTerminated', target: 'i-2', at: 10 })).toBe(i2);
    expect(w.events.map((e) => [e.message, e.target])).toEqual([
      ['i-5 was to be terminated at 10 s, but it does not exist yet', undefined],
      ['i-2 is terminated unexpectedly (for example by a failed EC2 host)', 'i-2'],
    ]);
  });
});
