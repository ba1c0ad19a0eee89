// The app shell: owns the state (scenario, trace, playhead, playback), turns
// user actions into timed inputs and re-simulations, and hands every view the
// frame at t. Views never simulate; they read the trace.
import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import { validateScenario, validateText } from '../scenario/validate.ts';
import { simulate } from '../engine/simulate.ts';
import type { Fault } from '../scenario/types.ts';
import type { TargetGroup } from '../trace/types.ts';
import { buildIndex, frameAt, type Frame, type TraceIndex } from '../layout/frame.ts';
import { applyPlaybackCommand, type PlaybackCommand } from './playback-command.ts';
import { advance, SPEEDS } from '../layout/playback.ts';
import { oversizedFleet, type ShareState } from '../layout/share.ts';
import { formatTime } from '../layout/time.ts';
import type { LibraryGroup } from '../layout/library.ts';
import '../views/timeline-view/index.ts';
import '../views/capacity-charts/index.ts';
import '../views/fleet-view/index.ts';
import '../views/event-log/index.ts';
import '../views/status-header/index.ts';
import '../views/now-line/index.ts';
import '../views/playback-controls/index.ts';
import '../views/scenario-library/index.ts';
import { announcement, type Boundary } from './announce.ts';
import { loadDeferredViews, loadTimelineTable } from './deferred-views.ts';
import { discardEarly, indexOffThread, wantsOffThread } from './off-thread.ts';
import { fleetSize } from './early-request.ts';
import type { Simulating } from '../layout/simulating.ts';
import type { Injection } from '../layout/fork.ts';
import { faultsOf, heldFor, planInjection, reportInjection, withoutFault, type Held } from './session.ts';
import { textWithFaults } from './edit-text.ts';
import { base } from '../views/shared/tokens.ts';
import { PlaybackClock } from './playback-clock.ts';
import { UrlState } from './url-state.ts';
import { DEFAULT_SCENARIO, loadLibrary, loadScenario, NoSuchScenario, scenarioJson } from './scenarios.ts';
import { shellStyles } from './app-shell.styles.ts';
import { DropImport } from './drop-import.ts';
import type { Collected, ImportReport } from '../import/browser-files.ts';
import { ignoresShortcut } from './shortcuts.ts';
import { QuizMode } from './quiz-mode.ts';
import { PresenterMode } from './presenter.ts';
import { modeStyles } from './modes.styles.ts';
import { listenModes, modeButtons, narration, quizCard, shortcutsOverlay } from './modes-view.ts';
import { exportMenu, modeStyles as compareModeStyles, modeTabs, modeView, type AppMode } from './app-modes.ts';

interface Problem { path: string; message: string }
interface AppError { title: string; problems?: Problem[]; detail?: string }
interface LoadOptions {
  id?: string;
  text?: string;
  t?: number;
  userFaults?: Set<number>;
  modified?: boolean;
  index?: TraceIndex;
  /** Draw the timeline first and the views beside and below it a task later (a worker's large index). */
  staged?: boolean;
}

export class DeploysimApp extends LitElement {
  static override styles = [base, shellStyles, modeStyles, compareModeStyles, css``];
  static override properties = {
    index: { state: true },
    t: { state: true },
    playing: { state: true },
    speed: { state: true },
    skipWaits: { state: true },
    error: { state: true },
    selectedId: { state: true },
    text: { state: true },
    tab: { state: true },
    collapsed: { state: true },
    userFaults: { state: true },
    fastForward: { state: true },
    selection: { state: true },
    lifecycleTarget: { state: true },
    injection: { state: true },
    importReport: { state: true },
    drawerOpen: { state: true },
    asTable: { state: true },
    spoken: { state: true },
    mode: { state: true },
    library: { state: true },
    staging: { state: true },
    simulating: { state: true },
  };

