// Regression tests for the Elastic Beanstalk rules the first build got wrong
// (reference §1.3, issue 7) and for what trace version 2 carries for EB: phases
// in AWS's words, the rule behind events, health on health-changed, ends on waits.
import { describe, expect, it } from 'vitest';
import { eb } from '../helpers.ts';
import { checkTrace } from '../../src/trace/check.ts';
import type { Trace, TracePhase } from '../../src/trace/types.ts';

const finalOf = (trace: Trace) => Object.fromEntries(trace.final.targets.map((t) => [t.id, `${t.version}/${t.state}`]));
const phases = (trace: Trace, name: string | RegExp) => trace.phases.filter((p) => (typeof name === 'string' ? p.name === name : name.test(p.name)));
const strip = (p: TracePhase) => ({ kind: p.kind, name: p.name, start: p.start, end: p.end, targets: p.targets, deadline: p.deadline });

describe('RollingWithAdditionalBatch terminates the additional batch (reference §1.3)', () => {
  const settings = { instances: 4, DeploymentPolicy: 'RollingWithAdditionalBatch', BatchSizeType: 'Fixed', BatchSize: 2 };

  it('terminates the instances it launched, never an original, and never calls an original "the additional batch"', () => {
    const trace = eb(settings);
    expect(trace.final.targets.filter((t) => t.state === 'Terminated').map((t) => t.id)).toEqual(['i-5', 'i-6']);
    const originals = new Set(['i-1', 'i-2', 'i-3', 'i-4']);
    for (const e of trace.events) {
      if (/additional batch/i.test(e.message)) {
        expect(e.target === undefined || !originals.has(e.target)).toBe(true);
        for (const id of originals) expect(e.message).not.toMatch(new RegExp(`\\b${id}\\b`));
      }
    }
    expect(trace.events.some((e) => e.undocumented === 'additionalBatchTermination')).toBe(false);
  });

  it('the additional batch is a batch phase of its own, before the batches of original instances', () => {
    const trace = eb(settings);
    const batches = trace.phases.filter((p) => p.kind === 'batch');
    expect(batches.map((p) => [p.name, p.targets])).toEqual([
      ['Additional batch', ['i-5', 'i-6']],
      ['Batch 1 of 2', ['i-1', 'i-2']],
      ['Batch 2 of 2', ['i-3', 'i-4']],
    ]);
  });
});

describe('Immutable honours IgnoreHealthCheck (reference §1.3)', () => {
  const settings = { instances: 3, DeploymentPolicy: 'Immutable', Timeout: 60 };
  const faults = { faults: [{ type: 'UnhealthyInstance', target: 'i-5' }] };

  it('new instances that do not pass health checks do not cancel the deployment', () => {
    const trace = eb({ ...settings, IgnoreHealthCheck: true }, faults);
    expect(trace.outcome).toBe('Succeeded');
    expect(finalOf(trace)).toMatchObject({ 'i-1': 'v1/Terminated', 'i-4': 'v2/InService', 'i-5': 'v2/OutOfService', 'i-6': 'v2/InService' });
    expect(trace.events.some((e) => e.rule === 'eb.immutable-ignore-health-check')).toBe(true);
  });

  it('without it, the same instance makes Elastic Beanstalk terminate the temporary group', () => {
    const trace = eb(settings, faults);
    expect(trace.outcome).toBe('RolledBack');
    expect(finalOf(trace)).toMatchObject({ 'i-1': 'v1/InService', 'i-4': 'v2/Terminated', 'i-5': 'v2/Terminated' });
    expect(phases(trace, 'Terminate new instances')).toHaveLength(1);
    expect(phases(trace, 'Terminate new instances')[0]!.kind).toBe('rollback');
  });
});

