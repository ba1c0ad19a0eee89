// Simulates a scenario and builds its frame index off the main thread, so that a
// large share link never blocks the page for the length of a simulation (issue
// 10: no main-thread task over 200 ms). The index travels packed into typed
// columns (src/app/index-packet.ts), moved rather than copied, in two messages:
// the spans and events as soon as they are simulated, then the rest.
//
// The scenario arrives as the worker's name (src/app/worker-run.ts), not as a
// message: Chromium hands a worker the messages posted before it has loaded only
// when the page's thread is free, and while a large link loads the page's thread
// is busy with the app's own start, which held the simulation back by up to
// 350 ms. The name is there when the script runs. When index.html's first script
// started the worker, before the app's code was even requested
// (scripts/vite-early-worker.ts), the name is the share link itself (starting
// with '#'): the worker reads it and simulates only a link the page will want
// early too (the same rule, src/app/early-request.ts).
//
// The worker does not validate: the page validates the scenario text and only
// asks for (or adopts, src/app/off-thread.ts) the simulation of a scenario it
// accepted, and stops the worker of a link it refuses. For an accepted scenario
// `withDefaults` gives exactly what validation gives; leaving the validator (half
// of the engine's code) out lets the worker start sooner (issue 10).
import { began } from './worker-began.ts';
import { simulate } from '../engine/simulate.ts';
import { withDefaults } from '../scenario/defaults.ts';
import type { WorkerMessage } from './worker-run.ts';
import { earlyRequest } from './early-request.ts';
import { packetBuffers, packParts } from './index-packet.ts';

/** Wall-clock times (ms since the epoch) of the worker's steps, for bench/render.ts's breakdown. */
const now = () => performance.timeOrigin + performance.now();

/** Simulates and posts the packet in its two parts (src/app/index-packet.ts), or why it could not. */
function answer(request: string): void {
  // Created: the worker's own time origin, before its script was fetched.
  const steps: [string, number][] = [['worker-created', performance.timeOrigin], ['worker-began', began], ['worker-loaded', now()]];
  try {
    const trace = simulate(withDefaults(JSON.parse(request) as Record<string, any>));
    steps.push(['worker-simulated', now()]);
    // Packed from the engine's columns: the trace's lists and the index are built on the page only.
    const parts = packParts(trace);
    post({ ok: true, lists: parts.lists }, packetBuffers(parts.lists));
    steps.push(['worker-sent-lists', now()]);
    const rest = parts.rest();
    steps.push(['worker-packed', now()]);
    post({ ok: true, rest, steps }, packetBuffers(rest));
  } catch (err) {
    post({ ok: false, detail: err instanceof Error ? err.message : String(err) }, []);
  }
}

function post(message: WorkerMessage, transfer: ArrayBuffer[]): void {
  self.postMessage(message, { transfer });
}

const request = self.name.startsWith('#') ? earlyRequest(self.name) : self.name;
if (request === undefined) post({ ok: false, detail: 'not a share link to simulate early' }, []);
else answer(request);
