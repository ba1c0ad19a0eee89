// Shared by the end-to-end test and the render benchmark: serve the BUILT app
// with Vite's preview API and drive Debian's Chromium with Playwright.
import { preview, type PreviewServer } from 'vite';
import { chromium, type Browser } from 'playwright';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium.ts';

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
