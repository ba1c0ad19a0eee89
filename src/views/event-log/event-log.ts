// The event log in plain language, following the playhead: the events that
// have happened by t (the latest highlighted), newest at the bottom. Clicking an
// entry (or Enter on it) moves the playhead there.
import { LitElement, html, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { TraceIndex } from '../../layout/frame.ts';
import { formatTime } from '../../layout/time.ts';
import type { TraceEvent } from '../../trace/types.ts';
import { emit } from '../shared/events.ts';
import { base } from '../shared/tokens.ts';
import { styles } from './event-log.styles.ts';

/** How many past events are kept in the DOM (the log of a 5,000-target run is long). */
export const LOG_WINDOW = 60;

export class EventLog extends LitElement {
  static override styles = [base, styles];
  static override properties = {
    index: { attribute: false },
    count: { type: Number },
  };

  declare index: TraceIndex | undefined;
  /** Events that have happened by the playhead. */
  declare count: number;

  constructor() {
    super();
    this.count = 0;
  }

  override shouldUpdate(changed: PropertyValues<this>): boolean {
    return changed.has('index') || changed.has('count');
  }

  override render() {
    const events = this.index?.trace.events ?? [];
    const from = Math.max(0, this.count - LOG_WINDOW);
    const shown = events.slice(from, this.count).map((e, k) => ({ e, i: from + k }));
    const latestT = shown.length ? shown[shown.length - 1]!.e.t : -1;
    const last = shown.length ? shown[shown.length - 1]!.i : -1;
    return html`
      <div class="head"><h2>Event log</h2><span class="count">${this.count} of ${events.length}</span></div>
      <div class="log-scroll">
      <ol class="log" aria-label="Events up to the playhead">
        ${from > 0 ? html`<li class="more">${from} earlier events</li>` : ''}
        ${shown.length === 0 ? html`<li class="empty">Press play (Space) to start the deployment.</li>` : ''}
        ${repeat(
          shown,
          (x) => x.i,
          (x) => html`<li class="ev ${x.e.type} ${x.e.t === latestT ? 'now' : ''} ${x.i === last ? 'current' : ''}">
            <button class="entry" @click=${() => this.jump(x.e)} aria-label=${`${formatTime(x.e.t)}: ${x.e.message}. Jump here.`}>
              <time>${formatTime(x.e.t)}</time>
              <span class="kind ${kindClass(x.e)}" aria-hidden="true"></span>
              <span class="msg">${x.e.message}${x.e.undocumented ? html` <abbr class="undoc" title="AWS does not document this step: deploysim's choice ${x.e.undocumented}">undocumented</abbr>` : ''}</span>
            </button>
          </li>`,
        )}
      </ol>
      </div>
    `;
  }

  private jump(e: TraceEvent): void {
    emit(this, 'seek-to', { t: e.t });
  }

  // No scrolling code: the list sits in a column-reverse scroller, which keeps the
  // newest entry in view by itself. Measuring offsets here forced a layout every frame.
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
