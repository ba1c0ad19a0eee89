// The scenario library: shipped scenarios grouped by platform and strategy,
// each with its description. Picking one emits `scenario-pick`.
import { LitElement, html, css } from 'lit';
import type { LibraryGroup } from '../../layout/library.ts';
import { emit } from '../shared/events.ts';
import { base } from '../shared/tokens.ts';

export class ScenarioLibrary extends LitElement {
  static override styles = [
    base,
    css`
      :host { display: block; }
      details { margin-bottom: 8px; }
      summary { font-weight: 700; font-size: 13px; cursor: pointer; padding: 4px 2px; }
      h3 { font-size: 11px; text-transform: uppercase; letter-spacing: 0.05em; color: #5b6577; margin: 10px 0 4px 4px; }
      ul { list-style: none; margin: 0; padding: 0; }
      button.pick {
        display: block; width: 100%; box-sizing: border-box; text-align: left; border: 1px solid transparent; background: transparent;
        border-radius: 8px; padding: 6px 8px; margin-bottom: 2px;
      }
      button.pick:hover { background: #eef3fb; }
      button.pick[aria-current='true'] { background: #e3effa; border-color: #0072B2; }
      .name { font-size: 12.5px; font-weight: 600; line-height: 1.3; overflow-wrap: anywhere; }
      .name, .desc { unicode-bidi: isolate; }
      .desc { font-size: 11.5px; color: #5b6577; line-height: 1.35; margin-top: 2px; display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
      button.pick[aria-current='true'] .desc { -webkit-line-clamp: unset; }
    `,
  ];
  static override properties = {
    groups: { attribute: false },
    selected: { type: String },
  };

  declare groups: LibraryGroup[];
  declare selected: string;

  constructor() {
    super();
    this.groups = [];
    this.selected = '';
  }

  override render() {
    return html`
      <nav aria-label="Scenario library">
        ${this.groups.map(
          (g) => html`<details open>
            <summary>${g.label}</summary>
            ${g.strategies.map(
              (s) => html`<h3>${s.strategy}</h3>
                <ul>
                  ${s.entries.map(
                    (e) => html`<li><button class="pick" data-id=${e.id} aria-current=${e.id === this.selected ? 'true' : 'false'}
                        @click=${() => emit(this, 'scenario-pick', { id: e.id })}>
                      <div class="name">${e.name}</div>
                      <div class="desc">${e.description}</div>
                    </button></li>`,
                  )}
                </ul>`,
            )}
          </details>`,
        )}
      </nav>
    `;
  }
}
