import { describe, expect, it } from 'vitest';
import { checkFault as checkOnTrace, compareForks, traceEnd } from '../../src/layout/fork.ts';
import { buildIndex } from '../../src/layout/frame.ts';
import { heldFor, planInjection, reportInjection, withFault, withoutFault, faultsOf, type FaultList } from '../../src/app/session.ts';
import type { Fault } from '../../src/scenario/types.ts';
import type { Trace } from '../../src/trace/types.ts';
import { readScenario, run, scenario } from '../helpers.ts';
import { simulate } from '../../src/engine/simulate.ts';

const checkFault = (trace: Trace, fault: Fault) => checkOnTrace(buildIndex(trace), fault);
const shipped = (rel: string) => readScenario(rel) as Record<string, unknown>;
const simulateRaw = (raw: Record<string, unknown>): Trace => run(raw);
/** The good Rolling deployment: 6 instances, batches of 2, Succeeded at 5:09 (309 s). */
const rolling = () => shipped('elastic-beanstalk/rolling.json');

describe('checkFault: a fault that can no longer take effect is refused', () => {
  const trace = simulateRaw(rolling());

  it('accepts a fault that can still change the future', () => {
    expect(checkFault(trace, { type: 'UnhealthyInstance', target: 'i-5', at: 150 })).toEqual({ ok: true });
    expect(checkFault(trace, { type: 'HookFailure', target: 'i-5', event: 'postdeploy', at: 150 })).toEqual({ ok: true });
    // A step still running at `at` can fail (the engine fails a step whose end is at or after `at`).
    expect(checkFault(trace, { type: 'HookFailure', target: 'i-1', event: 'health-check', at: 60 })).toEqual({ ok: true });
  });

  it('says the deployment is over instead of rewriting a finished outcome', () => {
    expect(traceEnd(trace)).toBe(309);
    for (const fault of [
      { type: 'AbortDeployment', at: 309 },
      { type: 'BadVersion', at: 400 },
      { type: 'StopDeployment', at: 309 },
      { type: 'UnhealthyInstance', target: 'i-1', at: 309 },
    ] as Fault[]) {
      const check = checkFault(trace, fault);
      expect(check.ok).toBe(false);
      expect(!check.ok && check.reason).toBe('The deployment is over: it ended Succeeded at 5:09. An input now cannot change it; move the playhead back to fork its future.');
    }
    expect(checkFault(trace, { type: 'AbortDeployment', at: 308 }).ok).toBe(true);
  });

  it('refuses a failure of a step that already finished on that target', () => {
    const check = checkFault(trace, { type: 'HookFailure', target: 'i-1', event: 'postdeploy', at: 150 });
    expect(check).toEqual({ ok: false, reason: 'postdeploy already finished on i-1 at 0:53 (Succeeded) and does not run there again, so this failure could not take effect.' });
  });

  it('refuses a failure of a step the target does not run', () => {
    const check = checkFault(trace, { type: 'HookFailure', target: 'i-5', event: 'launch', at: 10 });
    expect(!check.ok && check.reason).toBe('launch does not run on i-5 after 0:10 in this deployment, so this failure could not take effect.');
  });

  it('refuses anything on a terminated target, and terminating one not launched yet', () => {
    const terminated = simulateRaw(shipped('elastic-beanstalk/rolling-instance-terminated.json'));
    const onGone = checkFault(terminated, { type: 'UnhealthyInstance', target: 'i-4', at: 150 });
    expect(!onGone.ok && onGone.reason).toBe('i-4 was terminated at 2:00; nothing can happen to it any more.');
    expect(checkFault(terminated, { type: 'UnhealthyInstance', target: 'i-4', at: 119 }).ok).toBe(true);

    const additional = simulateRaw(shipped('elastic-beanstalk/immutable.json'));
    const late = additional.targets.find((x) => x.launchedAt > 0)!; // the rest of the temporary group
    const early = checkFault(additional, { type: 'InstanceTerminated', target: late.id, at: late.launchedAt - 1 });
    expect(!early.ok && early.reason).toContain(`${late.id} is not launched yet`);
    expect(checkFault(trace, { type: 'UnhealthyInstance', target: 'i-99', at: 5 }).ok).toBe(false);
  });
});

