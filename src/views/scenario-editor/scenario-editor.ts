// The scenario as JSON: live validation (path and reason) while typing, apply
// with the button or Ctrl+Enter, load a file, download, copy a share link. Bad
// input never reaches the engine: the last good scenario stays loaded. Above it,
// the import panel (AWS files in); an imported scenario names its files (`source`).
import { LitElement, html, css, type PropertyValues } from 'lit';
import { formatProblem, validateText } from '../../scenario/validate.ts';
import type { ImportReport } from '../../import/browser-files.ts';
import type { ScenarioSource } from '../../scenario/types.ts';
import { emit } from '../shared/events.ts';
import './import-panel.ts';
import type { ImportPanel } from './import-panel.ts';
import { base } from '../shared/tokens.ts';

interface Problem { path: string; message: string }

export class ScenarioEditor extends LitElement {
  static override styles = [
    base,
    css`
      :host { display: block; }
      textarea {
        width: 100%; min-height: 260px; resize: vertical; font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
        font-size: 12px; line-height: 1.45; border: 1px solid #c9d0dc; border-radius: 8px; padding: 8px; tab-size: 2;
      }
      textarea[aria-invalid='true'] { border-color: #D55E00; }
      .buttons { display: flex; flex-wrap: wrap; gap: 6px; margin: 6px 0; align-items: center; }
      button.apply { background: #0072B2; color: #fff; border-color: #0072B2; font-weight: 650; }
      button.apply:hover:not(:disabled) { background: #005b8f; }
      .ok { color: #0b5e40; font-size: 12px; }
      ul.problems { margin: 4px 0; padding: 0; list-style: none; }
      ul.problems li { font-size: 12px; color: #8f3500; background: #fdf0e8; border-radius: 6px; padding: 4px 8px; margin-bottom: 3px; }
      ul.problems code { font-weight: 700; color: #5a2200; }
      .status { font-size: 12px; color: #5b6577; min-height: 16px; }
      input[type='file'] { display: none; }
      .superseded { border: 1px solid #E69F00; border-left: 4px solid #E69F00; background: #fff8e8; border-radius: 6px; padding: 6px 8px; margin: 0 0 6px; font-size: 12.5px; }
      .superseded p { margin: 0 0 4px; }
      .source { font-size: 12px; color: #414a5a; margin: 0 0 6px; overflow-wrap: anywhere; }
      .source code { font-size: 11px; }
    `,
  ];
  static override properties = {
    text: { type: String },
    applied: { type: String },
    shareLink: { attribute: false },
    problems: { state: true },
    message: { state: true },
    superseded: { state: true },
    importReport: { attribute: false },
    source: { attribute: false },
  };

  /** What the latest import did (shown in the import panel). */
  declare importReport: ImportReport | undefined;
  /** The loaded scenario's `source` (the AWS files it was imported from). */
  declare source: ScenarioSource | undefined;

