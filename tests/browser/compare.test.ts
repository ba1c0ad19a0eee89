// Compare, choose and export in a real browser: strategies stacked on one time
// axis with one playhead and one set of controls, a fault forking every run,
// the metrics and AWS tables; constraints and "run the survivors"; the Export
// menu's files (SVG parses, PNG is a PNG, CSV and JSON downloads).
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../src/views/compare-view/index.ts';
import '../../src/views/choose-view/index.ts';
import '../../src/app/app-shell.ts';
import type { CompareView } from '../../src/views/compare-view/compare-view.ts';
import type { ChooseView } from '../../src/views/choose-view/choose-view.ts';
import type { DeploysimApp } from '../../src/app/app-shell.ts';
import { validateScenario } from '../../src/scenario/validate.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { exportFile } from '../../src/app/export-download.ts';
import { buildIndex } from '../../src/layout/frame.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { cleanup, mount, settle } from './fixtures.ts';
import { appReady } from './app-ready.ts';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', location.pathname + location.search);
});

const raw = {
  name: 'Six instances',
  description: 'd',
  platform: 'ElasticBeanstalk',
  versions: { from: 'v1', to: 'v2' },
  elasticBeanstalk: { instances: 6, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2 },
};
const valid = (r: Record<string, unknown>): Scenario => {
  const v = validateScenario(r);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.scenario;
};

async function compareView(picks = ['eb:AllAtOnce', 'eb:Rolling', 'eb:Immutable']): Promise<CompareView> {
  const el = mount<CompareView>('compare-view', { raw, scenario: valid(raw), request: picks }, 1200);
  await settle(el);
  return el;
}
const q = <T extends Element = Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const qa = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)];

describe('<compare-view>', () => {
  it('stacks one strip per strategy on one axis, with the metrics and AWS\'s table', async () => {
    const el = await compareView();
    expect(qa(el, 'g.run').map((g) => g.getAttribute('data-strategy'))).toEqual(['eb:AllAtOnce', 'eb:Rolling', 'eb:Immutable']);
    expect(qa(el, 'svg.axis line.playhead')).toHaveLength(1);
    expect(qa(el, 'playback-controls')).toHaveLength(1);
    const rows = qa(el, 'table.metrics tbody tr').map((tr) => tr.textContent!.replace(/\s+/g, ' '));
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain('Elastic Beanstalk Rolling (Fixed 2)');
    expect(rows[1]).toContain('4 (66.7%)');
    expect(rows[0]).toContain('0 (0%)');
    expect(qa(el, 'table.aws-table tbody tr')).toHaveLength(6);
    expect(qa(el, 'table.aws-table tr.picked').map((tr) => tr.querySelector('th')!.textContent)).toEqual(['AllAtOnce', 'Rolling', 'Immutable']);
    expect(q<HTMLAnchorElement>(el, '.aws .source a')!.href).toContain('docs.aws.amazon.com/elasticbeanstalk');
  });

  it('one set of controls drives every strip; its events never reach the app around it', async () => {
    const el = await compareView();
    const leaked: string[] = [];
    for (const name of ['seek-to', 'playback-command', 'speed-change']) document.body.addEventListener(name, () => leaked.push(name));
    const controls = q(el, 'playback-controls')!;
    const range = controls.shadowRoot!.querySelector<HTMLInputElement>('input[type=range]')!;
    range.value = '120';
    range.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await settle(el);
    expect(el.t).toBe(120);
    const x = Number(q(el, 'line.playhead')!.getAttribute('x1'));
    // Every strip is cut at the same x: no phase band of any run reaches past the playhead.
    for (const r of qa(el, 'rect.phase')) expect(Number(r.getAttribute('x')) + Number(r.getAttribute('width'))).toBeLessThanOrEqual(x + 0.5);
    controls.shadowRoot!.querySelector<HTMLButtonElement>('button.end')!.click();
    await settle(el);
    expect(el.t).toBe(Math.max(...el.runs.map((r) => r.index!.duration)));
    expect(leaked).toEqual([]);
  });

  it('ticking a strategy adds its strip; unticking below two asks for more instead of resetting', async () => {
    const el = await compareView(['eb:AllAtOnce', 'eb:Rolling']);
    const box = (i: number) => qa(el, 'fieldset.picks input')[i] as HTMLInputElement;
    box(3).click(); // Immutable
    await settle(el);
    expect(qa(el, 'g.run')).toHaveLength(3);
    box(0).click();
    box(1).click();
    await settle(el);
    expect(el.picks).toEqual(['eb:Immutable']);
    expect(q(el, 'p.note')!.textContent).toContain('Pick at least 2');
  });

  it('a fault injected at the playhead forks every run and says what changed in each', async () => {
    const el = await compareView();
    el.t = 40;
    await settle(el);
    const select = q<HTMLSelectElement>(el, '.inject select')!;
    select.value = 'BadVersion';
    select.dispatchEvent(new Event('change'));
    await settle(el);
    q<HTMLButtonElement>(el, '.inject button.primary')!.click();
    await settle(el);
    expect(el.runs.every((r) => r.injected.length === 1)).toBe(true);
    const notes = qa(el, '.fork li').map((li) => li.textContent!);
    expect(notes).toHaveLength(3);
    expect(notes.join(' ')).toMatch(/was Succeeded at .*, now /);
    q<HTMLButtonElement>(el, '.inject button:not(.primary)')!.click();
    await settle(el);
    expect(el.runs.every((r) => r.injected.length === 0)).toBe(true);
  });

  it('an equal request from the host (a fresh array) keeps the runs and their injected inputs', async () => {
    const el = await compareView();
    el.inject('BadVersion');
    await settle(el);
    const runs = el.runs;
    el.request = ['eb:AllAtOnce', 'eb:Rolling', 'eb:Immutable'];
    await settle(el);
    expect(el.runs).toBe(runs);
    el.request = ['eb:Rolling', 'eb:Immutable'];
    await settle(el);
    expect(el.runs.map((r) => r.strategy.id)).toEqual(['eb:Rolling', 'eb:Immutable']);
  });

  it('an invalid variant is named with the validator\'s reason, not drawn', async () => {
    const single = { ...raw, elasticBeanstalk: { instances: 1, environmentType: 'SingleInstance', DeploymentPolicy: 'Immutable' } };
    const el = mount<CompareView>('compare-view', { raw: single, scenario: valid(single), request: ['eb:Immutable', 'eb:Rolling'] }, 1200);
    await settle(el);
    expect(qa(el, 'g.run')).toHaveLength(1);
    expect(q(el, 'text.invalid')!.textContent).toContain('/elasticBeanstalk/DeploymentPolicy');
  });
});

