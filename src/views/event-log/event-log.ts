// The event log in plain language, following the playhead: the events that
// have happened by t (the latest highlighted), newest at the bottom. Clicking an
// entry (or Enter on it) selects it for "Why?" and moves the playhead there;
// ↑/↓ move between entries.
import { LitElement, html, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { TraceIndex } from '../../layout/frame.ts';
import { formatTime } from '../../layout/time.ts';
import type { TraceEvent } from '../../trace/types.ts';
import { emit } from '../shared/events.ts';
import { base } from '../shared/tokens.ts';
import { styles } from './event-log.styles.ts';
import { isolated } from '../shared/user-text.ts';

/** How many past events are kept in the DOM (the log of a 5,000-target run is long). */
export const LOG_WINDOW = 60;

export class EventLog extends LitElement {
  static override styles = [base, styles];
  static override properties = {
    index: { attribute: false },
    count: { type: Number },
    selected: { attribute: false },
  };

  declare index: TraceIndex | undefined;
  /** Events that have happened by the playhead. */
  declare count: number;
  /** The selected event (its position in the trace), explained in the why panel. */
  declare selected: number | undefined;

  constructor() {
    super();
    this.count = 0;
  }

  override shouldUpdate(changed: PropertyValues<this>): boolean {
    return changed.has('index') || changed.has('count') || changed.has('selected');
  }

  override render() {
    const events = this.index?.trace.events ?? [];
    const from = Math.max(0, this.count - LOG_WINDOW);
    const shown = events.slice(from, this.count).map((e, k) => ({ e, i: from + k }));
    const latestT = shown.length ? shown[shown.length - 1]!.e.t : -1;
    const last = shown.length ? shown[shown.length - 1]!.i : -1;
    return html`
      <div class="head"><h2>Event log</h2><span class="count">${this.count} of ${events.length}</span></div>
      <ol class="log" aria-label="Events up to the playhead; select one to see why it happened" @keydown=${this.onKey}>
        ${from > 0 ? html`<li class="more">${from} earlier events</li>` : ''}
        ${shown.length === 0 ? html`<li class="empty">Press play (Space) to start the deployment.</li>` : ''}
        ${repeat(
          shown,
          (x) => x.i,
          (x) => html`<li class="ev ${x.e.type} ${x.e.t === latestT ? 'now' : ''} ${x.i === last ? 'current' : ''}">
            <button class="entry" data-index=${x.i} aria-pressed=${x.i === this.selected ? 'true' : 'false'} @click=${() => this.select(x.i, x.e)}>
              <time>${formatTime(x.e.t)}</time>
              <span class="kind ${kindClass(x.e)}" aria-hidden="true"></span>
              <span class="msg">${isolated(x.e.message, this.index?.trace)}${x.e.rule ? html` <span class="why-tag">AWS rule</span>` : ''}${x.e.undocumented ? html` <abbr class="undoc" title="AWS does not document this step: deploysim's choice ${x.e.undocumented}">undocumented</abbr>` : ''}</span>
            </button>
          </li>`,
        )}
      </ol>
    `;
  }

  private select(i: number, e: TraceEvent): void {
    emit(this, 'event-select', { index: i });
    emit(this, 'seek-to', { t: e.t });
  }

  private onKey = (e: KeyboardEvent): void => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.entry')];
    const k = buttons.indexOf(e.composedPath()[0] as HTMLButtonElement);
    if (k < 0) return;
    e.preventDefault();
    buttons[Math.min(buttons.length - 1, Math.max(0, k + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  };

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('count') || changed.has('index') || changed.has('selected')) {
      const log = this.renderRoot.querySelector('.log');
      // The selected entry stays in view when it was just picked; otherwise the latest one.
      const selected = changed.has('selected') ? this.renderRoot.querySelector('button.entry[aria-pressed="true"]')?.parentElement : null;
      const current = selected ?? this.renderRoot.querySelector('li.current') ?? log?.lastElementChild;
      if (log && current instanceof HTMLElement) {
        log.scrollTop = current.offsetTop + current.offsetHeight - log.clientHeight + 4;
      }
    }
  }
}

function kindClass(e: TraceEvent): string {
  switch (e.type) {
    case 'lifecycle-event-failed':
    case 'alarm':
    case 'deployment-stopped':
    case 'fault-injected':
    case 'rollback-started':
      return 'bad';
    case 'deployment-started':
    case 'deployment-ended':
    case 'batch-started':
    case 'batch-ended':
      return 'milestone';
    case 'traffic-shifted':
    case 'registered':
    case 'deregistered':
    case 'cname-swapped':
      return 'traffic';
    default:
      return 'info';
  }
}
