// Starts the simulation worker (src/app/simulate.worker.ts) and hands over its
// reply. Kept apart from unpacking the reply (src/app/off-thread.ts) so that the
// page's small entry (src/app/main.ts → early-simulate.ts) can start a share
// link's simulation with nothing else loaded (issue 10: a 5,000-instance link
// draws its first timeline within 1 s).
import type { ListsPart, RestPart } from './index-packet.ts';
import { largeFleet } from './early-request.ts';

type Failure = { ok: false; detail: string };
/** The packet's second part, with when the worker's steps ended (bench/render.ts prints them), or why it could not finish. */
export type RestReply = { ok: true; rest: RestPart; steps: [string, number][] } | Failure;
/** What the worker posts: the index packed (src/app/index-packet.ts) in two messages, the lists then the rest; or why it could not simulate. */
export type WorkerMessage = { ok: true; lists: ListsPart } | RestReply;
/** The worker's reply as the page takes it: the first part, and the second when it comes. */
export type OffThreadReply = { ok: true; lists: ListsPart; rest: Promise<RestReply> } | Failure;

/** Whether a (parsed, not yet validated) scenario is large enough to simulate in the worker. */
export function wantsOffThread(raw: unknown): boolean {
  return typeof Worker !== 'undefined' && largeFleet(raw);
}

/**
 * The worker index.html's first script starts for a share link, before any of the
 * app's code is requested (scripts/vite-early-worker.ts): named after the link, it
 * decides itself whether the link is one to simulate early. Until the entry adopts
 * it, its messages (and errors) wait in `events`.
 */
export interface InlineStart {
  hash: string;
  worker: Worker;
  events: Event[];
}

declare global {
  interface Window {
    deploysimEarlyWorker?: InlineStart;
  }
}

interface Simulation {
  reply: Promise<OffThreadReply>;
  /** Ends the worker; `reply` then never settles (nobody waits for it). */
  cancel: () => void;
}

/** A simulation started before the app asked (src/app/early-simulate.ts), by scenario text. */
let early: (Simulation & { text: string }) | undefined;

/** Starts simulating a share link's scenario (its JSON text) before the app has loaded. */
export function startEarly(text: string): void {
  early = { text, ...runWorker(text) };
}

/** Takes over the worker index.html started for the link whose scenario is `text`. */
export function adoptInline(inline: InlineStart, text: string): void {
  early = { text, ...listen(inline.worker, inline.events) };
}

/** The app will not ask for the early simulation (its link was refused): stop it and let it go. */
export function discardEarly(): void {
  early?.cancel();
  early = undefined;
}

/**
 * The worker's reply for a scenario the page has validated (`raw`, parsed from
 * `text` when the page has the text): the early simulation when it was started
 * for the same text (adopted once at most), else a new one.
 */
export function simulationOf(raw: unknown, text?: string): Promise<OffThreadReply> {
  const started = early;
  early = undefined; // adopted once at most: a later load simulates afresh
  if (started && text !== undefined && started.text === text) return started.reply;
  started?.cancel(); // the app wants something else: stop the early one
  return runWorker(text ?? JSON.stringify(raw)).reply;
}

/** Simulates the scenario in `request` (JSON text) in a worker of its own, ended when it answers. */
function runWorker(request: string): Simulation {
  // Marks for bench/render.ts, which prints where the first draw's time goes.
  performance.mark('deploysim:worker-started');
  // The scenario travels as the worker's name: see simulate.worker.ts for why not as a message.
  return listen(new Worker(new URL('./simulate.worker.ts', import.meta.url), { type: 'module', name: request }));
}

/**
 * The worker's two messages (replaying any that arrived before anyone listened),
 * after which it ends: `reply` settles with the first, its `rest` with the second.
 */
function listen(worker: Worker, arrived: Event[] = []): Simulation {
  let first!: (r: OffThreadReply) => void;
  let second!: (r: RestReply) => void;
  const reply = new Promise<OffThreadReply>((resolve) => (first = resolve));
  const rest = new Promise<RestReply>((resolve) => (second = resolve));
  const outOfOrder: RestReply = { ok: false, detail: 'the simulation worker answered out of order' };
  let got = 0;
  let over = false;
  const take = (e: Event) => {
    const m: WorkerMessage =
      e instanceof MessageEvent ? (e.data as WorkerMessage) : { ok: false, detail: (e as ErrorEvent).message || 'the simulation worker failed' };
    if (got++ === 0 && m.ok && 'lists' in m) {
      performance.mark('deploysim:lists-arrived');
      first({ ok: true, lists: m.lists, rest });
      return;
    }
    // A failure, or the second message: the worker has said all it will.
    over = true;
    worker.onmessage = worker.onerror = null;
    worker.terminate();
    const settled = m.ok && !('rest' in m) ? outOfOrder : m;
    if (got === 1) first(settled.ok ? outOfOrder : settled);
    else {
      performance.mark('deploysim:worker-answered');
      second(settled);
    }
  };
  for (const e of arrived) if (!over) take(e);
  if (!over) worker.onmessage = worker.onerror = take;
  return { reply, cancel: () => worker.terminate() };
}