describe('<choose-view>', () => {
  it('ticked constraints show each verdict with its source; the survivors run side by side', async () => {
    const el = mount<ChooseView>('choose-view', { raw, scenario: valid(raw) }, 1200);
    await settle(el);
    for (const id of ['noCapacityLoss', 'noDnsChange']) q<HTMLInputElement>(el, `input[name=${id}]`)!.click();
    await settle(el);
    const qualifying = qa(el, 'tbody tr.yes').map((tr) => tr.getAttribute('data-strategy'));
    expect(qualifying).toEqual(['eb:RollingWithAdditionalBatch', 'eb:Immutable', 'eb:TrafficSplitting']);
    const blueGreen = q(el, 'tr[data-strategy="eb:BlueGreen"]')!.textContent!;
    expect(blueGreen).toContain('AWS table');
    expect(q(el, 'tr[data-strategy="eb:Rolling"]')!.textContent).toContain('measured');
    let ids: string[] = [];
    el.addEventListener('compare-strategies', (e) => (ids = (e as CustomEvent<{ ids: string[] }>).detail.ids));
    q<HTMLButtonElement>(el, 'button.run')!.click();
    expect(ids).toEqual(qualifying);
  });

  it('fastest rollback says what was injected, and Immutable, TrafficSplitting and blue/green qualify', async () => {
    const el = mount<ChooseView>('choose-view', { raw, scenario: valid(raw) }, 1200);
    await settle(el);
    expect(q(el, '.probe')).toBeNull();
    q<HTMLInputElement>(el, 'input[name=fastestRollback]')!.click();
    await settle(el);
    expect(q(el, '.probe')!.textContent).toContain('BadVersion at 0 s');
    expect(qa(el, 'tbody tr.yes').map((tr) => tr.getAttribute('data-strategy'))).toEqual(['eb:Immutable', 'eb:TrafficSplitting', 'eb:BlueGreen']);
    expect(q(el, 'tr[data-strategy="eb:BlueGreen"]')!.textContent).toContain('the previous version never lost its traffic');
  });

  it('with fewer than two survivors the button is disabled and says why', async () => {
    const el = mount<ChooseView>('choose-view', { raw, scenario: valid(raw) }, 1200);
    await settle(el);
    for (const id of ['noCapacityLoss', 'noDnsChange', 'singleInstance']) q<HTMLInputElement>(el, `input[name=${id}]`)!.click();
    await settle(el);
    expect(q<HTMLButtonElement>(el, 'button.run')!.disabled).toBe(true);
    expect(q(el, '.actions .note')!.textContent).toContain('Only one strategy qualifies');
  });
});

