// A large fleet is simulated in a worker (src/app/off-thread.ts, worker-run.ts); a share link's
// simulation starts before the app has loaded (src/app/early-simulate.ts) and the
// app adopts it when it asks for the same scenario text, once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discardEarly, indexOffThread } from '../../src/app/off-thread.ts';
import { adoptInline, startEarly, type InlineStart } from '../../src/app/worker-run.ts';
import { validateScenario } from '../../src/scenario/validate.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { buildIndex } from '../../src/layout/frame.ts';
import { appReady, closeApp } from './app-ready.ts';
import '../../src/app/app-shell.ts';

const fleet = (n: number) => ({ name: `Fleet of ${n}`, description: 'test', platform: 'ElasticBeanstalk', versions: { from: 'v1', to: 'v2' },
  elasticBeanstalk: { instances: n, environmentType: 'LoadBalanced', DeploymentPolicy: 'Rolling', BatchSizeType: 'Percentage', BatchSize: 50, MaxSize: n } });

let workers = 0;
let ended = 0;
const RealWorker = window.Worker;
beforeEach(() => {
  workers = ended = 0;
  window.Worker = class extends RealWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      workers++;
    }
    override terminate(): void {
      ended++;
      super.terminate();
    }
  };
});
afterEach(() => {
  window.Worker = RealWorker;
});

describe('simulating off the main thread', () => {
  it('adopts the simulation started early for the same text, once', async () => {
    const raw = fleet(1200);
    const text = JSON.stringify(raw);
    startEarly(text);
    expect(workers).toBe(1);
    const result = await indexOffThread(JSON.parse(text), text);
    expect(workers).toBe(1); // adopted: no second simulation
    if (!result.ok) throw new Error(result.detail);
    expect(result.index.targets).toHaveLength(1200);
    expect(result.index.trace.outcome).toBe('Succeeded');
    // The per-target lists share the trace's spans, as an index built here would.
    expect(result.index.trace.spans).toContain(result.index.spansByTarget[0]![0]);
    // Adopted once: asking again simulates afresh.
    await indexOffThread(raw, text);
    expect(workers).toBe(2);
  });

  it('gives the index the page would build from the validated scenario', async () => {
    // The worker skips validation (the page has done it) and fills the defaults itself.
    const raw = { ...fleet(1000), elasticBeanstalk: { instances: 1000, MaxSize: 1000, DeploymentPolicy: 'RollingWithAdditionalBatch' }, faults: [{ type: 'UnhealthyInstance', target: 'i-7' }] };
    const v = validateScenario(raw);
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    const result = await indexOffThread(raw, JSON.stringify(raw));
    if (!result.ok) throw new Error(result.detail);
    expect(result.index).toEqual(buildIndex(simulate(v.scenario)));
  });

  it('simulates afresh when the app asks for another scenario than the one started early', async () => {
    const early = fleet(1100);
    startEarly(JSON.stringify(early));
    const other = fleet(1300);
    const pending = indexOffThread(other, JSON.stringify(other));
    expect(ended).toBe(1); // the early worker is stopped at once, not left to finish
    const result = await pending;
    expect(workers).toBe(2);
    expect(ended).toBe(2);
    expect(result.ok && result.index.targets.length).toBe(1300);
  });

  it('stops the early simulation when the app refuses the link, and never adopts it later', async () => {
    const raw = fleet(1050);
    const text = JSON.stringify(raw);
    startEarly(text);
    discardEarly();
    expect(ended).toBe(1);
    const result = await indexOffThread(raw, text);
    expect(workers).toBe(2); // simulated afresh
    expect(result.ok && result.index.targets.length).toBe(1050);
  });

  it("adopts the worker the page's first script started with the link, even after it has answered", async () => {
    const { encodeShare } = await import('../../src/layout/share.ts');
    const raw = fleet(1100);
    const text = JSON.stringify(raw);
    const hash = encodeShare({ scenarioText: text, t: 0 });
    // What index.html's first script does (scripts/vite-early-worker.ts).
    const worker = new Worker(new URL('../../src/app/simulate.worker.ts', import.meta.url), { type: 'module', name: hash });
    const inline: InlineStart = { hash, worker, events: [] };
    const queue = (e: Event) => void inline.events.push(e);
    worker.onmessage = worker.onerror = queue;
    await expect.poll(() => inline.events.length, { timeout: 20_000 }).toBe(2); // both its messages came before anyone listened
    adoptInline(inline, text);
    const result = await indexOffThread(raw, text);
    if (!result.ok) throw new Error(result.detail);
    expect(result.index.targets).toHaveLength(1100); // it read the link itself
    expect(workers).toBe(1);
    expect(ended).toBe(1);
  });

  it("does not simulate a link too small to simulate early, when the page's first script started the worker", async () => {
    const { encodeShare } = await import('../../src/layout/share.ts');
    const worker = new Worker(new URL('../../src/app/simulate.worker.ts', import.meta.url), { type: 'module', name: encodeShare({ scenarioText: JSON.stringify(fleet(40)), t: 0 }) });
    const reply = await new Promise<MessageEvent>((resolve) => (worker.onmessage = resolve));
    worker.terminate();
    expect(reply.data).toEqual({ ok: false, detail: 'not a share link to simulate early' });
  });

  it('says why when the worker cannot simulate', async () => {
    // The page validates before it asks; the worker still answers, with the error, if simulating throws.
    const result = await indexOffThread(null);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.detail).toMatch(/null/);
    expect(ended).toBe(1);
  });
});

