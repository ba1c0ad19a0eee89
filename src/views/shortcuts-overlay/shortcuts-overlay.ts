// The `?` overlay: every keyboard shortcut, including the keys a presentation
// remote sends. A modal dialog: focus moves to its close button, Escape or the
// button closes it (the app returns focus to where it was).
import { LitElement, html, css, type PropertyValues } from 'lit';
import { SHORTCUTS } from '../../app/shortcuts.ts';
import { base } from '../shared/tokens.ts';

export class ShortcutsOverlay extends LitElement {
  static override styles = [
    base,
    css`
      :host { position: fixed; inset: 0; z-index: 50; display: grid; place-items: center; background: rgba(12, 22, 38, 0.55); }
      :host(:not([open])) { display: none; }
      .box { background: #fff; border-radius: 12px; padding: 18px 22px; max-width: min(680px, 92vw); max-height: 88vh; overflow: auto; box-shadow: 0 10px 40px rgba(0, 0, 0, 0.3); }
      h2 { margin: 0 0 10px; font-size: 20px; color: #0b3a5b; }
      table { border-collapse: collapse; font-size: 15px; }
      th { text-align: left; padding: 5px 16px 5px 0; white-space: nowrap; vertical-align: top; font-weight: 500; }
      td { padding: 5px 0; }
      kbd { display: inline-block; min-width: 1.4em; text-align: center; font: 600 13px ui-monospace, monospace; border: 1px solid #b9c1cf; border-bottom-width: 2px; border-radius: 5px; padding: 1px 6px; margin-right: 4px; background: #f6f8fb; }
      .foot { display: flex; justify-content: space-between; align-items: center; margin-top: 12px; gap: 12px; }
      .foot p { margin: 0; color: #4b5567; font-size: 13px; }
      button { font: inherit; font-weight: 650; padding: 6px 14px; border-radius: 8px; }
      button:focus-visible { outline: 3px solid #E69F00; outline-offset: 2px; }
    `,
  ];
  static override properties = { open: { type: Boolean, reflect: true } };
  declare open: boolean;

  constructor() {
    super();
    this.open = false;
  }

  override render() {
    // Modal: Tab stays on the one control inside (the Close button).
    return html`<div class="box" role="dialog" aria-modal="true" aria-labelledby="title" @keydown=${(e: KeyboardEvent) => e.key === 'Tab' && e.preventDefault()}>
      <h2 id="title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          ${SHORTCUTS.map((s) => html`<tr><th scope="row">${s.keys.map((k) => html`<kbd>${k}</kbd>`)}</th><td>${s.does}</td></tr>`)}
        </tbody>
      </table>
      <div class="foot"><p>A presentation remote's next, previous and blank-screen buttons send PageDown, PageUp and <kbd>.</kbd></p>
        <button class="close" @click=${this.close}>Close</button></div>
    </div>`;
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) this.renderRoot.querySelector<HTMLButtonElement>('.close')?.focus();
  }

  private close = (): void => {
    this.dispatchEvent(new CustomEvent('shortcuts-close', { bubbles: true, composed: true }));
  };
}

declare global {
  interface HTMLElementEventMap { 'shortcuts-close': CustomEvent<void> }
}
