// One end-to-end file's setup: serve the built app and launch Chromium once
// before its tests (beforeAll), close both after them, and make the folder its
// screenshots go to.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright';
import { launchChromium, serveBuilt } from './browser.ts';

export interface BuiltApp {
  /** The Chromium the file's tests open pages in. */
  readonly browser: Browser;
  /** The built app's base URL (ends with '/'). */
  readonly url: string;
}

export function builtApp(shots: string): BuiltApp {
  let browser: Browser | undefined;
  let server: { url: string; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await serveBuilt();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      return browser!;
    },
    get url() {
      return server!.url;
    },
  };
}
