import { afterEach, describe, expect, it } from 'vitest';
import { eventRunStarts } from '../../src/layout/event-groups.ts';
import '../../src/views/timeline-view/index.ts';
import '../../src/views/capacity-charts/index.ts';
import '../../src/views/fleet-view/index.ts';
import '../../src/views/event-log/index.ts';
import { LOG_WINDOW } from '../../src/views/event-log/event-log.ts';
import '../../src/views/status-header/index.ts';
import '../../src/views/playback-controls/index.ts';
import '../../src/views/fault-panel/index.ts';
import '../../src/views/scenario-editor/index.ts';
import '../../src/views/scenario-library/index.ts';
import '../../src/views/now-line/index.ts';
import '../../src/views/lifecycle-table/index.ts';
import { buildIndex, frameAt } from '../../src/layout/frame.ts';
import { lambdaRollbackFixture, rollingFixture } from '../layout/fixtures.ts';
import { groupLibrary } from '../../src/layout/library.ts';
import { cleanup, indexOf, mount, rolling, settle } from './fixtures.ts';
import { choose } from './picker.ts';
import { revealedPx, slidPx } from '../../src/views/shared/reveal.ts';

afterEach(cleanup);

const shadow = (el: HTMLElement) => el.shadowRoot!;

describe('timeline-view', () => {
  it('draws one lane per target under a group header, its spans revealed up to the playhead, and a failed span marked', async () => {
    const index = rolling();
    const el = mount('timeline-view', { index, t: 60 });
    await settle(el);
    const root = shadow(el);
    expect(root.querySelectorAll('g.row.lane')).toHaveLength(6);
    expect(root.querySelector('g.group-row text')!.textContent).toContain('Original fleet · 6');
    // Every span of a visible lane is drawn; the box over them shows them up to the playhead only.
    const spans = root.querySelectorAll('rect.span').length;
    expect(spans).toBe(index.trace.spans.length);
    const shown = () => revealedPx(root.querySelector<HTMLElement>('.marks-box')!, 1000);
    const at60 = shown();
    expect(at60).toBeGreaterThan(150);
    expect(at60).toBeLessThan(500);
    expect(root.querySelectorAll('rect.span.failed')).toHaveLength(0);
    Object.assign(el, { t: index.duration });
    await settle(el);
    expect(shown()).toBe(1000);
    expect(root.querySelectorAll('rect.span').length).toBe(spans);
    expect(root.querySelectorAll('rect.span.failed').length).toBeGreaterThan(0);
    expect(root.querySelector('.fail-mark')!.textContent).toBe('✕');
    // The playhead is moved by a transform alone: at the end it stands near the right of the 1,000 px axis.
    const playhead = root.querySelector<HTMLElement>('div.playhead')!;
    expect(slidPx(playhead)).toBeGreaterThan(900);
    expect(getComputedStyle(playhead).transform).toMatch(/^matrix\(1, 0, 0, 1, 9\d\d(\.\d+)?, 0\)$/);
  });

  it('virtualises 2,000 lanes: only the rows in view are in the DOM', async () => {
    const index = indexOf({ platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 2000, DeploymentPolicy: 'AllAtOnce', MaxSize: 2000 } });
    const el = mount('timeline-view', { index, t: 30 });
    await settle(el);
    expect(shadow(el).querySelectorAll('g.row').length).toBeLessThan(60);
  });

  it('folds a group from the keyboard', async () => {
    const index = rolling();
    const el = mount('timeline-view', { index, t: 10 });
    await settle(el);
    let toggled = '';
    el.addEventListener('group-toggle', (e) => (toggled = e.detail.group));
    const header = shadow(el).querySelector<SVGGElement>('g.group-row')!;
    header.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(toggled).toBe('original');
  });
});

/** How far from the left a chart shows its past: the part of its width its reveal box shows. */
const revealedOf = (area: HTMLElement) => revealedPx(area.querySelector<HTMLElement>('.reveal')!, area.offsetWidth);

