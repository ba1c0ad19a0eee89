// What every screenshot script sets up (they are not tests: `npm run build && npx
// tsx tests/e2e/<name>-shots.ts`, each writing PNGs under test-results/ for a
// person to review): the built app served, Chromium, and a 1440×900 page that
// collects console errors, reported when the script ends.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright';
import { launchChromium, serveBuilt } from './browser.ts';

export interface Shots {
  server: Awaited<ReturnType<typeof serveBuilt>>;
  browser: Browser;
  page: Page;
}

/** Runs `take` with a fresh session, its screenshots going to `out`; everything is closed afterwards. */
export async function shots(out: string, take: (s: Shots) => Promise<void>): Promise<void> {
  mkdirSync(out, { recursive: true });
  const server = await serveBuilt();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await take({ server, browser, page });
    console.log(errors.length ? `console errors:\n${errors.join('\n')}` : 'no console errors');
  } finally {
    await browser.close();
    await server.close();
  }
}
