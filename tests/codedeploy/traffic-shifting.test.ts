// Traffic shifting for every predefined Lambda and ECS configuration (reference
// §2.3): the expected steps are read from AWS's configuration names themselves
// (Canary10Percent5Minutes: 10%, then the rest after 5 minutes; Linear10PercentEvery3Minutes:
// +10% every 3 minutes), not from the facts table, so the table is checked too.
import { describe, expect, it } from 'vitest';
import { PREDEFINED_CONFIG_NAMES } from '../../src/aws/codedeploy-facts.ts';
import type { Trace } from '../../src/trace/types.ts';
import { cd, span } from './helpers.ts';

function expectedSteps(name: string): { after: number; v2: number }[] {
  const canary = /Canary(\d+)Percent(\d+)Minutes$/.exec(name);
  if (canary) return [{ after: 0, v2: Number(canary[1]) }, { after: Number(canary[2]) * 60, v2: 100 }];
  const linear = /Linear(\d+)PercentEvery(\d+)Minutes?$/.exec(name);
  if (linear) {
    const [p, m] = [Number(linear[1]), Number(linear[2])];
    return Array.from({ length: Math.ceil(100 / p) }, (_, k) => ({ after: k * m * 60, v2: Math.min(100, p * (k + 1)) }));
  }
  if (name.endsWith('AllAtOnce')) return [{ after: 0, v2: 100 }];
  throw new Error(`unexpected configuration ${name}`);
}

/** Production traffic to v2 at each change, from the samples. */
function shifts(trace: Trace, from: number): { after: number; v2: number }[] {
  const out: { after: number; v2: number }[] = [];
  let last = 0;
  for (const s of trace.samples) {
    const v2 = s.traffic.v2 ?? 0;
    if (v2 !== last) out.push({ after: s.t - from, v2 });
    last = v2;
  }
  return out;
}

const target = { Lambda: 'alias:live', ECS: 'replacement-task-set' } as const;

describe.each(['Lambda', 'ECS'] as const)('%s traffic shifting', (platform) => {
  const configs = PREDEFINED_CONFIG_NAMES.filter((n) => n.includes(platform === 'Lambda' ? '.Lambda' : '.ECS'));

  it('covers every predefined configuration of the platform', () => {
    expect(configs.length).toBe(platform === 'Lambda' ? 9 : 5);
  });

  it.each(configs)('%s shifts at the real intervals, between BeforeAllowTraffic and AfterAllowTraffic', (name) => {
    const trace = cd({ computePlatform: platform, deploymentConfigName: name });
    expect(trace.outcome).toBe('Succeeded');
    const allow = span(trace, target[platform], 'AllowTraffic');
    expect(shifts(trace, allow.start)).toEqual(expectedSteps(name));
    // No traffic moves before BeforeAllowTraffic has succeeded; AfterAllowTraffic runs once all of it has.
    expect(allow.start).toBeGreaterThanOrEqual(span(trace, target[platform], 'BeforeAllowTraffic').end);
    const full = trace.samples.find((s) => s.traffic.v2 === 100)!;
    expect(span(trace, target[platform], 'AfterAllowTraffic').start).toBeGreaterThanOrEqual(full.t);
    expect(trace.final.traffic).toEqual({ v2: 100 });
  });

  it('samples carry the split per version, always summing to 100', () => {
    const trace = cd({ computePlatform: platform, deploymentConfigName: `CodeDeployDefault.${platform}Canary10Percent5Minutes` });
    expect(trace.samples.some((s) => s.traffic.v1 === 90 && s.traffic.v2 === 10)).toBe(true);
    for (const s of trace.samples) expect(Object.values(s.traffic).reduce((a, b) => a + b, 0)).toBe(100);
  });
});

describe('custom traffic routing', () => {
  it('TimeBasedLinear 30% every 2 minutes: 30, 60, 90, then 100', () => {
    const trace = cd({
      computePlatform: 'Lambda',
      deploymentConfigName: 'Linear30',
      customDeploymentConfig: { trafficRoutingConfig: { type: 'TimeBasedLinear', timeBasedLinear: { linearPercentage: 30, linearInterval: 2 } } },
    });
    expect(shifts(trace, span(trace, 'alias:live', 'AllowTraffic').start)).toEqual([
      { after: 0, v2: 30 },
      { after: 120, v2: 60 },
      { after: 240, v2: 90 },
      { after: 360, v2: 100 },
    ]);
  });

  it('TimeBasedCanary 25% for 7 minutes', () => {
    const trace = cd({
      computePlatform: 'ECS',
      deploymentConfigName: 'Canary25',
      customDeploymentConfig: { trafficRoutingConfig: { type: 'TimeBasedCanary', timeBasedCanary: { canaryPercentage: 25, canaryInterval: 7 } } },
    });
    expect(shifts(trace, span(trace, 'replacement-task-set', 'AllowTraffic').start)).toEqual([
      { after: 0, v2: 25 },
      { after: 420, v2: 100 },
    ]);
  });
});

