// Playhead changes a view skipped drawing (its shouldUpdate said false), kept so
// that the update that runs at last sees them as changed: Lit forgets the changed
// properties of a skipped update. Shared by the controllers that let a view's
// playhead updates wait: off screen (offscreen.ts) and while the playhead moves at
// every frame (seek-throttle.ts).
import type { PropertyValues, ReactiveElement } from 'lit';

export class HeldChanges {
  /** Properties whose update waits, with the value they had when the view last drew them. */
  private held = new Map<PropertyKey, unknown>();
  /** Set by `replay`: the update it requested is that held one, which runs whatever the controller decides. */
  private replaying = false;

  constructor(
    private readonly host: ReactiveElement,
    /** The properties that move with the playhead (e.g. `t`, `frame`, `count`). */
    private readonly playhead: readonly PropertyKey[],
  ) {}

  /** Whether an update is behind. */
  get pending(): boolean {
    return this.held.size > 0;
  }

  /** Whether these changes are the playhead's alone (so their update may wait). */
  playheadOnly(changed: PropertyValues): boolean {
    return [...changed.keys()].every((k) => this.playhead.includes(k));
  }

  /** Whether these changes include the playhead's. */
  movesPlayhead(changed: PropertyValues): boolean {
    return [...changed.keys()].some((k) => this.playhead.includes(k));
  }

  /** Whether the update asking is the one `replay` requested (asked once per update). */
  takeReplay(): boolean {
    const replaying = this.replaying;
    this.replaying = false;
    return replaying;
  }

  /** The update is skipped: keep the oldest value of each property, so the one that runs at last sees it as changed. */
  hold(changed: PropertyValues): void {
    for (const [k, v] of changed) if (!this.held.has(k)) this.held.set(k, v);
  }

  /** The update runs: what waited is part of it. */
  release(changed: PropertyValues): void {
    for (const [k, v] of this.held) if (!changed.has(k)) changed.set(k, v);
    this.held.clear();
  }

  /** Requests the update that waits, if any (its properties marked as changed). */
  replay(): void {
    if (!this.held.size) return;
    const held = [...this.held];
    this.held.clear();
    this.replaying = true;
    for (const [k, old] of held) this.host.requestUpdate(k, old, { hasChanged: () => true });
  }
}
