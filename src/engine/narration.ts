// Small wording helpers shared by every platform's narration. Counts are grouped
// ("5,000 instances"), as the views print them.
import { thousands } from '../scenario/thousands.ts';

export function plural(n: number, noun: string): string {
  return `${thousands(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** A readable list of ids, abbreviated for large fleets. */
export function listIds(ids: readonly string[]): string {
  return ids.length <= 8 ? ids.join(', ') : `${ids[0]} … ${ids[ids.length - 1]} (${thousands(ids.length)} instances)`;
}
