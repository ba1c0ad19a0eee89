// Presenter mode's narration: the latest thing that happened, in large type, so
// the room can read it from the back. (The now-line above says what is waited for.)
import { LitElement, html, css } from 'lit';
import type { Frame } from '../../layout/frame.ts';
import type { Trace } from '../../trace/types.ts';
import { isolated } from '../shared/user-text.ts';
import { formatTime } from '../../layout/time.ts';
import { base } from '../shared/tokens.ts';

export class PresenterBar extends LitElement {
  static override styles = [
    base,
    css`
      :host { display: block; }
      p { margin: 0; font-size: 22px; line-height: 1.35; color: #1d2330; min-height: 1.35em; overflow-wrap: anywhere; }
      time { font-variant-numeric: tabular-nums; color: #4b5567; margin-right: 10px; font-weight: 650; }
    `,
  ];
  static override properties = { frame: { attribute: false }, trace: { attribute: false } };
  declare frame: Frame | undefined;
  declare trace: Trace | undefined;

  override render() {
    const e = this.frame?.latestEvent;
    return html`<p aria-label="Narration">${e ? html`<time>${formatTime(e.t)}</time>${isolated(e.message, this.trace)}` : 'Press play (Space or .) to start.'}</p>`;
  }
}
