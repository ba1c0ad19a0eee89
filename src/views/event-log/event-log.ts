// The event log in plain language, following the playhead: the events that
// have happened by t (the latest highlighted), newest at the bottom, with runs of
// alike events at one moment folded into one line as the CLI folds them
// ("… (also i-2 … i-1000: 999 more)", src/layout/event-groups.ts). Clicking an
// entry (or Enter on it) selects it for "Why?" and moves the playhead there;
// ↑/↓ move between entries. The list scrolls from its bottom by CSS
// (column-reverse), so following the playhead never measures the page.
import { LitElement, html, type PropertyValues } from 'lit';
import type { TraceIndex } from '../../layout/frame.ts';
import { formatTime } from '../../layout/time.ts';
import type { TraceEvent } from '../../trace/types.ts';
import { emit } from '../shared/events.ts';
import { base } from '../shared/tokens.ts';
import { styles } from './event-log.styles.ts';
import { isolatedText, withoutIsolates } from '../shared/user-text.ts';
import { textData } from '../shared/text-data.ts';
import { alsoText, eventRunStarts } from '../../layout/event-groups.ts';
import { upperBound } from '../../layout/time.ts';
import { SeekThrottle } from '../shared/seek-throttle.ts';
import type { Trace } from '../../trace/types.ts';
import { thousands } from '../../scenario/thousands.ts';

/** Runs per trace, folded once (the log of a 5,000-target run has tens of thousands of events). */
const runsOf = new WeakMap<Trace, number[]>();
function runStarts(trace: Trace): number[] {
  let starts = runsOf.get(trace);
  if (!starts) runsOf.set(trace, (starts = eventRunStarts(trace.events)));
  return starts;
}

interface Entry { e: TraceEvent; i: number; also: string; last: number }

/** How many past entries (folded runs) are kept in the DOM (the log of a 5,000-target run is long). */
export const LOG_WINDOW = 60;
/** The least height of an entry (one line), to know how many fill the visible log. */
const ENTRY_MIN_PX = 22;
/** An entry's padding (4 px above and below) and line height (12 px × 1.4), as in event-log.styles.ts. */
const ENTRY_PAD_PX = 8;
const LINE_PX = 16.8;
/** Left of a message: the time and mark (72 px), and the padding on its right. */
const ENTRY_INDENT_PX = 78;
/** How much taller than the log its list is kept while following the playhead (more than the newest entries overshoot it by). */
const EXTENT_SLACK_PX = 240;
/** Narrower than any character of the log's 12 px text on average, so a line is never thought to hold fewer than it does. */
const NARROWEST_CHAR_PX = 4.5;

export class EventLog extends LitElement {
  static override styles = [base, styles];
  static override properties = {
    index: { attribute: false },
    count: { type: Number },
    selected: { attribute: false },
    fill: { state: true },
    scrolledBack: { state: true },
  };

  declare index: TraceIndex | undefined;
  /** Events that have happened by the playhead. */
  declare count: number;
  /** The selected event (its position in the trace), explained in the why panel. */
  declare selected: number | undefined;
  /**
   * How many entries fill the visible log (from its height, watched, never measured in a frame):
   * following the playhead, only these are built; the rest of the window appears once the
   * reader scrolls back (`scrolledBack`). A log as tall as its content shows the whole window.
   */
  declare fill: number;
  declare scrolledBack: boolean;

  constructor() {
    super();
    this.count = 0;
    this.fill = LOG_WINDOW;
    this.scrolledBack = false;
  }

  /**
   * The log's visible height and how many characters a line of a message holds at most (from
   * its width), as last observed; `sized` when its height is set from outside (size containment,
   * as in the app's card), not by its entries: only then can the entries be cut to that height.
   */
  private box = { height: 0, lineChars: 0, sized: false };

  private resize = new ResizeObserver(([entry]) => {
    if (!entry) return;
    const { width, height } = entry.contentRect;
    this.fill = Math.min(LOG_WINDOW, Math.ceil(height / ENTRY_MIN_PX) + 4);
    const lineChars = Math.max(1, Math.floor((width - ENTRY_INDENT_PX) / NARROWEST_CHAR_PX));
    const sized = /strict|size/.test(getComputedStyle(entry.target).contain);
    if (lineChars !== this.box.lineChars || height !== this.box.height || sized !== this.box.sized) {
      this.box = { height, lineChars, sized };
      this.requestUpdate();
    }
  });

