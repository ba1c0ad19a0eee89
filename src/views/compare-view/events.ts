// The compare and choose views' events (typed like shared/events.ts, kept here so
// that file stays the simulator's): both bubble and are composed, for the shell.
export interface CompareEvents {
  /** "Run the survivors side by side": open the compare view with these strategy ids. */
  'compare-strategies': { ids: string[] };
  /** The learner changed the compare view's picks (the shell keeps them across mode switches). */
  'compare-picks': { ids: string[] };
}

export function emitCompare<K extends keyof CompareEvents>(from: EventTarget, name: K, detail: CompareEvents[K]): void {
  from.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'compare-strategies': CustomEvent<CompareEvents['compare-strategies']>;
    'compare-picks': CustomEvent<CompareEvents['compare-picks']>;
  }
}
