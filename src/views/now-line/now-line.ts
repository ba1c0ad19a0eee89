// The now line, under the status header: the phase at the playhead in AWS's
// words, what it waits for and how long is left. The sentence comes from
// `nowLine` (src/layout/now.ts); this element only lays it out.
import { textData } from '../shared/text-data.ts';
import { LitElement, html, css, type PropertyValues } from 'lit';
import type { TraceIndex } from '../../layout/frame.ts';
import { nowLine, type NowLine } from '../../layout/now.ts';
import { base } from '../shared/tokens.ts';
import { simulatingText, type Simulating } from '../../layout/simulating.ts';

export class NowLineView extends LitElement {
  static override styles = [
    base,
    css`
      :host { display: block; background: #fff; border: 1px solid #dde2ea; border-left: 5px solid #0072B2; border-radius: 10px; padding: 8px 12px; }
      :host([rollback]) { border-left-color: #CC79A7; background: #fcf5f9; }
      /* Two lines tall whatever the sentence, so nothing below moves (presenter mode: --now-min-height: 0). */
      p { margin: 0; font-size: 13.5px; line-height: 1.4; display: flex; gap: 8px; align-items: center; min-height: var(--now-min-height, 2.8em); }
      .tag { font-size: 10.5px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.06em; color: #5b6577; flex: none; }
      .text { flex: 1 1 0; min-width: 0; }
      .phase { font-weight: 700; }
      .countdown { font-variant-numeric: tabular-nums; font-weight: 650; color: #004f7c; }
      .rollback .phase { color: #7a2f5c; }
      .rollback .tag { color: #7a2f5c; }
    `,
  ];
  static override properties = {
    index: { attribute: false },
    t: { type: Number },
    simulating: { attribute: false },
  };

  declare index: TraceIndex | undefined;
  declare t: number;
  /** A large share link still simulating off the main thread: said here until its index arrives. */
  declare simulating: Simulating | undefined;
  /** The line at t, exposed for tests and the app's e2e checks. */
  line: NowLine | undefined;

  constructor() {
    super();
    this.t = 0;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('index') || changed.has('t')) this.line = this.index ? nowLine(this.index, this.t) : undefined;
  }

  override updated(): void {
    this.toggleAttribute('rollback', !!this.line?.rollback);
  }

  override render() {
    const line = this.line;
    if (!line) {
      if (!this.simulating) return html``;
      return html`<p><span class="tag">Now<span class="visually-hidden">:</span></span>
        <span class="text"><span class="phase">${simulatingText(this.simulating)}</span> The timeline is drawn as soon as the simulation ends.</span></p>`;
    }
    // Bold the phase where the sentence starts with it; the rest as it reads.
    const rest = line.phase && line.text.startsWith(line.phase) ? line.text.slice(line.phase.length) : line.text;
    const at = line.countdown ? rest.lastIndexOf(line.countdown) : -1;
    const [before, cd, after] = at < 0 ? [rest, '', ''] : [rest.slice(0, at), line.countdown, rest.slice(at + line.countdown.length)];
    // Plain text a screen reader reads as it is (no live region: it changes every frame while playing).
    // The phase and countdown spans are always there (empty when the sentence has none): a seek
    // changes texts, never adds or removes an element, which would make Chromium work out the
    // page's compositing layers again; their one Text node is kept even when empty (textData).
    return html`<p class=${line.rollback ? 'rollback' : ''}>
      <span class="tag">${line.rollback ? 'Now · rollback' : 'Now'}<span class="visually-hidden">:</span></span>
      <span class="text"><span class="phase" ${textData(rest !== line.text ? line.phase : '')}></span>${before}<span class="countdown" ${textData(cd)}></span>${after}</span>
    </p>`;
  }
}
