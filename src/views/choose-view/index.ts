import { ChooseView } from './choose-view.ts';

if (!customElements.get('choose-view')) customElements.define('choose-view', ChooseView);
export { ChooseView };
declare global {
  interface HTMLElementTagNameMap { 'choose-view': ChooseView }
}