describe('capacity-charts', () => {
  it('stacks traffic and in-service bands per version and reveals them up to t', async () => {
    const index = rolling();
    const el = mount('capacity-charts', { index, t: 300 });
    await settle(el);
    const root = shadow(el);
    expect(root.querySelectorAll('figure.traffic g.past path')).toHaveLength(2);
    const reveal = revealedOf(root.querySelector<HTMLElement>('figure.traffic .plot-area')!);
    expect(reveal).toBeGreaterThan(150);
    expect(reveal).toBeLessThan(600);
    expect(root.querySelector('figure.capacity figcaption')!.textContent).toMatch(/v1\s*2.*v2\s*3/s);
  });
});

describe('fleet-view', () => {
  it('shows a tile per target with version, state and load-balancer membership', async () => {
    const index = rolling();
    const el = mount('fleet-view', { index, frame: frameAt(index, 5) });
    await settle(el);
    const tiles = shadow(el).querySelectorAll<HTMLElement>('.tile');
    expect(tiles).toHaveLength(6);
    expect(tiles[0]!.dataset.state).toBe('draining');
    expect(tiles[5]!.dataset.state).toBe('healthy');
    expect(tiles[5]!.querySelector('.icon.lb-in')).not.toBeNull();
    Object.assign(el, { frame: frameAt(index, index.duration) });
    await settle(el);
    const i3 = shadow(el).querySelector<HTMLElement>('.tile[data-target="i-3"]')!;
    expect(i3.dataset.state).toBe('unhealthy');
    expect(i3.querySelector('.ver')!.textContent).toBe('v2');
  });

  it('switches to one square per target for big fleets', async () => {
    const index = indexOf({ platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 500, DeploymentPolicy: 'AllAtOnce', MaxSize: 500 } });
    const el = mount('fleet-view', { index, frame: frameAt(index, 10) });
    await settle(el);
    expect(shadow(el).querySelectorAll('.grid canvas')).toHaveLength(1);
    // One square per target: whole rows of 9 px cells, as many as 500 squares need.
    const canvas = shadow(el).querySelector<HTMLCanvasElement>('.grid canvas')!;
    const perRow = parseFloat(canvas.style.width) / 9;
    expect(parseFloat(canvas.style.height)).toBe(Math.ceil(500 / perRow) * 9);
    expect(shadow(el).querySelectorAll('.tile')).toHaveLength(0);
  });
});

describe('event-log', () => {
  it('lists the events up to the playhead and jumps when an entry is clicked', async () => {
    const index = rolling();
    const el = mount('event-log', { index, count: 5 });
    await settle(el);
    // Alike events at one moment share a line (eventRunStarts, as the CLI folds them).
    const runs = eventRunStarts(index.trace.events).filter((i) => i < 5);
    const entries = shadow(el).querySelectorAll<HTMLButtonElement>('button.entry');
    expect(entries).toHaveLength(runs.length);
    let t = -1;
    el.addEventListener('seek-to', (e) => (t = e.detail.t));
    entries[runs.length - 1]!.click();
    expect(t).toBe(index.trace.events[runs[runs.length - 1]!]!.t);
  });

  // While the playhead moves at every frame, a new count is drawn at most four times a second
  // (src/views/shared/seek-throttle.ts); no time is asserted, each step is awaited.
  const counted = (el: HTMLElement) => shadow(el).querySelector('.count')!.textContent!;
  const macrotask = () => new Promise((r) => setTimeout(r, 0));
  /** A log of set height, as in the app's card (its size, observed once, then changes with nothing shown). */
  async function sizedLog(index: ReturnType<typeof rolling>) {
    const el = mount<HTMLElement & { updateComplete: Promise<boolean>; fill: number }>('event-log', { index, count: 5 });
    el.style.cssText += ';height:300px;--log-max-height:none;--log-contain:strict';
    await settle(el);
    await expect.poll(() => el.fill).toBeLessThan(LOG_WINDOW);
    await settle(el);
    return el;
  }

  it('draws a count that comes right after the last one drawn when its wait is over, or at once when awaited', async () => {
    const el = await sizedLog(rolling());
    Object.assign(el, { count: 7 });
    await el.updateComplete;
    expect(counted(el)).toContain('7 of');
    // The next frame's count: Lit's update ran and waits.
    Object.assign(el, { count: 9 });
    await macrotask();
    expect(counted(el)).toContain('7 of');
    await expect.poll(() => counted(el)).toContain('9 of');
    // Again, and this time awaited: drawn at once.
    Object.assign(el, { count: 11 });
    await macrotask();
    expect(counted(el)).toContain('9 of');
    await el.updateComplete;
    expect(counted(el)).toContain('11 of');
  });

  it('draws at once a change that is not the playhead, with the count that waited', async () => {
    const el = await sizedLog(rolling());
    Object.assign(el, { count: 7 });
    await el.updateComplete;
    Object.assign(el, { count: 9 });
    await macrotask();
    expect(counted(el)).toContain('7 of');
    Object.assign(el, { selected: 2 });
    await macrotask();
    expect(counted(el)).toContain('9 of');
    expect(shadow(el).querySelector('button.entry[data-index="2"]')?.getAttribute('aria-pressed')).toBe('true');
  });
});

