import { EventLog } from './event-log.ts';

if (!customElements.get('event-log')) customElements.define('event-log', EventLog);
export { EventLog };
declare global {
  interface HTMLElementTagNameMap { 'event-log': EventLog }
}
