// Issue 8 and 9 items in the app: the status header says `Ready` during a
// CodeDeploy Ready wait (AWS's deployment status while the replacements wait for
// ContinueDeployment, reference §2.3/§2.4); the event log folds per-instance
// repeats as the CLI does; clicking a timeline group header folds the group
// without moving the playhead.
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/app/app-shell.ts';
import '../../src/views/event-log/index.ts';
import { LOG_WINDOW } from '../../src/views/event-log/event-log.ts';
import type { DeploysimApp } from '../../src/app/app-shell.ts';
import { indexOf, mount, settle } from './fixtures.ts';
import { eventRunStarts } from '../../src/layout/event-groups.ts';
import { appReady, closeApp, openSettledApp, viewsSettled } from './app-ready.ts';
import { revealedPx } from '../../src/views/shared/reveal.ts';

afterEach(closeApp);

const mountApp = openSettledApp;

const settled = viewsSettled;

const view = (app: DeploysimApp, tag: string) => app.shadowRoot!.querySelector(tag)!.shadowRoot!;
const statuses = (app: DeploysimApp) => [...view(app, 'status-header').querySelectorAll('.status')].map((s) => s.textContent!.trim());

describe('status header during a Ready wait', () => {
  // Ready wait 192 s – 600 s (ContinueDeployment at 600 s) in this shipped scenario.
  it('shows Ready inside the wait, InProgress before it and while traffic is rerouted after it', async () => {
    const app = await mountApp('#scenario=codedeploy/server-blue-green-continue-ready-wait&t=300');
    expect(statuses(app)).toEqual(['Ready']);
    expect(view(app, 'status-header').querySelector('.status')!.classList.contains('Ready')).toBe(true);
    app.seek(100);
    await settled(app);
    expect(statuses(app)).toEqual(['InProgress']);
    app.seek(650);
    await settled(app);
    expect(statuses(app)).toEqual(['InProgress']);
    app.seek(app.index!.duration);
    await settled(app);
    expect(statuses(app)).toEqual(['Succeeded']);
  });
});

describe('event log folding', () => {
  const index = indexOf({ platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 1000, DeploymentPolicy: 'AllAtOnce' } });

  it('shows one line for a step every instance takes at one moment, naming the first, the last and how many more', async () => {
    const el = mount('event-log', { index, count: index.trace.events.length }, 420);
    await settle(el);
    const entries = [...el.shadowRoot!.querySelectorAll('button.entry')];
    expect(entries.length).toBeLessThan(60);
    const folded = entries.filter((b) => b.textContent!.includes('(also i-2 … i-1000: 999 more)'));
    expect(folded.length).toBeGreaterThan(0);
    // The count still counts events, not lines.
    // Grouped by thousands (2,005 of 2,005).
    const n = index.trace.events.length.toLocaleString('en-US');
    expect(el.shadowRoot!.querySelector('.count')!.textContent).toBe(`${n} of ${n}`);
  });

  it('folds only the part of a run the playhead has reached, and selecting the line selects its first event', async () => {
    const events = index.trace.events;
    const starts = eventRunStarts(events);
    const k = starts.findIndex((s, j) => (starts[j + 1] ?? events.length) - s >= 100);
    const start = starts[k]!;
    const el = mount('event-log', { index, count: start + 3 }, 420);
    await settle(el);
    const last = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.entry')].pop()!;
    expect(last.textContent).toContain(`(also ${events[start + 1]!.target}, ${events[start + 2]!.target})`);
    let selected = -1;
    el.addEventListener('event-select', (e) => (selected = e.detail.index));
    last.click();
    expect(selected).toBe(start);
  });
});

