// How far a growth ratio of the engine benchmark moves from run to run on this
// machine, estimated from one run's processes: a bootstrap (as many rounds as the
// run had, drawn with replacement, DRAWS times, from a seeded generator so the same
// processes give the same figure). Used by `npm run bench` (the ± beside each
// ratio) and bench/estimators.ts.

export const DRAWS = 2_000;

export const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function standardDeviation(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

/** A small seeded generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Spread {
  /** The ratio over all the run's processes. */
  all: number;
  /** Its standard deviation over the resamples. */
  sd: number;
  /** The share of resamples over `limit`. */
  over: number;
}

/**
 * summary(`big`) / summary(`small`) (each a list of one size's process times), over
 * the run and over resamples. Sides with as many processes are resampled in pairs
 * (round k of one with round k of the other: they ran next to each other), others
 * each on its own. The same `seed` gives the same resamples.
 */
export function spread(big: readonly number[], small: readonly number[], summary: (xs: readonly number[]) => number, limit: number, seed = 1): Spread {
  const next = random(seed);
  const pick = (n: number) => Math.floor(next() * n);
  const ratios: number[] = [];
  const b: number[] = new Array<number>(big.length);
  const s: number[] = new Array<number>(small.length);
  for (let d = 0; d < DRAWS; d++) {
    if (big.length === small.length) {
      for (let i = 0; i < big.length; i++) {
        const k = pick(big.length);
        b[i] = big[k]!;
        s[i] = small[k]!;
      }
    } else {
      for (let i = 0; i < big.length; i++) b[i] = big[pick(big.length)]!;
      for (let i = 0; i < small.length; i++) s[i] = small[pick(small.length)]!;
    }
    ratios.push(summary(b) / summary(s));
  }
  return { all: summary(big) / summary(small), sd: standardDeviation(ratios), over: ratios.filter((r) => r > limit).length / DRAWS };
}
