// The engine's agenda as XState's clock: `after` transitions of the orchestrator
// machines run on simulated time, and leaving a state cancels its timers (XState
// calls clearTimeout), so no machine keeps generation counters. XState speaks
// milliseconds; the agenda, seconds. This is the one place the two meet.
import type { Agenda, Entry } from './agenda.ts';

export interface SimClock {
  setTimeout(fn: (...args: unknown[]) => void, ms: number): Entry;
  clearTimeout(id: Entry): void;
}

export function agendaClock(agenda: Agenda): SimClock {
  return {
    setTimeout: (fn, ms) => agenda.at(agenda.now + ms / 1000, () => fn()),
    clearTimeout: (entry) => agenda.cancel(entry),
  };
}

/** Seconds as the milliseconds XState's delays are written in. */
export function ms(seconds: number): number {
  return seconds * 1000;
}
