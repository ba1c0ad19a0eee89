// Each Elastic Beanstalk policy against reference §1.1 and §1.3: capacity, batches,
// traffic, and which version every instance ends on after each kind of failure.
import { describe, expect, it } from 'vitest';
import { capacityRange, eb, spansOf } from '../helpers.ts';
import type { Trace } from '../../src/trace/types.ts';

const finalOf = (trace: Trace) => Object.fromEntries(trace.final.targets.map((t) => [t.id, `${t.version}/${t.state}`]));
const count = (trace: Trace, version: string, state: string) =>
  trace.final.targets.filter((t) => t.version === version && t.state === state).length;

describe('AllAtOnce', () => {
  it('deploys to every instance at once: capacity drops to zero, then all run v2', () => {
    const trace = eb({ instances: 5, DeploymentPolicy: 'AllAtOnce' });
    expect(trace.outcome).toBe('Succeeded');
    expect(capacityRange(trace)).toEqual({ min: 0, max: 5 });
    const starts = new Set([1, 2, 3, 4, 5].map((i) => spansOf(trace, `i-${i}`)[0]!.start));
    expect([...starts]).toEqual([0]);
    expect(count(trace, 'v2', 'InService')).toBe(5);
    expect(trace.final.traffic).toEqual({ v2: 100 });
  });

  it('the first instance started (its run is the first of the deployment) is cut short when it is terminated mid-step', () => {
    const trace = eb({ instances: 3, DeploymentPolicy: 'AllAtOnce' }, { faults: [{ type: 'InstanceTerminated', target: 'i-1', at: 5 }] });
    const cut = spansOf(trace, 'i-1').filter((s) => s.status === 'Failed');
    expect(cut).toHaveLength(1);
    expect(cut[0]!.end).toBe(5);
    expect(cut[0]!.reason).toBe('the instance was terminated');
    // Nothing of it runs after it is gone.
    expect(spansOf(trace, 'i-1').every((s) => s.start <= 5)).toBe(true);
    expect(finalOf(trace)['i-1']).toMatch(/Terminated$/);
  });

  it('a bad version means downtime and no automatic rollback', () => {
    const trace = eb({ instances: 3, DeploymentPolicy: 'AllAtOnce' }, { faults: [{ type: 'BadVersion' }] });
    expect(trace.outcome).toBe('Failed');
    expect(count(trace, 'v2', 'OutOfService')).toBe(3);
    expect(trace.final.traffic).toEqual({});
    expect(trace.samples[trace.samples.length - 1]!.inService).toEqual({});
    expect(trace.events.some((e) => e.type === 'rollback-started')).toBe(false);
  });
});

describe('Rolling', () => {
  it('rounds a Percentage batch up (UNDOCUMENTED) and says so', () => {
    const trace = eb({ instances: 6, DeploymentPolicy: 'Rolling', BatchSizeType: 'Percentage', BatchSize: 30 });
    const started = trace.events.find((e) => e.type === 'deployment-started')!;
    expect(started.message).toMatch(/batches of 2/);
    expect(started.undocumented).toBe('percentageRounding');
    expect(trace.events.filter((e) => e.type === 'batch-started')).toHaveLength(3);
  });

  it('never takes more than one batch out of service', () => {
    for (const batch of [1, 2, 3, 5]) {
      const trace = eb({ instances: 7, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: batch });
      expect(capacityRange(trace).min).toBe(7 - batch);
    }
  });

  it('starts the next batch only when every instance of the previous one is healthy', () => {
    const trace = eb({ instances: 4, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2 });
    const healthyAt = Math.max(...['i-1', 'i-2'].map((id) => spansOf(trace, id).find((s) => s.name === 'health-check')!.end));
    expect(spansOf(trace, 'i-3')[0]!.start).toBe(healthyAt);
  });

  it('IgnoreHealthCheck moves on past a batch that never becomes healthy', () => {
    const trace = eb(
      { instances: 6, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2, IgnoreHealthCheck: true, Timeout: 100 },
      { faults: [{ type: 'UnhealthyInstance', target: 'i-3' }] },
    );
    expect(trace.outcome).toBe('Succeeded');
    expect(finalOf(trace)).toMatchObject({ 'i-3': 'v2/OutOfService', 'i-5': 'v2/InService', 'i-6': 'v2/InService' });
    // Timeout 100 + 240 s bounds the wait for batch 2.
    const batch2 = spansOf(trace, 'i-3');
    expect(batch2[batch2.length - 1]!.end - batch2[0]!.start).toBe(340);
  });

  it('IgnoreHealthCheck does not pass over a failed command', () => {
    const trace = eb(
      { instances: 4, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2, IgnoreHealthCheck: true },
      { faults: [{ type: 'HookFailure', target: 'i-1', event: 'prebuild' }] },
    );
    expect(trace.outcome).toBe('Failed');
    expect(finalOf(trace)).toMatchObject({ 'i-3': 'v1/InService', 'i-4': 'v1/InService' });
  });

  it('AbortEnvironmentUpdate stops where it is: some instances keep v2, others v1', () => {
    const trace = eb({ instances: 6, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2 }, { faults: [{ type: 'AbortDeployment', at: 130 }] });
    expect(trace.outcome).toBe('Stopped');
    expect(trace.deployments[0]).toMatchObject({ status: 'Stopped', end: 130 });
    expect(finalOf(trace)).toEqual({
      'i-1': 'v2/InService',
      'i-2': 'v2/InService',
      'i-3': 'v1/InService',
      'i-4': 'v1/InService',
      'i-5': 'v1/InService',
      'i-6': 'v1/InService',
    });
    const cut = spansOf(trace, 'i-3').find((s) => s.end === 130)!;
    expect(cut.status).toBe('Failed');
  });

  it('an instance terminated mid-batch fails the deployment', () => {
    const trace = eb({ instances: 6, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2 }, { faults: [{ type: 'InstanceTerminated', target: 'i-4', at: 120 }] });
    expect(trace.outcome).toBe('Failed');
    expect(finalOf(trace)['i-4']).toMatch(/Terminated$/);
    expect(finalOf(trace)['i-5']).toBe('v1/InService');
  });
});

