// Large fleets are simulated in a worker (src/app/simulate.worker.ts): the main
// thread only validates, receives the finished index and draws. Small ones stay
// synchronous, as every library pick and edit is.
import type { TraceIndex } from '../layout/frame.ts';
import { unpackIndex, type IndexPacket } from './index-packet.ts';

/** From this many instances on, a shared scenario is simulated off the main thread. */
export const OFF_THREAD_FROM = 1_000;

/** What the worker posts: the index packed (src/app/index-packet.ts), or why it could not simulate. */
export type OffThreadReply = { ok: true; packet: IndexPacket } | { ok: false; detail: string };

/** What the page gets: the index rebuilt, or why not. */
export type OffThreadResult = { ok: true; index: TraceIndex } | { ok: false; detail: string };

/** Whether a (parsed, not yet validated) scenario is large enough to simulate in the worker. */
export function wantsOffThread(raw: unknown): boolean {
  const r = raw as { elasticBeanstalk?: { instances?: unknown }; codeDeploy?: { instances?: unknown } } | null;
  const instances = Number(r?.elasticBeanstalk?.instances ?? r?.codeDeploy?.instances ?? 0);
  return typeof Worker !== 'undefined' && instances >= OFF_THREAD_FROM;
}

/** A simulation started before the app asked (src/app/early-simulate.ts), by scenario text. */
let early: (Simulation & { text: string }) | undefined;

/** Starts simulating a share link's scenario before the app has loaded. */
export function startEarly(text: string, raw: unknown): void {
  early = { text, ...simulateOffThread(raw) };
}

/** The app will not ask for the early simulation (its link was refused): stop it and let it go. */
export function discardEarly(): void {
  early?.cancel();
  early = undefined;
}

/**
 * Simulates in a worker of its own (ended when it answers); the scenario's text,
 * when given, adopts a simulation of the same text already started early.
 */
export function indexOffThread(raw: unknown, text?: string): Promise<OffThreadResult> {
  const started = early;
  early = undefined; // adopted once at most: a later load simulates afresh
  if (started && text !== undefined && started.text === text) return started.result;
  started?.cancel(); // the app wants something else: stop the early one
  return simulateOffThread(raw).result;
}

interface Simulation {
  result: Promise<OffThreadResult>;
  /** Ends the worker; `result` then never settles (nobody waits for it). */
  cancel: () => void;
}

function simulateOffThread(raw: unknown): Simulation {
  // Marks for bench/render.ts, which prints where the first draw's time goes.
  performance.mark('deploysim:worker-started');
  const worker = new Worker(new URL('./simulate.worker.ts', import.meta.url), { type: 'module' });
  const result = new Promise<OffThreadResult>((resolve) => {
    const done = (result: OffThreadResult) => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = (e: MessageEvent<OffThreadReply>) => {
      performance.mark('deploysim:worker-answered');
      const reply = e.data;
      const result: OffThreadResult = reply.ok ? { ok: true, index: unpackIndex(reply.packet) } : reply;
      // Drawn in a task of its own: rebuilding the index and the first draw of
      // thousands of lanes would otherwise add up to one long task.
      performance.mark('deploysim:index-unpacked');
      setTimeout(() => done(result), 0);
    };
    worker.onerror = (e) => done({ ok: false, detail: e.message || 'the simulation worker failed' });
    worker.postMessage(raw);
  });
  return { result, cancel: () => worker.terminate() };
}
