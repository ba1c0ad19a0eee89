// Playback: restart, previous/next event, play/pause, scrub, speed and
// "skip long waits". Every control is a native button, range or select, so the
// keyboard works; the app shell adds global shortcuts (Space, ←/→, Home/End).
import { LitElement, html, svg } from 'lit';
import type { TraceIndex } from '../../layout/frame.ts';
import { SPEEDS } from '../../layout/playback.ts';
import { formatDuration, formatTime } from '../../layout/time.ts';
import { emit, type ViewEvents } from '../shared/events.ts';
import { base } from '../shared/tokens.ts';
import { styles } from './playback-controls.styles.ts';

export class PlaybackControls extends LitElement {
  static override styles = [base, styles];
  static override properties = {
    index: { attribute: false },
    t: { type: Number },
    playing: { type: Boolean },
    speed: { type: Number },
    skipWaits: { type: Boolean },
    fastForward: { attribute: false },
    hideTotal: { attribute: false },
  };

  declare index: TraceIndex | undefined;
  declare t: number;
  declare playing: boolean;
  declare speed: number;
  declare skipWaits: boolean;
  declare fastForward: { from: number; to: number; rate: number } | undefined;
  /** Quiz mode: the trace is cut at the question, so its duration is no total (as in the status header). */
  declare hideTotal: boolean;

  constructor() {
    super();
    this.t = 0;
    this.playing = false;
    this.speed = 5;
    this.skipWaits = true;
    this.hideTotal = false;
  }

  private cmd(command: ViewEvents['playback-command']['command']): void {
    emit(this, 'playback-command', { command });
  }

  /**
   * Keyboard scrubbing: the native range steps by 0.1 s, too fine to be useful.
   * Arrows move one second (Shift: ten), Page Up/Down ten; Space plays/pauses
   * without leaving the slider.
   */
  private onScrubKey = (e: KeyboardEvent): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === ' ') {
      e.preventDefault();
      this.cmd('toggle');
      return;
    }
    const dir = e.key === 'ArrowRight' || e.key === 'ArrowUp' || e.key === 'PageUp' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowDown' || e.key === 'PageDown' ? -1 : 0;
    if (!dir) return;
    e.preventDefault();
    const step = e.shiftKey || e.key.startsWith('Page') ? 10 : 1;
    const duration = this.index?.duration ?? 0;
    emit(this, 'seek-to', { t: Math.min(duration, Math.max(0, this.t + dir * step)) });
  };

  override render() {
    const duration = this.index?.duration ?? 0;
    const disabled = !this.index;
    const atEnd = this.t >= duration;
    const total = this.hideTotal ? '' : ` / ${formatTime(duration)}`;
    return html`
      <div class="bar" role="toolbar" aria-label="Playback">
        <button class="restart" @click=${() => this.cmd('restart')} ?disabled=${disabled} title="Restart (Home)" aria-label="Restart">${icon('restart')}</button>
        <button class="prev" @click=${() => this.cmd('previous')} ?disabled=${disabled} title="Previous event (←)" aria-label="Previous event">${icon('prev')}</button>
        <button class="play primary" @click=${() => this.cmd('toggle')} ?disabled=${disabled}
                title="Play/pause (Space)" aria-label=${this.playing ? 'Pause' : atEnd ? 'Replay' : 'Play'}>
          ${this.playing ? html`${icon('pause')} Pause` : atEnd ? html`${icon('restart')} Replay` : html`${icon('play')} Play`}
        </button>
        <button class="next" @click=${() => this.cmd('next')} ?disabled=${disabled} title="Next event (→)" aria-label="Next event">${icon('next')}</button>
        <button class="end" @click=${() => this.cmd('end')} ?disabled=${disabled} title="Jump to the end (End)" aria-label="Jump to the end">${icon('end')}</button>
        <label class="scrub">
          <span class="visually-hidden">Simulated time</span>
          <input type="range" min="0" max=${duration} step="0.1" .value=${String(this.t)} ?disabled=${disabled}
                 title="←/→ one second, Shift+←/→ ten seconds, Space play/pause"
                 aria-valuetext=${this.hideTotal ? formatTime(this.t) : `${formatTime(this.t)} of ${formatTime(duration)}`}
                 @keydown=${this.onScrubKey}
                 @input=${(e: Event) => emit(this, 'seek-to', { t: Number((e.target as HTMLInputElement).value) })} />
        </label>
        <span class="time" aria-hidden="true">${formatTime(this.t)}${total}</span>
        <label class="speed">Speed
          <select @change=${(e: Event) => emit(this, 'speed-change', { speed: Number((e.target as HTMLSelectElement).value), skipWaits: this.skipWaits })}>
            ${SPEEDS.map((s) => html`<option value=${s} ?selected=${s === this.speed}>${s}×</option>`)}
          </select>
        </label>
        <label class="skip" title="Cross long waits (a canary bake, a termination wait) in about a second; the clock still shows real simulated times">
          <input type="checkbox" .checked=${this.skipWaits}
                 @change=${(e: Event) => emit(this, 'speed-change', { speed: this.speed, skipWaits: (e.target as HTMLInputElement).checked })} />
          Fast-forward long waits
        </label>
      </div>
      <div class="ff" role="status" aria-live="polite">
        ${this.fastForward && this.playing
          ? html`»» Fast-forwarding a ${formatDuration(this.fastForward.to - this.fastForward.from)} wait (${formatTime(this.fastForward.from)} → ${formatTime(this.fastForward.to)}), ${Math.round(this.fastForward.rate)}× real time`
          : ''}
      </div>
    `;
  }
}

const PATHS: Record<string, string> = {
  play: 'M4 2.5v11l9-5.5z',
  pause: 'M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z',
  prev: 'M2.5 2.5h2v11h-2zM13.5 2.5v11l-8-5.5z',
  next: 'M11.5 2.5h2v11h-2zM2.5 2.5v11l8-5.5z',
  restart: 'M8 2.5a5.5 5.5 0 1 1-5.2 3.7l1.9.6A3.5 3.5 0 1 0 8 4.5V7L4 3.5 8 0z',
  end: 'M1.5 2.5v11l6-5.5zM7.5 2.5v11l6-5.5zM13.5 2.5h1.5v11h-1.5z',
};

function icon(name: string) {
  return html`<svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">${svg`<path d=${PATHS[name]!} fill="currentColor"></path>`}</svg>`;
}
