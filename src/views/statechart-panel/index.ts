import { StatechartPanel } from './statechart-panel.ts';

if (!customElements.get('statechart-panel')) customElements.define('statechart-panel', StatechartPanel);
export { StatechartPanel };
declare global {
  interface HTMLElementTagNameMap { 'statechart-panel': StatechartPanel }
}
