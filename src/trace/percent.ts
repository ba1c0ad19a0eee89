// Turns weights per version into percentages that sum to exactly 100, in tenths of
// a percent (largest-remainder rounding), so samples never show 99.9 % or 100.1 %.
// Versions are user text ("constructor", "__proto__"): records keyed by them have
// no prototype, so no key can hit an inherited property or the __proto__ setter.

/**
 * An empty record keyed by version labels, safe for any label. Its prototype is set
 * to null on an empty literal rather than made by Object.create(null): V8 keeps such
 * an object in fast mode (about 60 bytes with two versions, against 190 for the
 * dictionary Object.create(null) gives), and a trace holds one or two per sample.
 */
export function versionRecord(): Record<string, number> {
  return Object.setPrototypeOf({}, null) as Record<string, number>;
}

/**
 * `total`: what the percentages sum to (less than 100 when some clients are not served).
 */
export function percentages(weights: Record<string, number>, total = 100): Record<string, number> {
  const keys = Object.keys(weights);
  const values = keys.map((k) => weights[k] ?? 0);
  const outKeys: string[] = [];
  const outValues: number[] = [];
  const n = sharesInto(keys, values, keys.length, total, outKeys, outValues);
  const out = versionRecord();
  for (let i = 0; i < n; i++) out[outKeys[i]!] = outValues[i]!;
  return out;
}

/**
 * `percentages` on arrays: the weights `values[0…n)` of `keys` become shares of
 * `total`, written to `outKeys` / `outValues` (the versions with a share, in key
 * order); returns how many. Written with plain loops and no record: the engine
 * calls it for every sample (twice per instance in a one at a time rollout).
 */
export function sharesInto(keys: readonly string[], values: readonly number[], n: number, total: number, outKeys: string[], outValues: number[]): number {
  // Scratch arrays shared by every call (never reentrant): no four fresh arrays per sample.
  const positive = POSITIVE;
  const exact = EXACT;
  const floors = FLOORS;
  const order = ORDER;
  let m = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const w = values[i]!;
    if (w > 0) {
      positive[m++] = i;
      sum += w;
    }
  }
  const tenths = Math.round(total * 10);
  if (sum <= 0 || tenths <= 0) return 0;
  let left = tenths;
  for (let i = 0; i < m; i++) {
    exact[i] = (values[positive[i]!]! / sum) * tenths;
    floors[i] = Math.floor(exact[i]!);
    left -= floors[i]!;
  }
  // Largest remainder first, ties by key order: an insertion sort of the indices (m is
  // the number of versions, one to a few), a total order, so any sort gives this result.
  for (let i = 0; i < m; i++) {
    let j = i;
    while (j > 0 && before(i, order[j - 1]!, exact, floors)) {
      order[j] = order[j - 1]!;
      j--;
    }
    order[j] = i;
  }
  for (let k = 0; k < m && left > 0; k++) {
    floors[order[k]!]!++;
    left--;
  }
  let count = 0;
  for (let i = 0; i < m; i++) {
    if (floors[i]! > 0) {
      outKeys[count] = keys[positive[i]!]!;
      outValues[count++] = floors[i]! / 10;
    }
  }
  return count;
}

const POSITIVE: number[] = [];
const EXACT: number[] = [];
const FLOORS: number[] = [];
const ORDER: number[] = [];

/** Whether index a goes before b: larger remainder, then lower index. */
function before(a: number, b: number, exact: readonly number[], floors: readonly number[]): boolean {
  const d = exact[a]! - floors[a]! - (exact[b]! - floors[b]!);
  return d > 0 || (d === 0 && a < b);
}

export function sameCounts(a: Record<string, number> | undefined, b: Record<string, number> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (a[k] !== b[k]) return false;
  return true;
}
