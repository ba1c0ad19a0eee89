// Quiz mode in the app: owns the quiz state (src/quiz/session.ts) and the trace
// the views may see (src/quiz/cut.ts). The shell asks it for the index to show,
// to clamp the playhead at the current question, and hands it picks and Continue.
// The shell stays the owner of playback; this controller only says where to stop.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { buildIndex, type TraceIndex } from '../layout/frame.ts';
import { cutTrace } from '../quiz/cut.ts';
import { arrive, currentQuestion, pendingRules, pick, proceed, quizQuestions, startQuiz, visibleUntil, type QuizState } from '../quiz/session.ts';

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
    return this.active && !!this.state && !!this.full && visibleUntil(this.state) < this.full.duration;
  }

  /** The index the views get for a freshly loaded trace: the quiz restarts on it when on. */
  view(full: TraceIndex): TraceIndex {
    this.full = full;
    if (!this.active) return full;
    this.state = startQuiz(quizQuestions(full.trace));
    this.shownKey = '';
    return this.cut();
  }

  /** Turns quiz mode on or off for the loaded trace, from the start. */
  setActive(on: boolean): void {
    if (on === this.active) return;
    this.active = on;
    this.host.playing = false;
    if (!this.full) return;
    if (on) {
      this.host.t = 0;
      this.host.index = this.view(this.full);
      this.host.t = this.clamp(0);
    } else {
      this.state = undefined;
      this.host.index = this.full;
    }
    this.host.requestUpdate();
  }

  /** Whether the loaded scenario has anything to ask. */
  get hasQuestions(): boolean {
    return (this.full?.trace.scenario.questions?.length ?? 0) > 0;
  }

  /** The playhead may not pass the current question; reaching it asks it. */
  clamp(t: number): number {
    if (!this.active || !this.state) return t;
    const stop = visibleUntil(this.state);
    const clamped = Math.min(t, stop);
    const next = arrive(this.state, clamped);
    if (next !== this.state) {
      this.state = next;
      this.host.playing = false;
    }
    return clamped;
  }

  pick(choice: string): void {
    if (!this.state) return;
    const next = pick(this.state, choice);
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
    if (!s) return;
    if (s.stage === 'watching') {
      this.host.t = this.clamp(currentQuestion(s)!.at);
    } else if (s.stage === 'revealed') {
      this.state = proceed(s);
      this.host.index = this.cut();
      this.host.t = this.clamp(this.host.t);
      this.host.playing = this.state.stage !== 'asking';
    }
    this.host.requestUpdate();
  }

  /** The index cut at what the quiz may show now (rebuilt only when that moment changes). */
  private cut(): TraceIndex {
    const full = this.full!;
    const until = this.state ? visibleUntil(this.state) : Infinity;
    if (until >= full.duration) {
      this.shownKey = '';
      return full;
    }
    const key = `${until} ${this.state!.current} ${this.state!.stage === 'revealed'}`;
    if (key === this.shownKey && this.host.index && this.host.index !== full) return this.host.index;
    this.shownKey = key;
    return buildIndex(cutTrace(full.trace, until, pendingRules(this.state!)));
  }
}
