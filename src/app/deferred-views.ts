// Views the first draw does not need load after it, each in a chunk of its own:
// the statechart (with the machine catalogue it describes) and the JSON editor
// (behind its tab). This keeps them out of the entry bundle (issue 10: at most
// 150 KB gzipped) and out of the first main-thread task of a large share link.
// Until a chunk arrives its element is an empty placeholder; Lit keeps the
// properties set on it and applies them when it upgrades.
let started = false;

export function loadDeferredViews(): void {
  if (started) return;
  started = true;
  void import('../views/statechart-panel/index.ts');
  void import('../views/scenario-editor/index.ts');
}