describe('Blue/green: swaps, aborts and DNS (reference §1.3)', () => {
  const settings = { instances: 2, DeploymentPolicy: 'BlueGreen', dnsTtl: 100, swapAfter: 60 };
  const swapAt = (trace: Trace) => trace.events.find((e) => e.type === 'cname-swapped')!.t;

  it('AbortEnvironmentUpdate after the swap never swaps the CNAMEs back', () => {
    const plain = eb(settings);
    const trace = eb(settings, { faults: [{ type: 'AbortDeployment', at: swapAt(plain) + 30 }] });
    expect(trace.outcome).toBe('Succeeded');
    expect(trace.final.traffic).toEqual({ v2: 100 });
    expect(trace.events.some((e) => e.type === 'rollback-started')).toBe(false);
    expect(trace.events.find((e) => e.type === 'note' && e.rule === 'eb.abort')!.message).toMatch(/never swaps CNAMEs/);
    expect(trace.samples).toEqual(plain.samples);
  });

  it('AbortEnvironmentUpdate while the green environment is created stops it; the CNAMEs never change', () => {
    const trace = eb(settings, { faults: [{ type: 'AbortDeployment', at: 30 }] });
    expect(trace.outcome).toBe('Stopped');
    expect(trace.events.some((e) => e.type === 'cname-swapped')).toBe(false);
    expect(trace.samples.every((s) => s.traffic.v1 === 100)).toBe(true);
  });

  it('swapping back is a second SwapEnvironmentCNAMEs: a rollback phase with its own DNS propagation', () => {
    const plain = eb(settings);
    const back = swapAt(plain) + 50;
    const trace = eb(settings, { faults: [{ type: 'SwapEnvironmentCNAMEs', at: back }] });
    expect(trace.outcome).toBe('RolledBack');
    expect(trace.events.find((e) => e.type === 'rollback-started')).toMatchObject({ t: back, rule: 'eb.cname-swap-back' });
    expect(phases(trace, 'Swap URL back').map(strip)).toEqual([{ kind: 'rollback', name: 'Swap URL back', start: back, end: back + 300, targets: undefined, deadline: undefined }]);
    expect(phases(trace, 'DNS propagation').map((p) => [p.start, p.end])).toEqual([
      [swapAt(plain), back],
      [back, back + 300],
    ]);
    // Clients drift back step by step, and the last ones only after the TTL.
    const later = trace.samples.filter((s) => s.t > back);
    expect(later.at(-1)!.traffic).toEqual({ v1: 100 });
    expect(later.at(-2)!.traffic.v2).toBeGreaterThan(0);
  });

  it('the user may swap early, while testing', () => {
    const trace = eb({ ...settings, swapAfter: 600 }, { faults: [{ type: 'SwapEnvironmentCNAMEs', at: 200 }] });
    expect(swapAt(trace)).toBe(200);
    expect(phases(trace, 'Testing')[0]!.end).toBe(200);
    expect(trace.outcome).toBe('Succeeded');
  });

  it('a swap while the green environment is still being created is not made (deploysim says so)', () => {
    const trace = eb(settings, { faults: [{ type: 'SwapEnvironmentCNAMEs', at: 10 }] });
    expect(trace.events.find((e) => e.t === 10 && e.undocumented === 'swapBeforeGreenReady')).toBeDefined();
    expect(trace.events.filter((e) => e.type === 'cname-swapped').map((e) => e.t)).toEqual([swapAt(eb(settings))]);
  });
});

describe('after the swap, an unhealthy green environment serves errors: DNS does not fail back (issue 9)', () => {
  const settings = { instances: 2, DeploymentPolicy: 'BlueGreen', dnsTtl: 100, swapAfter: 60 };
  const swap = eb(settings).events.find((e) => e.type === 'cname-swapped')!.t;
  // v2 breaks 10 s after the swap; 5 failed checks 15 s apart later the green instances stop serving.
  const broken = { type: 'BadVersion', at: swap + 10 };
  const down = swap + 10 + 75;

  it('clients whose DNS points at green get errors (samples show them unserved), and it is said', () => {
    const trace = eb(settings, { faults: [broken] });
    const outage = trace.samples.filter((s) => s.t >= down);
    expect(outage.length).toBeGreaterThan(0);
    // Traffic never silently returns to v1: the share on green is unserved, not given to blue.
    for (const s of outage) {
      expect(s.traffic.v2).toBeUndefined();
      expect(s.unserved).toBeGreaterThan(0);
      expect((s.traffic.v1 ?? 0) + s.unserved!).toBeCloseTo(100, 5);
    }
    expect(trace.samples.at(-1)!.unserved).toBe(100);
    expect(trace.events.find((e) => e.t === down && e.type === 'note')!.message).toMatch(/DNS does not fail over/);
    expect(trace.outcome).toBe('Failed');
    expect(checkTrace(trace)).toEqual([]);
  });

  it('until the user swaps back: then clients return to blue and are served again', () => {
    const trace = eb(settings, { faults: [broken, { type: 'SwapEnvironmentCNAMEs', at: down + 20 }] });
    expect(trace.outcome).toBe('RolledBack');
    const unserved = trace.samples.map((s) => s.unserved ?? 0);
    const worst = Math.max(...unserved);
    expect(worst).toBeGreaterThan(50);
    expect(unserved.at(-1)).toBe(0);
    expect(trace.final.traffic).toEqual({ v1: 100 });
  });
});

describe('a single-instance environment has no load balancer (reference §1.1)', () => {
  it.each(['AllAtOnce', 'Immutable'])('%s: no load balancer and no load balancer health checks in the narration', (policy) => {
    const trace = eb({ instances: 1, environmentType: 'SingleInstance', DeploymentPolicy: policy });
    for (const e of trace.events) {
      expect(e.message).not.toMatch(/load balancer/i);
      expect(e.message).not.toMatch(/health checks \d+ s apart/);
    }
    const healthy = trace.events.filter((e) => e.type === 'health-changed' && e.healthy);
    expect(healthy.length).toBeGreaterThan(0);
    for (const e of healthy) expect(e.rule).toBe('eb.single-instance');
    expect(trace.changes.some((c) => c.registered !== undefined)).toBe(false);
  });
});