describe('status-header', () => {
  it('shows deployment ids, AWS status and elapsed time', async () => {
    const index = rolling();
    const el = mount('status-header', { index, frame: frameAt(index, 65) });
    await settle(el);
    const text = shadow(el).textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('d-1');
    expect(text).toContain('InProgress');
    expect(text).toContain('1:05');
    Object.assign(el, { frame: frameAt(index, index.duration) });
    await settle(el);
    expect(shadow(el).textContent).toContain('Failed');
  });
});

describe('playback-controls', () => {
  it('sends commands from buttons and seeks from the range', async () => {
    const index = rolling();
    const el = mount('playback-controls', { index, t: 0 });
    await settle(el);
    const commands: string[] = [];
    el.addEventListener('playback-command', (e) => commands.push(e.detail.command));
    for (const cls of ['play', 'next', 'prev', 'restart', 'end']) shadow(el).querySelector<HTMLButtonElement>(`button.${cls}`)!.click();
    expect(commands).toEqual(['toggle', 'next', 'previous', 'restart', 'end']);
    let seek = -1;
    el.addEventListener('seek-to', (e) => (seek = e.detail.t));
    const range = shadow(el).querySelector<HTMLInputElement>('input[type=range]')!;
    range.value = '120';
    range.dispatchEvent(new Event('input', { bubbles: true }));
    expect(seek).toBe(120);
    expect(shadow(el).querySelectorAll('button[aria-label]').length).toBeGreaterThanOrEqual(5);
  });
});

describe('fault-panel', () => {
  it('injects a fault at the playhead and lists faults with remove buttons', async () => {
    const index = rolling();
    const el = mount('fault-panel', { index, t: 42, faults: index.trace.scenario.faults, userFaults: new Set() });
    await settle(el);
    const injected: unknown[] = [];
    el.addEventListener('fault-inject', (e) => injected.push(e.detail.fault));
    shadow(el).querySelector<HTMLButtonElement>('button.action[data-action="AbortDeployment"]')!.click();
    expect(injected[0]).toEqual({ type: 'AbortDeployment', at: 42 });
    const kind = shadow(el).querySelector<HTMLSelectElement>('select.kind')!;
    kind.value = 'InstanceTerminated';
    kind.dispatchEvent(new Event('change'));
    await settle(el);
    shadow(el).querySelector<HTMLButtonElement>('button.inject')!.click();
    expect(injected[1]).toEqual({ type: 'InstanceTerminated', target: 'i-1', at: 42 });
    let removed = -1;
    el.addEventListener('fault-remove', (e) => (removed = e.detail.index));
    shadow(el).querySelector<HTMLButtonElement>('button.remove')!.click();
    expect(removed).toBe(0);
  });

  it('shows nothing that moves with the playhead while what it refuses stays the same', async () => {
    // A text in the right-hand column changed at every frame made Chromium redraw, at each frame,
    // the whole area from the timeline to it (docs/views.md): the controls show the time.
    const index = rolling();
    const el = mount('fault-panel', { index, t: 42, faults: index.trace.scenario.faults, userFaults: new Set() });
    await settle(el);
    const before = shadow(el).textContent;
    expect(shadow(el).querySelector('button.inject')!.textContent).toBe('Inject at the playhead');
    Object.assign(el, { t: 47 });
    await settle(el);
    expect(shadow(el).textContent).toBe(before);
  });
});

