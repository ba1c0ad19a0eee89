// embed.html: the example page, and the iframe-able URL. With ?src=… (and
// optionally time, autoplay, controls) the page shows one simulator filling the
// frame; without, the two examples and the snippets to copy, filled with this
// site's own URLs.
import './index.ts';
import { iframeParams, elementSnippet, iframeSnippet } from './snippets.ts';

const params = new URLSearchParams(location.search);
const bare = iframeParams(params);
if (bare) {
  document.body.classList.add('bare');
  document.getElementById('page')?.remove();
  const sim = document.createElement('deploy-simulator');
  for (const [name, value] of Object.entries(bare)) sim.setAttribute(name, value);
  document.getElementById('bare')!.append(sim);
} else {
  const site = new URL('.', location.href);
  document.getElementById('snippet-element')!.textContent = elementSnippet(site.href);
  document.getElementById('snippet-iframe')!.textContent = iframeSnippet(site.href);
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    button.addEventListener('click', async () => {
      const text = document.getElementById(button.dataset.copy!)?.textContent ?? '';
      const status = button.nextElementSibling!;
      try {
        await navigator.clipboard.writeText(text);
        status.textContent = 'Copied.';
      } catch {
        status.textContent = 'Copying is blocked here: select the text and copy it.';
      }
    });
  }
}
