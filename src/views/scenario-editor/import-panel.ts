// The editor's import panel: pick AWS files or a folder, or paste YAML or JSON, and
// see what the import did: the files read, the settings ignored (with their paths)
// or assumed, or the problems, each at its file, line and column. Files dropped
// anywhere on the page land here too (src/app/drop-import.ts). The generated
// scenario loads like any other; an unapplied draft in the editor is kept.
import { LitElement, html, css } from 'lit';
import { filesFromInput, type ImportReport } from '../../import/browser-files.ts';
import { pastedFile } from '../../import/bundle.ts';
import type { ImportNote } from '../../import/types.ts';
import { emit } from '../shared/events.ts';
import { base } from '../shared/tokens.ts';

const KINDS: readonly { kind: ImportNote['kind']; title: string }[] = [
  { kind: 'ignored', title: 'Ignored (deploysim does not model these)' },
  { kind: 'assumed', title: 'Assumed (the files do not say)' },
  { kind: 'info', title: 'How settings were read' },
];

const at = (n: { file: string; line: number; column: number }) => `${n.file}:${n.line}:${n.column}`;

export class ImportPanel extends LitElement {
  static override styles = [
    base,
    css`
      :host { display: block; margin-bottom: 12px; }
      .hint { font-size: 12px; color: #5b6577; margin: 0 0 6px; }
      .buttons { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 6px 0; }
      input[type='file'] { display: none; }
      details { font-size: 12.5px; }
      summary { cursor: pointer; color: #004f7c; }
      textarea.paste {
        width: 100%; min-height: 110px; resize: vertical; font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
        font-size: 12px; border: 1px solid #c9d0dc; border-radius: 8px; padding: 6px; margin-top: 4px;
      }
      .report { border: 1px solid #c9d0dc; border-radius: 8px; padding: 6px 8px; font-size: 12px; max-height: 320px; overflow-y: auto; }
      .report.failed { border-color: #D55E00; background: #fdf0e8; }
      .report p { margin: 0 0 4px; }
      .report h3 { font-size: 11.5px; margin: 6px 0 2px; color: #343c4c; }
      .report ul { margin: 0; padding: 0; list-style: none; }
      .report li { margin: 0 0 4px; overflow-wrap: anywhere; unicode-bidi: isolate; }
      .report code { font-size: 11px; color: #343c4c; }
      .report .setting { font-weight: 650; }
      .report li.problem { color: #5a2200; }
      .files { color: #414a5a; overflow-wrap: anywhere; }
    `,
  ];
  static override properties = {
    report: { attribute: false },
    paste: { type: String },
  };

  declare report: ImportReport | undefined;
  /** The paste box's text (kept after an import, so a problem can be fixed in place). */
  declare paste: string;

  constructor() {
    super();
    this.paste = '';
  }

  /** Imports `text` as pasted AWS configuration (also used by the editor for YAML typed into the JSON box). */
  importText(text: string): void {
    this.paste = text;
    const details = this.renderRoot.querySelector('details');
    if (details) details.open = true;
    emit(this, 'aws-import', { collected: { ok: true, files: [pastedFile(text)] } });
  }

  private async onFiles(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length) emit(this, 'aws-import', { collected: await filesFromInput(files) });
  }

  override render() {
    return html`
      <h2>Import AWS configuration</h2>
      <p class="hint">Drop files, a folder or a .zip source bundle anywhere on the page: an AppSpec file, .ebextensions,
        CloudFormation, or the JSON of the AWS CLI. Or:</p>
      <div class="buttons">
        <button class="pick-files" @click=${() => this.renderRoot.querySelector<HTMLInputElement>('input.files')?.click()}>Files or .zip…</button>
        <input class="files" type="file" multiple accept=".yml,.yaml,.json,.config,.template,.zip" @change=${this.onFiles} />
        <button class="pick-folder" @click=${() => this.renderRoot.querySelector<HTMLInputElement>('input.folder')?.click()}>Folder…</button>
        <input class="folder" type="file" webkitdirectory @change=${this.onFiles} />
      </div>
      <details>
        <summary>Paste YAML or JSON</summary>
        <textarea class="paste" spellcheck="false" aria-label="AWS configuration to import (YAML or JSON)" .value=${this.paste}
          @input=${(e: Event) => (this.paste = (e.target as HTMLTextAreaElement).value)} @keydown=${(e: KeyboardEvent) => e.stopPropagation()}></textarea>
        <div class="buttons"><button class="import-paste" ?disabled=${!this.paste.trim()} @click=${() => this.importText(this.paste)}>Import pasted text</button></div>
      </details>
      ${this.renderReport()}
    `;
  }

  private renderReport() {
    const r = this.report;
    if (!r) return '';
    const failed = r.problems.length > 0;
    return html`<div class="report ${failed ? 'failed' : 'ok'}" role=${failed ? 'alert' : 'status'}>
      ${failed
        ? html`<p><strong>Not imported: ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}.</strong> The last good scenario stays loaded.</p>
            <ul class="problems">${r.problems.map((p) => html`<li class="problem"><code>${at(p)}</code> ${p.message}</li>`)}</ul>`
        : html`<p><strong>Imported</strong> into the editor below and loaded.</p>
            <p class="files">From: ${r.files.join(', ')}</p>`}
      ${KINDS.map(({ kind, title }) => {
        const notes = r.notes.filter((n) => n.kind === kind);
        return notes.length === 0
          ? ''
          : html`<h3>${title}: ${notes.length}</h3>
              <ul class="notes ${kind}">${notes.map((n) => html`<li><code>${at(n)}</code> <span class="setting">${n.setting}</span>: ${n.message}</li>`)}</ul>`;
      })}
    </div>`;
  }
}

if (!customElements.get('import-panel')) customElements.define('import-panel', ImportPanel);
declare global {
  interface HTMLElementTagNameMap { 'import-panel': ImportPanel }
}