describe('RollingWithAdditionalBatch', () => {
  const settings = { instances: 6, DeploymentPolicy: 'RollingWithAdditionalBatch', BatchSizeType: 'Fixed', BatchSize: 2 };

  it('launches an additional batch first so capacity never drops, then terminates that batch at the end', () => {
    const trace = eb(settings);
    expect(trace.outcome).toBe('Succeeded');
    expect(capacityRange(trace).min).toBe(6);
    expect(trace.targets.filter((t) => t.group === 'additional-batch').map((t) => t.id)).toEqual(['i-7', 'i-8']);
    expect(count(trace, 'v2', 'InService')).toBe(6);
    // The instances it launched go, not originals (reference §1.3).
    expect(trace.final.targets.filter((t) => t.state === 'Terminated').map((t) => t.id)).toEqual(['i-7', 'i-8']);
    for (let i = 1; i <= 6; i++) expect(finalOf(trace)[`i-${i}`]).toBe('v2/InService');
    expect(trace.events.find((e) => e.rule === 'eb.additional-batch-terminate')!.message).toMatch(/terminates the additional batch it launched: i-7, i-8/);
  });

  it('a failure in the first (extra) batch leaves every original instance untouched', () => {
    const trace = eb(settings, { faults: [{ type: 'HookFailure', target: 'i-7', event: 'predeploy' }] });
    expect(trace.outcome).toBe('Failed');
    for (let i = 1; i <= 6; i++) expect(finalOf(trace)[`i-${i}`]).toBe('v1/InService');
  });

  it('a failure in a later batch behaves like Rolling', () => {
    const trace = eb(settings, { faults: [{ type: 'HookFailure', target: 'i-3', event: 'postdeploy' }] });
    expect(trace.outcome).toBe('Failed');
    expect(finalOf(trace)).toMatchObject({ 'i-1': 'v2/InService', 'i-3': 'v2/OutOfService', 'i-4': 'v2/InService', 'i-5': 'v1/InService' });
  });
});

describe('Immutable', () => {
  it('launches one instance first, then the rest; capacity doubles; old instances are terminated', () => {
    const trace = eb({ instances: 4, DeploymentPolicy: 'Immutable' });
    expect(trace.outcome).toBe('Succeeded');
    const firstHealthy = spansOf(trace, 'i-5').at(-1)!.end;
    for (const id of ['i-6', 'i-7', 'i-8']) expect(spansOf(trace, id)[0]!.start).toBe(firstHealthy);
    expect(capacityRange(trace)).toEqual({ min: 4, max: 8 });
    expect(trace.samples.some((s) => s.inService.v1 === 4 && s.inService.v2 === 1)).toBe(true);
    expect(finalOf(trace)).toMatchObject({ 'i-1': 'v1/Terminated', 'i-5': 'v2/InService', 'i-8': 'v2/InService' });
  });

  it('on failure terminates the temporary group; the originals never changed', () => {
    const trace = eb({ instances: 4, DeploymentPolicy: 'Immutable' }, { faults: [{ type: 'BadVersion' }] });
    expect(trace.outcome).toBe('RolledBack');
    expect(trace.deployments[0]!.status).toBe('Failed');
    expect(trace.targets.map((t) => t.id)).toEqual(['i-1', 'i-2', 'i-3', 'i-4', 'i-5']);
    expect(finalOf(trace)['i-5']).toBe('v2/Terminated');
    for (let i = 1; i <= 4; i++) {
      expect(finalOf(trace)[`i-${i}`]).toBe('v1/InService');
      expect(spansOf(trace, `i-${i}`)).toEqual([]);
    }
    expect(capacityRange(trace).min).toBe(4);
  });
});

