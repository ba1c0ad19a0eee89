// A searchable target picker (ARIA 1.2 combobox with a listbox popup): type part
// of an id or label to narrow, arrows to move, Enter to pick, Escape to close and
// keep the current pick. Only the first SHOWN matches are rendered, so it stays
// quick with thousands of targets where a <select> of 5,000 options does not.
// Fires `pick` (detail { value }) on itself; the host decides what a pick means.
import { LitElement, html, css, type PropertyValues } from 'lit';
import { base } from '../shared/tokens.ts';
import { thousands } from '../../scenario/thousands.ts';
import { matchTargets, type Matches, type PickerOption } from './target-filter.ts';

export const SHOWN = 50;
let counter = 0;

export class TargetPicker extends LitElement {
  static override styles = [
    base,
    css`
      :host { display: inline-block; position: relative; min-width: 9em; max-width: 100%; }
      input {
        width: 100%; border: 1px solid var(--ds-line, #c9d0dc); border-radius: 6px; padding: 3px 22px 3px 6px; background: #fff;
        text-overflow: ellipsis;
      }
      .chev { position: absolute; right: 7px; top: 50%; transform: translateY(-50%); pointer-events: none; color: #5b6577; font-size: 10px; }
      ul {
        position: absolute; z-index: 20; left: 0; top: calc(100% + 2px); min-width: 100%; max-width: 320px; max-height: 240px; overflow-y: auto;
        margin: 0; padding: 3px 0; list-style: none; background: #fff; border: 1px solid #c9d0dc; border-radius: 6px;
        box-shadow: 0 4px 14px rgba(20, 30, 50, 0.16);
      }
      li { padding: 3px 8px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; cursor: pointer; unicode-bidi: isolate; }
      li[aria-selected='true'] { background: #0072B2; color: #fff; }
      li.current:not([aria-selected='true']) { font-weight: 650; }
      li.more, li.none { color: #5b6577; font-style: italic; cursor: default; white-space: normal; }
    `,
  ];
  static override properties = {
    options: { attribute: false },
    value: { type: String },
    label: { type: String },
    open: { state: true },
    query: { state: true },
    active: { state: true },
  };

  /** The targets, in the fleet's order. */
  declare options: PickerOption[];
  declare value: string;
  /** Accessible name of the combobox. */
  declare label: string;
  declare open: boolean;
  declare query: string;
  declare active: number;
  private found: Matches = { shown: [], total: 0 };
  private readonly uid = `tp-${++counter}`;

  constructor() {
    super();
    this.options = [];
    this.value = '';
    this.label = 'Target';
    this.open = false;
    this.query = '';
    this.active = 0;
  }

  private get current(): PickerOption | undefined {
    return this.options.find((o) => o.value === this.value);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('options') || changed.has('query') || changed.has('open')) {
      this.found = this.open ? matchTargets(this.options, this.query, SHOWN) : { shown: [], total: 0 };
      if (this.active >= this.found.shown.length) this.active = Math.max(0, this.found.shown.length - 1);
    }
  }

  override render() {
    const { shown, total } = this.found;
    const activeId = this.open && shown.length ? `${this.uid}-${this.active}` : '';
    return html`
      <input type="text" role="combobox" autocomplete="off" spellcheck="false"
        aria-label=${this.label} aria-autocomplete="list" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="${this.uid}-list"
        aria-activedescendant=${activeId} title=${this.current?.label ?? ''}
        .value=${this.open ? this.query : this.current?.label ?? ''}
        placeholder=${this.open ? 'Type to search targets' : ''}
        @focus=${this.selectAll} @click=${this.onFocus} @input=${this.onInput} @keydown=${this.onKey} @blur=${this.close} />
      <span class="chev" aria-hidden="true">▼</span>
      <ul id="${this.uid}-list" role="listbox" aria-label=${this.label} ?hidden=${!this.open}>
        ${shown.map(
          (o, k) => html`<li id="${this.uid}-${k}" role="option" aria-selected=${k === this.active ? 'true' : 'false'}
            class=${o.value === this.value ? 'current' : ''} title=${o.label}
            @mousedown=${(e: Event) => e.preventDefault()} @click=${() => this.pick(o.value)}>${o.label}</li>`,
        )}
        ${this.open && total === 0 ? html`<li class="none" role="presentation">No target matches “${this.query}”.</li>` : ''}
        ${total > shown.length ? html`<li class="more" role="presentation">${shown.length} of ${thousands(total)} shown: type to narrow.</li>` : ''}
      </ul>
    `;
  }

  override updated(): void {
    if (this.open) this.renderRoot.querySelector(`#${this.uid}-${this.active}`)?.scrollIntoView?.({ block: 'nearest' });
  }

  /** Tabbing in does not open the list (only a click, typing or ↓ does); typing replaces the shown label. */
  private selectAll = (e: FocusEvent): void => (e.target as HTMLInputElement).select();

  private onFocus = (): void => {
    if (this.open) return;
    this.query = '';
    this.active = Math.max(0, matchTargets(this.options, '', SHOWN).shown.findIndex((o) => o.value === this.value));
    this.open = true;
  };

  private onInput = (e: Event): void => {
    this.query = (e.target as HTMLInputElement).value;
    this.active = 0;
    this.open = true;
  };

  private close = (): void => {
    this.open = false;
    this.query = '';
  };

  private pick(value: string): void {
    this.close();
    if (value !== this.value) {
      this.value = value;
      this.dispatchEvent(new CustomEvent('pick', { detail: { value } }));
    }
  }

  private onKey = (e: KeyboardEvent): void => {
    const n = this.found.shown.length;
    const move = (to: number) => {
      e.preventDefault();
      if (!this.open) this.onFocus();
      else if (n) this.active = Math.min(n - 1, Math.max(0, to));
    };
    switch (e.key) {
      case 'ArrowDown': move(this.active + 1); break;
      case 'ArrowUp': move(this.active - 1); break;
      case 'PageDown': move(this.active + 10); break;
      case 'PageUp': move(this.active - 10); break;
      case 'Enter':
        if (this.open && n) {
          e.preventDefault();
          this.pick(this.found.shown[this.active]!.value);
        }
        break;
      case 'Escape':
        if (this.open) {
          e.preventDefault();
          this.close();
        }
        break;
      default:
        return;
    }
    // The app's playback shortcuts must not also act on a key the picker used.
    e.stopPropagation();
  };
}