describe('the app: modes and export', () => {
  async function app(): Promise<DeploysimApp> {
    history.replaceState(null, '', `${location.pathname}${location.search}#scenario=elastic-beanstalk/rolling&t=0`);
    const el = document.createElement('deploysim-app');
    document.body.append(el);
    await appReady(el);
    return el;
  }

  it('Compare replaces the simulator with the compare view; "run the survivors" opens it with them', async () => {
    const el = await app();
    el.shadowRoot!.querySelector<HTMLButtonElement>('nav.modes .mode-choose')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('main')!.hidden).toBe(true);
    const choose = el.shadowRoot!.querySelector('choose-view')!;
    await settle(choose);
    choose.shadowRoot!.querySelector<HTMLInputElement>('input[name=noCapacityLoss]')!.click();
    await settle(choose);
    choose.shadowRoot!.querySelector<HTMLButtonElement>('button.run')!.click();
    await el.updateComplete;
    const compare = el.shadowRoot!.querySelector('compare-view')!;
    await settle(compare);
    const survivors = ['eb:RollingWithAdditionalBatch', 'eb:Immutable', 'eb:TrafficSplitting', 'eb:BlueGreen'];
    expect(compare.runs.map((r) => r.strategy.id)).toEqual(survivors);
    // The shell rendering again (any state change) leaves the picks and the injected inputs alone.
    compare.t = 20;
    compare.inject('AbortDeployment');
    await settle(compare);
    el.seek(30);
    await el.updateComplete;
    await settle(compare);
    expect(compare.runs.map((r) => r.strategy.id)).toEqual(survivors);
    expect(compare.runs.every((r) => r.injected.length === 1)).toBe(true);
    // Another scenario of another family: that family's default picks.
    await el.pick('codedeploy/server-one-at-a-time');
    await el.updateComplete;
    await settle(compare);
    expect(compare.runs.map((r) => r.strategy.family)).toEqual(['Server', 'Server', 'Server']);
    // The shell's own shortcuts rest while comparing.
    const t = el.t;
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'End' }));
    expect(el.t).toBe(t);
  });

  it('Compare opened directly keeps its default picks while the shell renders again', async () => {
    const el = await app();
    el.shadowRoot!.querySelector<HTMLButtonElement>('nav.modes .mode-compare')!.click();
    await el.updateComplete;
    const compare = el.shadowRoot!.querySelector('compare-view')!;
    await settle(compare);
    expect(compare.runs).toHaveLength(3);
    el.seek(30);
    await el.updateComplete;
    await settle(compare);
    expect(compare.runs).toHaveLength(3);
  });

  it('a trip back to the simulator keeps the compared runs and their injected inputs; Export and the status header show with the simulator only', async () => {
    const el = await app();
    const tab = (mode: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(`nav.modes .mode-${mode}`)!;
    const exportMenu = () => el.shadowRoot!.querySelector('details.export');
    expect(exportMenu()).not.toBeNull();
    tab('compare').click();
    await el.updateComplete;
    expect(exportMenu()).toBeNull(); // it would export the simulator's run, not these
    const header = el.shadowRoot!.querySelector('status-header')!;
    expect(getComputedStyle(header).visibility).toBe('hidden'); // its clock is the simulator's, not the compared runs'
    const compare = el.shadowRoot!.querySelector('compare-view')!;
    await settle(compare);
    compare.t = 20;
    compare.inject('AbortDeployment');
    await settle(compare);
    const runs = compare.runs.map((r) => [r.strategy.id, r.injected.length]);
    expect(runs.every(([, n]) => n === 1)).toBe(true);
    tab('simulate').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('main')!.hidden).toBe(false);
    expect(compare.closest('section')!.hidden).toBe(true);
    expect(exportMenu()).not.toBeNull();
    expect(getComputedStyle(header).visibility).toBe('visible');
    expect(getComputedStyle(header).visibility).toBe('visible');
    tab('compare').click();
    await el.updateComplete;
    await settle(compare);
    expect(el.shadowRoot!.querySelector('compare-view')).toBe(compare); // the same view, not a new one
    expect(compare.closest('section')!.hidden).toBe(false);
    expect(compare.runs.map((r) => [r.strategy.id, r.injected.length])).toEqual(runs);
  });

  it('exports the moment as SVG (well-formed) and PNG, the trace as JSON and CSV', async () => {
    const index = buildIndex(simulate(valid({ ...raw, name: 'Export <me> & "you"' })));
    const t = index.duration / 2;
    const svg = await exportFile('svg', index, t);
    const doc = new DOMParser().parseFromString(await svg.blob.text(), 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.documentElement.textContent).toContain('Export <me> & "you"');
    const png = await exportFile('png', index, t);
    const bytes = new Uint8Array(await png.blob.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(png.name).toMatch(/^export-me-you-at-\d+s\.png$/);
    const json = await exportFile('json', index, t);
    expect(JSON.parse(await json.blob.text()).schemaVersion).toBe(2);
    const spans = await exportFile('spans-csv', index, t);
    expect((await spans.blob.text()).split('\r\n')[0]).toBe('target,group,name,start,end,durationSeconds,status,deploymentId,revision,reason');
  });

  it('the Export menu downloads a file named after the scenario', async () => {
    const el = await app();
    const names: string[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) { names.push(this.download); };
    try {
      el.shadowRoot!.querySelector<HTMLElement>('details.export summary')!.click();
      el.shadowRoot!.querySelector<HTMLButtonElement>('details.export button[data-export=samples-csv]')!.click();
      // The export builders load on first use: wait for the download itself.
      await vi.waitFor(() => expect(names).toHaveLength(1), { timeout: 10_000 });
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/-samples\.csv$/);
  });
});
