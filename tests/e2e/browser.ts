// Shared by the end-to-end test and the render benchmark: serve the BUILT app
// with Vite's preview API and drive Debian's Chromium with Playwright.
import { preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type Page } from 'playwright';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium.ts';
import { DEFERRED_TAGS } from '../../src/app/deferred-views.ts';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}

/** Serves dist/ on a free localhost port; close() stops it. */
export async function serveBuilt(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: PreviewServer = await preview({
    root: process.cwd(),
    logLevel: 'silent',
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4173/';
  return { url, close: () => server.close() };
}

/**
 * The app has drawn and what it loads after the first draw has arrived: the
 * picked library scenario's file, the library's listing and the deferred views
 * (src/app/scenarios.ts, src/app/deferred-views.ts). Awaited, never slept for.
 * Plain JavaScript text: the TypeScript runner would otherwise wrap it in helpers the page does not have.
 */
export async function appReady(page: Page): Promise<void> {
  await page.waitForFunction('window.deploysim && window.deploysim.library.length > 0', undefined, { timeout: 60_000 });
  await page.evaluate(`(async () => {
    await window.deploysim.scenarioReady;
    await window.deploysim.quiz.loaded;
    if (window.deploysim.quiz.active) await customElements.whenDefined('quiz-panel');
    await Promise.all(${JSON.stringify(DEFERRED_TAGS)}.map((tag) => customElements.whenDefined(tag)));
    await window.deploysim.updateComplete;
  })()`);
}

/**
 * Options for `expect.poll` on what the page shows after an action: the DOM settles
 * after Lit's update, a lazy chunk or a worker reply, so a single read can race it
 * on a loaded CI machine. Poll until it holds, up to 15 s.
 */
export const SETTLED = { timeout: 15_000 } as const;
