// Small wording helpers shared by every platform's narration.

export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A readable list of ids, abbreviated for large fleets. */
export function listIds(ids: readonly string[]): string {
  return ids.length <= 8 ? ids.join(', ') : `${ids[0]} … ${ids[ids.length - 1]} (${ids.length} instances)`;
}
