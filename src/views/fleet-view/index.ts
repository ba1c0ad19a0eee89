import { FleetView } from './fleet-view.ts';

if (!customElements.get('fleet-view')) customElements.define('fleet-view', FleetView);
export { FleetView };
declare global {
  interface HTMLElementTagNameMap { 'fleet-view': FleetView }
}
