// "Why?" for the selected event: the AWS rule it applied, in plain words, with
// the documentation page as a link; or deploysim's own choice where AWS is
// silent; or that the event is plain narration. Empty until a selection.
import { LitElement, html, css, type PropertyValues } from 'lit';
import { explainEvent, type Explanation, type Reason } from '../../layout/why.ts';
import { formatTime } from '../../layout/time.ts';
import type { TraceEvent } from '../../trace/types.ts';
import { base } from '../shared/tokens.ts';

export class WhyPanel extends LitElement {
  static override styles = [
    base,
    css`
      :host { display: block; font-size: 12.5px; line-height: 1.45; }
      .empty { color: #6b7587; margin: 0; }
      .event { margin: 0 0 6px; }
      .event time { font-variant-numeric: tabular-nums; color: #5b6577; margin-right: 4px; }
      .reason { border-left: 3px solid #0072B2; background: #f2f7fc; border-radius: 0 6px 6px 0; padding: 6px 8px; margin: 0 0 6px; }
      .reason.undocumented { border-color: #E69F00; background: #fff8e8; }
      .reason.narration { border-color: #9aa3b2; background: #f6f7fa; }
      .kind { display: block; font-size: 10.5px; font-weight: 700; letter-spacing: 0.04em; text-transform: uppercase; color: #4b5567; margin-bottom: 2px; }
      .reason p { margin: 0 0 4px; }
      .reason p:last-child { margin-bottom: 0; }
      a { color: #005a8e; overflow-wrap: anywhere; }
      code { font-size: 11px; background: #e8ecf2; border-radius: 3px; padding: 0 3px; }
    `,
  ];
  static override properties = { event: { attribute: false } };

  /** The selected event; undefined until the learner selects one. */
  declare event: TraceEvent | undefined;
  private explanation: Explanation | undefined;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('event')) this.explanation = this.event ? explainEvent(this.event) : undefined;
  }

  override render() {
    const x = this.explanation;
    if (!x) return html`<h2>Why?</h2><p class="empty">Select an event in the log to see the rule behind it.</p>`;
    return html`
      <h2>Why?</h2>
      <p class="event"><time>${formatTime(x.event.t)}</time>${x.event.message}</p>
      ${x.reasons.length
        ? x.reasons.map((r) => reason(r))
        : html`<div class="reason narration"><span class="kind">Narration</span>
            <p>This event tells what happened; it applies no AWS rule of its own and makes no choice of deploysim's.</p></div>`}
    `;
  }
}

function reason(r: Reason) {
  switch (r.kind) {
    case 'rule':
      return html`<div class="reason rule"><span class="kind">AWS rule</span>
        <p class="text">${r.rule.text}</p>
        <p>Source: <a class="source" href=${r.rule.source} target="_blank" rel="noopener">${r.rule.source.replace(/^https:\/\//, '')}</a></p></div>`;
    case 'unknown-rule':
      return html`<div class="reason rule"><span class="kind">AWS rule</span>
        <p>The event names rule <code>${r.id}</code>, which this build's rules catalogue does not have.</p></div>`;
    case 'undocumented':
      return html`<div class="reason undocumented"><span class="kind">deploysim's choice — AWS is silent</span>
        <p class="question">AWS does not document: ${r.choice.question}</p>
        <p class="says">What deploysim does: ${r.choice.says}.</p></div>`;
    case 'unknown-undocumented':
      return html`<div class="reason undocumented"><span class="kind">deploysim's choice — AWS is silent</span>
        <p>The event follows deploysim's choice <code>${r.id}</code>, which this build's catalogue does not describe.</p></div>`;
  }
}
