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
 * Written with plain loops: the engine calls it for every sample (twice per instance
 * in a one at a time rollout), so it allocates only its small arrays and the result.
 */
export function percentages(weights: Record<string, number>, total = 100): Record<string, number> {
  const keys: string[] = [];
  let sum = 0;
  for (const k of Object.keys(weights)) {
    const w = weights[k] ?? 0;
    if (w > 0) {
      keys.push(k);
      sum += w;
    }
  }
  const out = versionRecord();
  const tenths = Math.round(total * 10);
  if (sum <= 0 || tenths <= 0) return out;
  const n = keys.length;
  const exact: number[] = new Array<number>(n);
  const floors: number[] = new Array<number>(n);
  let left = tenths;
  for (let i = 0; i < n; i++) {
    exact[i] = ((weights[keys[i]!] ?? 0) / sum) * tenths;
    floors[i] = Math.floor(exact[i]!);
    left -= floors[i]!;
  }
  // Largest remainder first, ties by key order: an insertion sort of the indices (n is
  // the number of versions, one to a few), a total order, so any sort gives this result.
  const order: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let j = i;
    while (j > 0 && before(i, order[j - 1]!, exact, floors)) {
      order[j] = order[j - 1]!;
      j--;
    }
    order[j] = i;
  }
  for (let k = 0; k < n && left > 0; k++) {
    floors[order[k]!]!++;
    left--;
  }
  for (let i = 0; i < n; i++) if (floors[i]! > 0) out[keys[i]!] = floors[i]! / 10;
  return out;
}

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
