// Compare strategies side by side: 2–6 strategies over the current scenario's
// fleet, timings and faults (variants from src/layout/compare-variants.ts), their
// timelines stacked on one time axis with one playhead and one set of controls;
// an action injected at the playhead forks every run (src/app/compare-session.ts).
// Below, the metrics table (src/metrics, the rows of `deploysim compare`) and
// AWS's own comparison table (src/aws/eb-comparison.ts) beside it.
import { LitElement, html, svg, nothing, type PropertyValues } from 'lit';
import type { Scenario } from '../../scenario/types.ts';
import { familyOf, defaultPicks, strategiesFor, MAX_STRATEGIES, MIN_STRATEGIES, type Family } from '../../layout/compare-variants.ts';
import { buildRuns, clearInjected, injectAll, nextEventOfAll, previousEventOfAll, sharedDuration, type CompareRun } from '../../app/compare-session.ts';
import { injectOptions, actionFault, describeFault, type NowAction } from '../../layout/faults.ts';
import type { Injection } from '../../layout/fork.ts';
import { deploymentsAt } from '../../layout/frame.ts';
import { advance } from '../../layout/playback.ts';
import { axisEnd } from '../../layout/series.ts';
import { capacityMax, phaseRects, runAreas, wrapLabel, xOf, type Scale } from '../../layout/strip.ts';
import { timeTicks } from '../../layout/ticks.ts';
import { formatTime } from '../../layout/time.ts';
import { versionColor } from '../../layout/palette.ts';
import { METRIC_COLUMNS } from '../../metrics/columns.ts';
import { EB_COMPARISON, EB_COMPARISON_COLUMNS, EB_COMPARISON_SOURCE } from '../../aws/eb-comparison.ts';
import { PlaybackClock } from '../../app/playback-clock.ts';
import { ResizeController } from '../shared/resize-controller.ts';
import { base } from '../shared/tokens.ts';
import { styles } from './compare-view.styles.ts';
import { emitCompare } from './events.ts';
import '../playback-controls/index.ts';

type Raw = Record<string, unknown>;
const LABEL = 220;
/** Characters of a strategy label per line in the label column (13.5px bold). */
const LABEL_CHARS = 26;
const STRIP_GAP = 14;

export class CompareView extends LitElement {
  static override styles = [base, styles];
  static override properties = {
    raw: { attribute: false },
    scenario: { attribute: false },
    request: { attribute: false },
    picks: { state: true },
    runs: { state: true },
    t: { state: true },
    playing: { state: true },
    speed: { state: true },
    skipWaits: { state: true },
    reports: { state: true },
    action: { state: true },
  };

  /** The current scenario as the user wrote it, and validated. */
  declare raw: Raw | undefined;
  declare scenario: Scenario | undefined;
  /** Strategy ids asked for from outside ("run the survivors side by side"); applied when they change. */
  declare request: readonly string[] | undefined;
  /** Picked strategy ids (2–6). */
  declare picks: string[];
  declare runs: CompareRun[];
  declare t: number;
  declare playing: boolean;
  declare speed: number;
  declare skipWaits: boolean;
  declare reports: (Injection | undefined)[] | undefined;
  declare action: NowAction | '';

  private family: Family | undefined;
  /** The request last applied, as text: a host re-rendering with an equal list changes nothing. */
  private applied = '';
  private size = new ResizeController(this, 1000);
  readonly clock = new PlaybackClock(this, (dt) => this.tick(dt));

  constructor() {
    super();
    this.picks = [];
    this.runs = [];
    this.t = 0;
    this.playing = false;
    this.speed = 10;
    this.skipWaits = true;
    this.action = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The controls inside speak the app's playback events; here they drive this view
    // only, so they stop at this element and never reach the shell's own playhead.
    this.addEventListener('playback-command', this.onCommand);
    this.addEventListener('seek-to', this.onSeek);
    this.addEventListener('speed-change', this.onSpeed);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('playback-command', this.onCommand);
    this.removeEventListener('seek-to', this.onSeek);
    this.removeEventListener('speed-change', this.onSpeed);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const requested = this.request?.join(' ') ?? '';
    if (changed.has('request') && requested !== this.applied) {
      this.applied = requested;
      if (this.request?.length) this.picks = [...this.request];
    }
    if (!this.scenario || !(changed.has('raw') || changed.has('scenario') || changed.has('picks'))) return;
    const family = familyOf(this.scenario);
    const ids = new Set(strategiesFor(family).map((s) => s.id));
    const kept = this.picks.filter((id) => ids.has(id));
    // A new family (or the first scenario) with nothing of it picked opens with the
    // default picks; otherwise the picks stay as the learner left them, even below two.
    const picks = family !== this.family && kept.length === 0 ? defaultPicks(this.scenario) : kept;
    if (picks.length !== this.picks.length || picks.some((id, i) => id !== this.picks[i])) this.picks = picks;
    this.family = family;
    this.rebuild();
  }