  declare index: TraceIndex | undefined;
  /**
   * While true, only the header, timeline and charts have the index: the first draw
   * of a large index is split over two tasks (issue 10: no main-thread task over
   * 200 ms at 5,000 targets), the other views following in the next one.
   */
  declare staging: boolean;
  /** A share link's scenario being simulated off the main thread, until its index arrives: the header and the now line say so. */
  declare simulating: Simulating | undefined;
  private stagingDone: Promise<void> = Promise.resolve();
  /** Settles once a share link simulated off the main thread is drawn (at once for any other start). */
  private offThreadDrawn: Promise<void> = Promise.resolve();
  declare t: number;
  declare playing: boolean;
  declare speed: number;
  declare skipWaits: boolean;
  declare error: AppError | undefined;
  declare selectedId: string;
  declare text: string;
  declare tab: 'library' | 'editor';
  declare collapsed: Set<TargetGroup>;
  declare userFaults: Set<number>;
  declare fastForward: { from: number; to: number; rate: number } | undefined;
  /** The event selected for "Why?" (its position in the trace it belongs to). */
  declare selection: Held<number> | undefined;
  /** The target whose lifecycle the statechart shows; '' follows the action. */
  declare lifecycleTarget: string;
  /** The latest injection's report (refused, or what changed), until dismissed. */
  declare injection: Held<Injection> | undefined;
  /** What the latest import of AWS files did, for the editor's import panel. */
  declare importReport: ImportReport | undefined;
  /** Narrow windows: the library drawer is open. */
  declare drawerOpen: boolean;
  /** The timeline shown as tables (phases and steps) instead of bands. */
  declare asTable: boolean;
  /** The live region's text: set at playback boundaries only (announce.ts), never per frame. */
  declare spoken: string;
  /** Simulate, or the compare / choose views (app-modes.ts); the strategies "run the survivors" picked. */
  declare mode: AppMode;
  private comparePicks: string[] | undefined;

  /** The library's listing: empty until its chunk arrives (src/app/scenarios.ts). */
  declare library: LibraryGroup[];
  frame: Frame | undefined;
  /** The scenario JSON as the user wrote it (faults appended by injection). */
  private raw: Record<string, unknown> | undefined;
  private modified = false;
  /** Counts loads and picks, so a picked file that arrives late does not replace a newer choice. */
  private loads = 0;
  readonly clock = new PlaybackClock(this, (dt) => this.tick(dt));
  private url = new UrlState(this, (state) => this.restore(state));
  private drop = new DropImport(this, (collected) => void this.importAws(collected));
  /** Quiz mode (src/app/quiz-mode.ts) and presenter mode with its shortcuts (src/app/presenter.ts). */
  readonly quiz = new QuizMode(this);
  readonly presenter = new PresenterMode(this);

  constructor() {
    super();
    this.t = 0;
    this.playing = false;
    this.staging = false;
    this.speed = 5;
    this.skipWaits = true;
    this.selectedId = '';
    this.text = '';
    this.tab = 'library';
    this.collapsed = new Set();
    this.userFaults = new Set();
    this.lifecycleTarget = '';
    this.drawerOpen = false;
    this.asTable = false;
    this.spoken = '';
    this.mode = 'simulate';
    this.library = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('keydown', this.onKey);
    window.deploysim = this;
    this.restore(this.url.initial());
    // Asked for once the first frame is painted: the listing (the drawer's names and
    // descriptions) is not needed to draw the simulator, and loading it before made
    // the first draw wait for its download and compile (issue 10: the bundle
    // before the first draw). A large link's first frame is its shell without the
    // simulation: there the listing waits for the first timeline too, or its
    // download, compile and drawing land on the page just as the worker's results do
    // (issue 10: the first timeline of a 5,000-instance link within 1 s).
    this.listing = this.offThreadDrawn
      .then(afterFirstPaint)
      .then(loadLibrary)
      .then(
        (groups) => void (this.library = groups),
        (e: unknown) => void (this.error ??= { title: 'The scenario library could not be loaded.', detail: String(e) }),
      );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('keydown', this.onKey);
    clearTimeout(this.urlTimer);
  }

  // ---- loading -------------------------------------------------------------

