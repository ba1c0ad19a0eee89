// Quiz mode in the app: owns the quiz state (src/quiz/session.ts) and the trace
// the views may see (src/quiz/cut.ts). The shell asks it for the index to show,
// to clamp the playhead at the current question, and hands it picks and Continue.
// The shell stays the owner of playback; this controller only says where to stop.
// The quiz's code (with the rules catalogue its answers cite) loads when quiz
// mode first turns on, so the simulator's first load does not carry it; until it
// is here the views get no index, so a quiz never shows the future meanwhile.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { buildIndex, type TraceIndex } from '../layout/frame.ts';
import type { QuizQuestion, QuizState } from '../quiz/session.ts';

type Logic = typeof import('../quiz/session.ts') & typeof import('../quiz/cut.ts');

export interface QuizHost extends ReactiveControllerHost {
  index: TraceIndex | undefined;
  t: number;
  playing: boolean;
}

export class QuizMode implements ReactiveController {
  /** Whether quiz mode is on (it stays on across scenarios until turned off). */
  active = false;
  state: QuizState | undefined;
  /** The whole trace's index; `host.index` is the cut one while a quiz hides the future. */
  private full: TraceIndex | undefined;
  /** What the current cut index was built for (the moment and the questions it hides). */
  private shownKey = '';
  /** The quiz's code, once loaded. */
  private logic: Logic | undefined;
  private loading: Promise<Logic> | undefined;

  constructor(private host: QuizHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** While questions are pending, the views that show the whole machine or every hook (statechart, lifecycle table) are hidden. */
  get hiding(): boolean {
    return this.active && !!this.state && this.state.stage !== 'done';
  }

  /**
   * Whether the views see a cut trace (a question still hides the future): its
   * duration is then no total, and the status header shows only the current time.
   */
  get hidingFuture(): boolean {
    return this.active && !!this.state && !!this.full && !!this.logic && this.logic.visibleUntil(this.state) < this.full.duration;
  }

  /** The index the views get for a freshly loaded trace: the quiz restarts on it when on (none while its code loads). */
  view(full: TraceIndex): TraceIndex | undefined {
    this.full = full;
    if (!this.active) return full;
    const q = this.logic;
    if (!q) return undefined;
    this.state = q.startQuiz(q.quizQuestions(full.trace));
    this.shownKey = '';
    return this.cut();
  }

  /** Turns quiz mode on or off for the loaded trace, from the start. */
  setActive(on: boolean): void {
    if (on === this.active) return;
    this.active = on;
    this.host.playing = false;
    if (on && !this.logic) {
      this.load().then(
        () => this.active && this.restart(),
        () => this.setActive(false), // the chunk did not arrive: the simulator stays as it was
      );
    }
    this.restart();
  }

  /** Settles once the quiz's code is here (at once when quiz mode never turned on). */
  get loaded(): Promise<unknown> {
    return this.loading ?? Promise.resolve();
  }

  private load(): Promise<Logic> {
    return (this.loading ??= Promise.all([import('../quiz/session.ts'), import('../quiz/cut.ts')]).then(([session, cut]) => (this.logic = { ...session, ...cut })));
  }

  /** Shows the loaded trace from the start, as a quiz when on. */
  private restart(): void {
    if (!this.full) return;
    if (this.active) {
      this.host.t = 0;
      this.host.index = this.view(this.full);
      this.host.t = this.clamp(0);
    } else {
      this.state = undefined;
      this.host.index = this.full;
    }
    this.host.requestUpdate();
  }

  /** The question being asked or watched for, if any. */
  question(): QuizQuestion | undefined {
    return this.state && this.logic?.currentQuestion(this.state);
  }

  /** Whether the loaded scenario has anything to ask. */
  get hasQuestions(): boolean {
    return (this.full?.trace.scenario.questions?.length ?? 0) > 0;
  }

  /** The playhead may not pass the current question; reaching it asks it. */
  clamp(t: number): number {
    const q = this.logic;
    if (!this.active || !this.state || !q) return t;
    const stop = q.visibleUntil(this.state);
    const clamped = Math.min(t, stop);
    const next = q.arrive(this.state, clamped);
    if (next !== this.state) {
      this.state = next;
      this.host.playing = false;
    }
    return clamped;
  }

  pick(choice: string): void {
    if (!this.state || !this.logic) return;
    const next = this.logic.pick(this.state, choice);
    if (next === this.state) return;
    this.state = next;
    // The truth plays out: on to the next question (or the end).
    this.host.index = this.cut();
    this.host.playing = true;
    this.host.requestUpdate();
  }

  /** Continue after a reveal (or, while watching, skip to the question). */
  next(): void {
    const s = this.state;
    const q = this.logic;
    if (!s || !q) return;
    if (s.stage === 'watching') {
      this.host.t = this.clamp(q.currentQuestion(s)!.at);
    } else if (s.stage === 'revealed') {
      this.state = q.proceed(s);
      this.host.index = this.cut();
      this.host.t = this.clamp(this.host.t);
      this.host.playing = this.state.stage !== 'asking';
    }
    this.host.requestUpdate();
  }

  /** The index cut at what the quiz may show now (rebuilt only when that moment changes). */
  private cut(): TraceIndex {
    const full = this.full!;
    const q = this.logic!;
    const until = this.state ? q.visibleUntil(this.state) : Infinity;
    if (until >= full.duration) {
      this.shownKey = '';
      return full;
    }
    const key = `${until} ${this.state!.current} ${this.state!.stage === 'revealed'}`;
    if (key === this.shownKey && this.host.index && this.host.index !== full) return this.host.index;
    this.shownKey = key;
    return buildIndex(q.cutTrace(full.trace, until, q.pendingRules(this.state!)));
  }
}
