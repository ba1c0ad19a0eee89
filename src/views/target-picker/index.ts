import { TargetPicker } from './target-picker.ts';

if (!customElements.get('target-picker')) customElements.define('target-picker', TargetPicker);
declare global {
  interface HTMLElementTagNameMap { 'target-picker': TargetPicker }
}
