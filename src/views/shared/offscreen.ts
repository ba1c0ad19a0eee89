// Views below the fold (statechart, fleet, lifecycle table) need not redraw at every
// frame of scrubbing while nobody can see them. Off screen, an update that only
// moves the playhead waits: it runs in a task of its own at most `staleMs` later
// (so what assistive technology reads there is at most that old, and true again
// once scrubbing rests), at once when the view comes near the viewport, and at
// once when anyone awaits its `updateComplete`. Any other change (a new trace, a
// picked target) updates at once, as before. Views whose wait ends together are
// brought up to date one per frame.
import type { PropertyValues, ReactiveController, ReactiveElement } from 'lit';
import { HeldChanges } from './held-changes.ts';

/** How long an off-screen view may show an earlier playhead while scrubbing or playing. */
export const OFFSCREEN_STALE_MS = 250;

/**
 * Views whose wait is over, brought up to date one per frame: the statechart, fleet and
 * lifecycle table start waiting at the same seek, and their redraws landing together made
 * one frame in ten pay for all three (the slow frames of a scrub, issue 10). One runs at
 * once; the next runs in the task after the next frame that moves the playhead (so that
 * frame draws the one before it), or `IDLE_SPACING_MS` later when nothing moves it. No
 * animation-frame callback of its own: those would show in a trace as frames of their own.
 */
const due: OffscreenUpdates[] = [];
/** Set while a view brought up to date has not been drawn yet: the next one waits for it. */
let cooldown: ReturnType<typeof setTimeout> | undefined;
const IDLE_SPACING_MS = 50;

function serveOne(): void {
  clearTimeout(cooldown);
  cooldown = undefined;
  const next = due.shift();
  if (!next) return;
  next.flush();
  cooldown = setTimeout(serveOne, IDLE_SPACING_MS);
}

function enqueue(view: OffscreenUpdates): void {
  if (!due.includes(view)) due.push(view);
  if (cooldown === undefined) serveOne();
}

/** A frame moves the playhead: the next waiting view runs once this frame is drawn. */
function playheadMoved(): void {
  if (!due.length || cooldown === undefined) return;
  clearTimeout(cooldown);
  cooldown = setTimeout(serveOne);
}

function dequeue(view: OffscreenUpdates): void {
  const k = due.indexOf(view);
  if (k >= 0) due.splice(k, 1);
}

export class OffscreenUpdates implements ReactiveController {
  /** Until the observer first answers, the view updates as if it were on screen. */
  private onScreen = true;
  /** Playhead changes whose update waits. */
  private readonly held: HeldChanges;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly observer: IntersectionObserver;

  constructor(
    private readonly host: ReactiveElement,
    /** The properties that move with the playhead (e.g. `t`, `frame`). */
    playhead: readonly PropertyKey[],
    private readonly staleMs = OFFSCREEN_STALE_MS,
  ) {
    this.held = new HeldChanges(host, playhead);
    host.addController(this);
    // A margin, so a view scrolled towards is drawn before it shows.
    this.observer = new IntersectionObserver(
      (entries) => {
        this.onScreen = entries[entries.length - 1]!.isIntersecting;
        // For the view's styles: off screen, its CSS animations and transitions can stop
        // (`:host([offscreen])`), since a running one is styled and painted at every frame
        // even where nobody sees it.
        host.toggleAttribute('offscreen', !this.onScreen);
        if (this.onScreen) this.flush();
      },
      { rootMargin: '200px 0px' },
    );
  }

  hostConnected(): void {
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer.disconnect();
    clearTimeout(this.timer);
    this.timer = undefined;
    dequeue(this);
  }

  /** Whether the view is on screen (or near it), as last observed. */
  get visible(): boolean {
    return this.onScreen;
  }

  /** Whether an update is behind (off screen, the playhead alone moved). */
  get pending(): boolean {
    return this.held.pending;
  }

  /** For the host's `shouldUpdate`: false when this update may wait. */
  allows(changed: PropertyValues): boolean {
    const flushed = this.held.takeReplay();
    // A frame's seek (not the update a flush asked for, which runs in the flush's own task).
    if (!flushed) playheadMoved();
    if (flushed || this.onScreen || !this.held.playheadOnly(changed)) {
      this.held.release(changed);
      clearTimeout(this.timer);
      this.timer = undefined;
      dequeue(this);
      return true;
    }
    this.held.hold(changed);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      enqueue(this);
    }, this.staleMs);
    return false;
  }

  /** Runs the update that waits, if any (though the view is still off screen). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    dequeue(this);
    this.held.replay();
  }
}
