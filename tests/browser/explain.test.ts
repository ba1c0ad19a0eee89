// The views that explain the simulation: "Why?" for a selected event, the live
// statechart, and honest forks in the fault panel, in real Chromium.
import { afterEach, describe, expect, it } from 'vitest';
import { eventRunStarts } from '../../src/layout/event-groups.ts';
import '../../src/views/why-panel/index.ts';
import '../../src/views/statechart-panel/index.ts';
import '../../src/views/event-log/index.ts';
import '../../src/views/fault-panel/index.ts';
import { allMachines } from '../../src/engine/machine-catalog.ts';
import type { MachineDescription } from '../../src/engine/describe-machine.ts';
import { RULES } from '../../src/aws/rules.ts';
import { UNDOCUMENTED } from '../../src/aws/undocumented.ts';
import { buildIndex } from '../../src/layout/frame.ts';
import { compareForks } from '../../src/layout/fork.ts';
import type { TraceEvent } from '../../src/trace/types.ts';
import { loadScenario } from '../../src/app/scenarios.ts';
import { cleanup, indexOf, mount, rolling, settle } from './fixtures.ts';
import { choose } from './picker.ts';

afterEach(cleanup);

const shadow = (el: HTMLElement) => el.shadowRoot!;
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const MACHINES = allMachines();

describe('why-panel', () => {
  const event = (extra: Partial<TraceEvent>): TraceEvent => ({ t: 103, type: 'batch-started', message: 'Batch 2 of 3: i-3, i-4', ...extra });

  it('asks for a selection until there is one', async () => {
    const el = mount('why-panel');
    await settle(el);
    expect(text(shadow(el).querySelector('.empty'))).toBe('Select an event in the log to see the rule behind it.');
  });

  it('shows the rule an event applied, in plain words, with its AWS documentation page as a link', async () => {
    const el = mount('why-panel', { event: event({ rule: 'eb.rolling-batch' }) });
    await settle(el);
    const root = shadow(el);
    expect(text(root.querySelector('.event'))).toBe('1:43Batch 2 of 3: i-3, i-4');
    expect(text(root.querySelector('.reason.rule .text'))).toBe(RULES['eb.rolling-batch'].text);
    const link = root.querySelector<HTMLAnchorElement>('.reason.rule a.source')!;
    expect(link.href).toBe(RULES['eb.rolling-batch'].source);
    expect(link.target).toBe('_blank');
  });

  it("says when the event is deploysim's own choice where AWS is silent: the question and what deploysim does", async () => {
    const el = mount('why-panel', { event: event({ undocumented: 'percentageRounding' }) });
    await settle(el);
    const root = shadow(el);
    expect(text(root.querySelector('.reason.undocumented .kind'))).toBe("deploysim's choice — AWS is silent");
    expect(text(root.querySelector('.question'))).toBe(`AWS does not document: ${UNDOCUMENTED.percentageRounding.question}`);
    expect(text(root.querySelector('.says'))).toBe(`What deploysim does: ${UNDOCUMENTED.percentageRounding.says}.`);
    expect(root.querySelector('.reason.rule')).toBeNull();
  });

  it('says plain narration is narration', async () => {
    const el = mount('why-panel', { event: event({}) });
    await settle(el);
    expect(text(shadow(el).querySelector('.reason.narration .kind'))).toBe('Narration');
  });
});

describe('event-log selection', () => {
  it('selects an event by click (and jumps there); arrow keys move between entries', async () => {
    const index = rolling();
    const el = mount('event-log', { index, count: 6 });
    await settle(el);
    const selected: number[] = [];
    const seeks: number[] = [];
    el.addEventListener('event-select', (e) => selected.push(e.detail.index));
    el.addEventListener('seek-to', (e) => seeks.push(e.detail.t));
    const entries = () => [...shadow(el).querySelectorAll<HTMLButtonElement>('button.entry')];
    // One line per run of alike events (eventRunStarts); a line selects its run's first event.
    const starts = eventRunStarts(index.trace.events).filter((i) => i < 6);
    expect(entries()).toHaveLength(starts.length);
    const k = starts.length - 2;
    const i = starts[k]!;
    entries()[k]!.click();
    expect(selected).toEqual([i]);
    expect(seeks).toEqual([index.trace.events[i]!.t]);
    Object.assign(el, { selected: i });
    await settle(el);
    expect(entries().map((b) => b.getAttribute('aria-pressed'))).toEqual(starts.map((s) => (s === i ? 'true' : 'false')));
    entries()[k]!.focus();
    entries()[k]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    expect(shadow(el).activeElement).toBe(entries()[k + 1]);
    entries()[k + 1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true, composed: true }));
    expect(shadow(el).activeElement).toBe(entries()[k]);
  });
});

