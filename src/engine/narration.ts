// Small wording helpers shared by every platform's narration. Counts are grouped
// ("5,000 instances"), as the views print them.
import { thousands } from '../scenario/thousands.ts';
import type { TargetIndex } from './target-store.ts';
import type { TargetIds } from './trace-columns.ts';

export function plural(n: number, noun: string): string {
  return `${thousands(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** A readable list of ids, abbreviated for large fleets. */
export function listIds(ids: readonly string[]): string {
  return listOf(ids.length, (k) => ids[k]!);
}

/** listIds for targets by index: only the ids it shows are written. */
export function listTargets(targets: readonly TargetIndex[], ids: TargetIds): string {
  return listOf(targets.length, (k) => ids.idAt(targets[k]!));
}

function listOf(n: number, idAt: (k: number) => string): string {
  if (n > 8) return `${idAt(0)} … ${idAt(n - 1)} (${thousands(n)} instances)`;
  const shown: string[] = [];
  for (let k = 0; k < n; k++) shown.push(idAt(k));
  return shown.join(', ');
}
