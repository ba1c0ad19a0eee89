// Views the first draw does not need load after it, each in a chunk of its own,
// which keeps them out of the entry bundle (issue 10: at most 150 KB gzipped)
// and out of the first main-thread task of a large share link:
// - after the first draw: the statechart (with the machine catalogue it
//   describes), the JSON editor (behind its tab), the lifecycle table, the fault
//   panel, the "Why?" panel (with the rules catalogue) and the shortcuts overlay;
// - when first shown: the timeline as tables ("Show as table") and the quiz card.
// Until a chunk arrives its element is an empty placeholder; Lit keeps the
// properties set on it and applies them when it upgrades. Tests that look
// inside one wait for `customElements.whenDefined(tag)`.
let started = false;

/** The elements loadDeferredViews() defines (tests wait for them). */
export const DEFERRED_TAGS = ['statechart-panel', 'scenario-editor', 'lifecycle-table', 'fault-panel', 'why-panel', 'shortcuts-overlay'];

export function loadDeferredViews(): void {
  if (started) return;
  started = true;
  void import('../views/statechart-panel/index.ts');
  void import('../views/scenario-editor/index.ts');
  void import('../views/lifecycle-table/index.ts');
  void import('../views/fault-panel/index.ts');
  void import('../views/why-panel/index.ts');
  void import('../views/shortcuts-overlay/index.ts');
}

const once = (load: () => Promise<unknown>) => {
  let loading: Promise<unknown> | undefined;
  return () => (loading ??= load());
};

/** The timeline as tables, loaded the first time it is shown. */
export const loadTimelineTable = once(() => import('../views/timeline-table/index.ts'));
/** The quiz card, loaded when quiz mode first turns on. */
export const loadQuizPanel = once(() => import('../views/quiz-panel/index.ts'));
