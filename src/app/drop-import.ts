// Files dragged onto the app: an overlay while they hover, and the dropped files,
// folders and zips read by src/import/browser-files.ts (loaded on the first drop) for the app to import.
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Collected, Dropped } from '../import/browser-files.ts';

/**
 * Listens for files dragged over the whole app: shows a drop overlay while they
 * hover and hands the dropped files to `onFiles`. Text or links dragged around
 * the page are left alone.
 */
export class DropImport implements ReactiveController {
  active = false;
  private depth = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onFiles: (collected: Collected) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('dragenter', this.enter);
    this.host.addEventListener('dragover', this.over);
    this.host.addEventListener('dragleave', this.leave);
    this.host.addEventListener('drop', this.drop);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('dragenter', this.enter);
    this.host.removeEventListener('dragover', this.over);
    this.host.removeEventListener('dragleave', this.leave);
    this.host.removeEventListener('drop', this.drop);
  }

  private static carriesFiles(e: DragEvent): boolean {
    return !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
  }

  private set(active: boolean): void {
    if (this.active !== active) {
      this.active = active;
      this.host.requestUpdate();
    }
  }

  private enter = (e: DragEvent): void => {
    if (!DropImport.carriesFiles(e)) return;
    e.preventDefault();
    this.depth++;
    this.set(true);
  };

  private over = (e: DragEvent): void => {
    if (!DropImport.carriesFiles(e)) return;
    e.preventDefault();
    e.dataTransfer!.dropEffect = 'copy';
  };

  private leave = (e: DragEvent): void => {
    if (!DropImport.carriesFiles(e)) return;
    this.depth = Math.max(0, this.depth - 1);
    if (this.depth === 0) this.set(false);
  };

  private drop = (e: DragEvent): void => {
    if (!DropImport.carriesFiles(e)) return;
    e.preventDefault();
    this.depth = 0;
    this.set(false);
    // What was dropped is taken now (the browser empties it after the event); the reader loads on first use.
    const dropped: Dropped = {
      entries: [...e.dataTransfer!.items].filter((i) => i.kind === 'file').map((i) => i.webkitGetAsEntry?.() ?? null),
      files: [...e.dataTransfer!.files],
    };
    void import('../import/browser-files.ts').then((m) => m.filesFromEntries(dropped)).then(this.onFiles);
  };

  /** The overlay shown while files hover over the app. */
  overlay() {
    return this.active
      ? html`<div class="drop-overlay" role="status" style="position:fixed;inset:0;z-index:50;display:flex;align-items:center;justify-content:center;background:rgba(0,114,178,0.12);border:4px dashed #0072B2;pointer-events:none;font:650 18px system-ui,sans-serif;color:#0b3a5b;text-align:center;padding:20px">
          Drop to import: an AppSpec file, .ebextensions, CloudFormation, AWS CLI JSON, a source bundle folder or .zip
        </div>`
      : '';
  }
}
