// The BUILT embed: embed.html with its two simulators (screenshot at 1440×900),
// a foreign page that loads the element with one script tag, and the iframe URL.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { SETTLED } from './browser.ts';
import { builtApp } from './built-app.ts';

const SHOTS = 'test-results/embed';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's serious and critical violations on the page, one line each (id, impact, target). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact?: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${JSON.stringify(n.target)}`));
  });
}
const built = builtApp(SHOTS);

async function open(path: string, viewport = { width: 1440, height: 900 }): Promise<{ page: Page; errors: string[] }> {
  const page = await built.browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(built.url + path);
  return { page, errors };
}

const loaded = (page: Page, sel: string) =>
  page.waitForFunction((s) => {
    const el = document.querySelector(s) as (HTMLElement & { index?: unknown; error?: unknown }) | null;
    return !!el && (!!el.index || !!el.error);
  }, sel);

describe('embed, built', () => {
  it('embed.html shows two working simulators and the snippets with this site’s URLs', async () => {
    const { page, errors } = await open('embed.html');
    await loaded(page, '#sim-autoplay');
    await loaded(page, '#sim-fixed');
    const state = await page.evaluate(() => {
      const a = document.querySelector('#sim-autoplay') as HTMLElement & { playing: boolean; error?: unknown };
      const f = document.querySelector('#sim-fixed') as HTMLElement & { t: number; error?: unknown };
      return { playing: a.playing, aError: a.error, t: f.t, fError: f.error };
    });
    expect(state).toMatchObject({ playing: true, t: 120 });
    expect(state.aError ?? state.fError).toBeUndefined();
    await expect.poll(() => page.locator('#snippet-element').textContent(), SETTLED).toContain(`src="${built.url}deploy-simulator.js"`);
    await expect.poll(() => page.locator('#snippet-iframe').textContent(), SETTLED).toContain(`${built.url}embed.html?src=`);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${SHOTS}/embed-1440.png`, fullPage: true });
    expect((await seriousViolations(page)).join('\n')).toBe('');
    expect(errors).toEqual([]);
  });

  it('works on any page with one script tag (dist/deploy-simulator.js)', async () => {
    const page = await built.browser.newPage({ viewport: { width: 900, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // A page of someone else's, served from the same host as the build.
    await page.route(`${built.url}course/page.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><title>Course</title><h1>Lesson 3</h1>
          <script type="module" src="../deploy-simulator.js"></script>
          <deploy-simulator id="s" src="../scenarios/elastic-beanstalk/immutable.json" time="90" controls></deploy-simulator>`,
      }),
    );
    await page.goto(`${built.url}course/page.html`);
    await loaded(page, '#s');
    const t = await page.evaluate(() => (document.querySelector('#s') as HTMLElement & { t: number }).t);
    expect(t).toBe(90);
    await expect.poll(() => page.locator('#s playback-controls button.play').count(), SETTLED).toBe(1);
    expect(errors).toEqual([]);
  });

  it('embed.html?src=… is one simulator filling an iframe', async () => {
    const { page, errors } = await open('embed.html?src=scenarios%2Fcodedeploy%2Fserver-blue-green.json&t=200&controls', { width: 800, height: 720 });
    await loaded(page, 'deploy-simulator');
    await expect.poll(() => page.locator('deploy-simulator').count(), SETTLED).toBe(1);
    await expect.poll(() => page.locator('#page').count(), SETTLED).toBe(0);
    const t = await page.evaluate(() => (document.querySelector('deploy-simulator') as HTMLElement & { t: number }).t);
    expect(t).toBe(200);
    await page.screenshot({ path: `${SHOTS}/embed-iframe-800.png` });
    expect((await seriousViolations(page)).join('\n')).toBe('');
    expect(errors).toEqual([]);
  });
});