  private rebuild(): void {
    if (!this.raw || !this.scenario) return;
    this.runs = buildRuns(this.raw, this.scenario, this.picks.slice(0, MAX_STRATEGIES));
    this.reports = undefined;
    this.t = Math.min(this.t, sharedDuration(this.runs));
  }

  /** The run whose trace is longest: the shared axis and the playback clock follow it. */
  private get longest() {
    let best: CompareRun | undefined;
    for (const r of this.runs) if (r.index && (!best || r.index.duration > best.index!.duration)) best = r;
    return best?.index;
  }

  private tick(wallSeconds: number): void {
    const index = this.longest;
    if (!index || !this.playing) return;
    const a = advance(index, this.t, wallSeconds, this.speed, this.skipWaits);
    this.t = a.t;
    if (a.ended) this.playing = false;
  }

  private onCommand = (e: CustomEvent<{ command: string }>): void => {
    e.stopPropagation();
    const end = sharedDuration(this.runs);
    switch (e.detail.command) {
      case 'toggle': if (this.playing) this.playing = false; else { if (this.t >= end) this.t = 0; this.playing = true; } break;
      case 'play': this.playing = true; break;
      case 'pause': this.playing = false; break;
      case 'next': this.t = nextEventOfAll(this.runs, this.t); break;
      case 'previous': this.t = previousEventOfAll(this.runs, this.t); break;
      case 'restart': this.t = 0; break;
      case 'end': this.playing = false; this.t = end; break;
    }
  };

  private onSeek = (e: CustomEvent<{ t: number }>): void => {
    e.stopPropagation();
    this.t = Math.min(Math.max(0, e.detail.t), sharedDuration(this.runs));
  };

  private onSpeed = (e: CustomEvent<{ speed: number; skipWaits: boolean }>): void => {
    e.stopPropagation();
    this.speed = e.detail.speed;
    this.skipWaits = e.detail.skipWaits;
  };

  private toggle(id: string, on: boolean): void {
    const next = on ? [...this.picks, id] : this.picks.filter((x) => x !== id);
    if (next.length > MAX_STRATEGIES) return;
    this.picks = next;
    emitCompare(this, 'compare-picks', { ids: next });
  }

  /** Injects the chosen action at the playhead into every run. */
  inject(action: NowAction): void {
    if (!this.raw || !this.scenario) return;
    const fork = injectAll(this.raw, this.scenario, this.runs, actionFault(action, this.t));
    this.runs = fork.runs;
    this.reports = fork.reports;
  }

  private clearInjected(): void {
    if (!this.raw || !this.scenario) return;
    this.runs = clearInjected(this.raw, this.scenario, this.runs);
    this.reports = undefined;
  }

  override render() {
    if (!this.scenario) return html`<p>Load a scenario to compare strategies.</p>`;
    const strategies = strategiesFor(familyOf(this.scenario));
    const picked = new Set(this.picks);
    const options = injectOptions(this.scenario, undefined).actions;
    const injected = this.runs.some((r) => r.injected.length > 0);
    return html`
      <section class="card">
        <h2>Compare strategies <span class="hint">same fleet, timings and faults as “${this.scenario.name}”</span></h2>
        <fieldset class="picks">
          <legend>Strategies (pick ${MIN_STRATEGIES}–${MAX_STRATEGIES})</legend>
          ${strategies.map((s) => html`<label class=${picked.has(s.id) ? 'on' : ''}><input type="checkbox" .checked=${picked.has(s.id)}
            ?disabled=${!picked.has(s.id) && this.picks.length >= MAX_STRATEGIES}
            @change=${(e: Event) => this.toggle(s.id, (e.target as HTMLInputElement).checked)} />${s.label}</label>`)}
        </fieldset>
        ${this.picks.length < MIN_STRATEGIES ? html`<p class="note" role="status">Pick at least ${MIN_STRATEGIES} strategies to compare.</p>` : nothing}
      </section>
      <section class="card controls">
        <playback-controls .index=${this.longest} .t=${this.t} .playing=${this.playing} .speed=${this.speed} .skipWaits=${this.skipWaits}></playback-controls>
        <div class="inject">
          <label>At ${formatTime(this.t)}, in every run:
            <select aria-label="Action to inject" @change=${(e: Event) => (this.action = (e.target as HTMLSelectElement).value as NowAction)}>
              <option value="" ?selected=${this.action === ''}>choose…</option>
              ${options.map((o) => html`<option value=${o.action} title=${o.help} ?selected=${this.action === o.action}>${o.label}</option>`)}
            </select>
          </label>
          <button class="primary" ?disabled=${!this.action || !this.runs.some((r) => r.index)} @click=${() => this.action && this.inject(this.action)}>Inject into all</button>
          ${injected ? html`<button @click=${this.clearInjected}>Remove injected inputs</button>` : nothing}
        </div>
      </section>
      <section class="card strips" aria-label="Timelines on one time axis">${this.renderStrips()}</section>
      <div class="tables">
        <section class="card" aria-label="Measured metrics">${this.renderMetrics()}</section>
        <section class="card aws" aria-label="AWS's comparison">${this.renderAws()}</section>
      </div>
    `;
  }

