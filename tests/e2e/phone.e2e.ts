// The BUILT app on a phone (390×844): screenshots with the library drawer closed
// and open, and no horizontal page scroll.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright';
import { launchChromium, serveBuilt, appReady } from './browser.ts';

const SHOTS = 'test-results/phone';
let browser: Browser;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await serveBuilt();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('phone, built', () => {
  it('lays out in one column with the library in a drawer', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}#scenario=elastic-beanstalk/rolling-unhealthy-instance&t=150`);
    await appReady(page);
    await page.locator('deploysim-app status-header').waitFor();
    await page.waitForTimeout(600);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}/phone-drawer-closed.png` });
    await page.screenshot({ path: `${SHOTS}/phone-full.png`, fullPage: true });
    await page.locator('deploysim-app .drawer-toggle').click();
    await page.waitForTimeout(400);
    await expect(page.locator('deploysim-app .drawer-toggle').getAttribute('aria-expanded')).resolves.toBe('true');
    await page.screenshot({ path: `${SHOTS}/phone-drawer-open.png` });
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    await expect(page.locator('deploysim-app .drawer-toggle').getAttribute('aria-expanded')).resolves.toBe('false');
    expect(errors).toEqual([]);
  });
});
