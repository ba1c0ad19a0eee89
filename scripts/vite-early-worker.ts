// A Vite plugin: the built index.html's first script starts the simulation worker
// for a share link (`#…s=…`) at once, while the page is still being parsed, before
// any of the app's modules is even requested; under load the entry module used to
// start it hundreds of ms later (issue 10: a 5,000-instance link draws its first
// timeline within 1 s). The script looks only for a fleet of four digits or
// more in the link; the worker reads the link itself and simulates only a large
// fleet (src/app/early-request.ts); the entry adopts it, or stops it, in
// src/app/early-simulate.ts (and starts one itself when the script did not). The worker's file name is known only once the bundle
// is written, hence a plugin. `npm start` (the dev server) goes without: there the
// entry starts the worker, as before.
import type { Plugin } from 'vite';

/** The inline script: plain JavaScript that runs before anything else on the page. */
function starter(workerUrl: string): string {
  // Only for a link whose scenario may have 1,000 instances or more (its text is
  // base64url JSON): the worker applies the exact rule, and a small link, the
  // common case, costs no worker start while the page loads. A module worker from a
  // one-line blob that imports the script: the worker's thread starts at once and
  // fetches the script itself, where from its URL Chromium fetched the script first,
  // behind the page's own modules. (Said here rather than in the emitted script,
  // which counts toward the first load's 150 kB budget.)
  return `(function () {
  // deploysim: start a large share link's simulation at once (scripts/vite-early-worker.ts).
  var s = /(?:^#|&)s=([^&]*)/.exec(location.hash);
  if (!s || typeof Worker === 'undefined') return;
  try {
    if (!/"instances"\\s*:\\s*[1-9]\\d{3}/.test(atob(s[1].replace(/-/g, '+').replace(/_/g, '/')))) return;
  } catch (e) {
    return;
  }
  performance.mark('deploysim:worker-started');
  var src = URL.createObjectURL(new Blob(['import ' + JSON.stringify(location.origin + ${JSON.stringify(workerUrl)}) + ';'], { type: 'text/javascript' }));
  var early = { hash: location.hash, worker: new Worker(src, { type: 'module', name: location.hash }), events: [] };
  early.worker.onmessage = early.worker.onerror = function (e) { early.events.push(e); };
  window.deploysimEarlyWorker = early;
})();`;
}

export function earlyWorker(): Plugin {
  return {
    name: 'deploysim-early-worker',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle || !html.includes('<deploysim-app')) return html;
        const file = Object.keys(ctx.bundle).find((f) => /(^|\/)simulate\.worker-[\w-]+\.js$/.test(f));
        if (!file) throw new Error('deploysim-early-worker: the bundle has no simulate.worker chunk');
        // Right after the charset (which must come first), before any preload or module.
        const at = html.search(/<meta charset[^>]*>/i);
        if (at < 0) throw new Error('deploysim-early-worker: index.html has no <meta charset>');
        const end = html.indexOf('>', at) + 1;
        return `${html.slice(0, end)}\n    <script>${starter(`/${file}`)}</script>${html.slice(end)}`;
      },
    },
  };
}
