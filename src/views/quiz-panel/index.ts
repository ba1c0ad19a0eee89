import { QuizPanel } from './quiz-panel.ts';

if (!customElements.get('quiz-panel')) customElements.define('quiz-panel', QuizPanel);
export { QuizPanel };
declare global {
  interface HTMLElementTagNameMap { 'quiz-panel': QuizPanel }
}
