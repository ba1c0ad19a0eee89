import { ScenarioLibrary } from './scenario-library.ts';

if (!customElements.get('scenario-library')) customElements.define('scenario-library', ScenarioLibrary);
export { ScenarioLibrary };
declare global {
  interface HTMLElementTagNameMap { 'scenario-library': ScenarioLibrary }
}
