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
 * each on its own. A resample has as many processes as the run, or `size` rounds
 * (runs drawn from rounds pooled over several runs). The same `seed` gives the same resamples.
 */
export function spread(big: readonly number[], small: readonly number[], summary: (xs: readonly number[]) => number, limit: number, seed = 1, size?: number): Spread {
  const draw = resampler(big, small, seed, size);
  const ratios: number[] = [];
  for (let d = 0; d < DRAWS; d++) {
    const [b, s] = draw();
    ratios.push(summary(b) / summary(s));
  }
  return { all: summary(big) / summary(small), sd: standardDeviation(ratios), over: ratios.filter((r) => r > limit).length / DRAWS };
}

/**
 * The share of runs of `size` rounds, drawn for each case from its rounds (pooled over
 * several runs), in which every case's ratio of means is at most `limit`: how often a
 * run of the bench would find them all within. Cases are drawn independently of one another.
 */
export function shareAllWithin(cases: readonly { big: readonly number[]; small: readonly number[] }[], size: number, limit: number, seed = 1): number {
  const draws = cases.map((c, i) => resampler(c.big, c.small, seed + i, size));
  let within = 0;
  for (let d = 0; d < DRAWS; d++) {
    // Every case is drawn in every resample, so each keeps its own sequence of draws.
    let all = true;
    for (const draw of draws) {
      const [b, s] = draw();
      if (mean(b) / mean(s) > limit) all = false;
    }
    if (all) within++;
  }
  return within / DRAWS;
}

/** Draws resamples of two sides: in pairs when they have as many processes, else each on its own; `size` processes a side, or as many as it has. */
function resampler(big: readonly number[], small: readonly number[], seed: number, size?: number): () => [number[], number[]] {
  const next = random(seed);
  const pick = (n: number) => Math.floor(next() * n);
  const b: number[] = new Array<number>(size ?? big.length);
  const s: number[] = new Array<number>(size ?? small.length);
  return () => {
    if (big.length === small.length) {
      for (let i = 0; i < b.length; i++) {
        const k = pick(big.length);
        b[i] = big[k]!;
        s[i] = small[k]!;
      }
    } else {
      for (let i = 0; i < b.length; i++) b[i] = big[pick(big.length)]!;
      for (let i = 0; i < s.length; i++) s[i] = small[pick(small.length)]!;
    }
    return [b, s];
  };
}
