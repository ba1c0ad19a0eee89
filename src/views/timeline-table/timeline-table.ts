// The timeline as real tables at the playhead: phases, then the steps each
// target has started (the latest MAX_SPAN_ROWS). The toggle next to the
// timeline shows it; rows come from `timelineRows` (src/layout/timeline-rows.ts).
import { LitElement, html, css, type PropertyValues } from 'lit';
import type { TraceIndex } from '../../layout/frame.ts';
import { formatTime } from '../../layout/time.ts';
import { timelineRows, type TimelineRows } from '../../layout/timeline-rows.ts';
import { base } from '../shared/tokens.ts';

export class TimelineTable extends LitElement {
  static override styles = [
    base,
    css`
      :host { display: block; font-size: 12.5px; }
      .scroll { max-height: 420px; overflow: auto; border: 1px solid #dde2ea; border-radius: 8px; }
      .scroll + .scroll { margin-top: 10px; }
      table { border-collapse: collapse; width: 100%; }
      caption { text-align: left; font-weight: 650; padding: 6px 8px; color: #3a4456; }
      th, td { text-align: left; padding: 3px 8px; border-top: 1px solid #eef1f5; white-space: nowrap; }
      thead th { position: sticky; top: 0; background: #f4f6fa; font-weight: 650; }
      td.num { font-variant-numeric: tabular-nums; }
      td.Failed { color: #a33c00; font-weight: 650; }
      td.progress { font-weight: 650; color: #004f7c; }
      .note { color: #5b6577; margin: 4px 0 0; }
    `,
  ];
  static override properties = { index: { attribute: false }, t: { type: Number } };
  declare index: TraceIndex | undefined;
  declare t: number;
  rows: TimelineRows | undefined;

  constructor() {
    super();
    this.t = 0;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('index') || changed.has('t')) this.rows = this.index ? timelineRows(this.index, this.t) : undefined;
  }

  override render() {
    const rows = this.rows;
    if (!rows) return html``;
    const at = formatTime(this.t);
    const end = (e: number | undefined) => (e === undefined ? '—' : formatTime(e));
    return html`
      <div class="scroll" tabindex="0" role="region" aria-label="Phases table">
        <table class="phases">
          <caption>Phases started by ${at} (${rows.phases.length})</caption>
          <thead><tr><th scope="col">Phase</th><th scope="col">Deployment</th><th scope="col">Status</th><th scope="col">Start</th><th scope="col">End</th><th scope="col">Targets</th></tr></thead>
          <tbody>
            ${rows.phases.map((p) => html`<tr><th scope="row">${p.name}</th><td>${p.deploymentId}</td>
              <td class=${p.status === 'In progress' ? 'progress' : ''}>${p.status}</td><td class="num">${formatTime(p.start)}</td><td class="num">${end(p.end)}</td><td>${p.targets}</td></tr>`)}
          </tbody>
        </table>
      </div>
      <div class="scroll" tabindex="0" role="region" aria-label="Steps table">
        <table class="spans">
          <caption>Steps started by ${at} (${rows.spans.length < rows.spansTotal ? `the latest ${rows.spans.length} of ${rows.spansTotal}` : rows.spansTotal})</caption>
          <thead><tr><th scope="col">Target</th><th scope="col">Step</th><th scope="col">Deployment</th><th scope="col">Status</th><th scope="col">Start</th><th scope="col">End</th><th scope="col">Reason</th></tr></thead>
          <tbody>
            ${rows.spans.map((s) => html`<tr><th scope="row">${s.target}</th><td>${s.name}</td><td>${s.deploymentId}</td>
              <td class=${s.status === 'In progress' ? 'progress' : s.status}>${s.status}</td><td class="num">${formatTime(s.start)}</td><td class="num">${end(s.end)}</td><td>${s.reason ?? ''}</td></tr>`)}
          </tbody>
        </table>
      </div>
    `;
  }
}
