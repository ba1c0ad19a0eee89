import { CapacityCharts } from './capacity-charts.ts';

if (!customElements.get('capacity-charts')) customElements.define('capacity-charts', CapacityCharts);
export { CapacityCharts };
declare global {
  interface HTMLElementTagNameMap { 'capacity-charts': CapacityCharts }
}