describe('statechart-panel', () => {
  const current = (el: HTMLElement, chart: 'orchestrator' | 'lifecycle') =>
    [...shadow(el).querySelectorAll(`svg.${chart} g.state[aria-current="true"]`)].map((g) => g.getAttribute('data-state'));

  it('highlights the orchestrator state and the target lifecycle state at the playhead, and follows a seek', async () => {
    const index = rolling();
    const el = mount('statechart-panel', { index, t: 300, machines: MACHINES });
    await settle(el);
    expect(current(el, 'orchestrator')).toEqual(['deployingBatch']);
    // i-3 is the target in action at 5:00: it waits in its health check.
    expect(current(el, 'lifecycle')).toEqual(['health-check']);
    expect(shadow(el).querySelector('svg.lifecycle g.edge.taken')!.getAttribute('data-key')).toBe('register→health-check');
    expect(text(shadow(el).querySelector('.leaves'))).toContain('ABORT → stopped');

    Object.assign(el, { t: index.duration });
    await settle(el);
    expect(current(el, 'orchestrator')).toEqual(['failed']);
    expect(shadow(el).querySelector('svg.orchestrator g.edge.taken')!.getAttribute('data-key')).toBe('deployingBatch→failed');

    // A picked target is followed instead of the one in action.
    Object.assign(el, { t: 30, target: 'i-5' });
    await settle(el);
    expect(current(el, 'lifecycle')).toEqual(['Pending']);
    Object.assign(el, { t: index.duration });
    await settle(el);
    expect(current(el, 'lifecycle')).toEqual(['Skipped']);
    let picked = '-';
    el.addEventListener('target-select', (e) => (picked = e.detail.target));
    // The searchable picker: "the target in action" is its first option (value '').
    const picker = shadow(el).querySelector<HTMLElement & { value: string; updateComplete: Promise<boolean> }>('target-picker.target')!;
    await picker.updateComplete;
    expect(picker.value).toBe('i-5');
    const input = picker.shadowRoot!.querySelector<HTMLInputElement>('input')!;
    input.focus();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    await picker.updateComplete;
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageUp', bubbles: true, composed: true }));
    await picker.updateComplete;
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await picker.updateComplete;
    expect(picked).toBe('');
  });

  it('shows that a Ready wait is a state, and the timer that leaves it', async () => {
    const ready: MachineDescription = {
      id: 'serverBlueGreen', kind: 'orchestrator', description: '', initial: 'provisioning',
      states: [{ id: 'provisioning', type: 'atomic' }, { id: 'readyWait', type: 'atomic' }, { id: 'rerouting', type: 'atomic' }, { id: 'stopped', type: 'final' }],
      transitions: [
        { source: 'provisioning', target: 'readyWait', event: 'INSTALLED' },
        { source: 'readyWait', target: 'rerouting', event: 'CONTINUE' },
        { source: 'readyWait', target: 'stopped', event: 'after 3600 s' },
      ],
    };
    const base = rolling().trace;
    const index = buildIndex({ ...base, machines: [{ t: 0, machine: 'serverBlueGreen', state: 'provisioning' }, { t: 100, machine: 'serverBlueGreen', state: 'readyWait' }] });
    const el = mount('statechart-panel', { index, t: 200, machines: [...MACHINES, ready] });
    await settle(el);
    expect(current(el, 'orchestrator')).toEqual(['readyWait']);
    const labels = [...shadow(el).querySelectorAll('svg.orchestrator g.edge.leaving text')].map(text);
    expect(labels).toEqual(expect.arrayContaining(['CONTINUE', 'after 1 h']));
    expect(text(shadow(el).querySelector('.leaves'))).toBe('readyWait is left by: CONTINUE → rerouting; after 1 h → stopped');
    // With the wait in the trace's phases (begun as the state was entered), the timer counts down.
    const waiting = buildIndex({ ...index.trace, phases: [{ deploymentId: 'd-1', kind: 'wait', name: 'Ready wait', start: 100, end: 3700, deadline: 3700 }] });
    Object.assign(el, { index: waiting });
    await settle(el);
    expect(text(shadow(el).querySelector('.leaves'))).toBe('readyWait is left by: CONTINUE → rerouting; after 1 h (at 1:01:40, 58 min 20 s left) → stopped');
  });

  it('draws a compound orchestrator round its children and counts down the timer that leaves the current state', async () => {
    const index = indexOf((await loadScenario('codedeploy/lambda-canary-10-percent-10-minutes-alarm-rollback')) as Record<string, unknown>);
    const el = mount('statechart-panel', { index, t: 200, machines: MACHINES });
    await settle(el);
    expect(current(el, 'orchestrator')).toEqual(['deploying.AllowTraffic.canaryInterval']);
    const containing = [...shadow(el).querySelectorAll('svg.orchestrator g.state.contains-active')].map((g) => g.getAttribute('data-state'));
    expect(containing).toEqual(['deploying', 'deploying.AllowTraffic']);
    expect(text(shadow(el).querySelector('.leaves'))).toContain('after canaryInterval (at 10:06, 6 min 46 s left) → deploying.AllowTraffic.canaryRemaining');
    Object.assign(el, { t: 320 });
    await settle(el);
    expect(current(el, 'orchestrator')).toEqual(['rollingBack']);
    // The alarm's STOP leaves the compound state that held canaryInterval.
    expect(shadow(el).querySelector('svg.orchestrator g.edge.taken')!.getAttribute('data-key')).toBe('deploying→rollingBack');
  });

  it('says so when the trace names a machine the catalogue does not know', async () => {
    const index = buildIndex({ ...rolling().trace, machines: [{ t: 0, machine: 'ebRollingV3', state: 'deploying.batch' }] });
    const el = mount('statechart-panel', { index, t: 10, machines: MACHINES });
    await settle(el);
    expect(text(shadow(el).querySelector('figure.orchestrator figcaption'))).toBe(
      "The trace says orchestrator ebRollingV3 is in deploying.batch, but this build's machine catalogue does not know ebRollingV3, so it cannot be drawn.",
    );
    expect(shadow(el).querySelectorAll('svg.orchestrator g.state')).toHaveLength(0);
    expect(current(el, 'lifecycle')).toHaveLength(1);
  });
});