describe('event log while scrubbing', () => {
  // One instance per batch: hundreds of runs of events, several windows of the log.
  const index = indexOf({ platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 60, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 1 } });
  const starts = eventRunStarts(index.trace.events);

  it('builds only the entries that fill it, rewrites them in place on a seek, and focus stays on the event it was on', async () => {
    expect(starts.length).toBeGreaterThan(3 * LOG_WINDOW);
    // Up to the end of run k: the log's window of runs ends there.
    const upTo = (k: number) => starts[k + 1]!;
    const el = mount<HTMLElement & { count: number; fill: number }>('event-log', { index, count: upTo(LOG_WINDOW + 5) }, 420);
    await settle(el);
    const buttons = () => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.entry')];
    // The log is 420 px tall: fewer entries than the window fill it, and only those are built.
    await expect.poll(() => buttons().length).toBe(el.fill);
    const fill = el.fill;
    expect(fill).toBeLessThan(LOG_WINDOW);
    expect(fill * 22).toBeGreaterThanOrEqual(420);
    const before = buttons();
    el.count = upTo(3 * LOG_WINDOW);
    await settle(el);
    // A seek far away: the same elements show the new entries (nothing is built anew).
    expect(buttons()).toEqual(before);
    expect(buttons()[0]!.dataset.index).toBe(String(starts[3 * LOG_WINDOW - fill + 1]));
    // Focus on an entry follows its event as the entries move (here five runs up).
    const at = buttons()[fill - 10]!.dataset.index;
    buttons()[fill - 10]!.focus();
    el.count = upTo(3 * LOG_WINDOW + 5);
    await settle(el);
    const active = el.shadowRoot!.activeElement as HTMLButtonElement;
    expect(active.dataset.index).toBe(at);
    expect(buttons().indexOf(active)).toBe(fill - 15);
  });

  it('keeps every part of an entry in place: a seek rewrites texts and attributes, never the tree', async () => {
    const el = mount<HTMLElement & { count: number }>('event-log', { index, count: starts[LOG_WINDOW]! }, 420);
    await settle(el);
    const root = el.shadowRoot!;
    const parts = () => [...root.querySelectorAll('button.entry .why-tag, button.entry .also, button.entry abbr.undoc')];
    const before = parts();
    expect(before).toHaveLength(3 * root.querySelectorAll('button.entry').length);
    el.count = starts[2 * LOG_WINDOW + 7]!;
    await settle(el);
    const after = parts();
    expect(after.every((p, k) => p === before[k])).toBe(true);
    // The "AWS rule" tag shows exactly on the entries whose event names a rule.
    for (const b of root.querySelectorAll<HTMLButtonElement>('button.entry')) {
      const e = index.trace.events[Number(b.dataset.index)]!;
      // A tag that does not apply stays in the tree, of no size and hidden from assistive technology.
      const tag = b.querySelector<HTMLElement>('.why-tag')!;
      expect(tag.classList.contains('off')).toBe(!e.rule);
      expect(getComputedStyle(tag).visibility).toBe(e.rule ? 'visible' : 'hidden');
      expect(tag.offsetWidth > 0).toBe(!!e.rule);
    }
  });

  it('where its height is set from outside (as in the app), builds only the entries whose least heights fill it', async () => {
    const el = mount<HTMLElement & { count: number; fill: number }>('event-log', { index, count: starts[LOG_WINDOW]! }, 360);
    Object.assign(el.style, { display: 'flex', height: '420px' });
    el.style.setProperty('--log-contain', 'strict');
    el.style.setProperty('--log-max-height', 'none');
    await settle(el);
    const root = el.shadowRoot!;
    const scroller = root.querySelector<HTMLElement>('.scroller')!;
    const built = () => root.querySelectorAll('button.entry').length;
    const extents = new Set<number>();
    for (const k of [LOG_WINDOW, 2 * LOG_WINDOW + 3, 3 * LOG_WINDOW - 1]) {
      el.count = starts[k]!;
      await settle(el);
      // Fewer than one-line entries would need, and still enough to fill the log to its top.
      await expect.poll(built).toBeLessThan(el.fill);
      expect(root.querySelector<HTMLElement>('ol.log')!.offsetHeight).toBeGreaterThanOrEqual(scroller.clientHeight);
      // The newest entry at the bottom of the log, and the scroller's extent the same from seek to seek.
      const entries = root.querySelectorAll<HTMLElement>('li.ev');
      expect(Math.abs(entries[entries.length - 1]!.getBoundingClientRect().bottom - scroller.getBoundingClientRect().bottom)).toBeLessThan(2);
      extents.add(scroller.scrollHeight);
    }
    expect(extents.size).toBe(1);
    // ↑ on the first entry built goes on to the one before it (the whole window is built).
    const first = root.querySelector<HTMLButtonElement>('button.entry')!;
    const before = starts[starts.indexOf(Number(first.dataset.index)) - 1];
    first.focus();
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true, composed: true }));
    await expect.poll(() => (root.activeElement as HTMLElement | null)?.dataset.index).toBe(String(before));
    expect(built()).toBe(LOG_WINDOW);
  });

  it('shows the whole window of past entries once the reader scrolls back', async () => {
    const el = mount<HTMLElement & { count: number }>('event-log', { index, count: starts[2 * LOG_WINDOW]! }, 420);
    await settle(el);
    const buttons = () => el.shadowRoot!.querySelectorAll('button.entry').length;
    await expect.poll(buttons).toBeLessThan(LOG_WINDOW);
    el.shadowRoot!.querySelector('.scroller')!.scrollTop = -40;
    await expect.poll(buttons).toBe(LOG_WINDOW);
  });
});