describe('while a large share link simulates', () => {
  afterEach(() => closeApp());

  it('the header and the now line name the scenario and say it is simulating, and the event log does not ask to press play', async () => {
    // The worker's answers are held until released: the page is looked at in between.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const Counting = window.Worker;
    window.Worker = class extends Counting {
      override set onmessage(fn: ((this: Worker, e: MessageEvent) => unknown) | null) {
        super.onmessage = fn && ((e: MessageEvent) => void held.then(() => fn.call(this, e)));
      }
      override get onmessage() {
        return super.onmessage;
      }
    };
    const { encodeShare } = await import('../../src/layout/share.ts');
    const raw = { ...fleet(1200), name: 'Twelve hundred, rolling' };
    history.replaceState(null, '', `${location.pathname}${encodeShare({ scenarioText: JSON.stringify(raw), t: 0 })}`);
    const app = document.createElement('deploysim-app');
    document.body.append(app);
    await app.updateComplete;
    const view = (tag: string) => app.shadowRoot!.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>(tag)!;
    for (const tag of ['status-header', 'now-line', 'event-log']) await view(tag).updateComplete;
    const text = (tag: string) => view(tag).shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
    expect(app.index).toBeUndefined();
    expect(text('status-header')).toBe('Twelve hundred, rolling Simulating 1,200 instances…');
    expect(view('status-header').shadowRoot!.querySelector('[role="status"]')!.textContent).toBe('Simulating 1,200 instances…');
    expect(text('now-line')).toBe('Now: Simulating 1,200 instances… The timeline is drawn as soon as the simulation ends.');
    expect(text('event-log')).not.toMatch(/Press play/);

    release();
    await appReady(app);
    expect(app.index?.targets).toHaveLength(1200);
    expect(text('status-header')).toMatch(/^Twelve hundred, rolling Elastic Beanstalk · Rolling · v1 → v2 · 1,200 targets/);
    expect(text('now-line')).not.toMatch(/Simulating/);
    expect(text('event-log')).toMatch(/Batch 1 of 2: i-1 … i-600/); // the events at 0:00
    // Counts of a large fleet are grouped by thousands, as the simulating text was.
    const total = app.index!.trace.events.length;
    expect(total).toBeGreaterThan(1000);
    expect(view('event-log').shadowRoot!.querySelector('.count')!.textContent).toMatch(new RegExp(` of ${total.toLocaleString('en-US')}$`));
    await view('timeline-view').updateComplete;
    expect(view('timeline-view').shadowRoot!.textContent).toContain('Original fleet · 1,200');
  });
});
