// Large fleets are simulated in a worker (src/app/simulate.worker.ts): the main
// thread only validates, receives the finished index and draws. Small ones stay
// synchronous, as every library pick and edit is.
import type { TraceIndex } from '../layout/frame.ts';

/** From this many instances on, a shared scenario is simulated off the main thread. */
export const OFF_THREAD_FROM = 1_000;

export type OffThreadReply = { ok: true; index: TraceIndex } | { ok: false; detail: string };

/** Whether a (parsed, not yet validated) scenario is large enough to simulate in the worker. */
export function wantsOffThread(raw: unknown): boolean {
  const r = raw as { elasticBeanstalk?: { instances?: unknown }; codeDeploy?: { instances?: unknown } } | null;
  const instances = Number(r?.elasticBeanstalk?.instances ?? r?.codeDeploy?.instances ?? 0);
  return typeof Worker !== 'undefined' && instances >= OFF_THREAD_FROM;
}

/** Simulates in a worker of its own (ended when it answers). */
export function indexOffThread(raw: unknown): Promise<OffThreadReply> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./simulate.worker.ts', import.meta.url), { type: 'module' });
    const done = (reply: OffThreadReply) => {
      worker.terminate();
      resolve(reply);
    };
    worker.onmessage = (e: MessageEvent<OffThreadReply>) => done(e.data);
    worker.onerror = (e) => done({ ok: false, detail: e.message || 'the simulation worker failed' });
    worker.postMessage(raw);
  });
}
