// Loaded by index.html before the app: when the page opens a share link with a
// large fleet, the simulation worker starts at once, while the app's own code
// is still arriving, instead of after it (issue 10: a 5,000-instance link draws
// its first timeline within 1 s). The app adopts the running result when it
// asks for the same scenario (src/app/off-thread.ts); it validates the text
// itself first, so a link it refuses never uses it.
import { decodeShare, oversizedFleet } from '../layout/share.ts';
import { startEarly, wantsOffThread } from './worker-run.ts';

const text = decodeShare(location.hash).scenarioText;
if (text !== undefined && oversizedFleet(text) === undefined) {
  try {
    const raw: unknown = JSON.parse(text);
    if (wantsOffThread(raw)) startEarly(text);
  } catch {
    // Unreadable: the app says so when it reads the link.
  }
}
