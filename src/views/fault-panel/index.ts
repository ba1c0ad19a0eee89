import { FaultPanel } from './fault-panel.ts';

if (!customElements.get('fault-panel')) customElements.define('fault-panel', FaultPanel);
export { FaultPanel };
declare global {
  interface HTMLElementTagNameMap { 'fault-panel': FaultPanel }
}
