import { PresenterBar } from './presenter-bar.ts';

if (!customElements.get('presenter-bar')) customElements.define('presenter-bar', PresenterBar);
export { PresenterBar };
declare global {
  interface HTMLElementTagNameMap { 'presenter-bar': PresenterBar }
}
