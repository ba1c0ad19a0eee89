import { NowLineView } from './now-line.ts';

if (!customElements.get('now-line')) customElements.define('now-line', NowLineView);
export { NowLineView };
declare global {
  interface HTMLElementTagNameMap { 'now-line': NowLineView }
}