  private restore(state: ReturnType<UrlState['initial']>): void {
    // First, so a quiz link never shows the whole trace while the quiz's code loads.
    this.quiz.setActive(!!state.quiz);
    let loaded = false;
    let problem: AppError | undefined;
    const oversized = state.scenarioText !== undefined ? oversizedFleet(state.scenarioText) : undefined;
    if (oversized) problem = { title: oversized };
    else if (state.scenarioText !== undefined) {
      const parsed = validateText(state.scenarioText);
      if (parsed.ok) {
        const obj = JSON.parse(state.scenarioText);
        // Faults the sharer injected stay labelled as injected (positions beyond the list are dropped).
        const userFaults = new Set((state.injected ?? []).filter((k) => k < faultsOf(obj).length));
        const options: LoadOptions = { text: state.scenarioText, t: state.t ?? 0, modified: true, userFaults };
        if (wantsOffThread(obj)) {
          // A large fleet simulates in a worker; the page stays responsive meanwhile.
          loaded = true;
          this.simulating = { name: String(obj.name ?? ''), instances: fleetSize(obj) };
          this.offThreadDrawn = indexOffThread(obj, state.scenarioText)
            .then((reply) => {
              this.simulating = undefined;
              if (this.index) return; // the user loaded another scenario meanwhile
              if (reply.ok) this.load(obj, { ...options, index: reply.index, staged: true });
              else this.load(obj, options); // says what is wrong, as a synchronous load would
            })
            .then(() => this.updateComplete)
            .then(() => undefined);
        } else {
          loaded = this.load(obj, options);
          if (!loaded) problem = this.error;
        }
      } else {
        problem = { title: 'The scenario in this link is not valid, so a library scenario is shown instead.', problems: parsed.problems };
      }
    } else if (state.error) problem = { title: state.error };
    if (!loaded) discardEarly(); // a link refused here never uses what early-simulate.ts started
    if (!loaded && state.scenarioId) {
      // Its file may still have to arrive (src/app/scenarios.ts); if it cannot, or the
      // library has no such scenario, the default is shown, saying why.
      loaded = true;
      void this.pick(state.scenarioId, state.t ?? 0).then((ok) => {
        if (ok || this.index) return;
        const why = this.error;
        this.pickDefault();
        this.error = why;
      });
    }
    if (!loaded && !this.index) this.pickDefault();
    if (problem) this.error = problem;
    this.presenter.set(!!state.presenter);
  }

  /** Quiz or presenter mode changed: the share link says so. */
  modesChanged(): void {
    this.writeUrl();
  }

  /**
   * Loads a library scenario: at once when its file is here (the default, or one
   * picked before), else when its chunk arrives, unless something else was loaded
   * or picked meanwhile. Resolves to whether it loaded.
   */
  pick(id: string, t = 0): Promise<boolean> {
    this.playing = false;
    const ticket = ++this.loads;
    const here = scenarioJson(id);
    if (here !== undefined) return (this.picking = Promise.resolve(this.load(structuredClone(here) as Record<string, unknown>, { id, t })));
    return (this.picking = loadScenario(id).then(
      (json) => ticket === this.loads && this.load(structuredClone(json) as Record<string, unknown>, { id, t }),
      (e: unknown) => {
        if (ticket !== this.loads) return false;
        const stays = this.index ? '; the last one stays loaded' : '';
        this.error = e instanceof NoSuchScenario ? { title: `${e.message}${stays}.` } : { title: `The scenario "${id}" could not be loaded${stays}.`, detail: String(e) };
        return false;
      },
    ));
  }

  private listing: Promise<void> = Promise.resolve();
  /** Settles when the library's listing has arrived and is shown (or failed to load). */
  get libraryReady(): Promise<void> {
    return this.listing;
  }

  private picking: Promise<boolean> = Promise.resolve(false);
  /** Settles when the latest picked library file has arrived and loaded (or failed). */
  get scenarioReady(): Promise<boolean> {
    return this.picking;
  }

  private pickDefault(): void {
    void this.pick(DEFAULT_SCENARIO, 0);
  }

