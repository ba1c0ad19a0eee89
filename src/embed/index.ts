// Entry of the stand-alone embed chunk (dist/deploy-simulator.js): one
// <script type="module" src=".../deploy-simulator.js"> registers <deploy-simulator>.
import { DeploySimulator } from './deploy-simulator.ts';

if (!customElements.get('deploy-simulator')) customElements.define('deploy-simulator', DeploySimulator);
export { DeploySimulator };
declare global {
  interface HTMLElementTagNameMap { 'deploy-simulator': DeploySimulator }
}
