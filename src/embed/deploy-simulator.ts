// <deploy-simulator src="…" time="…" autoplay controls>: the simulator for any
// HTML page. It reuses the app's views (status header, now line, timeline, fleet,
// event log, playback controls) and the same engine; it owns only its playhead.
// The scenario comes from `src` (a JSON URL, fetched) or, without `src`, from an
// inline <script type="application/json"> child (pages that work offline).
import { LitElement, html, type PropertyValues } from 'lit';
import { frameAt, type Frame, type TraceIndex } from '../layout/frame.ts';
import { applyPlaybackCommand, type PlaybackCommand } from '../app/playback-command.ts';
import { advance } from '../layout/playback.ts';
import { formatTime } from '../layout/time.ts';
import { PlaybackClock } from '../app/playback-clock.ts';
import { announcement, type Boundary } from '../app/announce.ts';
import { reducedMotion } from '../views/shared/motion.ts';
import { base } from '../views/shared/tokens.ts';
import type { TargetGroup } from '../trace/types.ts';
import '../views/status-header/index.ts';
import '../views/now-line/index.ts';
import '../views/timeline-view/index.ts';
import '../views/fleet-view/index.ts';
import '../views/event-log/index.ts';
import '../views/playback-controls/index.ts';
import { fetchScenarioText, loadScenarioText, parseTime, type EmbedError } from './source.ts';
import { embedStyles } from './deploy-simulator.styles.ts';

type Command = PlaybackCommand;

export class DeploySimulator extends LitElement {
  static override styles = [base, embedStyles];
  static override properties = {
    src: { type: String },
    time: { type: String },
    autoplay: { type: Boolean },
    controls: { type: Boolean },
    index: { state: true },
    t: { state: true },
    playing: { state: true },
    error: { state: true },
    loading: { state: true },
    spoken: { state: true },
  };

  declare src: string | null;
  declare time: string | null;
  declare autoplay: boolean;
  declare controls: boolean;
  declare index: TraceIndex | undefined;
  declare t: number;
  declare playing: boolean;
  declare error: EmbedError | undefined;
  declare loading: boolean;
  /** The live region's text: set only at playback boundaries (src/app/announce.ts). */
  declare spoken: string;
  frame: Frame | undefined;
  speed = 5;
  skipWaits = true;
  readonly clock = new PlaybackClock(this, (dt) => this.tick(dt));
  /** Folded target groups in the timeline (its group headers toggle them). */
  private collapsed = new Set<TargetGroup>();
  /** Settles once the current scenario is loaded or has failed: for pages and tests. */
  ready: Promise<void> = Promise.resolve();
  /** Which load is current: an older fetch that answers late is ignored. */
  private loadId = 0;
  private abort: AbortController | undefined;

  constructor() {
    super();
    this.src = null;
    this.time = null;
    this.autoplay = false;
    this.controls = false;
    this.t = 0;
    this.playing = false;
    this.loading = false;
    this.spoken = '';
    this.addEventListener('seek-to', (e) => this.seek(e.detail.t));
    this.addEventListener('playback-command', (e) => this.command(e.detail.command));
    this.addEventListener('speed-change', (e) => {
      this.speed = e.detail.speed;
      this.skipWaits = e.detail.skipWaits;
      this.requestUpdate();
    });
    this.addEventListener('group-toggle', (e) => {
      const next = new Set(this.collapsed);
      const g = e.detail.group as TargetGroup;
      if (!next.delete(g)) next.add(g);
      this.collapsed = next;
      this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
  }

  // ---- loading -------------------------------------------------------------

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || !this.hasUpdated) this.ready = this.reload();
    else if (changed.has('time') && this.index) this.seek(parseTime(this.time).t);
    if (changed.has('autoplay') && this.autoplay && this.hasUpdated && this.index) this.command('play');
    if ((changed.has('index') || changed.has('t')) && this.index) this.frame = frameAt(this.index, this.t);
  }

