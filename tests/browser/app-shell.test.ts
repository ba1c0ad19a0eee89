import { afterEach, describe, expect, it } from 'vitest';
import '../../src/app/app-shell.ts';
import type { DeploysimApp } from '../../src/app/app-shell.ts';
import { libraryEntries, loadLibrary } from '../../src/app/scenarios.ts';
import { choose } from './picker.ts';
import { closeApp, openApp } from './app-ready.ts';

afterEach(closeApp);

async function mountApp(hash = ''): Promise<DeploysimApp> {
  const app = await openApp(hash);
  await app.updateComplete;
  return app;
}

describe('deploysim-app', () => {
  it('finds the shipped scenarios with import.meta.glob and loads the default one', async () => {
    const entries = libraryEntries(await loadLibrary());
    expect(entries.length).toBeGreaterThan(10);
    expect(entries.every((e) => !e.id.endsWith('schema'))).toBe(true);
    const app = await mountApp();
    expect(app.index?.trace.scenario.name).toBeTruthy();
    expect(app.error).toBeUndefined();
  });

  it('draws the default scenario at once; the library listing is shown later, when libraryReady settles', async () => {
    const app = document.createElement('deploysim-app');
    document.body.append(app);
    await app.updateComplete;
    expect(app.index?.trace.scenario.name).toBeTruthy(); // drawn at once
    expect(app.library).toEqual([]); // not yet: it is asked for after the first paint (tests/e2e/app.e2e.ts checks when)
    await app.libraryReady;
    expect(app.library.length).toBeGreaterThan(0);
  });

  it('loads a picked scenario file when picked; one that arrives after a newer pick does not replace it', async () => {
    const app = await mountApp();
    expect(app.library.flatMap((g) => g.strategies.flatMap((s) => s.entries)).map((e) => e.id)).toContain('codedeploy/lambda-canary-10-percent-5-minutes');
    const late = app.pick('codedeploy/lambda-canary-10-percent-5-minutes');
    await expect(app.pick('elastic-beanstalk/rolling-unhealthy-instance')).resolves.toBe(true); // the default: here at once
    await expect(late).resolves.toBe(false);
    expect(app.selectedId).toBe('elastic-beanstalk/rolling-unhealthy-instance');
    await expect(app.pick('codedeploy/lambda-canary-10-percent-5-minutes', 30)).resolves.toBe(true);
    expect(app.selectedId).toBe('codedeploy/lambda-canary-10-percent-5-minutes');
    expect(app.index!.trace.scenario.platform).toBe('CodeDeploy');
    expect(app.t).toBe(30);
    await expect(app.pick('no/such-scenario')).resolves.toBe(false);
    expect(app.error?.title).toBe('There is no scenario "no/such-scenario" in the library; the last one stays loaded.');
    expect(app.selectedId).toBe('codedeploy/lambda-canary-10-percent-5-minutes');
  });

  it('opens a link to a scenario the library does not have with the default, saying so', async () => {
    const app = await mountApp('#scenario=no/such-scenario&t=5');
    await app.scenarioReady;
    await app.updateComplete;
    expect(app.selectedId).toBe('elastic-beanstalk/rolling-unhealthy-instance');
    expect(app.index?.trace.scenario.name).toBeTruthy();
    expect(app.error?.title).toBe('There is no scenario "no/such-scenario" in the library.');
  });

  it('forks the future at the playhead: the past before the injected fault is unchanged', async () => {
    const app = await mountApp('#scenario=elastic-beanstalk/rolling&t=0');
    const before = app.index!.trace;
    const now = 70;
    app.seek(now);
    expect(app.injectFault({ type: 'InstanceTerminated', target: 'i-1', at: now })).toBe(true);
    const after = app.index!.trace;
    expect(after).not.toBe(before);
    expect(app.t).toBe(now);
    const past = (events: typeof before.events) => events.filter((e) => e.t < now && e.type !== 'fault-injected');
    expect(past(after.events)).toEqual(past(before.events));
    expect(after.events.some((e) => e.type === 'instance-terminated' && e.target === 'i-1')).toBe(true);
    // Removing it brings the original future back.
    expect(app.removeFault(app.index!.trace.scenario.faults.length - 1)).toBe(true);
    expect(app.index!.trace.events).toEqual(before.events);
  });

  it('keeps the last good scenario and shows the problems when input is bad', async () => {
    const app = await mountApp('#scenario=elastic-beanstalk/rolling');
    const good = app.index;
    expect(app.load({ name: 'bad', platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 'many' } })).toBe(false);
    expect(app.index).toBe(good);
    expect(app.error?.problems?.[0]?.path).toContain('instances');
    await app.updateComplete;
    expect(app.shadowRoot!.querySelector('.error')!.textContent).toContain('instances');
    // A fault naming a target the engine rejects is refused the same way.
    app.injectFault({ type: 'UnhealthyInstance', target: 'no-such-instance', at: 5 });
    expect(app.index).toBe(good);
  });

  it('restores a scenario and time from a share link', async () => {
    const app = await mountApp('#scenario=elastic-beanstalk/immutable&t=90');
    expect(app.selectedId).toBe('elastic-beanstalk/immutable');
    expect(app.t).toBe(90);
  });

  it('steps between events and plays with the clock', async () => {
    const app = await mountApp('#scenario=elastic-beanstalk/rolling&t=0');
    app.command('next');
    const first = app.t;
    expect(first).toBeGreaterThan(0);
    app.command('previous');
    expect(app.t).toBe(0);
    app.command('play');
    await new Promise((r) => setTimeout(r, 400));
    app.command('pause');
    expect(app.t).toBeGreaterThan(0);
  });

  it('opens a share link at the last instant with the now line, table and charts already on the final state', async () => {
    const app = await mountApp('#scenario=codedeploy/lambda-canary-10-percent-10-minutes-alarm-rollback&t=100000');
    const trace = app.index!.trace;
    expect(app.t).toBe(trace.durationSeconds);
    const root = app.shadowRoot!;
    const kids = ['now-line', 'lifecycle-table', 'capacity-charts'].map((tag) => root.querySelector(tag) as HTMLElement & { updateComplete: Promise<unknown> });
    for (const k of kids) await k.updateComplete;
    const [now, table, charts] = kids.map((k) => k!.shadowRoot!);
    expect(now!.querySelector('.text')!.textContent).toMatch(/^Deployment d-1 Stopped at /);
    expect(table!.querySelector('caption')!.textContent).toContain(`as of`);
    expect(table!.querySelectorAll('tbody tr').length).toBeGreaterThan(3);
    const caption = charts!.querySelector('figure.traffic figcaption')!.textContent!.replace(/\s+/g, ' ');
    for (const [v, p] of Object.entries(trace.final.traffic)) expect(caption).toContain(`${v} ${p}%`);
  });

  it('says mid-batch of a failing Rolling deployment what Elastic Beanstalk waits for and how long is left', async () => {
    const app = await mountApp('#scenario=elastic-beanstalk/rolling-unhealthy-instance&t=500');
    const root = app.shadowRoot!;
    const now = root.querySelector('now-line') as HTMLElement & { updateComplete: Promise<unknown> };
    await now.updateComplete;
    expect(now.shadowRoot!.querySelector('.text')!.textContent).toMatch(/^Batch 2 of 3 — waiting for i-3 to pass health checks: \d+:\d\d left of Timeout 600 s \+ 240 s$/);
    const table = root.querySelector('lifecycle-table') as HTMLElement & { updateComplete: Promise<unknown> };
    await choose(table.shadowRoot!.querySelector('target-picker')!, 'i-3');
    await app.updateComplete;
    await table.updateComplete;
    expect(app.lifecycleTarget).toBe('i-3');
    const current = table.shadowRoot!.querySelector('tr.InProgress')!;
    expect(current.querySelector('td')!.textContent).toBe('health-check');
  });
});