  /** The text shown (set by the app when a scenario loads). */
  declare text: string;
  /** The text of the scenario currently simulated. */
  declare applied: string;
  /** Returns the share link (scenario and current time). */
  declare shareLink: () => string;
  declare problems: Problem[];
  declare message: string;
  /** The loaded scenario changed while the draft held unapplied edits. */
  declare superseded: boolean;
  private draft = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.text = '';
    this.applied = '';
    this.shareLink = () => location.href;
    this.problems = [];
    this.message = '';
    this.superseded = false;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('text')) {
      const before = changed.get('text') ?? '';
      // An unapplied edit is never overwritten by a load or an injection: the
      // draft stays, and a notice says what changed underneath it.
      if (this.draft !== before && this.draft !== this.text) {
        this.superseded = true;
        return;
      }
      this.draft = this.text;
      this.superseded = false;
      this.problems = [];
    }
  }

  /** Drops the draft for the scenario now loaded. */
  private discard(): void {
    clearTimeout(this.timer);
    this.draft = this.text;
    this.superseded = false;
    this.problems = [];
    this.message = 'Draft discarded: showing the loaded scenario.';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  private validateNow(): boolean {
    const r = validateText(this.draft);
    this.problems = r.ok ? [] : r.problems;
    return r.ok;
  }

  private onInput(e: Event): void {
    this.draft = (e.target as HTMLTextAreaElement).value;
    this.message = '';
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.validateNow(), 180);
  }

  private apply(): void {
    clearTimeout(this.timer);
    if (this.validateNow()) {
      emit(this, 'scenario-apply', { text: this.draft });
      this.superseded = false;
      this.message = 'Applied.';
    } else this.message = 'Not applied: fix the problems above. The last good scenario stays loaded.';
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      this.apply();
    }
    e.stopPropagation();
  }

  private async onFile(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.draft = await file.text();
    const area = this.renderRoot.querySelector('textarea');
    if (area) area.value = this.draft;
    input.value = '';
    if (this.validateNow()) {
      emit(this, 'scenario-apply', { text: this.draft });
      this.message = `Loaded ${file.name}.`;
    } else this.message = `${file.name} has problems; the last good scenario stays loaded.`;
  }

  private download(): void {
    let name = 'scenario';
    try {
      name = String(JSON.parse(this.draft).name ?? name).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || name;
    } catch { /* keep the default name */ }
    const url = URL.createObjectURL(new Blob([this.draft], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${name}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    this.message = `Downloaded ${name}.json.`;
  }

  private async share(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.shareLink());
      this.message = 'Link copied: it opens this scenario at the current time.';
    } catch {
      this.message = `Copy this link: ${this.shareLink()}`;
    }
  }

  /** The draft is not JSON (YAML, say) or is AWS's own JSON: offer to import it instead. */
  private get draftLooksLikeAws(): boolean {
    const text = this.draft.trim();
    if (text === '') return false;
    try {
      const v: unknown = JSON.parse(text);
      return typeof v === 'object' && v !== null && !('platform' in v) && !('name' in v);
    } catch {
      return !text.startsWith('{');
    }
  }

  /** Moves the draft into the import panel's paste box (kept there) and imports it. */
  private importDraft(): void {
    const text = this.draft;
    this.draft = this.text;
    this.problems = [];
    this.superseded = false;
    this.renderRoot.querySelector<ImportPanel>('import-panel')?.importText(text);
  }

  override render() {
    const invalid = this.problems.length > 0;
    return html`
      <import-panel .report=${this.importReport}></import-panel>
      <label for="json"><h2>Scenario JSON</h2></label>
      ${this.source ? html`<p class="source">Imported from <code>${this.source.files.join(', ')}</code></p>` : ''}
      ${this.superseded
        ? html`<div class="superseded" role="alert">
            <p>You have unapplied edits, and the loaded scenario has changed since (a scenario was loaded or a fault injected). Your draft is kept below.</p>
            <div class="buttons">
              <button class="apply-draft" @click=${this.apply}>Apply my draft</button>
              <button class="discard" @click=${this.discard}>Discard my draft and show the loaded scenario</button>
            </div>
          </div>`
        : ''}
      <textarea id="json" spellcheck="false" .value=${this.draft} aria-invalid=${invalid ? 'true' : 'false'}
                aria-describedby="problems" @input=${this.onInput} @keydown=${this.onKey}></textarea>
      <div id="problems" aria-live="polite">
        ${invalid
          ? html`<ul class="problems">${this.problems.map((p) => html`<li title=${formatProblem(p)}><code>${p.path || '/'}</code> ${p.message}</li>`)}</ul>
              ${this.draftLooksLikeAws
                ? html`<div class="buttons"><button class="import-draft" @click=${this.importDraft}>This looks like AWS configuration: import it</button></div>`
                : ''}`
          : this.draft.trim() ? html`<span class="ok">✓ Valid scenario</span>` : ''}
      </div>
      <div class="buttons">
        <button class="apply" @click=${this.apply} title="Ctrl+Enter">Apply</button>
        <button class="load" @click=${() => this.renderRoot.querySelector<HTMLInputElement>('input.load-file')?.click()}>Load file…</button>
        <input class="load-file" type="file" accept=".json,application/json" @change=${this.onFile} />
        <button class="download" @click=${this.download}>Download</button>
        <button class="share" @click=${this.share}>Copy share link</button>
      </div>
      <div class="status" role="status">${this.message}</div>
    `;
  }
}