describe('scenario-editor', () => {
  it('validates live, shows path and reason, and applies only valid JSON', async () => {
    const el = mount('scenario-editor', { text: '{}' });
    await settle(el);
    const applied: string[] = [];
    el.addEventListener('scenario-apply', (e) => applied.push(e.detail.text));
    const area = shadow(el).querySelector('textarea')!;
    area.value = '{"name": "x", "platform": "Nope"}';
    area.dispatchEvent(new Event('input'));
    await new Promise((r) => setTimeout(r, 250));
    await settle(el);
    expect(shadow(el).querySelectorAll('ul.problems li').length).toBeGreaterThan(0);
    expect(shadow(el).querySelector('ul.problems code')!.textContent).toMatch(/\//);
    shadow(el).querySelector<HTMLButtonElement>('button.apply')!.click();
    expect(applied).toHaveLength(0);
    area.value = JSON.stringify({ name: 'ok', description: 'ok', platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 2 } });
    area.dispatchEvent(new Event('input'));
    shadow(el).querySelector<HTMLButtonElement>('button.apply')!.click();
    expect(applied).toHaveLength(1);
  });
});

describe('scenario-library', () => {
  it('groups scenarios and emits the picked id', async () => {
    const groups = groupLibrary({
      '/scenarios/elastic-beanstalk/rolling.json': { name: 'Rolling', description: 'd1', platform: 'ElasticBeanstalk', elasticBeanstalk: { DeploymentPolicy: 'Rolling' } },
      '/scenarios/codedeploy/x.json': { name: 'X', description: 'd2', platform: 'CodeDeploy', codeDeploy: { computePlatform: 'Server' } },
    });
    const el = mount('scenario-library', { groups, selected: 'elastic-beanstalk/rolling' });
    await settle(el);
    expect([...shadow(el).querySelectorAll('summary')].map((s) => s.textContent)).toEqual(['Elastic Beanstalk', 'CodeDeploy']);
    expect(shadow(el).querySelector('button[aria-current="true"] .desc')!.textContent).toBe('d1');
    let picked = '';
    el.addEventListener('scenario-pick', (e) => (picked = e.detail.id));
    shadow(el).querySelector<HTMLButtonElement>('button[data-id="codedeploy/x"]')!.click();
    expect(picked).toBe('codedeploy/x');
  });
});

describe('now-line', () => {
  it('keeps its height and its elements when a seek brings a longer sentence (nothing below it moves)', async () => {
    const index = buildIndex(rollingFixture());
    const el = mount<HTMLElement & { t: number }>('now-line', { index, t: 30 }, 520);
    await settle(el);
    const root = shadow(el);
    const short = root.querySelector('.text')!.textContent!;
    const height = el.getBoundingClientRect().height;
    const [phase, countdown] = [root.querySelector('.phase'), root.querySelector('.countdown')];
    el.t = 498;
    await settle(el);
    const text = root.querySelector<HTMLElement>('.text')!;
    expect(text.textContent!.length).toBeGreaterThan(short.length + 20);
    // The sentence takes two lines at this width, in the same box as the one-line sentence did.
    expect(text.getBoundingClientRect().height).toBeGreaterThan(30);
    expect(el.getBoundingClientRect().height).toBe(height);
    expect(root.querySelector('.phase')).toBe(phase);
    expect(root.querySelector('.countdown')).toBe(countdown);
  });

  it('says the phase at the playhead, what it waits for and the countdown, and follows t', async () => {
    const index = buildIndex(rollingFixture());
    const el = mount<HTMLElement & { t: number }>('now-line', { index, t: 498 });
    await settle(el);
    const p = shadow(el).querySelector('p')!;
    expect(shadow(el).querySelector('.text')!.textContent).toBe('Batch 2 of 2 — waiting for i-3 to pass health checks: 7:43 left of Timeout 600 s + 240 s');
    expect(shadow(el).querySelector('.phase')!.textContent).toBe('Batch 2 of 2');
    expect(shadow(el).querySelector('.countdown')!.textContent).toBe('7:43 left of Timeout 600 s + 240 s');
    el.t = 961;
    await settle(el);
    expect(p.textContent!.replace(/\s+/g, ' ')).toContain('Deployment d-1 Failed at 16:01');
  });

  it('marks a running rollback deployment', async () => {
    const trace = lambdaRollbackFixture();
    trace.deployments[1]!.end = 320;
    trace.durationSeconds = 320;
    trace.phases[2]!.end = 320;
    const el = mount('now-line', { index: buildIndex(trace), t: 310 });
    await settle(el);
    expect(el.hasAttribute('rollback')).toBe(true);
    expect(shadow(el).querySelector('.tag')!.textContent).toContain('rollback');
  });
});