describe('compareForks: what the fault changed against the future it replaced', () => {
  it('says how the outcome was and is now', () => {
    const raw = rolling();
    const before = simulateRaw(raw);
    const fault: Fault = { type: 'UnhealthyInstance', target: 'i-5', at: 150 };
    const after = simulateRaw(withFault({ raw, userFaults: new Set() }, fault).raw);
    const report = compareForks(before, after, fault);
    expect(report.kind).toBe('changed');
    expect(report.was).toBe('Succeeded at 5:09');
    expect(report.now).toBe(`Failed at ${formatEnd(after)}`);
    expect(report.message).toBe(`was Succeeded at 5:09, now Failed at ${formatEnd(after)}`);
    // One deployment on each side: its change is the headline, not repeated as a detail.
    expect(report.details.some((d) => d.startsWith('d-1'))).toBe(false);
  });

  it('lists a rollback deployment the fork created and the final fleet', () => {
    const raw = shipped('codedeploy/server-one-at-a-time.json');
    const before = simulateRaw(raw);
    const fault: Fault = { type: 'StopDeployment', at: 30, autoRollbackEnabled: true };
    const after = simulateRaw(withFault({ raw, userFaults: new Set() }, fault).raw);
    const report = compareForks(before, after, fault);
    expect(report.kind).toBe('changed');
    expect(report.message).toMatch(/^was Succeeded at \d+:\d\d, now (Rolled back|Stopped) at \d+:\d\d$/);
    if (after.deployments.length > 1) expect(report.details.some((d) => d.startsWith('New: rollback deployment d-2'))).toBe(true);
  });

  it('says when an accepted input changed nothing', () => {
    const raw = rolling();
    const before = simulateRaw(raw);
    // The same fault twice: the second adds nothing the first did not.
    const once = withFault({ raw, userFaults: new Set() }, { type: 'UnhealthyInstance', target: 'i-5', at: 150 });
    const first = simulateRaw(once.raw);
    const fault: Fault = { type: 'UnhealthyInstance', target: 'i-5', at: 160 };
    const second = simulateRaw(withFault(once, fault).raw);
    expect(compareForks(before, first, fault).kind).toBe('changed');
    const report = compareForks(first, second, fault);
    expect(report.kind).toBe('no-effect');
    expect(report.message).toBe(`this input changed nothing: the deployment still ends Failed at ${formatEnd(second)} the same way`);
  });
});

describe('session: injecting and removing timed inputs', () => {
  it('marks injected faults and keeps the marks right when one is removed', () => {
    const raw = { ...rolling(), faults: [{ type: 'UnhealthyInstance', target: 'i-3' }] };
    let list: FaultList = { raw, userFaults: new Set<number>() };
    list = withFault(list, { type: 'BadVersion', at: 10 });
    list = withFault(list, { type: 'AbortDeployment', at: 20 });
    expect(faultsOf(list.raw).map((f) => f.type)).toEqual(['UnhealthyInstance', 'BadVersion', 'AbortDeployment']);
    expect([...list.userFaults]).toEqual([1, 2]);
    expect(faultsOf(raw)).toHaveLength(1); // the original is untouched
    const removed = withoutFault(list, 1);
    expect(faultsOf(removed.raw).map((f) => f.type)).toEqual(['UnhealthyInstance', 'AbortDeployment']);
    expect([...removed.userFaults]).toEqual([1]);
  });

  it('plans an injection: refused with the reason, or the fault list to simulate; then reports the fork', () => {
    const raw = rolling();
    const trace = simulate(scenario(raw));
    const refused = planInjection(buildIndex(trace), { raw, userFaults: new Set() }, { type: 'AbortDeployment', at: 400 });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.refused.kind).toBe('refused');
    const fault: Fault = { type: 'UnhealthyInstance', target: 'i-5', at: 150 };
    const planned = planInjection(buildIndex(trace), { raw, userFaults: new Set() }, fault);
    expect(planned.ok).toBe(true);
    if (!planned.ok) return;
    const after = simulateRaw(planned.next.raw);
    const report = reportInjection(trace, after, fault, 0);
    expect(report).toMatchObject({ kind: 'changed', faultIndex: 0, was: 'Succeeded at 5:09' });
  });

  it('holds a value only while the trace it belongs to is loaded', () => {
    const a = simulateRaw(rolling());
    const b = simulateRaw(rolling());
    expect(heldFor({ trace: a, value: 3 }, a)).toBe(3);
    expect(heldFor({ trace: a, value: 3 }, b)).toBeUndefined();
    expect(heldFor(undefined, a)).toBeUndefined();
  });
});

function formatEnd(trace: Trace): string {
  const s = Math.floor(traceEnd(trace));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
