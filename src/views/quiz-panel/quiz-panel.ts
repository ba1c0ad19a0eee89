// The quiz card: the question with its choices while playback holds at its
// moment; after a pick, whether the pick was right, the simulator's answer and
// the rule that decides it (with its AWS page); Continue; the score at the end.
// It also picks a quiz scenario, since quiz mode hides the library (descriptions
// would give answers away).
import { LitElement, html, css, nothing } from 'lit';
import { explanationOf, currentQuestion, promptOf, score, type QuizState } from '../../quiz/session.ts';
import { formatTime } from '../../layout/time.ts';
import type { LibraryEntry } from '../../layout/library.ts';
import { base } from '../shared/tokens.ts';
import { emit } from '../shared/events.ts';

export interface QuizPanelEvents {
  'quiz-pick': { choice: string };
  'quiz-continue': Record<string, never>;
  'quiz-exit': Record<string, never>;
}

function send<K extends keyof QuizPanelEvents>(from: EventTarget, name: K, detail: QuizPanelEvents[K]): void {
  from.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

export class QuizPanel extends LitElement {
  static override styles = [
    base,
    css`
      :host { display: block; font-size: 15px; line-height: 1.45; }
      .bar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; }
      .bar label { font-weight: 650; font-size: 13px; }
      .bar select { font: inherit; font-size: 13.5px; max-width: 100%; min-width: 0; flex: 1 1 260px; padding: 4px 6px; }
      .progress { font-size: 13px; color: #4b5567; font-variant-numeric: tabular-nums; }
      .exit { margin-left: auto; }
      .ask { margin-top: 10px; border-left: 4px solid #0072B2; background: #f2f7fc; border-radius: 0 8px 8px 0; padding: 10px 12px; }
      .ask.right { border-color: #009E73; background: #eefaf5; }
      .ask.wrong { border-color: #D55E00; background: #fdf3ec; }
      h3 { margin: 0 0 8px; font-size: 1.15em; color: #0b3a5b; }
      .choices { display: flex; flex-wrap: wrap; gap: 8px; margin: 0; padding: 0; list-style: none; }
      .choices button { font: inherit; font-weight: 650; padding: 8px 14px; border-radius: 8px; border: 2px solid #0072B2; background: #fff; color: #0b3a5b; cursor: pointer; }
      .choices button:hover:not([disabled]) { background: #e6f1fa; }
      .choices button:focus-visible { outline: 3px solid #E69F00; outline-offset: 2px; }
      .choices button[disabled] { cursor: default; opacity: 1; }
      .choices button.answer { border-color: #009E73; background: #e2f6ee; }
      .choices button.picked:not(.answer) { border-color: #D55E00; background: #fbe6da; text-decoration: line-through; }
      .choices kbd { font-size: 11px; color: #5b6577; margin-right: 6px; font-family: inherit; }
      .verdict { font-weight: 750; margin: 10px 0 4px; }
      .rule { margin: 6px 0 0; font-size: 13.5px; }
      .rule a { color: #005a8e; overflow-wrap: anywhere; }
      .rule code { font-size: 12px; background: #e8ecf2; border-radius: 3px; padding: 0 3px; }
      .next { margin-top: 10px; font: inherit; font-weight: 700; padding: 8px 18px; border-radius: 8px; background: #0072B2; color: #fff; border: 0; cursor: pointer; }
      .next:focus-visible { outline: 3px solid #E69F00; outline-offset: 2px; }
      .hint { color: #4b5567; font-size: 13px; margin: 8px 0 0; }
      .score { font-size: 1.2em; font-weight: 750; color: #0b3a5b; }
    `,
  ];
  static override properties = {
    state: { attribute: false },
    entries: { attribute: false },
    selected: {},
  };

  declare state: QuizState | undefined;
  /** The quiz scenarios to choose from. */
  declare entries: LibraryEntry[];
  declare selected: string;

  constructor() {
    super();
    this.entries = [];
    this.selected = '';
  }

  override render() {
    const s = this.state;
    const total = s?.questions.length ?? 0;
    const shown = s ? Math.min(s.current + 1, total) : 0;
    return html`
      <div class="bar">
        <label for="pick">Quiz</label>
        <select id="pick" @change=${this.onPick} aria-label="Quiz scenario">
          ${this.entries.some((e) => e.id === this.selected) ? nothing : html`<option value="" selected>Choose a quiz…</option>`}
          ${this.entries.map((e) => html`<option value=${e.id} ?selected=${e.id === this.selected}>${e.name}</option>`)}
        </select>
        ${total ? html`<span class="progress">Question ${shown} of ${total}</span>` : nothing}
        <button class="exit" @click=${() => send(this, 'quiz-exit', {})}>Exit quiz</button>
      </div>
      ${this.body(s)}
    `;
  }

  private body(s: QuizState | undefined) {
    if (!s) return nothing;
    if (!s.questions.length) return html`<p class="hint">This scenario asks no questions. Choose a quiz above.</p>`;
    if (s.stage === 'done') {
      const sc = score(s);
      return html`<div class="ask" role="status"><p class="score">Your score: ${sc.correct} of ${sc.total}</p>
        <p class="hint">Playback goes on to the end: everything is shown now. Choose another quiz above.</p></div>`;
    }
    const q = currentQuestion(s)!;
    const prompt = promptOf(q, formatTime);
    if (s.stage === 'watching') return html`<p class="hint">Watch: playback stops at ${formatTime(q.at)} with a question. Press play (Space), or <kbd>n</kbd> to jump to it.</p>`;
    const picked = s.picks[q.id];
    const revealed = s.stage === 'revealed';
    const right = revealed && picked === q.answer;
    const rule = revealed ? explanationOf(q) : undefined;
    return html`
      <section class="ask ${revealed ? (right ? 'right' : 'wrong') : ''}" aria-labelledby="prompt">
        <h3 id="prompt">${prompt}</h3>
        <ul class="choices" aria-label="Choices">
          ${q.choices.map(
            (c, i) => html`<li><button class=${[c === picked ? 'picked' : '', revealed && c === q.answer ? 'answer' : ''].join(' ')}
              ?disabled=${revealed} aria-pressed=${c === picked ? 'true' : 'false'} @click=${() => send(this, 'quiz-pick', { choice: c })}>
              <kbd aria-hidden="true">${i + 1}</kbd>${c}</button></li>`,
          )}
        </ul>
        ${revealed
          ? html`<div role="status">
              <p class="verdict">${right ? '✓ Right' : '✗ Not quite'}: the simulator says <strong>${q.answer}</strong>.</p>
              ${rule
                ? html`<p class="rule">${rule.text} <a href=${rule.source} target="_blank" rel="noopener">AWS documentation</a> <code>${rule.id}</code></p>`
                : nothing}
            </div>
            <button class="next" @click=${() => send(this, 'quiz-continue', {})}>Continue</button>`
          : html`<p class="hint">Playback is paused at ${formatTime(q.at)}. Pick one (or press 1–${q.choices.length}); the simulation then shows what happens.</p>`}
      </section>
    `;
  }

  override updated(): void {
    // After a pick, focus moves to Continue so a keyboard user can go on.
    const next = this.renderRoot.querySelector<HTMLButtonElement>('.next');
    if (next && this.state?.stage === 'revealed' && this.focusedStage !== 'revealed') next.focus();
    this.focusedStage = this.state?.stage;
  }
  private focusedStage: string | undefined;

  private onPick = (e: Event): void => {
    const id = (e.target as HTMLSelectElement).value;
    if (id) emit(this, 'scenario-pick', { id });
  };
}

declare global {
  interface HTMLElementEventMap {
    'quiz-pick': CustomEvent<QuizPanelEvents['quiz-pick']>;
    'quiz-continue': CustomEvent<QuizPanelEvents['quiz-continue']>;
    'quiz-exit': CustomEvent<QuizPanelEvents['quiz-exit']>;
  }
}