  /** Validates and simulates; on any problem the last good scenario stays loaded. */
  load(obj: unknown, options: LoadOptions = {}): boolean {
    this.loads++; // a library file still on its way no longer replaces what is loaded now
    const v = validateScenario(obj);
    if (!v.ok) {
      this.error = { title: 'This scenario has problems, so the last good one stays loaded.', problems: v.problems };
      return false;
    }
    let index: TraceIndex;
    try {
      index = options.index ?? buildIndex(simulate(v.scenario));
    } catch (e) {
      this.error = {
        title: 'The engine could not simulate this scenario; the last good one stays loaded.',
        detail: e instanceof Error ? e.message : String(e),
      };
      return false;
    }
    this.raw = obj as Record<string, unknown>;
    this.index = this.quiz.view(index);
    this.simulating = undefined;
    this.staging = options.staged === true;
    this.text = options.text ?? JSON.stringify(obj, null, 2);
    if (options.id !== undefined) this.selectedId = options.id;
    this.modified = options.modified ?? options.id === undefined;
    this.userFaults = options.userFaults ?? new Set();
    this.t = this.quiz.clamp(this.quiz.active ? 0 : Math.min(Math.max(0, options.t ?? 0), index.duration));
    this.error = undefined;
    this.fastForward = undefined;
    this.writeUrl();
    return true;
  }

  private shareState(): ShareState {
    // The text as the user wrote it, so a reloaded or shared edit keeps its formatting.
    const modes = { ...(this.quiz.active ? { quiz: true } : {}), ...(this.presenter.on ? { presenter: true } : {}) };
    return this.modified || !this.selectedId
      ? { scenarioText: this.text, t: this.t, injected: [...this.userFaults].sort((a, b) => a - b), ...modes }
      : { scenarioId: this.selectedId, t: this.t, ...modes };
  }

  /** The share link for the current scenario and time, computed when asked. */
  private shareLink = (): string => (this.raw ? this.url.link(this.shareState()) : location.href);
  private urlTimer: ReturnType<typeof setTimeout> | undefined;

  /** Writes the URL soon (scrubbing fires many seeks; history is written once they settle). */
  private writeUrl(): void {
    clearTimeout(this.urlTimer);
    this.urlTimer = setTimeout(() => {
      if (this.raw) this.url.write(this.shareState());
    }, 200);
  }

  // ---- importing AWS files ----------------------------------------------------

  /**
   * AWS files in (dropped, picked or pasted): the generated scenario loads like any
   * other (an unapplied editor draft is kept) and the editor shows it with the import
   * notes; on problems nothing changes but the report. The importer loads on first use.
   */
  async importAws(collected: Collected): Promise<boolean> {
    this.tab = 'editor';
    const { runImport } = await import('../import/run-import.ts');
    const { report, scenario } = collected.ok ? runImport(collected.files) : { report: { files: [collected.problem.file], notes: [], problems: [collected.problem] }, scenario: undefined };
    this.importReport = report;
    if (!scenario) return false;
    this.playing = false;
    return this.load(scenario, { text: `${JSON.stringify(scenario, null, 2)}\n`, t: 0, modified: true });
  }

  // ---- timed inputs ----------------------------------------------------------

  /** Refused when it can no longer take effect; otherwise re-simulates and reports what changed (src/app/session.ts). */
  injectFault(fault: Fault): boolean {
    const index = this.index;
    if (!this.raw || !index) return false;
    const before = index.trace;
    const plan = planInjection(index, { raw: this.raw, userFaults: this.userFaults }, fault);
    if (!plan.ok) {
      this.injection = { trace: before, value: plan.refused };
      return false;
    }
    if (!this.load(plan.next.raw, { t: this.t, userFaults: plan.next.userFaults, modified: true, text: this.textFor(plan.next.raw) })) return false;
    const after = this.index!.trace;
    this.injection = { trace: after, value: reportInjection(before, after, fault, faultsOf(plan.next.raw).length - 1) };
    if ('target' in fault && fault.target) this.lifecycleTarget = fault.target;
    return true;
  }

  removeFault(i: number): boolean {
    if (!this.raw) return false;
    const next = withoutFault({ raw: this.raw, userFaults: this.userFaults }, i);
    return this.load(next.raw, { t: this.t, userFaults: next.userFaults, modified: true, text: this.textFor(next.raw) });
  }

  /** The loaded text with only its faults changed, so the user's formatting survives an injection. */
  private textFor(raw: Record<string, unknown>): string {
    return textWithFaults(this.text, faultsOf(raw), raw, () => JSON.stringify(raw, null, 2));
  }

  // ---- playback --------------------------------------------------------------