  private renderStrips() {
    const width = Math.max(600, this.size.effectiveWidth - 28);
    const duration = sharedDuration(this.runs);
    const scale: Scale = { x0: LABEL, width: width - LABEL - 16, end: axisEnd(duration || 1) };
    const axisY = 22;
    let y = axisY + 10;
    const body: unknown[] = [];
    // One in-service scale for every run, so a taller band means more targets.
    const capacityScale = Math.max(1, ...this.runs.map((r) => (r.index ? capacityMax(r.index) : 0)));
    const notes: unknown[] = [];
    this.runs.forEach((run, k) => {
      const report = this.reports?.[k];
      const top = y;
      const lines = wrapLabel(run.strategy.label, LABEL_CHARS);
      const title = svg`<text class="run-title" x="4" y=${top + 14}>${lines.map((line, i) => svg`<tspan x="4" dy=${i ? 16 : 0}>${line}</tspan>`)}<title>${run.strategy.label}</title></text>`;
      const below = top + 14 + lines.length * 16;
      if (!run.index) {
        body.push(title, svg`<text class="invalid" x="4" y=${below + 2}>Not run: ${run.problems?.[0] ? `${run.problems[0].path || '/'} ${run.problems[0].message}` : 'invalid'}</text>`);
        y = below + 14 + STRIP_GAP;
        return;
      }
      const index = run.index;
      const status = deploymentsAt(index, this.t).filter((d) => d.start <= this.t).map((d) => `${d.id} ${d.status}`).join(' · ') || 'not started';
      const phases = phaseRects(index, this.t, scale, top, 18);
      // The charts start below the phases and below the title and status on the left.
      const chartTop = Math.max(top + Math.max(1, phases.rows) * 18 + 4, below + 8);
      const areas = runAreas(index, this.t, scale);
      const traffic = areas.traffic(chartTop, 34);
      // Lambda: an alias has no capacity (docs/metrics.md), so no in-service chart.
      const withCapacity = run.metrics?.minInService !== null;
      const capacity = withCapacity ? areas.capacity(chartTop + 38, 34, capacityScale) : undefined;
      y = chartTop + (capacity ? 72 : 34);
      body.push(
        svg`<g class="run" data-strategy=${run.strategy.id}>
          ${title}
          <text class="status" x="4" y=${below}>${status}</text>
          <text class="axis-label" x=${LABEL - 8} y=${chartTop + 21} text-anchor="end">traffic</text>
          <rect class="chart-bg" x=${scale.x0} y=${chartTop} width=${scale.width} height="34"></rect>
          ${capacity
            ? svg`<text class="axis-label" x=${LABEL - 8} y=${chartTop + 59} text-anchor="end">in service (0–${capacity.max})</text>
              <rect class="chart-bg" x=${scale.x0} y=${chartTop + 38} width=${scale.width} height="34"></rect>`
            : nothing}
          ${phases.rects.map((r) => svg`<rect class=${r.accent ? 'phase rollback' : 'phase'} x=${r.x} y=${r.y} width=${r.w} height=${r.h} fill=${r.fill}><title>${r.label}</title></rect>
            ${r.w > r.label.length * 6.2 + 8 ? svg`<text class="phase-label" x=${r.x + 4} y=${r.y + r.h - 4}>${r.label}</text>` : nothing}`)}
          ${traffic.filter((a) => a.d).map((a) => svg`<path d=${a.d} fill=${a.color}><title>traffic ${a.version}</title></path>`)}
          ${(capacity?.areas ?? []).filter((a) => a.d).map((a) => svg`<path d=${a.d} fill=${a.color}><title>in service ${a.version}</title></path>`)}
          ${index.duration < duration ? svg`<line class="ended" x1=${xOf(scale, index.duration)} x2=${xOf(scale, index.duration)} y1=${top} y2=${y}></line>` : nothing}
        </g>`,
      );
      if (report) notes.push(html`<li><strong>${run.strategy.label}:</strong> ${report.kind === 'refused' ? `refused — ${report.message}` : report.message}${'details' in report && report.details.length ? html` <span class="detail">${report.details.join(' ')}</span>` : nothing}</li>`);
      y += STRIP_GAP;
    });
    const px = xOf(scale, this.t);
    const versions = this.runs.find((r) => r.index)?.index!.versions ?? [];
    const height = y + 4;
    return html`
      <div class="legend">${versions.map((v) => html`<span><i style="background:${versionColor(versions, v)}"></i>${v}</span>`)}
        <span class="hint">phases above, production traffic and in-service targets below; a grey line marks where a shorter run ended</span></div>
      <svg class="axis" width=${width} height=${height} viewBox="0 0 ${width} ${height}" role="img" aria-label=${`The picked strategies at ${formatTime(this.t)} on one time axis`}>
        ${svg`<line class="axis-line" x1=${scale.x0} x2=${scale.x0 + scale.width} y1=${axisY} y2=${axisY}></line>`}
        ${timeTicks(duration || 1, scale.width, 80).map((tick) => svg`<text class="tick" x=${xOf(scale, tick)} y=${axisY - 6} text-anchor="middle">${formatTime(tick)}</text>`)}
        ${body}
        ${svg`<line class="playhead" x1=${px} x2=${px} y1=${axisY - 2} y2=${height}></line>`}
      </svg>
      ${notes.length ? html`<div class="fork" role="status"><h3>What the injected input changed</h3><ul>${notes}</ul>
        <p class="detail">Inputs: ${[...new Set(this.runs.flatMap((r) => r.injected.map(describeFault)))].join('; ')}</p></div>` : nothing}
    `;
  }

