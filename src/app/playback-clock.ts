// The playback clock: a requestAnimationFrame loop that runs while the host is
// playing and hands it wall-clock seconds. Wall time becomes simulated time in
// one place only (layout/playback.ts); this controller only measures.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface ClockHost extends ReactiveControllerHost {
  playing: boolean;
}

export class PlaybackClock implements ReactiveController {
  private frame = 0;
  private last = 0;

  constructor(private host: ClockHost, private onTick: (wallSeconds: number) => void) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.host.playing && !this.frame) this.start();
    if (!this.host.playing && this.frame) this.stop();
  }

  hostDisconnected(): void {
    this.stop();
  }

  private start(): void {
    this.last = performance.now();
    const loop = (now: number) => {
      const dt = Math.min(0.1, Math.max(0, (now - this.last) / 1000));
      this.last = now;
      this.frame = requestAnimationFrame(loop);
      this.onTick(dt);
    };
    this.frame = requestAnimationFrame(loop);
  }

  private stop(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }
}
