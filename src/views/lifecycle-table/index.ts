import { LifecycleTable } from './lifecycle-table.ts';

if (!customElements.get('lifecycle-table')) customElements.define('lifecycle-table', LifecycleTable);
export { LifecycleTable };
declare global {
  interface HTMLElementTagNameMap { 'lifecycle-table': LifecycleTable }
}
