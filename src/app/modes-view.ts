// What quiz and presenter mode add to the shell's page: the header buttons, the
// quiz card, the narration line, the `?` overlay, and the events they send. Kept
// here so the shell only mounts them (one line each).
import { html, nothing } from 'lit';
import type { Frame, TraceIndex } from '../layout/frame.ts';
import type { LibraryGroup } from '../layout/library.ts';
import { QUIZ_GROUP } from '../layout/library.ts';
import type { QuizMode } from './quiz-mode.ts';
import type { PresenterMode } from './presenter.ts';
import { loadQuizPanel } from './deferred-views.ts';
import '../views/presenter-bar/index.ts';

export interface ModesHost extends HTMLElement {
  readonly quiz: QuizMode;
  readonly presenter: PresenterMode;
  library: LibraryGroup[];
  selectedId: string;
  index: TraceIndex | undefined;
  frame: Frame | undefined;
  pick(id: string, t?: number): Promise<boolean>;
  /** The modes changed: the share link follows. */
  modesChanged(): void;
}

const quizEntries = (host: ModesHost) => host.library.filter((g) => g.platform === QUIZ_GROUP).flatMap((g) => g.strategies.flatMap((s) => s.entries));

/** Turns quiz mode on (on a quiz scenario: the loaded one if it asks questions, else the first) or off. */
export function setQuiz(host: ModesHost, on: boolean): void {
  host.quiz.setActive(on);
  if (on && !host.quiz.hasQuestions) {
    const first = quizEntries(host)[0];
    if (first) void host.pick(first.id);
  }
  host.modesChanged();
}

export function setPresenter(host: ModesHost, on: boolean): void {
  host.presenter.set(on);
  host.modesChanged();
}

export function modeButtons(host: ModesHost) {
  const quiz = host.quiz.active;
  const presenter = host.presenter.on;
  return html`<div class="modes" role="group" aria-label="Modes">
    <button class="mode quiz-toggle" aria-pressed=${quiz ? 'true' : 'false'} @click=${() => setQuiz(host, !quiz)}>Quiz</button>
    <button class="mode presenter-toggle" aria-pressed=${presenter ? 'true' : 'false'} @click=${() => setPresenter(host, !presenter)}
      title="Presenter mode (p)">Presenter</button>
    <button class="mode help" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" @click=${() => host.presenter.openHelp()}>?</button>
  </div>`;
}

export function quizCard(host: ModesHost) {
  if (!host.quiz.active) return nothing;
  void loadQuizPanel();
  return html`<section class="card quiz" aria-label="Quiz">
    <quiz-panel .state=${host.quiz.state} .entries=${quizEntries(host)} .selected=${host.selectedId}></quiz-panel>
  </section>`;
}

export function narration(host: ModesHost) {
  if (!host.presenter.on) return nothing;
  return html`<section class="card narration"><presenter-bar .frame=${host.frame} .trace=${host.index?.trace}></presenter-bar></section>`;
}

export function shortcutsOverlay(host: ModesHost) {
  return html`<shortcuts-overlay ?open=${host.presenter.help}></shortcuts-overlay>`;
}

/** The events of the quiz card and the overlay. */
export function listenModes(host: ModesHost): void {
  host.addEventListener('quiz-pick', (e) => host.quiz.pick(e.detail.choice));
  host.addEventListener('quiz-continue', () => host.quiz.next());
  host.addEventListener('quiz-exit', () => setQuiz(host, false));
  host.addEventListener('shortcuts-close', () => host.presenter.closeHelp());
}
