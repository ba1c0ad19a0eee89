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

  it('constraints combine: full capacity, no DNS change, one instance → Immutable', () => {
    expect(policiesMeeting('noCapacityLoss', 'noDnsChange', 'singleInstance')).toEqual(['Immutable']);
  });

  it('with nothing ticked every strategy qualifies', () => {
    expect(policiesMeeting()).toHaveLength(6);
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
