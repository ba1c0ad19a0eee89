// "Did you mean …?": the allowed name closest to a misspelt one. A file can hold
// thousands of the same typo (one per fault), so answers are remembered, and words
// too long or too far off in length are not compared at all.

const MAX_CHARS = 64;
const MEMO_SIZE = 10_000;
const memo = new Map<string, string | undefined>();

/** The closest allowed word by edit distance, when it is close enough to be a likely typo. */
export function suggest(word: string, allowed: readonly string[]): string | undefined {
  if (word.length > MAX_CHARS) return undefined;
  const key = `${word}\u0000${allowed.join('\u0000')}`;
  if (memo.has(key)) return memo.get(key);
  if (memo.size >= MEMO_SIZE) memo.clear();
  const found = closest(word, allowed);
  memo.set(key, found);
  return found;
}

function closest(word: string, allowed: readonly string[]): string | undefined {
  const limit = Math.max(2, Math.floor(word.length / 4));
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    if (Math.abs(candidate.length - word.length) > limit) continue; // the distance is at least this
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= limit ? best : undefined;
}

/** Levenshtein distance, one row at a time. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
