// The app shows its first draw before everything has arrived: a picked library
// scenario's file (src/app/scenarios.ts), the library's listing and the views
// that load after the first draw (src/app/deferred-views.ts). Tests that look at
// them wait for them here, by promise, never by sleeping.
import type { DeploysimApp } from '../../src/app/app-shell.ts';
import { DEFERRED_TAGS } from '../../src/app/deferred-views.ts';

export async function appReady(app: DeploysimApp): Promise<DeploysimApp> {
  await app.updateComplete;
  await Promise.all([app.scenarioReady, app.libraryReady, app.quiz.loaded, ...DEFERRED_TAGS.map((tag) => customElements.whenDefined(tag))]);
  await app.updateComplete;
  if (app.quiz.active) await customElements.whenDefined('quiz-panel');
  await app.updateComplete;
  return app;
}

/** Opens the app at `hash` (a share link's fragment) and waits until it is ready. */
export async function openApp(hash: string): Promise<DeploysimApp> {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  const app = document.createElement('deploysim-app');
  document.body.append(app);
  return appReady(app);
}

/** For afterEach: the page empty again and its fragment cleared. */
export function closeApp(): void {
  document.body.replaceChildren();
  history.replaceState(null, '', location.pathname + location.search);
}

/** The app and every child view rendered, and one animation frame after. */
export async function viewsSettled(app: DeploysimApp): Promise<void> {
  await app.updateComplete;
  for (const el of app.shadowRoot!.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>('*')) await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
}

/** openApp, then every view rendered (viewsSettled). */
export async function openSettledApp(hash: string): Promise<DeploysimApp> {
  const app = await openApp(hash);
  await viewsSettled(app);
  return app;
}
