// Issue 8, end to end on the built app: at chosen moments of a failing Rolling
// deployment, a Lambda canary rolled back after an alarm, and an EC2 blue/green
// deployment in its Ready wait, the now line, the highlighted statechart state and
// the lifecycle table agree with the trace, and at the last instant the traffic
// chart shows final.traffic. Screenshots of each view go to test-results/explain-e2e/.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { appReady, SETTLED } from './browser.ts';
import { builtApp } from './built-app.ts';

const SHOTS = 'test-results/explain-e2e';
const built = builtApp(SHOTS);

async function open(hash: string): Promise<{ page: Page; errors: string[] }> {
  const page = await built.browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(built.url + hash);
  await appReady(page);
  await page.locator('deploysim-app now-line').waitFor();
  // The statechart loads after the first draw, in a chunk of its own (src/app/deferred-views.ts).
  await page.locator('deploysim-app statechart-panel svg.orchestrator').waitFor({ state: 'attached' });
  return { page, errors };
}

const nowLine = (page: Page) => page.locator('now-line p').textContent();

/** The orchestrator state the trace records at the playhead, read from the trace itself. */
const traceState = (page: Page) =>
  page.evaluate(() => {
    const app = window.deploysim!;
    const states = app.index!.trace.machines.filter((m) => m.t <= app.t);
    return states[states.length - 1]!.state;
  });

const highlighted = (page: Page, chart: 'orchestrator' | 'lifecycle') =>
  page.locator(`statechart-panel svg.${chart} g.state[aria-current="true"]`).evaluateAll((gs) => gs.map((g) => g.getAttribute('data-state')));

/** The lifecycle table row of `event` for the target shown: [event, status]. */
async function tableRow(page: Page, event: string): Promise<string[]> {
  const row = page.locator('lifecycle-table tbody tr').filter({ has: page.locator('td', { hasText: new RegExp(`^${event}$`) }) }).last();
  return (await row.locator('td').allTextContents()).slice(0, 2).map((s) => s.trim());
}

async function pickTarget(page: Page, id: string): Promise<void> {
  const input = page.locator('lifecycle-table target-picker input');
  await input.fill(id);
  await input.press('Enter');
  await input.blur(); // focus stays on a form control after a pick; the app's shortcuts act elsewhere
}

/** At the last instant the traffic chart's "now" values equal final.traffic. */
async function expectFinalTraffic(page: Page): Promise<void> {
  await page.locator('body').press('End');
  const final = await page.evaluate(() => window.deploysim!.index!.trace.final.traffic);
  const shown = async () => {
    const chips = await page.locator('capacity-charts figure.chart.traffic .now .chip').allTextContents();
    return Object.fromEntries(chips.map((c) => c.trim().split(/\s+/)).map(([v, p]) => [v!, Number(p!.replace('%', ''))]));
  };
  await expect.poll(shown, SETTLED).toEqual(final);
}

describe('the simulator explains itself, built', () => {
  it('a failing Rolling deployment: waiting for i-3, with the health check in progress', async () => {
    const { page, errors } = await open('#scenario=elastic-beanstalk/rolling-unhealthy-instance&t=500');
    const line = await nowLine(page);
    expect(line).toContain('Batch 2 of 3');
    expect(line).toMatch(/waiting for i-3 to pass health checks: \d+:\d\d left of Timeout 600 s \+ 240 s/);
    expect(await highlighted(page, 'orchestrator')).toContain(await traceState(page));
    await pickTarget(page, 'i-3');
    await expect.poll(() => tableRow(page, 'health-check'), SETTLED).toEqual(['health-check', 'InProgress']);
    await expect.poll(() => highlighted(page, 'lifecycle'), SETTLED).toContain('health-check');
    await page.screenshot({ path: `${SHOTS}/rolling-waiting-for-i-3.png` });
    await expectFinalTraffic(page);
    await expect.poll(() => page.locator('status-header .outcome').textContent(), SETTLED).toContain('Failed');
    await page.screenshot({ path: `${SHOTS}/rolling-failed-end.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a Lambda canary: the canary interval counts down, then the alarm rollback ends on v1', async () => {
    const { page, errors } = await open('#scenario=codedeploy/lambda-canary-10-percent-10-minutes-alarm-rollback&t=100');
    expect(await nowLine(page)).toMatch(/Canary interval \d+:\d\d of 10:00/);
    expect(await highlighted(page, 'orchestrator')).toContain(await traceState(page));
    await pickTarget(page, 'alias:live');
    await expect.poll(() => tableRow(page, 'AllowTraffic'), SETTLED).toEqual(['AllowTraffic', 'InProgress']);
    await page.screenshot({ path: `${SHOTS}/lambda-canary-interval.png` });
    await expectFinalTraffic(page);
    expect(await highlighted(page, 'orchestrator')).toContain(await traceState(page));
    await page.screenshot({ path: `${SHOTS}/lambda-rolled-back-end.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('EC2 blue/green in its Ready wait: ContinueDeployment or the wait runs out', async () => {
    const { page, errors } = await open('#scenario=codedeploy/server-blue-green-ready-timeout&t=200');
    expect(await nowLine(page)).toMatch(/Ready wait: ContinueDeployment or \d+:\d\d left/);
    const state = await traceState(page);
    expect(state).toMatch(/readyWait/);
    expect(await highlighted(page, 'orchestrator')).toContain(state);
    await pickTarget(page, 'i-3');
    await expect.poll(() => tableRow(page, 'ValidateService'), SETTLED).toEqual(['ValidateService', 'Succeeded']);
    await page.screenshot({ path: `${SHOTS}/blue-green-ready-wait.png` });
    await expectFinalTraffic(page);
    await page.screenshot({ path: `${SHOTS}/blue-green-stopped-end.png` });
    expect(errors).toEqual([]);
    await page.close();
  });
});
