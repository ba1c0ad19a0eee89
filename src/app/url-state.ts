// URL state: reads the share link on start and on hashchange, writes the
// current scenario and time back with replaceState. Teardown removes the listener.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { decodeShare, encodeShare, type ShareState } from '../layout/share.ts';

export class UrlState implements ReactiveController {
  private written = '';
  private onHashChange = () => {
    if (location.hash === this.written) return;
    this.restore(decodeShare(location.hash));
  };

  constructor(host: ReactiveControllerHost, private restore: (state: ReturnType<typeof decodeShare>) => void) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('hashchange', this.onHashChange);
  }

  hostDisconnected(): void {
    removeEventListener('hashchange', this.onHashChange);
  }

  /** The state in the URL when the page opened. */
  initial(): ReturnType<typeof decodeShare> {
    return decodeShare(location.hash);
  }

  write(state: ShareState): void {
    const hash = encodeShare(state);
    if (hash === this.written) return;
    this.written = hash;
    history.replaceState(null, '', hash);
  }

  link(state: ShareState): string {
    return `${location.origin}${location.pathname}${encodeShare(state)}`;
  }
}
