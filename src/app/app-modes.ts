// The shell's way into comparing and exporting, kept out of app-shell.ts: the
// mode tabs (Simulate, Compare, Help me choose), the view each mode shows in
// place of the simulator, and the Export menu (the moment as SVG/PNG, the trace
// as JSON/CSV; builders in export-svg.ts and export-trace.ts).
import { html, css, nothing } from 'lit';
import type { TraceIndex } from '../layout/frame.ts';
import { EXPORTS, type ExportKind } from './export-kinds.ts';
import type {} from '../views/compare-view/events.ts';

// The compare and choose views and the export builders load when first used, so
// the simulator's own bundle does not carry them.
let modeViews: Promise<unknown> | undefined;
const loadModeViews = () => (modeViews ??= Promise.all([import('../views/compare-view/index.ts'), import('../views/choose-view/index.ts')]));

export type AppMode = 'simulate' | 'compare' | 'choose';

const MODES: readonly { mode: AppMode; label: string }[] = [
  { mode: 'simulate', label: 'Simulate' },
  { mode: 'compare', label: 'Compare' },
  { mode: 'choose', label: 'Help me choose' },
];

export const modeStyles = css`
  nav.modes { display: flex; gap: 4px; }
  nav.modes button { border-radius: 8px; font-weight: 600; font-size: 13px; }
  nav.modes button[aria-pressed='true'] { background: #0b3a5b; border-color: #0b3a5b; color: #fff; }
  details.export { position: relative; }
  details.export summary { cursor: pointer; list-style: none; border: 1px solid #c9d0dc; border-radius: 8px; padding: 4px 10px; font-size: 13px; font-weight: 600; background: #fff; }
  details.export summary::-webkit-details-marker { display: none; }
  details.export .menu { position: absolute; right: 0; top: calc(100% + 4px); z-index: 20; display: flex; flex-direction: column; gap: 2px; min-width: 200px;
    background: #fff; border: 1px solid #dde2ea; border-radius: 8px; padding: 6px; box-shadow: 0 6px 20px rgba(20, 30, 50, 0.15); }
  details.export .menu button { text-align: left; border: 0; }
  details.export .problem { color: #8a2b00; font-size: 12px; max-width: 220px; }
  section.mode-view { grid-column: 2 / -1; grid-row: 2; overflow-y: auto; padding: 12px; min-width: 0; }
  @media (max-width: 1100px) { section.mode-view { grid-column: 1 / -1; grid-row: auto; } }
`;

export function modeTabs(mode: AppMode, pick: (mode: AppMode) => void) {
  return html`<nav class="modes" aria-label="Mode">${MODES.map(
    (m) => html`<button class="mode-${m.mode}" aria-pressed=${mode === m.mode ? 'true' : 'false'} @click=${() => pick(m.mode)}>${m.label}</button>`,
  )}</nav>`;
}

/**
 * The compare and choose views, each kept once opened and only hidden while
 * another mode shows: the runs a learner set up there, and the inputs injected
 * into them, are still there when they come back from the simulator.
 */
export function modeView(mode: AppMode, opened: ReadonlySet<AppMode>, raw: Record<string, unknown> | undefined, index: TraceIndex | undefined, picks: string[] | undefined) {
  if (mode === 'simulate' && opened.size === 0) return nothing;
  void loadModeViews();
  const scenario = index?.trace.scenario;
  return html`${opened.has('compare')
    ? html`<section class="mode-view" aria-label="Compare strategies" ?hidden=${mode !== 'compare'}>
        <compare-view .raw=${raw} .scenario=${scenario} .request=${picks}></compare-view>
      </section>`
    : nothing}${opened.has('choose')
    ? html`<section class="mode-view" aria-label="Help me choose" ?hidden=${mode !== 'choose'}>
        <choose-view .raw=${raw} .scenario=${scenario}></choose-view>
      </section>`
    : nothing}`;
}

/** The Export menu for the loaded trace at the playhead; a failure is shown in the menu, never thrown. */
export function exportMenu(index: TraceIndex | undefined, t: number) {
  const run = async (kind: ExportKind, e: Event) => {
    const menu = (e.currentTarget as HTMLElement).closest('details')!;
    const problem = menu.querySelector('.problem')!;
    problem.textContent = '';
    if (!index) return;
    try {
      const { download, exportFile } = await import('./export-download.ts');
      const file = await exportFile(kind, index, t);
      download(file.name, file.blob);
      menu.open = false;
    } catch (err) {
      problem.textContent = `The export failed: ${err instanceof Error ? err.message : String(err)}`;
    }
  };
  return html`<details class="export"><summary>Export</summary>
    <div class="menu">${EXPORTS.map((x) => html`<button data-export=${x.kind} ?disabled=${!index} @click=${(e: Event) => run(x.kind, e)}>${x.label}</button>`)}
      <span class="problem" role="status"></span></div></details>`;
}
