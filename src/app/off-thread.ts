// Large fleets are simulated in a worker (src/app/worker-run.ts starts it): the
// main thread only validates, receives the finished index and draws. Small ones
// stay synchronous, as every library pick and edit is.
import type { TraceIndex } from '../layout/frame.ts';
import { unpackIndexInTasks } from './index-packet.ts';
import { simulationOf } from './worker-run.ts';

export { discardEarly, wantsOffThread } from './worker-run.ts';

/** What the page gets: the index rebuilt, or why not. */
export type OffThreadResult = { ok: true; index: TraceIndex } | { ok: false; detail: string };

/**
 * The index of a scenario the page has validated, simulated off the main thread;
 * the scenario's text, when given, adopts a simulation of the same text already
 * started early (src/app/early-simulate.ts).
 */
export async function indexOffThread(raw: unknown, text?: string): Promise<OffThreadResult> {
  const reply = await simulationOf(raw, text);
  if (!reply.ok) return reply;
  let failed: string | undefined;
  const rest = reply.rest.then((r) => {
    if (!r.ok) return void (failed = r.detail);
    // The worker's own steps, moved onto this page's timeline (bench/render.ts prints them).
    for (const [name, at] of r.steps) performance.mark(`deploysim:${name}`, { startTime: at - performance.timeOrigin });
    return r.rest;
  });
  // Rebuilt a table per task (the spans and events while the worker packs the
  // rest), then drawn in a task of its own: together they would make one long
  // task at thousands of lanes.
  const index = await unpackIndexInTasks(reply.lists, rest);
  if (!index) return { ok: false, detail: failed ?? 'the simulation worker failed' };
  performance.mark('deploysim:index-unpacked');
  await new Promise((resolve) => setTimeout(resolve, 0));
  return { ok: true, index };
}
