import { TimelineTable } from './timeline-table.ts';

if (!customElements.get('timeline-table')) customElements.define('timeline-table', TimelineTable);
export { TimelineTable };
declare global {
  interface HTMLElementTagNameMap { 'timeline-table': TimelineTable }
}