describe('TrafficSplitting', () => {
  it('sends NewVersionPercent of traffic to the new group for EvaluationTime, then all of it', () => {
    const trace = eb({ instances: 4, DeploymentPolicy: 'TrafficSplitting', NewVersionPercent: 15, EvaluationTime: 4 });
    expect(trace.outcome).toBe('Succeeded');
    const split = trace.samples.filter((s) => s.traffic.v2 === 15);
    expect(split).toHaveLength(1);
    const next = trace.samples[trace.samples.indexOf(split[0]!) + 1]!;
    expect(next.t - split[0]!.t).toBe(4 * 60);
    expect(next.traffic.v2).toBe(100);
    // Before the split, the healthy new group gets no traffic at all.
    expect(trace.samples.every((s) => s.traffic.v2 === undefined || s.traffic.v2 >= 15)).toBe(true);
    expect(capacityRange(trace).min).toBe(4);
  });

  it('an unhealthy new version during evaluation moves all traffic back and terminates the new instances', () => {
    const trace = eb({ instances: 4, DeploymentPolicy: 'TrafficSplitting', NewVersionPercent: 20, EvaluationTime: 5 }, { faults: [{ type: 'BadVersion', at: 263 }] });
    expect(trace.outcome).toBe('RolledBack');
    const back = trace.samples.find((s) => s.t === 263)!;
    expect(back.traffic).toEqual({ v1: 100 });
    expect(trace.samples.filter((s) => s.t < 263).some((s) => s.traffic.v2 === 20)).toBe(true);
    expect(count(trace, 'v2', 'Terminated')).toBe(4);
    expect(count(trace, 'v1', 'InService')).toBe(4);
    // The abandoned evaluation window does not stretch the run.
    expect(trace.durationSeconds).toBe(trace.deployments[0]!.end);
    // Never an interruption.
    expect(trace.samples.every((s) => Object.keys(s.traffic).length > 0)).toBe(true);
  });
});

describe('BlueGreen (CNAME swap)', () => {
  it('moves most clients over one DNS TTL after the swap and the last ones later (the tail), keeping the blue environment', () => {
    const trace = eb({ instances: 3, DeploymentPolicy: 'BlueGreen', dnsTtl: 100, swapAfter: 60 });
    const swap = trace.events.find((e) => e.type === 'cname-swapped')!;
    const after = trace.samples.filter((s) => s.t > swap.t);
    expect(after.map((s) => s.traffic.v2 ?? 0)).toEqual([9.5, 19, 28.5, 38, 47.5, 57, 66.5, 76, 85.5, 95, 100]);
    expect(after.at(-2)!.t - swap.t).toBe(100);
    expect(after.at(-1)!.t - swap.t).toBe(300);
    expect(trace.deployments[0]!.end).toBe(swap.t + 300);
    expect(trace.events.some((e) => e.undocumented === 'dnsTail')).toBe(true);
    expect(trace.samples.filter((s) => s.t <= swap.t).every((s) => s.traffic.v1 === 100)).toBe(true);
    expect(count(trace, 'v1', 'InService')).toBe(3);
    expect(trace.targets.filter((t) => t.group === 'green-environment')).toHaveLength(3);
  });

  it('swapping back (a second SwapEnvironmentCNAMEs) during propagation is a rollback through DNS', () => {
    const trace = eb({ instances: 2, DeploymentPolicy: 'BlueGreen', dnsTtl: 100, swapAfter: 60 }, { faults: [{ type: 'SwapEnvironmentCNAMEs', at: 263 }] });
    expect(trace.outcome).toBe('RolledBack');
    expect(trace.final.traffic).toEqual({ v1: 100 });
    expect(trace.events.find((e) => e.type === 'rollback-started')).toMatchObject({ t: 263, rule: 'eb.cname-swap-back' });
  });

  it('an unhealthy green environment is never swapped in', () => {
    const trace = eb({ instances: 2, DeploymentPolicy: 'BlueGreen' }, { faults: [{ type: 'BadVersion' }] });
    expect(trace.outcome).toBe('Failed');
    expect(trace.events.some((e) => e.type === 'cname-swapped')).toBe(false);
    expect(trace.samples.every((s) => s.traffic.v1 === 100)).toBe(true);
  });
});

describe('aborts and timeouts at awkward moments', () => {
  it('an abort after the new instances took over changes nothing, and says so', () => {
    const plain = eb({ instances: 2, DeploymentPolicy: 'Immutable' });
    const promotedAt = plain.events.find((e) => e.message.startsWith('Every new instance is healthy'))!.t;
    const trace = eb({ instances: 2, DeploymentPolicy: 'Immutable' }, { faults: [{ type: 'AbortDeployment', at: promotedAt + 1 }] });
    expect(trace.outcome).toBe('Succeeded');
    expect(trace.events.some((e) => e.type === 'note' && /nothing left to abort/.test(e.message))).toBe(true);
    expect(trace.final).toEqual(plain.final);
  });

  it('a step slower than Timeout fails the instance with that step named', () => {
    const trace = eb({ instances: 2, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 1, Timeout: 60 }, { timings: { steps: { container_commands: 400 } } });
    expect(trace.outcome).toBe('Failed');
    const failed = trace.spans.find((s) => s.status === 'Failed')!;
    expect(failed).toMatchObject({ target: 'i-1', name: 'container_commands', reason: 'container_commands did not finish within Timeout (60 s + 240 s)' });
    expect(failed.end).toBe(300);
  });
});
