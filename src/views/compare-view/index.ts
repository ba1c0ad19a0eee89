import { CompareView } from './compare-view.ts';

if (!customElements.get('compare-view')) customElements.define('compare-view', CompareView);
export { CompareView };
declare global {
  interface HTMLElementTagNameMap { 'compare-view': CompareView }
}
