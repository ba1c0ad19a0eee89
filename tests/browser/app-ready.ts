// The app shows its first draw before everything has arrived: a picked library
// scenario's file (src/app/scenarios.ts), the library's listing and the views
// that load after the first draw (src/app/deferred-views.ts). Tests that look at
// them wait for them here, by promise, never by sleeping.
import type { DeploysimApp } from '../../src/app/app-shell.ts';
import { loadLibrary } from '../../src/app/scenarios.ts';
import { DEFERRED_TAGS } from '../../src/app/deferred-views.ts';

export async function appReady(app: DeploysimApp): Promise<DeploysimApp> {
  await app.updateComplete;
  await Promise.all([app.scenarioReady, loadLibrary(), app.quiz.loaded, ...DEFERRED_TAGS.map((tag) => customElements.whenDefined(tag))]);
  await app.updateComplete;
  if (app.quiz.active) await customElements.whenDefined('quiz-panel');
  await app.updateComplete;
  return app;
}
