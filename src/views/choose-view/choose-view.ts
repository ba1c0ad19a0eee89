// "Help me choose": tick constraints and see which strategies of the current
// scenario's family qualify, each verdict with its reason and where it comes
// from (AWS's table, AWS's docs, the validator, or a measurement of the run);
// then run the survivors side by side in the compare view.
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { Scenario } from '../../scenario/types.ts';
import { choose, CONSTRAINTS, ROLLBACK_PROBE_TEXT, type Candidate, type ConstraintId } from '../../layout/choose.ts';
import { MAX_STRATEGIES, MIN_STRATEGIES } from '../../layout/compare-variants.ts';
import { measureCandidates } from '../../app/choose-session.ts';
import { base } from '../shared/tokens.ts';
import { styles } from './choose-view.styles.ts';
import { emitCompare } from '../compare-view/events.ts';

export class ChooseView extends LitElement {
  static override styles = [base, styles];
  static override properties = {
    raw: { attribute: false },
    scenario: { attribute: false },
    ticked: { state: true },
    candidates: { state: true },
  };

  declare raw: Record<string, unknown> | undefined;
  declare scenario: Scenario | undefined;
  declare ticked: Set<ConstraintId>;
  declare candidates: Candidate[];

  constructor() {
    super();
    this.ticked = new Set();
    this.candidates = [];
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('raw') || changed.has('scenario')) && this.raw && this.scenario) this.candidates = measureCandidates(this.raw, this.scenario);
  }

  private tick(id: ConstraintId, on: boolean): void {
    const next = new Set(this.ticked);
    if (on) next.add(id);
    else next.delete(id);
    this.ticked = next;
  }

  override render() {
    if (!this.scenario) return html`<p>Load a scenario first.</p>`;
    const choices = choose(this.candidates, this.ticked);
    const survivors = choices.filter((c) => c.qualifies).map((c) => c.candidate.strategy);
    const columns = CONSTRAINTS.filter((c) => this.ticked.has(c.id));
    const run = survivors.slice(0, MAX_STRATEGIES);
    return html`
      <section class="card">
        <h2>Help me choose <span class="hint">measured on “${this.scenario.name}”: same fleet, timings and faults</span></h2>
        <fieldset class="constraints">
          <legend>Constraints</legend>
          ${CONSTRAINTS.map((c) => html`<label><input type="checkbox" name=${c.id} .checked=${this.ticked.has(c.id)}
            @change=${(e: Event) => this.tick(c.id, (e.target as HTMLInputElement).checked)} /><span><strong>${c.label}</strong><span class="how">${c.how}</span></span></label>`)}
        </fieldset>
      </section>
      <section class="card">
        <h2>Strategies <span class="hint">${this.ticked.size ? `${survivors.length} of ${choices.length} qualify` : 'tick a constraint'}</span></h2>
        <table>
          <thead><tr><th scope="col">Strategy</th>${columns.map((c) => html`<th scope="col">${c.label}</th>`)}<th scope="col">Qualifies</th></tr></thead>
          <tbody>${choices.map((ch) => html`<tr class=${ch.qualifies ? 'yes' : 'no'} data-strategy=${ch.candidate.strategy.id}>
            <th scope="row">${ch.candidate.strategy.label}</th>
            ${columns.map((c) => {
              const v = ch.verdicts[c.id]!;
              return html`<td class=${v.ok ? 'ok' : 'fail'}><span class="mark" aria-hidden="true">${v.ok ? '✓' : '✗'}</span><span class="visually-hidden">${v.ok ? 'meets it' : 'does not meet it'}:</span> ${v.why} <span class="src">${v.source}</span></td>`;
            })}
            <td class=${ch.qualifies ? 'ok' : 'fail'}>${ch.qualifies ? '✓ yes' : '✗ no'}</td></tr>`)}</tbody>
        </table>
        ${this.ticked.has('fastestRollback') ? html`<p class="probe"><strong>Fastest rollback, what was injected:</strong> ${ROLLBACK_PROBE_TEXT}</p>` : nothing}
        <div class="actions">
          <button class="primary run" ?disabled=${run.length < MIN_STRATEGIES}
            @click=${() => emitCompare(this, 'compare-strategies', { ids: run.map((s) => s.id) })}>
            Run the survivors side by side</button>
          <span class="note" role="status">${run.length < MIN_STRATEGIES
            ? `${survivors.length === 0 ? 'No strategy' : 'Only one strategy'} qualifies; a comparison needs at least ${MIN_STRATEGIES}.`
            : survivors.length > MAX_STRATEGIES ? html`The first ${MAX_STRATEGIES} of ${survivors.length} survivors are compared.` : nothing}</span>
        </div>
      </section>
    `;
  }
}
