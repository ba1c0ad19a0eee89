// The status header: scenario name, platform and strategy, deployment ids with
// their status in AWS's words at t, elapsed simulated time (and the total, unless
// a quiz hides it).
import { LitElement, html, css } from 'lit';
import type { Frame, TraceIndex } from '../../layout/frame.ts';
import { strategyOf } from '../../layout/library.ts';
import { formatTime } from '../../layout/time.ts';
import { base } from '../shared/tokens.ts';
import { bdi } from '../shared/user-text.ts';
import { simulatingText, type Simulating } from '../../layout/simulating.ts';
import { thousands } from '../../scenario/thousands.ts';

export class StatusHeader extends LitElement {
  static override styles = [
    base,
    css`
      :host { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 18px; }
      .title { min-width: 0; flex: 1 1 320px; }
      /* A long name is cut with an ellipsis; the full name is its title, and it takes focus so the keyboard can reach it. */
      .name { font-size: 16px; font-weight: 700; margin: 0; line-height: 1.25; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; unicode-bidi: isolate; }
      .sub { overflow-wrap: anywhere; }
      .sub { font-size: 12px; color: #5b6577; }
      .deployments { display: flex; gap: 8px; flex-wrap: wrap; }
      .dep { border: 1px solid #d5dbe5; border-radius: 8px; padding: 3px 8px; font-size: 12px; background: #fff; }
      .dep b { font-variant-numeric: tabular-nums; }
      .status { font-weight: 700; padding: 0 6px; border-radius: 9px; margin-left: 4px; }
      .status.InProgress, .status.Baking, .status.Ready { background: #dceefa; color: #004f7c; }
      .status.Succeeded { background: #d7f0e6; color: #0b5e40; }
      .status.Failed { background: #fbe0d1; color: #8f3500; }
      .status.Stopped { background: #ece4f2; color: #5b2d78; }
      .clock { font-size: 20px; font-weight: 700; font-variant-numeric: tabular-nums; }
      .clock small { font-size: 12px; color: #5b6577; font-weight: 500; }
      .outcome { font-size: 12px; font-weight: 700; padding: 2px 8px; border-radius: 10px; }
      .outcome.Succeeded { background: #009E73; color: #fff; }
      .outcome.Failed { background: #D55E00; color: #fff; }
      .outcome.RolledBack { background: #CC79A7; color: #1d2330; }
      .outcome.Stopped { background: #5b2d78; color: #fff; }
    `,
  ];
  static override properties = {
    index: { attribute: false },
    frame: { attribute: false },
    hideTotal: { attribute: false },
    simulating: { attribute: false },
  };

  declare index: TraceIndex | undefined;
  declare frame: Frame | undefined;
  /** Quiz mode: the index is cut at the question, so its duration is no total, and a total would hint at the answer. */
  declare hideTotal: boolean;
  /** A large share link still simulating off the main thread (no index yet): its name, and that it is simulating. */
  declare simulating: Simulating | undefined;

  constructor() {
    super();
    this.hideTotal = false;
  }

  override render() {
    const index = this.index;
    const frame = this.frame;
    if ((!index || !frame) && this.simulating) {
      return html`<div class="title">
        ${scenarioName(this.simulating.name)}
        <div class="sub" role="status">${simulatingText(this.simulating)}</div>
      </div>`;
    }
    if (!index || !frame) return html`<div class="title"><p class="name">No scenario loaded</p></div>`;
    const sc = index.trace.scenario;
    const platform = sc.platform === 'ElasticBeanstalk' ? 'Elastic Beanstalk' : sc.platform;
    return html`
      <div class="title">
        ${scenarioName(sc.name)}
        <div class="sub">${platform} · ${strategyOf(sc)} · ${bdi(sc.versions.from)} → ${bdi(sc.versions.to)} · ${thousands(index.targets.length)} target${index.targets.length === 1 ? '' : 's'}</div>
      </div>
      <div class="deployments" role="status" aria-live="polite" aria-label="Deployments">
        ${frame.deployments.length === 0 ? html`<span class="dep">Deployment not started</span>` : ''}
        ${frame.deployments.map(
          (d) => html`<span class="dep"><b>${d.id}</b> ${bdi(d.revision)}${d.creator === 'codeDeployRollback' ? ' (rollback)' : ''}
            <span class="status ${d.status}">${d.status}</span></span>`,
        )}
        ${frame.outcome ? html`<span class="outcome ${frame.outcome}">Outcome: ${frame.outcome === 'RolledBack' ? 'Rolled back' : frame.outcome}</span>` : ''}
      </div>
      <div class="clock" aria-label="Elapsed simulated time">${formatTime(frame.t)}${this.hideTotal ? '' : html` <small>/ ${formatTime(index.duration)}</small>`}</div>
    `;
  }
}

/** The scenario's name: user text, cut with an ellipsis, its whole in the title and focusable so the keyboard reaches it. */
function scenarioName(name: string) {
  return html`<p class="name" title=${name} tabindex="0" aria-label=${`Scenario: ${name}`}>${bdi(name)}</p>`;
}