  seek(t: number): void {
    if (!this.index) return;
    this.t = this.quiz.clamp(Math.min(Math.max(0, t), this.index.duration));
    this.fastForward = undefined;
    if (!this.playing) this.writeUrl();
  }

  private tick(wallSeconds: number): void {
    if (!this.index || !this.playing) return;
    const a = advance(this.index, this.t, wallSeconds, this.speed, this.skipWaits);
    this.t = this.quiz.clamp(a.t);
    this.fastForward = a.fastForward;
    if (a.ended || this.t < a.t) {
      this.playing = false;
      this.writeUrl();
      this.say('end');
    }
  }

  private say(boundary: Boundary): void {
    if (this.index) this.spoken = announcement(this.index, this.t, boundary);
  }

  command(command: PlaybackCommand): void {
    const boundary = applyPlaybackCommand(this, command);
    if (boundary === 'pause') this.writeUrl();
    if (boundary) this.say(boundary);
  }

  private onKey = (e: KeyboardEvent): void => {
    if (ignoresShortcut(e) || this.mode !== 'simulate') return;
    const map: Record<string, () => void> = {
      ' ': () => this.command('toggle'),
      k: () => this.command('toggle'),
      ArrowRight: () => this.command('next'),
      l: () => this.command('next'),
      ArrowLeft: () => this.command('previous'),
      j: () => this.command('previous'),
      Home: () => this.command('restart'),
      End: () => this.command('end'),
      '+': () => this.changeSpeed(1),
      '=': () => this.changeSpeed(1),
      '-': () => this.changeSpeed(-1),
    };
    const action = map[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  private changeSpeed(step: number): void {
    const i = SPEEDS.indexOf(this.speed as (typeof SPEEDS)[number]);
    this.speed = SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, (i < 0 ? 1 : i) + step))]!;
  }

  // ---- rendering -------------------------------------------------------------

  /** The modes other than simulate opened so far: their views stay (hidden) when another shows. */
  private readonly openedModes = new Set<AppMode>();

  override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('index') || changed.has('t')) && this.index) this.frame = frameAt(this.index, this.t);
    if (changed.has('mode') && this.mode !== 'simulate') this.openedModes.add(this.mode);
  }

  override render() {
    const index = this.index;
    // The views that wait one task while the first draw of a large index is staged.
    const later = this.staging ? undefined : index;
    const frame = this.frame;
    const faults = Array.isArray(this.raw?.faults) ? (this.raw!.faults as Fault[]) : [];
    const selected = heldFor(this.selection, index?.trace);
    return html`
      <a class="skip" href="#playback" @click=${this.skipToPlayback}>Skip to the playback controls</a>
      ${this.drop.overlay()}
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">${this.spoken}</div>
      <header class="top">
        <button class="drawer-toggle" aria-controls="drawer" aria-expanded=${this.drawerOpen ? 'true' : 'false'}
          @click=${() => this.setDrawer(!this.drawerOpen)}><span aria-hidden="true">☰</span> Scenarios</button>
        <div class="brand"><span class="logo" aria-hidden="true">◧</span> deploysim <span class="tag">AWS deployment simulator</span></div>
        ${modeTabs(this.mode, (mode) => (this.mode = mode))}
        <status-header ?hidden=${this.mode !== 'simulate'} .index=${index} .frame=${frame} .simulating=${this.simulating} .hideTotal=${this.quiz.hidingFuture}></status-header>
        ${modeButtons(this)}
        ${this.mode === 'simulate' ? exportMenu(index, this.t) : nothing /* it exports the simulator's moment, not the compared runs */}
      </header>
      <div class="scrim" ?hidden=${!this.drawerOpen} @click=${() => this.setDrawer(false)}></div>
      <aside class="left" id="drawer" aria-label="Scenarios" ?data-open=${this.drawerOpen} @keydown=${this.onDrawerKey}>
        <button class="drawer-close" @click=${() => this.setDrawer(false)} aria-label="Close the scenarios">✕</button>
        <div class="tabs" role="tablist" aria-label="Scenario">
          ${(['library', 'editor'] as const).map(
            (tab) => html`<button role="tab" id="tab-${tab}" aria-selected=${this.tab === tab ? 'true' : 'false'} aria-controls="panel-${tab}"
              tabindex=${this.tab === tab ? 0 : -1} @click=${() => (this.tab = tab)} @keydown=${this.onTabKey}>
              ${tab === 'library' ? 'Library' : 'Edit JSON'}</button>`,
          )}
        </div>
        <div id="panel-library" role="tabpanel" aria-labelledby="tab-library" ?hidden=${this.tab !== 'library'}>
          <scenario-library .groups=${this.library} .selected=${this.selectedId}></scenario-library>
        </div>
        <div id="panel-editor" role="tabpanel" aria-labelledby="tab-editor" ?hidden=${this.tab !== 'editor'}>
          <scenario-editor .text=${this.text} .shareLink=${this.shareLink} .importReport=${this.importReport} .source=${index?.trace.scenario.source}></scenario-editor>
        </div>
      </aside>
      <main ?hidden=${this.mode !== 'simulate'}>
        ${this.error
          ? html`<div class="error" role="alert">
              <div><strong>${this.error.title}</strong>
                ${this.error.detail ? html`<div class="detail">${this.error.detail}</div>` : ''}
                ${this.error.problems?.length
                  ? html`<ul>${this.error.problems.slice(0, 8).map((p) => html`<li><code>${p.path || '/'}</code> ${p.message}</li>`)}</ul>`
                  : ''}
              </div>
              <button class="dismiss" @click=${() => (this.error = undefined)} aria-label="Dismiss the error">✕</button>
            </div>`
          : ''}
        ${quizCard(this)}
        <now-line .index=${index} .t=${this.t} .simulating=${this.simulating}></now-line>
        ${narration(this)}
        <section class="card playback">
          <playback-controls .index=${index} .t=${this.t} .playing=${this.playing} .speed=${this.speed}
            .skipWaits=${this.skipWaits} .fastForward=${this.fastForward} .hideTotal=${this.quiz.hidingFuture}></playback-controls>
        </section>
        <section class="card timeline" aria-label="Timeline">
          <div class="card-head"><h2>Timeline <span class="hint">one lane per target · focus a lane (arrow keys) or tap a step for details · click a group to fold it</span></h2>
            <button class="as-table" aria-pressed=${this.asTable ? 'true' : 'false'} @click=${() => (this.asTable = !this.asTable)}>Show as table</button></div>
          ${this.asTable
            ? (void loadTimelineTable(), html`<timeline-table .index=${index} .t=${this.t}></timeline-table>`)
            : html`<timeline-view .index=${index} .t=${this.t} .collapsed=${this.collapsed}></timeline-view>`}
          <capacity-charts .index=${index} .t=${this.t}></capacity-charts>
        </section>
        <section class="card statechart" aria-label="Statechart">
          <statechart-panel .index=${later} .t=${this.t} .target=${this.lifecycleTarget}></statechart-panel>
        </section>
        <section class="card fleet" aria-label="Fleet">
          <h2>Fleet at ${formatTime(this.t)}</h2>
          <fleet-view .index=${later} .frame=${later && frame}></fleet-view>
        </section>
        <section class="card lifecycle" aria-label="Lifecycle events"><lifecycle-table .index=${later} .t=${this.t} .target=${this.lifecycleTarget}></lifecycle-table></section>
      </main>
      ${modeView(this.mode, this.openedModes, this.raw, index, this.comparePicks)}
      <aside class="right" ?hidden=${this.mode !== 'simulate'}>
        <section class="card faults"><fault-panel .index=${later} .t=${this.t} .faults=${faults} .userFaults=${this.userFaults}
          .report=${heldFor(this.injection, index?.trace)}></fault-panel></section>
        <section class="card why" aria-label="Why"><why-panel .event=${selected === undefined ? undefined : index?.trace.events[selected]}></why-panel></section>
        <section class="card log"><event-log .index=${later} .count=${frame?.eventCount ?? 0} .selected=${selected}></event-log></section>
      </aside>
      ${shortcutsOverlay(this)}
    `;
  }

  private skipToPlayback = (e: Event): void => {
    e.preventDefault();
    this.renderRoot.querySelector('playback-controls')?.shadowRoot?.querySelector<HTMLButtonElement>('button.play')?.focus();
  };

  /** Narrow windows: opening moves focus into the drawer, closing gives it back to the toggle. */
  setDrawer(open: boolean): void {
    if (open === this.drawerOpen) return;
    this.drawerOpen = open;
    void this.updateComplete.then(() => {
      const to = open ? this.renderRoot.querySelector<HTMLElement>(`#tab-${this.tab}`) : this.renderRoot.querySelector<HTMLElement>('.drawer-toggle');
      if (to && to.offsetParent !== null) to.focus();
    });
  }

  private onDrawerKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || !this.drawerOpen) return;
    e.stopPropagation();
    this.setDrawer(false);
  };

  private onTabKey = (e: KeyboardEvent): void => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    e.stopPropagation();
    this.tab = this.tab === 'library' ? 'editor' : 'library';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus());
  };

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('staging') && this.staging) {
      // The rest of a staged first draw, in a task of its own.
      this.stagingDone = new Promise((resolve) => setTimeout(() => {
        this.staging = false;
        resolve();
      }, 0));
    }
    // After the first draw of a scenario, not of the empty shell: a link's file or
    // a worker's index may still be on its way, and these chunks must not delay it.
    if (this.index && !this.deferredScheduled) {
      this.deferredScheduled = true;
      requestAnimationFrame(() => setTimeout(loadDeferredViews, 0));
    }
  }

  private deferredScheduled = false;

  /**
   * The first render waits for a task of its own. Evaluating the app's modules
   * upgrades this element in that same task, and with the whole shell's first
   * render added it was the longest task of a large link's first load (issue 10:
   * no main-thread task over 200 ms), the worker then simulating on the other core.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) await new Promise((resolve) => setTimeout(resolve, 0));
    await super.scheduleUpdate();
  }

  /** Complete once a staged first draw has reached every view, too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.staging) {
      await this.stagingDone;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  override firstUpdated(): void {
    listenModes(this);
    this.addEventListener('seek-to', (e) => this.seek(e.detail.t));
    this.addEventListener('playback-command', (e) => this.command(e.detail.command));
    this.addEventListener('speed-change', (e) => {
      this.speed = e.detail.speed;
      this.skipWaits = e.detail.skipWaits;
    });
    this.addEventListener('scenario-pick', (e) => {
      void this.pick(e.detail.id);
      this.setDrawer(false);
    });
    this.addEventListener('scenario-apply', (e) => {
      try {
        this.playing = false;
        this.load(JSON.parse(e.detail.text), { text: e.detail.text, t: 0, modified: true });
      } catch (err) {
        this.error = { title: 'The JSON could not be read.', detail: String(err) };
      }
    });
    this.addEventListener('fault-inject', (e) => this.injectFault(e.detail.fault));
    this.addEventListener('fault-remove', (e) => this.removeFault(e.detail.index));
    this.addEventListener('fork-dismiss', () => (this.injection = undefined));
    this.addEventListener('aws-import', (e) => void this.importAws(e.detail.collected));
    this.addEventListener('scenario-pick', () => (this.importReport = undefined));
    this.addEventListener('event-select', (e) => {
      const trace = this.index?.trace;
      if (!trace) return;
      this.selection = { trace, value: e.detail.index };
      const target = trace.events[e.detail.index]?.target;
      if (target && this.index?.targetIndex.has(target)) this.lifecycleTarget = target;
    });
    this.addEventListener('target-select', (e) => (this.lifecycleTarget = e.detail.target));
    this.addEventListener('compare-strategies', (e) => {
      this.comparePicks = e.detail.ids;
      this.mode = 'compare';
    });
    this.addEventListener('compare-picks', (e) => (this.comparePicks = e.detail.ids));
    this.addEventListener('group-toggle', (e) => {
      const next = new Set(this.collapsed);
      const g = e.detail.group as TargetGroup;
      if (next.has(g)) next.delete(g);
      else next.add(g);
      this.collapsed = next;
    });
  }
}

if (!customElements.get('deploysim-app')) customElements.define('deploysim-app', DeploysimApp);
declare global {
  interface HTMLElementTagNameMap { 'deploysim-app': DeploysimApp }
  interface Window { deploysim?: DeploysimApp }
}

/** Resolves once the next frame has been painted (a task after it). */
function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
