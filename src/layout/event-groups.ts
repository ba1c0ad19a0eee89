// Runs of alike events folded into one line, shared by the CLI's text report and
// the app's event log: consecutive events of one type at one moment whose
// messages differ only in their target ("i-1 passed health checks (also i-2 …
// i-1000: 999 more)"). Pure; no DOM.
import type { TraceEvent } from '../trace/types.ts';
import { thousands } from '../scenario/thousands.ts';

/**
 * Where each run starts (indexes into `events`, ascending; the first is 0 when
 * there are events). A run ends where the next begins.
 */
export function eventRunStarts(events: readonly TraceEvent[]): number[] {
  const starts: number[] = [];
  let head: TraceEvent | undefined;
  let headShape = '';
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const s = e.target ? shape(e) : '';
    if (head && head.t === e.t && head.type === e.type && head.target && e.target && headShape === s) continue;
    starts.push(i);
    head = e;
    headShape = s;
  }
  return starts;
}

/** The events folded into runs (each event alone when `verbose`). */
export function foldEvents(events: readonly TraceEvent[], verbose = false): TraceEvent[][] {
  if (verbose) return events.map((e) => [e]);
  const starts = eventRunStarts(events);
  return starts.map((s, k) => events.slice(s, starts[k + 1] ?? events.length));
}

/**
 * What a run's first line adds for the `count` others (`target(k)` names the k-th):
 * "" for none, "(also i-2, i-3)", or "(also i-2 … i-1000: 999 more)". Reads at most
 * three names, so a run of 5,000 costs the same as a run of 4.
 */
export function alsoText(count: number, target: (k: number) => string): string {
  if (count <= 0) return '';
  if (count <= 3) return `(also ${Array.from({ length: count }, (_, k) => target(k)).join(', ')})`;
  return `(also ${target(0)} … ${target(count - 1)}: ${thousands(count)} more)`;
}

/** The message with its target blanked: two events of one run read the same apart from it. */
function shape(e: TraceEvent): string {
  return e.target ? e.message.split(e.target).join('#') : e.message;
}
