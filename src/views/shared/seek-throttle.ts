// A view on screen whose every change is costly to draw and that nobody can read
// at sixty changes a second: the event log, whose entries all move when an event
// enters it. While the playhead moves on at every frame (scrubbing, playing), an
// update that only moves the playhead runs at most once per `everyMs`: the first
// seek after a rest draws at once, the ones that follow within `everyMs` wait, and
// the last of them is drawn when `everyMs` has passed (so the view is never more
// than that behind, and true again once the playhead rests). Awaiting the view's
// `updateComplete` draws what waits at once; any other change updates at once.
// Measured (docs/views.md): at 1,000 targets, dragging through the deployment
// drew the log in one frame of four, and those frames were the slow ones.
import type { PropertyValues, ReactiveController, ReactiveElement } from 'lit';

/** How often a throttled view is drawn while the playhead moves at every frame: four times a second. */
export const SEEK_THROTTLE_MS = 250;

export class SeekThrottle implements ReactiveController {
  /** Playhead properties whose update waits, with the value they had when it last ran. */
  private waiting = new Map<PropertyKey, unknown>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the view last drew a playhead change (ms, `performance.now()`); -Infinity before. */
  private last = -Infinity;
  /** Set by flush: the update it requested runs whatever the time. */
  private flushed = false;

  constructor(
    private readonly host: ReactiveElement,
    /** The properties that move with the playhead (e.g. `count`). */
    private readonly playhead: readonly PropertyKey[],
    private readonly everyMs = SEEK_THROTTLE_MS,
    /** The clock (a test passes its own). */
    private readonly now: () => number = () => performance.now(),
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Whether an update is behind (the playhead moved too soon after the last one drawn). */
  get pending(): boolean {
    return this.waiting.size > 0;
  }

  /** For the host's `shouldUpdate`: false when this update may wait. */
  allows(changed: PropertyValues): boolean {
    const flushed = this.flushed;
    this.flushed = false;
    const now = this.now();
    const playheadOnly = [...changed.keys()].every((k) => this.playhead.includes(k));
    if (flushed || !playheadOnly || now - this.last >= this.everyMs) {
      // What waited is part of this update (Lit forgot it when the update was skipped).
      for (const [k, v] of this.waiting) if (!changed.has(k)) changed.set(k, v);
      this.waiting.clear();
      clearTimeout(this.timer);
      this.timer = undefined;
      if ([...changed.keys()].some((k) => this.playhead.includes(k))) this.last = now;
      return true;
    }
    // Keep the oldest value, so the update that runs at last sees each property as changed.
    for (const [k, v] of changed) if (!this.waiting.has(k)) this.waiting.set(k, v);
    this.timer ??= setTimeout(() => this.flush(), Math.max(0, this.last + this.everyMs - now));
    return false;
  }

  /** Runs the update that waits, if any (its properties marked as changed). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.waiting.size) return;
    const waiting = [...this.waiting];
    this.waiting.clear();
    this.flushed = true;
    for (const [k, old] of waiting) this.host.requestUpdate(k, old, { hasChanged: () => true });
  }
}