describe('timeline group header', () => {
  it('folds its group on a click without moving the playhead', async () => {
    const app = await mountApp('#scenario=elastic-beanstalk/immutable&t=90');
    const timeline = view(app, 'timeline-view');
    const header = timeline.querySelector<SVGGElement>('g.group-row')!;
    expect(header.getAttribute('aria-expanded')).toBe('true');
    await userEvent.click(header);
    await settled(app);
    expect(app.t).toBe(90);
    expect(app.collapsed.size).toBe(1);
    expect(timeline.querySelector('g.group-row')!.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('timeline lanes per frame', () => {
  it('reveals the spans up to the playhead by sliding one box over their layer, and hatches a failed step only once it has ended', async () => {
    const { rolling } = await import('./fixtures.ts');
    const index = rolling();
    const failed = index.trace.spans.find((s) => s.status === 'Failed')!;
    const el = mount('timeline-view', { index, t: failed.end - 1 });
    await settle(el);
    const root = el.shadowRoot!;
    // The spans' layer is hidden right of the playhead by its box: the hidden part shrinks as t grows.
    const hiddenRight = () => 1000 - revealedPx(root.querySelector<HTMLElement>('.marks-box')!, 1000);
    const before = hiddenRight();
    expect(before).toBeGreaterThan(0);
    expect(root.querySelectorAll('rect.span.failed')).toHaveLength(0);
    Object.assign(el, { t: failed.end });
    await settle(el);
    expect(hiddenRight()).toBeLessThan(before);
    expect(root.querySelectorAll('rect.span.failed').length).toBeGreaterThan(0);
  });
});

describe('timeline steps in the future', () => {
  it('take no pointer: the box that hides them clips hit testing too', async () => {
    const { rolling } = await import('./fixtures.ts');
    const index = rolling();
    const el = mount('timeline-view', { index, t: 60 });
    await settle(el);
    const root = el.shadowRoot!;
    // The latest step at least 6 px wide: far ahead of the playhead at 60 s.
    const rects = [...root.querySelectorAll<SVGRectElement & { __data__?: { start: number } }>('rect.span')].filter((r) => Number(r.getAttribute('width')) >= 6);
    const rect = rects.reduce((a, b) => (b.__data__!.start > a.__data__!.start ? b : a));
    expect(rect.__data__!.start).toBeGreaterThan(120);
    // Where the step is drawn: its own x in the lanes' coordinates (its layer slides inside its box, net zero).
    const at = () => {
      const lanes = root.querySelector('svg.lanes')!.getBoundingClientRect();
      const x = lanes.left + Number(rect.getAttribute('x')) + Number(rect.getAttribute('width')) / 2;
      const box = rect.getBoundingClientRect();
      return root.elementFromPoint(x, box.top + box.height / 2);
    };
    rect.scrollIntoView({ block: 'center' });
    // Something of the lane is hit (the point is on the page), not the hidden step.
    expect(at()).not.toBeNull();
    expect(at()).not.toBe(rect);
    Object.assign(el, { t: index.duration });
    await settle(el);
    expect(at()).toBe(rect);
  });
});

describe('a large share link', () => {
  it('is simulated off the main thread and then drawn at its moment', async () => {
    const { encodeShare } = await import('../../src/layout/share.ts');
    const raw = { name: 'Big', description: 'big', platform: 'ElasticBeanstalk', versions: { from: 'v1', to: 'v2' },
      elasticBeanstalk: { instances: 1500, environmentType: 'LoadBalanced', DeploymentPolicy: 'Rolling', BatchSizeType: 'Percentage', BatchSize: 50, MaxSize: 1500 } };
    history.replaceState(null, '', `${location.pathname}${location.search}${encodeShare({ scenarioText: JSON.stringify(raw), t: 30 })}`);
    const app = document.createElement('deploysim-app');
    // What the app showed at each of its updates: the scenario, and whether the timeline and the statechart had it.
    const shown: string[] = [];
    const updated = app.updated.bind(app);
    app.updated = (changed) => {
      const has = (name: string) => ((app.shadowRoot?.querySelector(name) as { index?: unknown } | null)?.index ? name : '');
      shown.push(`${app.index?.trace.scenario.name ?? ''}|${has('timeline-view')}|${has('statechart-panel')}`);
      updated(changed);
    };
    document.body.append(app);
    await appReady(app);
    await expect.poll(() => app.index?.targets.length, { timeout: 30_000 }).toBe(1500);
    await settled(app);
    // Until the worker answers no scenario (and not the library's default) is shown; then the
    // first draw is staged: the timeline in a task of its own, the other views in the next.
    // The library's listing arrives after that first draw (one more update, the same views).
    expect(shown.filter((s) => s !== '||')).toEqual(['Big|timeline-view|', 'Big|timeline-view|statechart-panel', 'Big|timeline-view|statechart-panel']);
    expect(app.library.length).toBeGreaterThan(0);
    expect(app.t).toBe(30);
    expect(app.error).toBeUndefined();
    expect(view(app, 'timeline-view').querySelectorAll('g.lane').length).toBeGreaterThan(0);
  });
});
