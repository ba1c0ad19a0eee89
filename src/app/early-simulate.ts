// Loaded by index.html before the app: when the page opens a share link with a
// large fleet, its simulation starts at once, while the app's own code is still
// arriving, instead of after it (issue 10: a 5,000-instance link draws its first
// timeline within 1 s). In the built app index.html's first script has already
// started the worker, before any module was even requested
// (scripts/vite-early-worker.ts): it is adopted here, or stopped when the link
// is not one to simulate early. The app adopts the running result when it asks
// for the same scenario (src/app/off-thread.ts); it validates the text itself
// first, so a link it refuses never uses it.
import { adoptInline, startEarly } from './worker-run.ts';
import { earlyRequest } from './early-request.ts';

const text = typeof Worker === 'undefined' ? undefined : earlyRequest(location.hash);
const inline = window.deploysimEarlyWorker;
window.deploysimEarlyWorker = undefined;
if (inline && text !== undefined && inline.hash === location.hash) adoptInline(inline, text);
else {
  inline?.worker.terminate();
  if (text !== undefined) startEarly(text);
}
