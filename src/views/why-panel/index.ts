import { WhyPanel } from './why-panel.ts';

if (!customElements.get('why-panel')) customElements.define('why-panel', WhyPanel);
export { WhyPanel };
declare global {
  interface HTMLElementTagNameMap { 'why-panel': WhyPanel }
}