  /**
   * An entry's least height: its text in lines as long as any can be (so never more lines than
   * it takes), the time and mark beside it. Newest first, entries are built until these heights
   * fill the log, so a log of long messages builds fewer than `fill` (one-line) entries.
   */
  private leastHeight(x: Entry): number {
    const chars = x.e.message.length + (x.also ? x.also.length + 1 : 0) + (x.e.rule ? 10 : 0) + (x.e.undocumented ? 14 : 0);
    return ENTRY_PAD_PX + LINE_PX * Math.max(1, Math.ceil(chars / this.box.lineChars));
  }

  override firstUpdated(): void {
    this.resize.observe(this.renderRoot.querySelector('.scroller')!);
    this.renderRoot.addEventListener('copy', this.onCopy as EventListener);
  }

  /**
   * Copied entries leave without the isolate marks their messages carry for display
   * (isolatedText): pasted elsewhere they would be invisible characters inside the
   * user's names. The selection is read where it lives, inside this shadow root.
   */
  private onCopy = (e: ClipboardEvent): void => {
    const root = this.renderRoot as ShadowRoot & { getSelection?: () => Selection | null };
    const text = (root.getSelection?.() ?? document.getSelection())?.toString() ?? '';
    if (!text || !e.clipboardData) return;
    e.clipboardData.setData('text/plain', withoutIsolates(text));
    e.preventDefault();
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const scroller = this.renderRoot?.querySelector('.scroller');
    if (scroller) this.resize.observe(scroller);
  }

  /** Newest at the bottom (column-reverse): scrollTop is 0 there and negative above it. */
  private onScroll = (e: Event): void => {
    this.scrolledBack = (e.target as HTMLElement).scrollTop < -1;
  };

  /**
   * While the playhead moves at every frame, a new count is drawn at most four times a second
   * (shared/seek-throttle.ts): an event entering moves every entry, and nobody reads the log
   * at sixty changes a second. Any other change, and awaiting updateComplete, draw at once.
   */
  private throttle = new SeekThrottle(this, ['count']);

  /** Awaited, the log is drawn as of the latest count, whether or not that update had to wait. */
  protected override async getUpdateComplete(): Promise<boolean> {
    this.throttle.flush();
    let done = await super.getUpdateComplete();
    if (this.throttle.pending) {
      this.throttle.flush();
      done = await super.getUpdateComplete();
    }
    return done;
  }

  override shouldUpdate(changed: PropertyValues<this>): boolean {
    const drawn = changed.has('index') || changed.has('count') || changed.has('selected') || changed.has('fill') || changed.has('scrolledBack');
    return drawn && this.throttle.allows(changed);
  }

  /** Following the playhead in a log whose height is set from outside: only the entries that fill it are built. */
  private measured(): boolean {
    return !this.scrolledBack && this.box.sized && this.box.lineChars > 0;
  }

  /** The folded runs that have begun by the playhead, the last LOG_WINDOW of them (or those that fill the log); a run still unfolding is cut at the playhead. */
  private entries(): { shown: Entry[]; earlier: number } {
    const trace = this.index?.trace;
    if (!trace || this.count <= 0) return { shown: [], earlier: 0 };
    const events = trace.events;
    const starts = runStarts(trace);
    const begun = upperBound(starts, this.count - 1, (s) => s);
    const least = Math.max(0, begun - (this.scrolledBack ? LOG_WINDOW : this.fill));
    const entryOf = (k: number): Entry => {
      const i = starts[k]!;
      const end = Math.min(starts[k + 1] ?? events.length, this.count);
      return { e: events[i]!, i, also: alsoText(end - i - 1, (j) => events[i + 1 + j]!.target!), last: end - 1 };
    };
    // Newest first, until the entries' least heights fill the log (and one more, partly shown at its top).
    const newestFirst: Entry[] = [];
    let height = 0;
    const measured = this.measured();
    for (let k = begun - 1; k >= least; k--) {
      const x = entryOf(k);
      newestFirst.push(x);
      if (measured && height >= this.box.height) break;
      if (measured) height += this.leastHeight(x);
    }
    const shown = newestFirst.reverse();
    const from = begun - shown.length;
    return { shown, earlier: from < begun ? starts[from]! : 0 };
  }

