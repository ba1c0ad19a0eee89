// The app shows its first draw before everything has arrived: a picked library
// scenario's file (src/app/scenarios.ts), the library's listing and the views
// that load after the first draw (src/app/deferred-views.ts). Tests that look at
// them wait for them here, by promise, never by sleeping.
import type { DeploysimApp } from '../../src/app/app-shell.ts';
import { loadLibrary } from '../../src/app/scenarios.ts';

export const DEFERRED_VIEWS = ['statechart-panel', 'scenario-editor', 'lifecycle-table', 'fault-panel', 'why-panel', 'shortcuts-overlay'];

export async function appReady(app: DeploysimApp): Promise<DeploysimApp> {
  await app.updateComplete;
  await Promise.all([app.scenarioReady, loadLibrary(), ...DEFERRED_VIEWS.map((tag) => customElements.whenDefined(tag))]);
  await app.updateComplete;
  return app;
}
