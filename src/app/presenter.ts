// Presenter mode and the keys a room needs: large type and minimal chrome (the
// timeline, fleet and narration on one projector screen), the shortcuts a
// presentation remote sends, the `?` overlay, "inject" opening the fault panel.
// The mode is a flag on the shell (reflected as an attribute the styles read).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ignoresShortcut, presenterAction } from './shortcuts.ts';
import type { QuizMode } from './quiz-mode.ts';

export interface PresenterHost extends ReactiveControllerHost, HTMLElement {
  command(command: 'toggle' | 'next' | 'previous'): void;
  readonly quiz: QuizMode;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export class PresenterMode implements ReactiveController {
  on = false;
  /** The `?` overlay is open. */
  help = false;
  /** The fault panel is open as a floating panel (presenter mode hides the side column). */
  inject = false;
  /** Where focus was before the overlay opened, to return it on close. */
  private returnFocus: HTMLElement | undefined;

  constructor(private host: PresenterHost) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('keydown', this.onKey);
  }

  hostDisconnected(): void {
    removeEventListener('keydown', this.onKey);
  }

  hostUpdated(): void {
    this.host.toggleAttribute('presenter', this.on);
    this.host.toggleAttribute('inject-open', this.inject);
    this.host.toggleAttribute('quiz', this.host.quiz.active);
    this.host.toggleAttribute('quiz-hiding', this.host.quiz.hiding);
  }

  set(on: boolean): void {
    this.on = on;
    if (!on) this.inject = false;
    this.host.requestUpdate();
  }

  openHelp(): void {
    if (this.help) return;
    this.returnFocus = deepActiveElement();
    this.help = true;
    this.host.requestUpdate();
  }

  closeHelp(): void {
    if (!this.help) return;
    this.help = false;
    this.host.requestUpdate();
    const back = this.returnFocus;
    this.returnFocus = undefined;
    void (this.host as unknown as { updateComplete: Promise<unknown> }).updateComplete.then(() => back?.isConnected && back.focus());
  }

  /** "Inject": opens the fault panel and moves focus into it. */
  openInject(): void {
    // A quiz hides the timed inputs (they give answers away), so it has no fault panel.
    if (this.host.quiz.active) return;
    this.inject = true;
    this.host.requestUpdate();
    void (this.host as unknown as { updateComplete: Promise<unknown> }).updateComplete.then(() => {
      const panel = this.host.renderRoot.querySelector<HTMLElement>('fault-panel');
      panel?.scrollIntoView({ block: 'nearest' });
      const first = panel?.shadowRoot?.querySelector<HTMLElement>('select, button, input');
      (first ?? panel)?.focus();
    });
  }

  private onKey = (e: KeyboardEvent): void => {
    const action = presenterAction(e.key);
    if (!action) return;
    // While the overlay is open only Escape and `?` act (it is modal).
    if (this.help && action !== 'close' && action !== 'help') return;
    if (action !== 'close' && ignoresShortcut(e)) return;
    if (action === 'close' && e.defaultPrevented) return;
    const quiz = this.host.quiz;
    const stage = quiz.state?.stage;
    switch (action) {
      case 'toggle':
        this.host.command('toggle');
        break;
      case 'step':
        if (quiz.active && stage === 'revealed') quiz.next();
        else this.host.command('next');
        break;
      case 'back':
        this.host.command('previous');
        break;
      case 'inject':
        this.openInject();
        break;
      case 'next-question':
        if (!quiz.active) return;
        quiz.next();
        break;
      case 'help':
        if (this.help) this.closeHelp();
        else this.openHelp();
        break;
      case 'presenter':
        this.set(!this.on);
        break;
      case 'close':
        if (this.help) this.closeHelp();
        else if (this.inject) {
          this.inject = false;
          this.host.requestUpdate();
        } else return;
        break;
      case 'pick': {
        const q = quiz.active && stage === 'asking' ? quiz.question() : undefined;
        const choice = q?.choices[Number(e.key) - 1];
        if (!choice) return;
        quiz.pick(choice);
        break;
      }
    }
    e.preventDefault();
  };
}

/** The focused element, through shadow roots. */
function deepActiveElement(): HTMLElement | undefined {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement && el !== document.body ? el : undefined;
}
