// The compare view's session: runs measured with the same metrics as
// `deploysim compare`, and a fault at the shared playhead forking every run.
import { describe, expect, it } from 'vitest';
import { buildRuns, clearInjected, injectAll, nextEventOfAll, previousEventOfAll, sharedDuration } from '../../src/app/compare-session.ts';
import { compareRows } from '../../src/cli/compare-command.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { variantFor } from '../../src/layout/compare-variants.ts';
import { readScenario, scenario } from '../helpers.ts';

type Raw = Record<string, any>;
const raw = readScenario('elastic-beanstalk/rolling.json') as Raw;
const base = scenario(raw);
const IDS = ['eb:AllAtOnce', 'eb:Rolling', 'eb:Immutable'];

describe('compare runs', () => {
  it('one run per picked strategy, measured exactly as `deploysim compare` measures the variant', () => {
    const runs = buildRuns(raw, base, IDS);
    expect(runs.map((r) => r.strategy.id)).toEqual(IDS);
    for (const run of runs) {
      const v = variantFor(raw, base, run.strategy);
      if (!v.ok) throw new Error('variant should be valid');
      const [row] = compareRows([{ file: 'x', trace: simulate(v.scenario) }]);
      const { file: _file, ...metrics } = row!;
      expect(run.metrics).toEqual(metrics);
    }
    // The hand-checked numbers of issue 11 come through: Rolling 2 of 6 keeps 66.7 %, AllAtOnce 0.
    expect(runs[0]!.metrics!.minInServicePercent).toBe(0);
    expect(runs[1]!.metrics!.minInServicePercent).toBe(66.7);
    expect(runs[2]!.metrics!.minInServicePercent).toBe(100);
  });

  it('an invalid variant carries its problems and no trace; unknown ids are skipped', () => {
    const single = readScenario('elastic-beanstalk/immutable-single-instance.json') as Raw;
    const runs = buildRuns(single, scenario(single), ['eb:Immutable', 'eb:Rolling', 'eb:Nope']);
    expect(runs).toHaveLength(2);
    expect(runs[0]!.index).toBeDefined();
    expect(runs[1]!.index).toBeUndefined();
    expect(runs[1]!.problems![0]!.path).toBe('/elasticBeanstalk/DeploymentPolicy');
  });

  it('the shared axis is the longest run; next/previous stop at any run\'s events', () => {
    const runs = buildRuns(raw, base, IDS);
    expect(sharedDuration(runs)).toBe(Math.max(...runs.map((r) => r.index!.duration)));
    const allTimes = [...new Set(runs.flatMap((r) => r.index!.eventTimes))].sort((a, b) => a - b);
    const t = allTimes[3]!;
    expect(nextEventOfAll(runs, t)).toBe(allTimes[4]);
    expect(previousEventOfAll(runs, t)).toBe(allTimes[2]);
  });
});

describe('a fault at the shared playhead forks every run', () => {
  it('each run re-simulates with it: the past before t is unchanged, the future differs', () => {
    const runs = buildRuns(raw, base, ['eb:Rolling', 'eb:Immutable']);
    const t = 150;
    const fork = injectAll(raw, base, runs, { type: 'BadVersion', at: t });
    fork.runs.forEach((run, k) => {
      const before = runs[k]!.index!.trace;
      const after = run.index!.trace;
      expect(run.injected).toEqual([{ type: 'BadVersion', at: t }]);
      const past = (tr: typeof before) => tr.spans.filter((s) => s.end < t).map((s) => `${s.target} ${s.name} ${s.start} ${s.end}`);
      expect(past(after)).toEqual(past(before));
      expect(after.outcome).not.toBe('Succeeded');
      expect(fork.reports[k]).toMatchObject({ kind: 'changed' });
    });
  });

  it('a run whose deployment is already over refuses it with the reason, and keeps its trace', () => {
    const runs = buildRuns(raw, base, ['eb:AllAtOnce', 'eb:Immutable']);
    const allAtOnceEnd = runs[0]!.index!.duration;
    expect(runs[1]!.index!.duration).toBeGreaterThan(allAtOnceEnd + 1);
    const fork = injectAll(raw, base, runs, { type: 'AbortDeployment', at: allAtOnceEnd + 1 });
    expect(fork.reports[0]).toMatchObject({ kind: 'refused' });
    expect(fork.reports[0]!.message).toMatch(/deployment is over/);
    expect(fork.runs[0]).toBe(runs[0]);
    expect(fork.runs[1]!.injected).toHaveLength(1);
    expect(fork.runs[1]!.index!.trace.outcome).not.toBe(runs[1]!.index!.trace.outcome);
  });

  it('removing the injected inputs brings every original future back', () => {
    const runs = buildRuns(raw, base, ['eb:Rolling', 'eb:Immutable']);
    const fork = injectAll(raw, base, runs, { type: 'BadVersion', at: 100 });
    const back = clearInjected(raw, base, fork.runs);
    back.forEach((r, k) => expect(r.index!.trace).toEqual(runs[k]!.index!.trace));
  });
});