describe('ECS test traffic', () => {
  const trace = cd({ computePlatform: 'ECS', deploymentConfigName: 'CodeDeployDefault.ECSCanary10Percent5Minutes' });

  it('the test listener reaches the replacement at AllowTestTraffic while production traffic stays on v1', () => {
    const at = span(trace, 'replacement-task-set', 'AllowTestTraffic').end;
    const sample = trace.samples.find((s) => s.t === at)!;
    expect(sample.testTraffic).toEqual({ v2: 100 });
    expect(sample.traffic).toEqual({ v1: 100 });
    expect(trace.samples[0]!.testTraffic).toEqual({ v1: 100 });
  });

  it('test traffic never mixes into production traffic', () => {
    const allow = span(trace, 'replacement-task-set', 'AllowTraffic').start;
    for (const s of trace.samples) if (s.t < allow) expect(s.traffic).toEqual({ v1: 100 });
  });

  it('the original task set is removed only after the termination wait (default 1 hour)', () => {
    const end = span(trace, 'replacement-task-set', 'End').end;
    const removed = trace.events.find((e) => e.type === 'instance-terminated' && e.target === 'original-task-set')!;
    expect(removed.t).toBe(end + 3600);
    expect(trace.deployments[0]!.end).toBe(removed.t);
    expect(trace.final.targets.find((t) => t.id === 'original-task-set')!.state).toBe('Terminated');
  });
});

describe('trace version 2: phases and rules', () => {
  const phases = (trace: Trace, kind?: string) => trace.phases.filter((p) => !kind || p.kind === kind).map(({ name, start, end, deadline }) => ({ name, start, end, ...(deadline === undefined ? {} : { deadline }) }));

  it('Lambda canary: "Canary increment 10%", the "Canary interval" as a wait with its deadline, then the remaining 90%', () => {
    const trace = cd({ computePlatform: 'Lambda', deploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes' });
    const allow = span(trace, 'alias:live', 'AllowTraffic');
    const t0 = allow.start;
    expect(phases(trace)).toEqual([
      { name: 'Canary increment 10%', start: t0, end: t0 + 300 },
      { name: 'Canary interval', start: t0, end: t0 + 300, deadline: t0 + 300 },
      { name: 'Canary remaining 90%', start: t0 + 300, end: allow.end },
    ]);
    expect(trace.phases.map((p) => p.kind)).toEqual(['traffic-shift', 'wait', 'traffic-shift']);
    const wait = trace.events.find((e) => e.type === 'wait-started')!;
    expect(wait).toMatchObject({ t: t0, end: t0 + 300, rule: 'cd.canary' });
    expect(trace.events.filter((e) => e.type === 'traffic-shifted').map((e) => e.rule)).toEqual(['cd.canary', 'cd.canary']);
    expect(trace.events.find((e) => e.type === 'deployment-started')?.rule).toBe('cd.hooks-lambda');
  });

  it('Linear: one "Linear increment n of N" per equal increment, a "Linear interval" between them', () => {
    const trace = cd({
      computePlatform: 'Lambda',
      deploymentConfigName: 'Linear30',
      customDeploymentConfig: { trafficRoutingConfig: { type: 'TimeBasedLinear', timeBasedLinear: { linearPercentage: 30, linearInterval: 2 } } },
    });
    expect(phases(trace, 'traffic-shift').map((p) => p.name)).toEqual(['Linear increment 1 of 4: 30%', 'Linear increment 2 of 4: 60%', 'Linear increment 3 of 4: 90%', 'Linear increment 4 of 4: 100%']);
    const waits = phases(trace, 'wait');
    expect(waits.map((w) => [w.name, w.end - w.start])).toEqual([['Linear interval', 120], ['Linear interval', 120], ['Linear interval', 120]]);
    expect(trace.events.filter((e) => e.type === 'wait-started').map((e) => e.end)).toEqual(waits.map((w) => w.deadline));
  });

  it('ECS: test traffic, the increments, then the "Termination wait" until the original task set is removed', () => {
    const trace = cd({ computePlatform: 'ECS', deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce' });
    const test = span(trace, 'replacement-task-set', 'AllowTestTraffic');
    const allow = span(trace, 'replacement-task-set', 'AllowTraffic');
    const end = span(trace, 'replacement-task-set', 'End');
    expect(phases(trace)).toEqual([
      { name: 'Test traffic', start: test.end, end: allow.start },
      { name: 'AllAtOnce: 100%', start: allow.start, end: allow.end },
      { name: 'Termination wait', start: end.end, end: end.end + 3600, deadline: end.end + 3600 },
    ]);
    expect(trace.events.find((e) => e.type === 'wait-started')).toMatchObject({ end: end.end + 3600, rule: 'cd.ecs-termination-wait' });
    expect(trace.events.find((e) => e.type === 'instance-terminated')?.rule).toBe('cd.ecs-termination-wait');
  });

  it('a stop during an interval ends the wait early; its deadline still says when it would have ended', () => {
    const trace = cd({ computePlatform: 'Lambda', deploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent10Minutes' }, { faults: [{ type: 'StopDeployment', at: 120 }] });
    const wait = trace.phases.find((p) => p.name === 'Canary interval')!;
    expect(wait.end).toBe(120);
    expect(wait.deadline).toBeGreaterThan(120);
    expect(span(trace, 'alias:live', 'AllowTraffic')).toMatchObject({ status: 'Failed', end: 120 });
    expect(trace.machines[trace.machines.length - 1]!.state).toBe('stopped');
  });

  it('the orchestrator\'s states are in the trace, waits included', () => {
    const trace = cd({ computePlatform: 'ECS', deploymentConfigName: 'CodeDeployDefault.ECSCanary10Percent5Minutes' });
    const states = trace.machines.map((m) => m.state);
    expect(new Set(trace.machines.map((m) => m.machine))).toEqual(new Set(['codeDeployEcsTrafficShifting']));
    expect(states).toEqual(
      expect.arrayContaining(['deploying.BeforeInstall', 'deploying.AllowTestTraffic', 'deploying.AllowTraffic.canaryInterval', 'deploying.AllowTraffic.allShifted', 'deploying.terminationWait', 'succeeded']),
    );
  });
});
