// Wall-clock to simulated time, converted in exactly one place. With "skip
// waits" on, a long stretch where nothing starts or ends (a 30-minute canary
// bake, a termination wait) is crossed in about two seconds of wall time.
import type { TraceIndex } from './frame.ts';
import { upperBound } from './time.ts';

export const SPEEDS = [0.5, 1, 2, 5, 10, 30, 60] as const;

/** Wall seconds a skipped wait takes. */
export const WAIT_WALL_SECONDS = 2;

export interface Advance {
  t: number;
  /** Set while a long wait is being fast-forwarded. */
  fastForward?: { from: number; to: number; rate: number };
  ended: boolean;
}

/** The gap between moments that contains t: [from, to). */
export function gapAround(index: TraceIndex, t: number): { from: number; to: number } {
  const m = index.moments;
  const k = upperBound(m, t, (x) => x);
  const from = k > 0 ? m[k - 1]! : 0;
  const to = k < m.length ? m[k]! : index.duration;
  return { from, to };
}

export function advance(index: TraceIndex, t: number, wallSeconds: number, speed: number, skipWaits: boolean): Advance {
  let rate = speed;
  let fastForward: Advance['fastForward'];
  if (skipWaits) {
    const gap = gapAround(index, t);
    const length = gap.to - gap.from;
    if (length > speed * WAIT_WALL_SECONDS * 2) {
      // Longer than 4 s of wall time at this speed: cross it in WAIT_WALL_SECONDS.
      rate = Math.max(speed, length / WAIT_WALL_SECONDS);
      fastForward = { ...gap, rate };
    }
  }
  let next = t + wallSeconds * rate;
  // Never jump over a moment in one tick while fast-forwarding: land on it.
  if (fastForward && next > fastForward.to) next = fastForward.to;
  const ended = next >= index.duration;
  const result: Advance = { t: Math.min(next, index.duration), ended };
  if (fastForward) result.fastForward = fastForward;
  return result;
}
