// "Help me choose": verdicts per constraint with their source, on measured
// candidates of a real scenario (Rolling, 6 instances) and on hand-made ones.
import { describe, expect, it } from 'vitest';
import { measureCandidates } from '../../src/app/choose-session.ts';
import { choose, type Candidate, type ConstraintId } from '../../src/layout/choose.ts';
import { strategyById } from '../../src/layout/compare-variants.ts';
import type { RunMetrics } from '../../src/metrics/metrics.ts';
import { readScenario, scenario } from '../helpers.ts';

const raw = readScenario('elastic-beanstalk/rolling.json') as Record<string, unknown>;
const candidates = measureCandidates(raw, scenario(raw));
const policiesMeeting = (...ids: ConstraintId[]) =>
  choose(candidates, new Set(ids)).filter((c) => c.qualifies).map((c) => c.candidate.strategy.family === 'ElasticBeanstalk' && c.candidate.strategy.policy);

describe('Help me choose, Elastic Beanstalk, 6 instances', () => {
  it('no capacity loss (measured): Rolling and AllAtOnce drop capacity, the rest never do', () => {
    expect(policiesMeeting('noCapacityLoss')).toEqual(['RollingWithAdditionalBatch', 'Immutable', 'TrafficSplitting', 'BlueGreen']);
    const rolling = choose(candidates, new Set(['noCapacityLoss'])).find((c) => c.candidate.strategy.id === 'eb:Rolling')!;
    expect(rolling.verdicts.noCapacityLoss).toEqual({ ok: false, source: 'measured', why: 'lowest in service 4 (66.7 %)' });
  });

  it('no DNS change (AWS\'s table): only blue/green swaps CNAMEs', () => {
    expect(policiesMeeting('noDnsChange')).not.toContain('BlueGreen');
    expect(policiesMeeting('noDnsChange')).toHaveLength(5);
    expect(choose(candidates, new Set(['noDnsChange']))[0]!.verdicts.noDnsChange!.source).toBe('AWS table');
  });

  it('single-instance environment (validator): the policies that need a load balancer fail with AWS\'s rule', () => {
    expect(policiesMeeting('singleInstance')).toEqual(['AllAtOnce', 'Immutable', 'BlueGreen']);
    const ts = choose(candidates, new Set(['singleInstance'])).find((c) => c.candidate.strategy.id === 'eb:TrafficSplitting')!;
    expect(ts.verdicts.singleInstance).toMatchObject({ ok: false, source: 'validator' });
    expect(ts.verdicts.singleInstance!.why).toMatch(/Application Load Balancer/);
  });

  it('cheapest (measured): no extra instances', () => {
    expect(policiesMeeting('cheapest')).toEqual(['AllAtOnce', 'Rolling']);
  });

  it('fastest rollback: AWS\'s "Manual redeploy" policies never qualify', () => {
    const ok = policiesMeeting('fastestRollback');
    expect(ok).not.toContain('AllAtOnce');
    expect(ok).not.toContain('Rolling');
    expect(ok).not.toContain('RollingWithAdditionalBatch');
    expect(ok.length).toBeGreaterThan(0);
  });

  it('fastest rollback with the new version bad from the start: Immutable and TrafficSplitting roll back, blue/green never swaps (AWS §1.1)', () => {
    expect(policiesMeeting('fastestRollback')).toEqual(['Immutable', 'TrafficSplitting', 'BlueGreen']);
    const verdict = (id: string) => choose(candidates, new Set(['fastestRollback'])).find((c) => c.candidate.strategy.id === id)!;
    // The new instances fail their health checks before serving: the original ones kept all traffic.
    for (const id of ['eb:Immutable', 'eb:TrafficSplitting']) {
      expect(verdict(id).candidate.failing).toMatchObject({ outcome: 'RolledBack', restoreSeconds: 0, failingShare: 0 });
    }
    // The green environment is unhealthy, so the CNAMEs are never swapped: blue keeps its traffic.
    expect(verdict('eb:BlueGreen').verdicts.fastestRollback).toEqual({ ok: true, source: 'AWS table + measured', why: 'AWS: Swap URL back; deployment failed; the previous version never lost its traffic' });
    // AllAtOnce: downtime and a manual redeploy (AWS's table): the previous version never comes back by itself.
    expect(verdict('eb:AllAtOnce').candidate.failing).toMatchObject({ outcome: 'Failed', restoreSeconds: null });
  });

  it('constraints combine: full capacity, no DNS change, one instance → Immutable', () => {
    expect(policiesMeeting('noCapacityLoss', 'noDnsChange', 'singleInstance')).toEqual(['Immutable']);
  });

  it('with nothing ticked every strategy qualifies', () => {
    expect(policiesMeeting()).toHaveLength(6);
  });
});

