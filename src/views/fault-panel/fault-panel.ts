// Inject failures while watching: pick a target and a failure, or trigger an
// alarm / stop / abort "now". Each becomes a fault with `at` = the playhead; the
// app re-simulates and the future forks from now. Every fault is listed and can
// be removed.
import { LitElement, html, css, type PropertyValues } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { injectOptions, targetFault, actionFault, describeFault, type InjectOptions, type TargetFailureKind } from '../../layout/faults.ts';
import type { TraceIndex } from '../../layout/frame.ts';
import { formatTime } from '../../layout/time.ts';
import type { Fault, HookErrorCode } from '../../scenario/types.ts';
import { emit } from '../shared/events.ts';
import { base } from '../shared/tokens.ts';

export class FaultPanel extends LitElement {
  static override styles = [
    base,
    css`
      :host { display: block; }
      .row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-bottom: 6px; font-size: 12.5px; }
      select { max-width: 100%; }
      button.inject { background: #D55E00; color: #fff; border-color: #D55E00; font-weight: 650; }
      button.inject:hover:not(:disabled) { background: #b44f00; }
      .actions { display: flex; flex-wrap: wrap; gap: 6px; margin: 8px 0; }
      ul { list-style: none; padding: 0; margin: 6px 0 0; }
      li { display: flex; justify-content: space-between; align-items: center; gap: 6px; font-size: 12px; padding: 3px 6px; border-radius: 6px; background: #f6f7fa; margin-bottom: 3px; }
      li.user { background: #fdf0e8; }
      li .origin { color: #6b7587; font-size: 11px; }
      li button { padding: 0 8px; font-size: 11.5px; }
      .none { font-size: 12px; color: #6b7587; }
      .note { font-size: 11.5px; color: #6b7587; margin: 2px 0 6px; }
    `,
  ];
  static override properties = {
    index: { attribute: false },
    t: { type: Number },
    faults: { attribute: false },
    userFaults: { attribute: false },
    kind: { state: true },
    target: { state: true },
    step: { state: true },
    errorCode: { state: true },
  };

  declare index: TraceIndex | undefined;
  declare t: number;
  /** The scenario's faults, as in its JSON. */
  declare faults: Fault[];
  /** Which of them were injected in this session (by position). */
  declare userFaults: Set<number>;
  declare kind: TargetFailureKind;
  declare target: string;
  declare step: string;
  declare errorCode: HookErrorCode;
  private options: InjectOptions | undefined;

  constructor() {
    super();
    this.t = 0;
    this.faults = [];
    this.userFaults = new Set();
    this.kind = 'HookFailure';
    this.target = '';
    this.step = '';
    this.errorCode = 'ScriptFailed';
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('index') && this.index) {
      this.options = injectOptions(this.index.trace.scenario, this.index.trace);
      const o = this.options;
      if (!o.targetKinds.some((k) => k.kind === this.kind)) this.kind = o.targetKinds[0]?.kind ?? 'HookFailure';
      if (!o.targets.includes(this.target)) this.target = o.targets[0] ?? '';
      if (!o.steps.includes(this.step)) this.step = o.steps.find((s) => /health|ValidateService|AfterInstall|postdeploy|AfterAllowTraffic/.test(s)) ?? o.steps[0] ?? '';
    }
  }

  private inject(): void {
    const code = this.options?.errorCodes.length ? this.errorCode : undefined;
    emit(this, 'fault-inject', { fault: targetFault(this.kind, this.target, this.t, this.step, code) });
  }

  override render() {
    const o = this.options;
    if (!o) return html`<h2>Inject a failure</h2><p class="none">Load a scenario first.</p>`;
    const now = formatTime(this.t);
    return html`
      <h2>Inject a failure at ${now}</h2>
      <div class="row">
        <label><span class="visually-hidden">Target</span>
          <select class="target" aria-label="Target" @change=${(e: Event) => (this.target = (e.target as HTMLSelectElement).value)}>
            ${guard([o, this.target], () => o.targets.map((id) => html`<option ?selected=${id === this.target}>${id}</option>`))}
          </select>
        </label>
        <label><span class="visually-hidden">Failure</span>
          <select class="kind" aria-label="Failure" @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value as TargetFailureKind)}>
            ${o.targetKinds.map((k) => html`<option value=${k.kind} ?selected=${k.kind === this.kind}>${k.label}</option>`)}
          </select>
        </label>
        ${this.kind === 'HookFailure'
          ? html`<label><span class="visually-hidden">Step</span>
              <select class="step" aria-label="Step that fails" @change=${(e: Event) => (this.step = (e.target as HTMLSelectElement).value)}>
                ${o.steps.map((s) => html`<option ?selected=${s === this.step}>${s}</option>`)}
              </select></label>
              ${o.errorCodes.length
                ? html`<label><span class="visually-hidden">Error code</span>
                    <select class="code" aria-label="AWS error code" @change=${(e: Event) => (this.errorCode = (e.target as HTMLSelectElement).value as HookErrorCode)}>
                      ${o.errorCodes.map((c) => html`<option ?selected=${c === this.errorCode}>${c}</option>`)}
                    </select></label>`
                : ''}`
          : ''}
        <button class="inject" @click=${this.inject} ?disabled=${!this.target}>Inject at ${now}</button>
      </div>
      <div class="actions">
        ${o.actions.map(
          (a) => html`<button class="action" data-action=${a.action} title=${a.help} @click=${() => emit(this, 'fault-inject', { fault: actionFault(a.action, this.t) })}>${a.label}</button>`,
        )}
      </div>
      <h2>Timed inputs</h2>
      ${this.faults.length === 0
        ? html`<p class="none">None: the deployment runs as configured.</p>`
        : html`<ul aria-label="Injected failures">
            ${this.faults.map(
              (f, i) => html`<li class=${this.userFaults.has(i) ? 'user' : ''}>
                <span>${describeFault(f)} <span class="origin">${this.userFaults.has(i) ? '· injected' : '· from the scenario'}</span></span>
                <button class="remove" @click=${() => emit(this, 'fault-remove', { index: i })} aria-label=${`Remove: ${describeFault(f)}`}>Remove</button>
              </li>`,
            )}
          </ul>`}
      <p class="note">The simulation re-runs with the input; everything before it stays the same and the future forks from there.</p>
    `;
  }
}
