import { PlaybackControls } from './playback-controls.ts';

if (!customElements.get('playback-controls')) customElements.define('playback-controls', PlaybackControls);
export { PlaybackControls };
declare global {
  interface HTMLElementTagNameMap { 'playback-controls': PlaybackControls }
}
