import { ScenarioEditor } from './scenario-editor.ts';

if (!customElements.get('scenario-editor')) customElements.define('scenario-editor', ScenarioEditor);
export { ScenarioEditor };
declare global {
  interface HTMLElementTagNameMap { 'scenario-editor': ScenarioEditor }
}