  /** Loads the scenario from `src`, or from the inline JSON child when there is no `src`. */
  async reload(): Promise<void> {
    const id = ++this.loadId;
    this.abort?.abort();
    this.playing = false;
    const src = this.src?.trim();
    let text: string;
    let from: string;
    if (src) {
      const url = new URL(src, document.baseURI).href;
      this.abort = new AbortController();
      this.loading = true;
      const got = await fetchScenarioText(url, this.abort.signal);
      if (id !== this.loadId) return;
      this.loading = false;
      if (!got.ok) return this.fail(got.error);
      text = got.text;
      from = src;
    } else {
      const inline = this.querySelector('script[type="application/json"]');
      if (!inline) return this.fail({ title: 'No scenario: give the element a src="scenario.json" attribute or an inline <script type="application/json"> child.' });
      text = inline.textContent ?? '';
      from = 'the inline <script type="application/json">';
    }
    const loaded = loadScenarioText(text, from);
    if (!loaded.ok) return this.fail(loaded.error);
    this.error = undefined;
    this.index = loaded.index;
    this.t = Math.min(parseTime(this.time).t, loaded.index.duration);
    // Autoplay waits for nobody, except a reader who asked for less motion.
    if (this.autoplay && !reducedMotion()) this.command('play');
  }

  private fail(error: EmbedError): void {
    this.index = undefined;
    this.frame = undefined;
    this.loading = false;
    this.error = error;
  }

  // ---- playback --------------------------------------------------------------

  seek(t: number): void {
    if (!this.index) return;
    this.t = Math.min(Math.max(0, t), this.index.duration);
  }

  private tick(wallSeconds: number): void {
    if (!this.index || !this.playing) return;
    const a = advance(this.index, this.t, wallSeconds, this.speed, this.skipWaits);
    this.t = a.t;
    if (a.ended) {
      this.playing = false;
      this.say('end');
    }
  }

  command(command: Command): void {
    const boundary = applyPlaybackCommand(this, command);
    if (boundary) this.say(boundary);
  }

  private say(boundary: Boundary): void {
    if (this.index) this.spoken = announcement(this.index, this.t, boundary);
  }

  // ---- rendering -------------------------------------------------------------

  override render() {
    const live = html`<div class="visually-hidden" aria-live="polite" aria-atomic="true">${this.spoken}</div>`;
    if (this.error) {
      const e = this.error;
      return html`<div class="error" role="alert"><strong>${e.title}</strong>
        ${e.detail ? html`<div class="detail">${e.detail}</div>` : ''}
        ${e.problems?.length ? html`<ul>${e.problems.slice(0, 8).map((p) => html`<li><code>${p.path || '/'}</code> ${p.message}</li>`)}</ul>` : ''}
      </div>`;
    }
    const index = this.index;
    if (!index) return html`<div class="status" role="status">Loading the scenario…</div>`;
    const timeProblem = parseTime(this.time).problem;
    const name = index.trace.scenario.name;
    return html`${live}<div class="stack" role="group" aria-label=${`Deployment simulator: ${name}`}>
      ${timeProblem ? html`<p class="notice">${timeProblem}</p>` : ''}
      ${this.controls
        ? html`<status-header .index=${index} .frame=${this.frame}></status-header>
            <div class="card"><playback-controls .index=${index} .t=${this.t} .playing=${this.playing} .speed=${this.speed} .skipWaits=${this.skipWaits}></playback-controls></div>`
        : html`<div class="card mini">
            <button class="play" @click=${() => this.command('toggle')} aria-label=${this.playing ? 'Pause' : 'Play'}>${this.playing ? '❚❚ Pause' : '▶ Play'}</button>
            <span class="name">${name}</span><span class="clock">${formatTime(this.t)} / ${formatTime(index.duration)}</span>
          </div>`}
      <now-line .index=${index} .t=${this.t}></now-line>
      <div class="split">
        <div class="stack">
          <section class="card" aria-label="Timeline"><timeline-view .index=${index} .t=${this.t} .collapsed=${this.collapsed}></timeline-view></section>
          <section class="card" aria-label="Fleet"><h2>Fleet at ${formatTime(this.t)}</h2><fleet-view .index=${index} .frame=${this.frame}></fleet-view></section>
        </div>
        ${this.controls ? html`<section class="card" aria-label="Event log"><event-log .index=${index} .count=${this.frame?.eventCount ?? 0}></event-log></section>` : ''}
      </div>
    </div>`;
  }
}