  private renderMetrics() {
    const rows = this.runs.filter((r) => r.metrics);
    return html`
      <h2>Measured <span class="hint">from each run's trace (src/metrics; the rows of <code>deploysim compare</code>)</span></h2>
      <table class="metrics">
        <thead><tr>${METRIC_COLUMNS.map((c) => html`<th scope="col">${c.title}</th>`)}</tr></thead>
        <tbody>${rows.map((r) => html`<tr>${METRIC_COLUMNS.map((c, i) => (i === 0 ? html`<th scope="row">${c.cell(r.metrics!, formatTime)}</th>` : html`<td>${c.cell(r.metrics!, formatTime)}</td>`))}</tr>`)}</tbody>
      </table>
      <details class="changes"><summary>What each variant changes</summary>
        <ul>${this.runs.map((r) => html`<li><strong>${r.strategy.label}:</strong> ${r.changes.length ? r.changes.join('; ') : 'nothing (the current scenario)'}</li>`)}</ul>
      </details>
    `;
  }

  private renderAws() {
    if (this.family !== 'ElasticBeanstalk') {
      return html`<h2>AWS's comparison</h2><p class="note">AWS publishes its comparison table for the Elastic Beanstalk policies
        (<a href=${EB_COMPARISON_SOURCE.url} target="_blank" rel="noopener">${EB_COMPARISON_SOURCE.title}</a>). For CodeDeploy, compare the measured rows with the deployment configurations' own definitions.</p>`;
    }
    const picked = new Set(this.runs.map((r) => (r.strategy.family === 'ElasticBeanstalk' ? r.strategy.policy : '')));
    return html`
      <h2>AWS's comparison <span class="hint">as AWS documents it (reference §1.1)</span></h2>
      <table class="aws-table">
        <thead><tr>${EB_COMPARISON_COLUMNS.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
        <tbody>${EB_COMPARISON.map((r) => html`<tr class=${picked.has(r.policy) ? 'picked' : ''}>
          <th scope="row">${r.method}</th><td>${r.failureImpact}</td><td>${r.deployTime}${r.deployTimeNote ? html` <span class="detail">(${r.deployTimeNote})</span>` : nothing}</td>
          <td>${r.zeroDowntime ? 'Yes' : 'No'}</td><td>${r.noDnsChange ? 'Yes' : 'No'}</td><td>${r.rollback}</td><td>${r.codeDeployedTo}</td></tr>`)}</tbody>
      </table>
      <p class="source">Source: <a href=${EB_COMPARISON_SOURCE.url} target="_blank" rel="noopener">${EB_COMPARISON_SOURCE.title}</a>. Picked strategies are highlighted.</p>
    `;
  }
}
