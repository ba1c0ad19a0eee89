// The built app in quiz and presenter mode, with screenshots for review in
// test-results/quiz-presenter/: a quiz question shown and revealed (1440×900),
// presenter mode at 1280×720 and at 1920×1080 with the browser zoomed to 150 %
// (a 1280×720 CSS viewport at device scale 1.5).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { appReady, SETTLED } from './browser.ts';
import { builtApp } from './built-app.ts';

const SHOTS = 'test-results/quiz-presenter';
const built = builtApp(SHOTS);

async function open(hash: string, width: number, height: number, deviceScaleFactor = 1): Promise<{ page: Page; errors: string[] }> {
  const page = await built.browser.newPage({ viewport: { width, height }, deviceScaleFactor });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(built.url + hash);
  await appReady(page);
  await page.locator('deploysim-app status-header').waitFor();
  return { page, errors };
}

describe('quiz mode, built', () => {
  it('asks, reveals with the rule, from a share link', async () => {
    const { page, errors } = await open('#scenario=quiz/rolling-failure-mixed-versions&quiz=1', 1440, 900);
    await page.keyboard.press('n');
    await page.locator('quiz-panel .choices button').first().waitFor();
    await expect.poll(() => page.evaluate(() => window.deploysim!.t), SETTLED).toBe(200);
    await page.screenshot({ path: `${SHOTS}/quiz-question-1440x900.png` });
    await page.locator('quiz-panel .choices button', { hasText: 'v2' }).click();
    await page.locator('quiz-panel .verdict').waitFor();
    await expect.poll(() => page.locator('quiz-panel .verdict').textContent(), SETTLED).toContain('Right');
    expect(await page.locator('quiz-panel .rule a').getAttribute('href')).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/elasticbeanstalk\//);
    await page.screenshot({ path: `${SHOTS}/quiz-revealed-1440x900.png` });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('presenter mode, built', () => {
  for (const [name, w, h, scale] of [['1280x720', 1280, 720, 1], ['1920x1080-at-150', 1280, 720, 1.5]] as const) {
    it(`shows the timeline, the fleet and the narration on one screen (${name})`, async () => {
      const { page, errors } = await open('#scenario=elastic-beanstalk/rolling-unhealthy-instance&t=200&presenter=1', w, h, scale);
      await page.locator('presenter-bar').waitFor();
      for (const sel of ['timeline-view', 'fleet-view', 'presenter-bar', 'now-line']) {
        const box = (await page.locator(`deploysim-app ${sel}`).boundingBox())!;
        expect(box.height, sel).toBeGreaterThan(10);
        expect(box.y + box.height, `${sel} fits`).toBeLessThanOrEqual(h);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(w);
      await page.screenshot({ path: `${SHOTS}/presenter-${name}.png` });
      await page.keyboard.press('?');
      await page.locator('shortcuts-overlay .close').waitFor();
      if (name === '1280x720') await page.screenshot({ path: `${SHOTS}/presenter-shortcuts-1280x720.png` });
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
