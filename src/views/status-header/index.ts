import { StatusHeader } from './status-header.ts';

if (!customElements.get('status-header')) customElements.define('status-header', StatusHeader);
export { StatusHeader };
declare global {
  interface HTMLElementTagNameMap { 'status-header': StatusHeader }
}
