import { ShortcutsOverlay } from './shortcuts-overlay.ts';

if (!customElements.get('shortcuts-overlay')) customElements.define('shortcuts-overlay', ShortcutsOverlay);
export { ShortcutsOverlay };
declare global {
  interface HTMLElementTagNameMap { 'shortcuts-overlay': ShortcutsOverlay }
}
