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
import { HeldChanges } from './held-changes.ts';

/** How often a throttled view is drawn while the playhead moves at every frame: four times a second. */
export const SEEK_THROTTLE_MS = 250;

export class SeekThrottle implements ReactiveController {
  /** Playhead changes whose update waits. */
  private readonly held: HeldChanges;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the view last drew a playhead change (ms, `performance.now()`); -Infinity before. */
  private last = -Infinity;

  constructor(
    host: ReactiveElement,
    /** The properties that move with the playhead (e.g. `count`). */
    playhead: readonly PropertyKey[],
    private readonly everyMs = SEEK_THROTTLE_MS,
    /** The clock (a test passes its own). */
    private readonly now: () => number = () => performance.now(),
  ) {
    this.held = new HeldChanges(host, playhead);
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Whether an update is behind (the playhead moved too soon after the last one drawn). */
  get pending(): boolean {
    return this.held.pending;
  }

  /** For the host's `shouldUpdate`: false when this update may wait. */
  allows(changed: PropertyValues): boolean {
    // The update flush asked for runs whatever the time.
    const flushed = this.held.takeReplay();
    const now = this.now();
    if (flushed || !this.held.playheadOnly(changed) || now - this.last >= this.everyMs) {
      this.held.release(changed);
      clearTimeout(this.timer);
      this.timer = undefined;
      if (this.held.movesPlayhead(changed)) this.last = now;
      return true;
    }
    this.held.hold(changed);
    this.timer ??= setTimeout(() => this.flush(), Math.max(0, this.last + this.everyMs - now));
    return false;
  }

  /** Runs the update that waits, if any (its properties marked as changed). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.held.replay();
  }
}
