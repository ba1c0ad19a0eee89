// Inject failures while watching: pick a target and a failure, or trigger an
// alarm / stop / abort "now". Each becomes a fault with `at` = the playhead; the
// app re-simulates and the future forks from now. Every fault is listed and can
// be removed. Forks are honest: a fault that can no longer take effect is refused
// before it is sent (checkFault), and after an injection the panel shows what
// changed against the future it replaced, until dismissed. Nothing in it shows
// the playhead's time (the controls beside it do): a text in this right-hand
// column that changed at every frame made the browser redraw, at each frame,
// the whole area from the timeline to it (docs/views.md).
import { LitElement, html, css, type PropertyValues } from 'lit';
import { injectOptions, targetFault, actionFault, describeFault, type InjectOptions, type TargetFailureKind } from '../../layout/faults.ts';
import type { TraceIndex } from '../../layout/frame.ts';
import { checkFault, type FaultCheck, type Injection } from '../../layout/fork.ts';
import type { Fault, HookErrorCode } from '../../scenario/types.ts';
import { emit } from '../shared/events.ts';
import { base } from '../shared/tokens.ts';
import { isolated } from '../shared/user-text.ts';
import '../target-picker/index.ts';
import type { PickerOption } from '../target-picker/target-filter.ts';

export class FaultPanel extends LitElement {
  static override styles = [
    base,
    css`
      :host { display: block; }
      .row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-bottom: 6px; font-size: 12.5px; }
      select { max-width: 100%; }
      button.inject { background: #b44f00; color: #fff; border-color: #b44f00; font-weight: 650; }
      button.inject:hover:not(:disabled) { background: #8f3f00; }
      /* The shared disabled look, by colour: an opacity that comes and goes re-layerizes the page. */
      button:disabled { opacity: 1; color: color-mix(in srgb, #1d2330 45%, #fff); border-color: color-mix(in srgb, #c9d0dc 45%, #fff); }
      button.inject:disabled { color: #fff; background: color-mix(in srgb, #b44f00 45%, #fff); border-color: color-mix(in srgb, #b44f00 45%, #fff); }
      .actions { display: flex; flex-wrap: wrap; gap: 6px; margin: 8px 0; }
      ul { list-style: none; padding: 0; margin: 6px 0 0; }
      li { display: flex; justify-content: space-between; align-items: center; gap: 6px; font-size: 12px; padding: 3px 6px; border-radius: 6px; background: #f6f7fa; margin-bottom: 3px; }
      li.user { background: #fdf0e8; }
      li .origin { color: #556072; font-size: 11px; }
      li button { padding: 0 8px; font-size: 11.5px; }
      .none { font-size: 12px; color: #6b7587; }
      .note { font-size: 11.5px; color: #6b7587; margin: 2px 0 6px; }
      .refusal { font-size: 11.5px; color: #5b4636; border-left: 3px solid #E69F00; padding: 1px 6px; margin: 0 0 6px; }
      /* Always there, three lines: the panel keeps its height (no time in the hint: a live region). */
      .refusal.target { line-height: 1.4; min-height: calc(4.2em + 2px); }
      .refusal.target.ok { border-left-color: transparent; color: #6b7587; }
      .fork { border: 1px solid #c9d0dc; border-left: 4px solid #0072B2; border-radius: 6px; padding: 6px 8px; margin: 0 0 8px; font-size: 12.5px; background: #f6f9fd; }
      .fork.refused { border-left-color: #D55E00; background: #fdf0e8; }
      .fork.no-effect { border-left-color: #E69F00; background: #fff8e8; }
      .fork .headline { margin: 0 0 4px; }
      .fork li, .fork .headline, li > span { unicode-bidi: isolate; }
      .fork .was { text-decoration: line-through; text-decoration-color: #9aa3b2; color: #5b6577; }
      .fork ul { margin: 0 0 6px; }
      .fork li { display: list-item; background: none; padding: 0; margin: 0 0 0 16px; list-style: disc; font-size: 12px; }
      .fork .buttons { display: flex; gap: 6px; }
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
    report: { attribute: false },
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
  /** What the latest injection did (or why it was refused), until dismissed. */
  declare report: Injection | undefined;
  private options: InjectOptions | undefined;
  /** The picker's options, made once per trace (thousands of targets). */
  private targetOptions: PickerOption[] = [];

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
      this.targetOptions = o.targets.map((id) => ({ value: id, label: id }));
      if (!o.targetKinds.some((k) => k.kind === this.kind)) this.kind = o.targetKinds[0]?.kind ?? 'HookFailure';
      if (!o.targets.includes(this.target)) this.target = o.targets[0] ?? '';
      if (!o.steps.includes(this.step)) this.step = o.steps.find((s) => /health|ValidateService|AfterInstall|postdeploy|AfterAllowTraffic/.test(s)) ?? o.steps[0] ?? '';
    }
  }

  private targetFault(): Fault {
    const code = this.options?.errorCodes.length ? this.errorCode : undefined;
    return targetFault(this.kind, this.target, this.t, this.step, code);
  }

  private inject(): void {
    emit(this, 'fault-inject', { fault: this.targetFault() });
  }

  private check(fault: Fault): FaultCheck {
    return this.index ? checkFault(this.index, fault) : { ok: true };
  }

  override render() {
    const o = this.options;
    if (!o) return html`<h2>Inject a failure</h2><p class="none">Load a scenario first.</p>`;
    const targetCheck = this.target ? this.check(this.targetFault()) : ({ ok: true } as FaultCheck);
    const actionChecks = o.actions.map((a) => this.check(actionFault(a.action, this.t)));
    const actionRefusal = actionChecks.find((c): c is { ok: false; reason: string } => !c.ok);
    return html`
      <h2>Inject a failure</h2>
      ${this.renderReport()}
      <div class="row">
        <target-picker class="target" label="Target" .options=${this.targetOptions} .value=${this.target}
          @pick=${(e: CustomEvent<{ value: string }>) => (this.target = e.detail.value)}></target-picker>
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
        <button class="inject" @click=${this.inject} ?disabled=${!this.target || !targetCheck.ok} aria-describedby="refusal">Inject at the playhead</button>
      </div>
      <p class="refusal target ${targetCheck.ok ? 'ok' : ''}" id="refusal" role="status">${targetCheck.ok ? 'Inject adds this failure at the playhead, on the target picked above.' : targetCheck.reason}</p>
      <div class="actions">
        ${o.actions.map(
          (a, k) => html`<button class="action" data-action=${a.action} title=${a.help} ?disabled=${!actionChecks[k]!.ok}
            @click=${() => emit(this, 'fault-inject', { fault: actionFault(a.action, this.t) })}>${a.label}</button>`,
        )}
      </div>
      ${actionRefusal && actionRefusal.reason !== (targetCheck.ok ? '' : targetCheck.reason) ? html`<p class="refusal action-refusal" role="status">${actionRefusal.reason}</p>` : ''}
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

  private renderReport() {
    const r = this.report;
    if (!r) return '';
    const dismiss = html`<button class="dismiss" @click=${() => emit(this, 'fork-dismiss', {})}>Dismiss</button>`;
    if (r.kind === 'refused') {
      return html`<div class="fork refused" role="alert"><p class="headline"><strong>Not injected:</strong> ${describeFault(r.fault)}.</p>
        <p class="headline reason">${r.message}</p><div class="buttons">${dismiss}</div></div>`;
    }
    return html`<div class="fork ${r.kind}" role="status">
      <p class="headline"><strong>${describeFault(r.fault)}:</strong>
        ${r.was !== undefined && r.now !== undefined
          ? html`the future forked. Was <span class="was">${r.was}</span>, now <strong class="now">${r.now}</strong>.`
          : html`${r.message}.`}</p>
      ${r.details.length ? html`<ul class="details">${r.details.map((d) => html`<li>${isolated(d, this.index?.trace)}</li>`)}</ul>` : ''}
      <div class="buttons">
        <button class="undo" @click=${() => emit(this, 'fault-remove', { index: r.faultIndex })}>Undo this input</button>
        ${dismiss}
      </div>
    </div>`;
  }
}
