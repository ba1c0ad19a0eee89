import { TimelineView } from './timeline-view.ts';

if (!customElements.get('timeline-view')) customElements.define('timeline-view', TimelineView);
export { TimelineView };
declare global {
  interface HTMLElementTagNameMap { 'timeline-view': TimelineView }
}
