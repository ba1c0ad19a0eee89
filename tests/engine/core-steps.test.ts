// runSteps, the one way every platform times, fails, skips and cuts short a target's
// steps: spans, results, deadlines and cancelling, and one step list shared by many
// targets (callbacks get the target, by index).
import { describe, expect, it } from 'vitest';
import { runSteps, type Step, type StepResult, type StepRun } from '../../src/engine/steps.ts';
import { World } from '../../src/engine/world.ts';
import { scenario } from '../helpers.ts';

/** A world with instances i-1 and i-2 (indices 0 and 1). */
function world(): World {
  const w = new World(scenario({ platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 2 } }));
  w.addInstances(2, { group: 'original', pool: 'original', version: 'v1', state: 'InService', healthy: true, registered: true });
  return w;
}

const spanRows = (w: World) => w.spans.map((s) => [s.target, s.name, s.start, s.end, s.status, s.reason ?? '']);

describe('runSteps', () => {
  it('runs the steps in order, one span each, and reports success with the target', () => {
    const w = world();
    const calls: string[] = [];
    const steps: Step[] = [
      { name: 'A', seconds: 5, revision: 'v2', onStart: (t) => calls.push(`start A ${w.idAt(t)}@${w.now}`) },
      { name: 'B', seconds: 3, revision: 'v2', onSuccess: (t) => calls.push(`done B ${w.idAt(t)}@${w.now}`) },
    ];
    const ends: [StepResult, string][] = [];
    const run = runSteps({ world: w, target: w.indexOf('i-1'), deploymentId: 'd-1', steps, onEnd: (r, t) => ends.push([r, w.idAt(t)]) });
    expect(run.finished).toBe(false);
    w.run();
    expect(spanRows(w)).toEqual([
      ['i-1', 'A', 0, 5, 'Succeeded', ''],
      ['i-1', 'B', 5, 8, 'Succeeded', ''],
    ]);
    expect(calls).toEqual(['start A i-1@0', 'done B i-1@8']);
    expect(ends).toEqual([[{ ok: true }, 'i-1']]);
    expect(run.finished).toBe(true);
    expect(w.spans[0]).toEqual({ target: 'i-1', name: 'A', start: 0, end: 5, status: 'Succeeded', deploymentId: 'd-1', revision: 'v2' });
  });

  it('one step list serves many targets: callbacks get each id, and runs interleave by time', () => {
    const w = world();
    const started: string[] = [];
    const steps: Step[] = [{ name: 'A', seconds: 2, revision: 'v2', onStart: (t) => started.push(w.idAt(t)) }, { name: 'B', seconds: 1, revision: 'v2' }];
    const done: string[] = [];
    for (const id of ['i-1', 'i-2']) runSteps({ world: w, target: w.indexOf(id), deploymentId: 'd-1', steps, onEnd: (_r, t) => done.push(w.idAt(t)) });
    w.run();
    expect(started).toEqual(['i-1', 'i-2']);
    expect(done).toEqual(['i-1', 'i-2']);
    expect(w.spans.map((s) => `${s.target} ${s.name} ${s.start}-${s.end}`)).toEqual(['i-1 A 0-2', 'i-2 A 0-2', 'i-1 B 2-3', 'i-2 B 2-3']);
  });

  it('a failing step ends the run; an ignored failure is recorded and the run goes on; a skipped step is a zero-length span', () => {
    const w = world();
    const steps: Step[] = [
      { name: 'Skip', seconds: 9, revision: 'v1', skip: 'nothing to run' },
      { name: 'Ignored', seconds: 2, revision: 'v2', failure: () => ({ reason: 'stop script failed', ignored: true }) },
      { name: 'Fails', seconds: 4, revision: 'v2', failure: (start, end, t) => ({ reason: `${w.idAt(t)} broke between ${start} and ${end}`, seconds: 1 }) },
      { name: 'Never', seconds: 1, revision: 'v2' },
    ];
    let result: StepResult | undefined;
    runSteps({ world: w, target: w.indexOf('i-2'), deploymentId: 'd-1', steps, onEnd: (r) => (result = r) });
    w.run();
    expect(spanRows(w)).toEqual([
      ['i-2', 'Skip', 0, 0, 'Skipped', 'nothing to run'],
      ['i-2', 'Ignored', 0, 2, 'Failed', 'stop script failed'],
      ['i-2', 'Fails', 2, 3, 'Failed', 'i-2 broke between 2 and 6'],
    ]);
    expect(result).toEqual({ ok: false, failedStep: 'Fails', reason: 'i-2 broke between 2 and 6' });
  });

  it('a deadline cuts the step in progress short as timed out, with the reason for that step and target', () => {
    const w = world();
    let result: StepResult | undefined;
    runSteps({
      world: w,
      target: w.indexOf('i-1'),
      deploymentId: 'd-1',
      steps: [{ name: 'A', seconds: 5, revision: 'v2' }, { name: 'Health', seconds: 10, revision: 'v2' }],
      deadline: 8,
      deadlineReason: (step, t) => `${w.idAt(t)}: ${step} too slow`,
      onEnd: (r) => (result = r),
    });
    w.run();
    expect(spanRows(w)).toEqual([
      ['i-1', 'A', 0, 5, 'Succeeded', ''],
      ['i-1', 'Health', 5, 8, 'Failed', 'i-1: Health too slow'],
    ]);
    expect(result).toEqual({ ok: false, failedStep: 'Health', reason: 'i-1: Health too slow', timedOut: true });
  });

  it('cancel ends the step in progress now; its pending end is a no-op', () => {
    const w = world();
    const results: StepResult[] = [];
    const run = runSteps({
      world: w,
      target: w.indexOf('i-1'),
      deploymentId: 'd-1',
      steps: [{ name: 'A', seconds: 10, revision: 'v2' }, { name: 'B', seconds: 10, revision: 'v2' }],
      onEnd: (r) => results.push(r),
    });
    w.agenda.at(4, () => run.cancel('aborted'));
    w.run();
    expect(spanRows(w)).toEqual([['i-1', 'A', 0, 4, 'Failed', 'aborted']]);
    expect(results).toEqual([{ ok: false, failedStep: 'A', reason: 'aborted', cancelled: true }]);
    run.cancel('again');
    expect(results).toHaveLength(1);
  });

  it('cancel before the first step starts records nothing', () => {
    const w = world();
    const results: StepResult[] = [];
    const run = runSteps({ world: w, target: w.indexOf('i-1'), deploymentId: 'd-1', steps: [{ name: 'A', seconds: 1, revision: 'v2' }], onEnd: (r) => results.push(r) });
    run.cancel('terminated');
    w.run();
    expect(w.spans).toEqual([]);
    expect(results).toEqual([{ ok: false, failedStep: undefined, reason: 'terminated', cancelled: true }]);
  });

  it('a run cut short as its step starts ends once, then and there; the runs after it go on as their own steps say', () => {
    const w = world();
    const results: [string, StepResult][] = [];
    const runs: Record<string, StepRun> = {};
    // i-1's step fails when it would end, but i-1 is cut short as the step starts; i-2's step then fails on its own.
    const steps: Step[] = [
      {
        name: 'A',
        seconds: 10,
        revision: 'v2',
        onStart: (t) => {
          if (w.idAt(t) === 'i-1') runs['i-1']!.cancel('terminated at start');
        },
        failure: () => ({ reason: 'A failed' }),
      },
      { name: 'B', seconds: 1, revision: 'v2' },
    ];
    for (const id of ['i-1', 'i-2']) runs[id] = runSteps({ world: w, target: w.indexOf(id), deploymentId: 'd-1', steps, onEnd: (r, t) => results.push([w.idAt(t), r]) });
    w.run();
    expect(results).toEqual([
      ['i-1', { ok: false, failedStep: 'A', reason: 'terminated at start', cancelled: true }],
      ['i-2', { ok: false, failedStep: 'A', reason: 'A failed' }],
    ]);
    expect(spanRows(w)).toEqual([
      ['i-1', 'A', 0, 0, 'Failed', 'terminated at start'],
      ['i-2', 'A', 0, 10, 'Failed', 'A failed'],
    ]);
  });
});