describe('lifecycle-table', () => {
  it('is a real table of the picked target\'s events as of the playhead, pending rows included', async () => {
    const index = buildIndex(rollingFixture());
    const el = mount<HTMLElement & { t: number }>('lifecycle-table', { index, t: 100 });
    await settle(el);
    const root = shadow(el);
    let sent = '';
    el.addEventListener('target-select', (e) => (sent = e.detail.target));
    await choose(root.querySelector('target-picker')!, 'i-3');
    await settle(el);
    expect(sent).toBe('i-3');
    expect(root.querySelector('caption')!.textContent).toContain('i-3 as of 1:40');
    const rows = [...root.querySelectorAll('tbody tr')].slice(1).map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()));
    expect(rows[0]).toEqual(['deregister', 'InProgress', '1:23', '17 s', '', 'v2']);
    expect(rows[1]!.slice(0, 2)).toEqual(['download', 'Pending']);
    expect(root.querySelectorAll('th[scope="col"]')).toHaveLength(6);
    // The app's lifecycle target (shared with the statechart) drives it too; '' follows the target in action.
    Object.assign(el, { target: '' });
    await settle(el);
    expect(root.querySelector('caption')!.textContent).toContain('i-3 as of 1:40');
    Object.assign(el, { target: 'i-1' });
    await settle(el);
    expect(root.querySelector('caption')!.textContent).toContain('i-1 as of 1:40');
    Object.assign(el, { target: 'i-3' });
    el.t = 961;
    await settle(el);
    const failed = root.querySelector('tr.Failed')!;
    expect(failed.textContent).toContain('health-check');
    expect(failed.querySelector('td.err')!.textContent).toContain('did not pass health checks');
  });
});

