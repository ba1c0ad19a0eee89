// Small wording helpers shared by every platform's narration.

export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * A text the trace keeps, as one flat string. A template literal joins its pieces
 * into a tree (a string object per piece and per join): one at a time rollouts keep
 * two such texts per instance, 100,000 of them, which every GC copies or marks
 * for the rest of the run. `join` writes the characters once, into one string.
 */
export function flat(...parts: (string | number)[]): string {
  return parts.join('');
}

/** A readable list of ids, abbreviated for large fleets. */
export function listIds(ids: readonly string[]): string {
  return ids.length <= 8 ? ids.join(', ') : `${ids[0]} … ${ids[ids.length - 1]} (${ids.length} instances)`;
}
