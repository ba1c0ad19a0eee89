// The lifecycle event table of one target as of the playhead, like the
// CodeDeploy console's: a real <table> per deployment with each event's status,
// start, duration, error code and the revision whose script ran. The target is
// the app's lifecycle target (shared with the statechart; '' follows the target
// in action); picking one here sends `target-select`. Rows come from
// `lifecycleTable` (src/layout/lifecycle.ts).
import { LitElement, html, css, type PropertyValues } from 'lit';
import type { TraceIndex } from '../../layout/frame.ts';
import { lifecycleTable, type LifecycleSection } from '../../layout/lifecycle.ts';
import { autoTarget } from '../../layout/statechart.ts';
import { emit } from '../shared/events.ts';
import { formatDuration, formatTime } from '../../layout/time.ts';
import { base } from '../shared/tokens.ts';
import '../target-picker/index.ts';
import type { PickerOption } from '../target-picker/target-filter.ts';
import { OffscreenUpdates } from '../shared/offscreen.ts';
import { textData } from '../shared/text-data.ts';

export class LifecycleTable extends LitElement {
  static override styles = [
    base,
    css`
      :host { display: block; }
      .head { display: flex; align-items: baseline; gap: 12px; flex-wrap: wrap; }
      .head h2 { margin: 0; }
      label { font-size: 12.5px; color: #414a5a; }
      table { border-collapse: collapse; width: 100%; font-size: 12.5px; margin-top: 6px; font-variant-numeric: tabular-nums; }
      caption { text-align: left; font-size: 12px; color: #5b6577; padding: 2px 0 4px; }
      th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid #eceff4; white-space: nowrap; }
      thead th { font-size: 11px; text-transform: uppercase; letter-spacing: 0.04em; color: #5b6577; font-weight: 650; }
      th[scope='rowgroup'] { background: #f3f5f9; font-size: 12px; color: #343c4c; }
      th[scope='rowgroup'].rollback { background: #f6e3ee; color: #5e1f45; }
      td.err { white-space: normal; color: #8f3500; }
      .status { font-weight: 650; }
      .status.Succeeded { color: #0b5e40; }
      .status.Failed { color: #8f3500; }
      .status.InProgress { color: #004f7c; }
      .status.Skipped, .status.Pending, .status.Not-run { color: #6b7587; font-weight: 500; }
      tr.InProgress td { background: #eef6fc; }
      tr.Failed td { background: #fdf0e8; }
      .empty { font-size: 12.5px; color: #5b6577; }
    `,
  ];
  static override properties = {
    index: { attribute: false },
    t: { type: Number },
    target: { type: String },
  };

  declare index: TraceIndex | undefined;
  declare t: number;
  /** The picked target's id (kept across re-simulations); '' follows the target in action. */
  declare target: string;
  sections: LifecycleSection[] = [];

  constructor() {
    super();
    this.t = 0;
    this.target = '';
  }

  private get shown(): number {
    const index = this.index;
    if (!index) return 0;
    const id = this.target && index.targetIndex.has(this.target) ? this.target : autoTarget(index, this.t);
    return (id === undefined ? undefined : index.targetIndex.get(id)) ?? 0;
  }

  /** Off screen, a frame that only moves the playhead waits (shared/offscreen.ts). */
  private offscreen = new OffscreenUpdates(this, ['t']);

  protected override getUpdateComplete(): Promise<boolean> {
    this.offscreen.flush();
    return super.getUpdateComplete();
  }

  override shouldUpdate(changed: PropertyValues<this>): boolean {
    return this.offscreen.allows(changed);
  }

  override willUpdate(_changed: PropertyValues<this>): void {
    if (this.index && this.index.targets.length > 0) this.sections = lifecycleTable(this.index, this.shown, this.t);
    else this.sections = [];
  }

  override render() {
    const index = this.index;
    if (!index || index.targets.length === 0) return html``;
    const shown = this.shown;
    const id = index.targets[shown]!.id;
    return html`
      <div class="head">
        <h2 id="lt-title">Lifecycle events</h2>
        <label>Target
          <target-picker label="Target whose lifecycle events are shown" .options=${this.pickerOptions(id)}
            .value=${this.target && index.targetIndex.has(this.target) ? this.target : ''} @pick=${this.onPick}></target-picker>
        </label>
      </div>
      ${this.sections.length === 0
        ? html`<p class="empty">${id} runs no lifecycle events by ${formatTime(this.t)}.</p>`
        : html`<table aria-labelledby="lt-title">
            <caption>${id} as of ${formatTime(this.t)}</caption>
            <thead><tr><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Start</th><th scope="col">Duration</th><th scope="col">Error code</th><th scope="col">Revision</th></tr></thead>
            ${this.sections.map(
              (s) => html`<tbody>
                <tr><th scope="rowgroup" colspan="6" class=${s.deployment.creator === 'codeDeployRollback' ? 'rollback' : ''}>
                  ${s.deployment.id}${s.deployment.creator === 'codeDeployRollback' ? ' (rollback, created by codeDeployRollback)' : ''} · ${s.deployment.revision}
                </th></tr>
                ${s.rows.map(
                  (r) => html`<tr class=${r.status.replace(' ', '-')}>
                    <td>${r.event}</td>
                    <td><span class="status ${r.status.replace(' ', '-')}">${r.status}</span></td>
                    <td ${textData(r.start === undefined ? '' : formatTime(r.start))}></td>
                    <td ${textData(r.duration === undefined ? '' : formatDuration(r.duration))}></td>
                    <td class="err" ${textData(r.errorCode ?? '')}></td>
                    <td ${textData(r.revision ?? '')}></td>
                  </tr>`,
                )}
              </tbody>`,
            )}
          </table>`}
    `;
  }

  private targetOptions: { index: TraceIndex; first: string; options: PickerOption[] } | undefined;

  /** '' (the target in action, named) first, then every target; rebuilt only when the trace or the first label changes. */
  private pickerOptions(inAction: string): PickerOption[] {
    const index = this.index!;
    const first = `the target in action${this.target ? '' : ` (${inAction})`}`;
    if (this.targetOptions?.index !== index || this.targetOptions.first !== first) {
      this.targetOptions = { index, first, options: [{ value: '', label: first }, ...index.targets.map((t) => ({ value: t.id, label: t.label ?? t.id }))] };
    }
    return this.targetOptions.options;
  }

  private onPick(e: CustomEvent<{ value: string }>): void {
    this.target = e.detail.value;
    emit(this, 'target-select', { target: this.target });
  }
}