describe('fault-panel forks', () => {
  it('shows what the injected fault changed until dismissed, with undo', async () => {
    const good = rolling([]);
    const bad = rolling([{ type: 'UnhealthyInstance', target: 'i-5', at: 150 }]);
    const fault = { type: 'UnhealthyInstance', target: 'i-5', at: 150 } as const;
    const report = { ...compareForks(good.trace, bad.trace, fault), faultIndex: 0 };
    const el = mount('fault-panel', { index: bad, t: 150, faults: bad.trace.scenario.faults, userFaults: new Set([0]), report });
    await settle(el);
    const box = shadow(el).querySelector('.fork.changed')!;
    expect(text(box.querySelector('.headline'))).toMatch(/^i-5 never becomes healthy at 2:30: the future forked\. Was Succeeded at \d+:\d\d, now Failed at \d+:\d\d\.$/);
    expect(text(box.querySelector('.was'))).toMatch(/^Succeeded at \d+:\d\d$/);
    let dismissed = false;
    let removed = -1;
    el.addEventListener('fork-dismiss', () => (dismissed = true));
    el.addEventListener('fault-remove', (e) => (removed = e.detail.index));
    box.querySelector<HTMLButtonElement>('button.undo')!.click();
    box.querySelector<HTMLButtonElement>('button.dismiss')!.click();
    expect(removed).toBe(0);
    expect(dismissed).toBe(true);
  });

  it('refuses, before sending, a failure of a step that already finished, and any input after the end', async () => {
    const index = rolling();
    const el = mount('fault-panel', { index, t: 150, faults: [], userFaults: new Set() });
    await settle(el);
    const root = shadow(el);
    const step = root.querySelector<HTMLSelectElement>('select.step')!;
    step.value = 'postdeploy';
    step.dispatchEvent(new Event('change'));
    await settle(el);
    // i-1 ran postdeploy in batch 1.
    expect(root.querySelector<HTMLButtonElement>('button.inject')!.disabled).toBe(true);
    expect(text(root.querySelector('.refusal'))).toBe('postdeploy already finished on i-1 at 0:53 (Succeeded) and does not run there again, so this failure could not take effect.');
    await choose(root.querySelector('target-picker.target')!, 'i-4'); // batch 2: its postdeploy is still ahead
    await settle(el);
    expect(root.querySelector<HTMLButtonElement>('button.inject')!.disabled).toBe(false);
    // No refusal: the same box says what Inject does, so the panel keeps its height.
    const box = root.querySelector<HTMLElement>('.refusal.target')!;
    expect(box.classList.contains('ok')).toBe(true);
    expect(text(box)).toBe('Inject adds this failure at the playhead, on the target picked above.');
    const height = box.offsetHeight;
    await choose(root.querySelector('target-picker.target')!, 'i-1');
    await settle(el);
    expect(root.querySelector('.refusal.target')).toBe(box);
    expect(box.classList.contains('ok')).toBe(false);
    expect(box.offsetHeight).toBe(height);

    Object.assign(el, { t: index.duration });
    await settle(el);
    expect([...root.querySelectorAll<HTMLButtonElement>('button.action, button.inject')].every((b) => b.disabled)).toBe(true);
    expect(text(root.querySelector('.refusal'))).toBe('The deployment is over: it ended Failed at 15:43. An input now cannot change it; move the playhead back to fork its future.');
  });

  it('says why an injection was refused', async () => {
    const index = rolling();
    const report = { kind: 'refused', fault: { type: 'AbortDeployment', at: 943 }, message: 'The deployment is over: it ended Failed at 15:43.' } as const;
    const el = mount('fault-panel', { index, t: 943, faults: [], userFaults: new Set(), report });
    await settle(el);
    expect(text(shadow(el).querySelector('.fork.refused'))).toContain('Not injected: Abort the deployment at 15:43. The deployment is over');
  });
});
