// One reactive controller per external resource: this one owns a ResizeObserver
// and keeps the host's width in sync; it disconnects on teardown.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ResizeController implements ReactiveController {
  width = 0;
  height = 0;
  private observer: ResizeObserver | undefined;

  constructor(private host: ReactiveControllerHost & HTMLElement, private fallbackWidth = 800) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (!box) return;
      const w = Math.round(box.width);
      const h = Math.round(box.height);
      if (w !== this.width || h !== this.height) {
        this.width = w;
        this.height = h;
        this.host.requestUpdate();
      }
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  /** The measured width, or a fallback before the first measurement. */
  get effectiveWidth(): number {
    return this.width || this.host.clientWidth || this.fallbackWidth;
  }
}
