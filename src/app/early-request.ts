// Which share links are simulated off the main thread from the start: the rule
// the page's entry (src/app/early-simulate.ts) and the simulation worker
// (src/app/simulate.worker.ts, when index.html's first script started it with the
// link itself, scripts/vite-early-worker.ts) both apply, so they agree.
import { decodeShare, oversizedFleet } from '../layout/share.ts';

/** From this many instances on, a shared scenario is simulated off the main thread. */
export const OFF_THREAD_FROM = 1_000;

/** The fleet size a (parsed, not yet validated) scenario asks for: 0 when it names none. */
export function fleetSize(raw: unknown): number {
  const r = raw as { elasticBeanstalk?: { instances?: unknown }; codeDeploy?: { instances?: unknown } } | null;
  const n = Number(r?.elasticBeanstalk?.instances ?? r?.codeDeploy?.instances ?? 0);
  return Number.isFinite(n) ? n : 0;
}

/** Whether a (parsed, not yet validated) scenario has a fleet large enough for the worker. */
export function largeFleet(raw: unknown): boolean {
  return fleetSize(raw) >= OFF_THREAD_FROM;
}

/** The scenario text of a share link (`hash`, location.hash) to simulate early, or undefined. Never throws. */
export function earlyRequest(hash: string): string | undefined {
  const text = decodeShare(hash).scenarioText;
  if (text === undefined || oversizedFleet(text) !== undefined) return undefined;
  try {
    return largeFleet(JSON.parse(text)) ? text : undefined;
  } catch {
    return undefined; // unreadable: the app says so when it reads the link
  }
}