describe('Help me choose, CodeDeploy Server with a load balancer: fastest rollback', () => {
  const cdRaw = readScenario('codedeploy/server-one-at-a-time.json') as Record<string, unknown>;
  const cd = measureCandidates(cdRaw, scenario(cdRaw));
  const byId = (id: string) => choose(cd, new Set(['fastestRollback'])).find((c) => c.candidate.strategy.id === id)!;

  it('every configuration finds the bad version in ValidateService (before AllowTraffic) and rolls back on DEPLOYMENT_FAILURE', () => {
    // Bad only from its first production traffic, AllAtOnce, HalfAtATime and blue/green would already have
    // passed ValidateService, succeeded, and never been restored: not a comparison.
    for (const c of cd) expect(c.failing, c.strategy.id).toMatchObject({ outcome: 'RolledBack', failingShare: 0 });
  });

  it('in-place AllAtOnce blocks every instance at once: the previous version is back only after the rollback deployment; the rest never lose it', () => {
    const allAtOnce = byId('server:IN_PLACE:CodeDeployDefault.AllAtOnce');
    expect(allAtOnce.qualifies).toBe(false);
    expect(allAtOnce.candidate.failing!.restoreSeconds).toBeGreaterThan(0);
    expect(allAtOnce.verdicts.fastestRollback!.why).toMatch(/^rolled back; restored after \d+ s$/);
    const ok = choose(cd, new Set(['fastestRollback'])).filter((c) => c.qualifies).map((c) => c.candidate.strategy.id);
    expect(ok).toEqual([
      'server:IN_PLACE:CodeDeployDefault.OneAtATime',
      'server:IN_PLACE:CodeDeployDefault.HalfAtATime',
      'server:BLUE_GREEN:CodeDeployDefault.OneAtATime',
      'server:BLUE_GREEN:CodeDeployDefault.HalfAtATime',
      'server:BLUE_GREEN:CodeDeployDefault.AllAtOnce',
    ]);
    expect(byId('server:BLUE_GREEN:CodeDeployDefault.AllAtOnce').verdicts.fastestRollback!.why).toBe('rolled back; the previous version never lost its traffic');
  });
});

describe('choose on hand-made candidates', () => {
  const metrics = (extra: number | null, restore: number | null): RunMetrics => ({
    name: 'n', strategy: 's', outcome: 'Succeeded', durationSeconds: 100, minInService: 2, minInServicePercent: 100,
    mixedVersionSeconds: 0, peakTargets: 2, extraInstanceSeconds: extra, failingShare: restore === null ? null : 10, restoreSeconds: restore,
  });
  const cand = (id: string, extra: number | null, restore: number | null): Candidate => ({ strategy: strategyById(id)!, metrics: metrics(extra, restore), failing: metrics(extra, restore) });

  it('cheapest keeps every strategy tied at the lowest cost', () => {
    const c = [cand('server:IN_PLACE:CodeDeployDefault.OneAtATime', 0, 5), cand('server:IN_PLACE:CodeDeployDefault.AllAtOnce', 0, 9), cand('server:BLUE_GREEN:CodeDeployDefault.AllAtOnce', 600, 1)];
    expect(choose(c, new Set(['cheapest'])).map((x) => x.qualifies)).toEqual([true, true, false]);
    expect(choose(c, new Set(['fastestRollback'])).map((x) => x.qualifies)).toEqual([false, false, true]);
  });

  it('a strategy that did not run fails the measured constraints and says why', () => {
    const c: Candidate = { strategy: strategyById('eb:Rolling')!, notRun: '/faults/0/type SwapEnvironmentCNAMEs needs BlueGreen' };
    const [v] = choose([c], new Set(['noCapacityLoss', 'cheapest']));
    expect(v!.qualifies).toBe(false);
    expect(v!.verdicts.noCapacityLoss!.why).toMatch(/^not run: \/faults\/0\/type/);
  });
});