  override render() {
    const total = this.index?.trace.events.length ?? 0;
    const { shown, earlier } = this.entries();
    // Following the playhead in a full log of set height, the list is a bit taller than the log,
    // whatever the entries built: the scroller's extent stays the same from seek to seek (a
    // changed extent makes Chromium work out the page's compositing layers again). The entries
    // sit at its bottom and fill the log; what is above them is out of view until the reader
    // scrolls back, and then the whole window is built without it. A log not full yet (every
    // event shown) keeps its entries at the top.
    const floor = this.measured() && earlier > 0 ? `min-height:${Math.ceil(this.box.height + EXTENT_SLACK_PX)}px` : '';
    const latestT = shown.length ? shown[shown.length - 1]!.e.t : -1;
    const last = shown.length ? shown[shown.length - 1]!.i : -1;
    const selected = this.selected;
    const holds = (x: Entry) => selected !== undefined && selected >= x.i && selected <= x.last;
    // Every part of an entry is always there (empty or hidden when it does not apply), and the
    // message is one text (user strings between isolate marks, shared/user-text.ts), so a
    // seek that rewrites an entry in place changes texts and attributes, never the tree.
    const entry = (x: Entry) => html`<li class="ev ${x.e.type} ${x.e.t === latestT ? 'now' : ''} ${x.i === last ? 'current' : ''}">
        <button class="entry" data-index=${x.i} aria-pressed=${holds(x) ? 'true' : 'false'} @click=${() => this.select(x.i, x.e)}>
          <time>${formatTime(x.e.t)}</time>
          <span class="kind ${kindClass(x.e)}" aria-hidden="true"></span>
          <span class="msg">${isolatedText(x.e.message, this.index?.trace)}<span class="also" ${textData(x.also ? ` ${x.also}` : '')}></span> <span class="why-tag ${x.e.rule ? '' : 'off'}">AWS rule</span> <abbr class="undoc ${x.e.undocumented ? '' : 'off'}" title=${x.e.undocumented ? `AWS does not document this step: deploysim's choice ${x.e.undocumented}` : ''}>undocumented</abbr></span>
        </button>
      </li>`;
    return html`
      <div class="head"><h2>Event log</h2><span class="count">${thousands(this.count)} of ${thousands(total)}</span></div>
      <div class="frame">
        <div class="scroller" @scroll=${this.onScroll}>
          <ol class="log" style=${floor} aria-label="Events up to the playhead; select one to see why it happened" @keydown=${this.onKey}>
            ${earlier > 0 ? html`<li class="more">${earlier} earlier events</li>` : ''}
            ${shown.length === 0 && this.index ? html`<li class="empty">Press play (Space) to start the deployment.</li>` : ''}
            ${shown.map(entry)}
          </ol>
        </div>
      </div>
    `;
  }

  /** The event whose entry has focus before an update (its position in the trace). */
  private focusedEntry: string | undefined;

  override willUpdate(): void {
    this.focusedEntry = ((this.renderRoot as ShadowRoot).activeElement as HTMLElement | null)?.dataset.index;
  }

  /**
   * Entries are reused in place (a seek rewrites their text instead of building sixty new
   * ones), so the element under focus may now show another event: focus follows its event.
   */
  override updated(): void {
    const was = this.focusedEntry;
    if (was === undefined || ((this.renderRoot as ShadowRoot).activeElement as HTMLElement | null)?.dataset.index === was) return;
    this.renderRoot.querySelector<HTMLButtonElement>(`button.entry[data-index="${was}"]`)?.focus({ preventScroll: true });
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
    if (k === 0 && e.key === 'ArrowUp' && !this.scrolledBack) {
      // Above the entries built to fill the log: build the whole window, then go up one.
      const at = buttons[0]!.dataset.index;
      this.scrolledBack = true;
      void this.updateComplete.then(() => {
        const all = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.entry')];
        all[all.findIndex((b) => b.dataset.index === at) - 1]?.focus();
      });
      return;
    }
    buttons[Math.min(buttons.length - 1, Math.max(0, k + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  };
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
