// Entry: starts a large share link's simulation at once (src/app/early-simulate.ts),
// then loads the components and mounts the app shell. The shell is imported
// dynamically so that this small entry runs as soon as it arrives, without
// waiting for the rest of the app to download and evaluate.
import './early-simulate.ts';

import('./app-shell.ts').catch((e: unknown) => {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = `deploysim could not load (${e instanceof Error ? e.message : String(e)}). Reload the page to try again.`;
  document.body.append(p);
});