describe('timeline-view phases and step details', () => {
  it('draws the phases as labelled bands and marks where the rollback deployment starts', async () => {
    const index = buildIndex(lambdaRollbackFixture());
    const el = mount('timeline-view', { index, t: 300 });
    await settle(el);
    const root = shadow(el);
    const labels = [...root.querySelectorAll('g.phase text')].map((t) => t.textContent);
    expect(labels).toContain('Canary');
    expect(labels).toContain('Canary interval');
    expect(root.querySelectorAll('g.phase.rollback')).toHaveLength(1);
    expect(root.querySelector('g.marker.rollback text')!.textContent).toBe('d-2 rollback starts');
    expect(root.querySelector('.marker-line.rollback')).not.toBeNull();
  });

  it('reveals phase bands only up to the playhead', async () => {
    const index = buildIndex(rollingFixture());
    const el = mount<HTMLElement & { t: number }>('timeline-view', { index, t: 50 });
    await settle(el);
    // The box over the bands' layer hides what lies right of the playhead: less as t grows.
    const hidden = () => 1000 - revealedPx(shadow(el).querySelector<HTMLElement>('.phases-box')!, 1000);
    const early = hidden();
    expect(early).toBeGreaterThan(0);
    el.t = 500;
    await settle(el);
    expect(hidden()).toBeLessThan(early);
    expect(shadow(el).querySelectorAll('g.phase')).toHaveLength(3);
  });

  it('shows a step\'s name, status, duration and revision on focus and arrow keys, not only in a tooltip', async () => {
    const index = buildIndex(rollingFixture());
    const el = mount('timeline-view', { index, t: 30 });
    await settle(el);
    const lane = shadow(el).querySelector<SVGGElement>('g.lane')!;
    expect(lane.getAttribute('tabindex')).toBe('0');
    let selected = '';
    el.addEventListener('target-select', (e) => (selected = e.detail.target));
    lane.dispatchEvent(new FocusEvent('focus'));
    await settle(el);
    expect(selected).toBe('i-1');
    const pop = () => shadow(el).querySelector('.popover')!.textContent!.replace(/\s+/g, ' ');
    expect(pop()).toContain('procfile');
    expect(pop()).toContain('InProgress');
    expect(pop()).toContain('revision v2');
    const key = new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true, cancelable: true });
    lane.dispatchEvent(key);
    await settle(el);
    expect(key.defaultPrevented).toBe(true);
    expect(pop()).toContain('download');
    expect(pop()).toContain('Succeeded');
    expect(pop()).toContain('8 s');
  });

  it('shows a step\'s details when the step is tapped', async () => {
    const index = buildIndex(rollingFixture());
    const el = mount('timeline-view', { index, t: 961 });
    await settle(el);
    const failed = shadow(el).querySelector<SVGRectElement>('rect.span.failed')!;
    const box = failed.getBoundingClientRect();
    failed.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, clientX: box.left + 5, clientY: box.top + 2, buttons: 1 }));
    await settle(el);
    const text = shadow(el).querySelector('.popover')!.textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('health-check');
    expect(text).toContain('Failed');
    expect(text).toContain('did not pass health checks within the timeout');
  });

  it('labels hook names on the lanes where there is room and colours lifecycle families apart', async () => {
    const index = indexOf({ platform: 'CodeDeploy', codeDeploy: { computePlatform: 'Server', deploymentConfigName: 'CodeDeployDefault.OneAtATime', instances: 2, loadBalancer: true } });
    const el = mount('timeline-view', { index, t: index.duration }, 1800);
    await settle(el);
    const root = shadow(el);
    const labels = new Set([...root.querySelectorAll('text.span-label')].map((t) => t.textContent));
    expect(labels.has('AllowTraffic')).toBe(true);
    expect(labels.has('Start')).toBe(false); // 1 s: no room, the name is on focus instead
    const fill = (name: string) => [...root.querySelectorAll<SVGRectElement>('rect.span')].find((r) => r.querySelector('title')!.textContent!.includes(`: ${name} `))!.getAttribute('fill');
    expect(fill('BeforeBlockTraffic')).not.toBe(fill('BeforeAllowTraffic'));
    expect(root.querySelector('.legend')!.textContent).toContain('Allow traffic');
  });
});

describe('capacity-charts final state', () => {
  it('draws a change at the last instant: the revealed traffic path reaches past the end with final.traffic', async () => {
    const trace = lambdaRollbackFixture();
    const index = buildIndex(trace);
    const el = mount('capacity-charts', { index, t: index.duration });
    await settle(el);
    const root = shadow(el);
    const reveal = revealedOf(root.querySelector<HTMLElement>('figure.traffic .plot-area')!);
    const playhead = slidPx(root.querySelector<HTMLElement>('figure.traffic div.playhead')!);
    expect(reveal).toBeGreaterThan(playhead + 5);
    expect(root.querySelector('figure.traffic figcaption')!.textContent!.replace(/\s+/g, ' ')).toMatch(/v1 100%/);
    expect(root.querySelector('figure.traffic figcaption')!.textContent).not.toMatch(/v2/);
  });

  it('labels AllAtOnce downtime and draws CodeDeploy minimum healthy hosts', async () => {
    const down = indexOf({ platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 4, DeploymentPolicy: 'AllAtOnce' } });
    const a = mount('capacity-charts', { index: down, t: down.duration });
    await settle(a);
    expect(shadow(a).querySelector('g.downtime text')!.textContent).toMatch(/downtime/);
    const cd = indexOf({ platform: 'CodeDeploy', codeDeploy: { computePlatform: 'Server', deploymentConfigName: 'CodeDeployDefault.HalfAtATime', instances: 6 } });
    const b = mount('capacity-charts', { index: cd, t: 10 });
    await settle(b);
    expect(shadow(b).querySelector('g.min-healthy text')!.textContent).toBe('minimum healthy 3');
  });
});
