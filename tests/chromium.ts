// Debian's Chromium (apt-get install chromium) and the flags it needs on these
// machines; Playwright's own browsers are never downloaded. Shared by the browser
// tests' config, the end-to-end test and the render benchmark.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}