describe('trace version 2 for Elastic Beanstalk', () => {
  it('Rolling: every batch is a phase naming its targets, with a Health check Timeout wait whose deadline is the batch start + Timeout + 240 s', () => {
    const trace = eb({ instances: 4, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2, Timeout: 100 });
    const batches = trace.phases.filter((p) => p.kind === 'batch');
    expect(batches.map((p) => p.name)).toEqual(['Batch 1 of 2', 'Batch 2 of 2']);
    const waits = phases(trace, 'Health check Timeout');
    expect(waits).toHaveLength(2);
    waits.forEach((w, i) => {
      expect(w.kind).toBe('wait');
      expect(w.deadline).toBe(batches[i]!.start + 340);
      expect(w.start).toBeGreaterThanOrEqual(batches[i]!.start);
      expect(w.end).toBe(batches[i]!.end);
    });
    const started = trace.events.filter((e) => e.type === 'wait-started');
    expect(started.map((e) => e.end)).toEqual(waits.map((w) => w.deadline));
  });

  it('TrafficSplitting: the traffic split and its EvaluationTime wait (deadline) are phases; a rollback cuts the wait short', () => {
    const ok = eb({ instances: 2, DeploymentPolicy: 'TrafficSplitting', EvaluationTime: 4 });
    const evaluation = phases(ok, 'EvaluationTime')[0]!;
    expect(evaluation).toMatchObject({ kind: 'wait', deadline: evaluation.start + 240, end: evaluation.start + 240 });
    expect(phases(ok, 'Traffic split')[0]).toMatchObject({ kind: 'traffic-shift', start: evaluation.start, end: evaluation.end, targets: ['i-3', 'i-4'] });
    const failing = eb({ instances: 2, DeploymentPolicy: 'TrafficSplitting', EvaluationTime: 4 }, { faults: [{ type: 'BadVersion', at: evaluation.start + 60 }] });
    const cut = phases(failing, 'EvaluationTime')[0]!;
    expect(cut.end).toBe(evaluation.start + 60);
    expect(cut.deadline).toBe(evaluation.start + 240);
    expect(phases(failing, 'Reroute traffic and terminate new instances')[0]).toMatchObject({ kind: 'rollback', start: evaluation.start + 60, targets: ['i-3', 'i-4'] });
  });

  it('Immutable: the first instance and the rest are batches', () => {
    const trace = eb({ instances: 3, DeploymentPolicy: 'Immutable' });
    expect(trace.phases.filter((p) => p.kind === 'batch').map((p) => [p.name, p.targets])).toEqual([
      ['First instance', ['i-4']],
      ['Remaining instances', ['i-5', 'i-6']],
    ]);
  });

  it('blue/green: green environment, testing and DNS propagation', () => {
    const trace = eb({ instances: 2, DeploymentPolicy: 'BlueGreen', dnsTtl: 100, swapAfter: 60 });
    const [green, testing, dns] = [phases(trace, 'Green environment')[0]!, phases(trace, 'Testing')[0]!, phases(trace, 'DNS propagation')[0]!];
    expect(green).toMatchObject({ kind: 'batch', targets: ['i-3', 'i-4'] });
    expect(testing).toMatchObject({ kind: 'wait', start: green.end, end: green.end + 60, deadline: green.end + 60 });
    expect(dns).toMatchObject({ kind: 'traffic-shift', start: testing.end, end: testing.end + 300 });
  });

  it.each([
    ['AllAtOnce', {}],
    ['Rolling', { BatchSizeType: 'Fixed', BatchSize: 1 }],
    ['RollingWithAdditionalBatch', { BatchSizeType: 'Fixed', BatchSize: 1 }],
    ['Immutable', {}],
    ['TrafficSplitting', {}],
    ['BlueGreen', {}],
  ])('%s: health-changed events say the health, wait-started events their end, the policy events their rule', (policy, extra) => {
    const trace = eb({ instances: 2, DeploymentPolicy: policy, ...extra });
    for (const e of trace.events) {
      if (e.type === 'health-changed') expect(typeof e.healthy).toBe('boolean');
      if (e.type === 'wait-started') expect(e.end).toBeGreaterThan(e.t);
      if (['deployment-started', 'batch-started', 'batch-ended', 'deployment-ended', 'cname-swapped', 'rollback-started', 'registered', 'deregistered'].includes(e.type)) {
        expect(e.rule, `${e.type}: ${e.message}`).toMatch(/^eb\./);
      }
    }
    expect(trace.machines[0]!.machine).toMatch(/^eb/);
    expect(checkTrace(trace)).toEqual([]);
  });
});
