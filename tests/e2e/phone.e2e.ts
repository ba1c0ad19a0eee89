// The BUILT app on a phone (390×844): screenshots with the library drawer closed
// and open, and no horizontal page scroll.
import { describe, expect, it } from 'vitest';
import { appReady, SETTLED } from './browser.ts';
import { builtApp } from './built-app.ts';

const SHOTS = 'test-results/phone';
const built = builtApp(SHOTS);

describe('phone, built', () => {
  it('lays out in one column with the library in a drawer', async () => {
    const page = await built.browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${built.url}#scenario=elastic-beanstalk/rolling-unhealthy-instance&t=150`);
    await appReady(page);
    await page.locator('deploysim-app status-header').waitFor();
    await page.waitForTimeout(600);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}/phone-drawer-closed.png` });
    await page.screenshot({ path: `${SHOTS}/phone-full.png`, fullPage: true });
    await page.locator('deploysim-app .drawer-toggle').click();
    await page.waitForTimeout(400);
    await expect.poll(() => page.locator('deploysim-app .drawer-toggle').getAttribute('aria-expanded'), SETTLED).toBe('true');
    await page.screenshot({ path: `${SHOTS}/phone-drawer-open.png` });
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    await expect.poll(() => page.locator('deploysim-app .drawer-toggle').getAttribute('aria-expanded'), SETTLED).toBe('false');
    expect(errors).toEqual([]);
  });
});
