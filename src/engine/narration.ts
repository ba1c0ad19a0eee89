// Small wording helpers shared by every platform's narration. Counts are grouped
// ("5,000 instances"), as the views print them.
import { thousands } from '../scenario/thousands.ts';

export function plural(n: number, noun: string): string {
  return `${thousands(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * `text` as one flat string, for a text the trace keeps. A template literal joins its
 * pieces into a tree (in V8 a string object per piece and per join): one at a time
 * rollouts keep two such texts per instance, 100,000 of them, which every GC copies
 * or marks for the rest of the run. Reading a character makes V8 write the
 * characters out once, into one string (the GC then drops the tree); cheaper than
 * building it with `join`. The text is the same either way.
 */
export function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** A readable list of ids, abbreviated for large fleets. */
export function listIds(ids: readonly string[]): string {
  return ids.length <= 8 ? ids.join(', ') : `${ids[0]} … ${ids[ids.length - 1]} (${thousands(ids.length)} instances)`;
}
