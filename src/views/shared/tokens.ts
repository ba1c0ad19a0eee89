// Shared look: CSS custom properties and small shared rules.
import { css } from 'lit';

/** Left column of the timeline and charts: both share one time axis. */
export const LABEL_WIDTH = 150;
export const RIGHT_MARGIN = 18;

export const base = css`
  :host {
    font-family: var(--ds-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: var(--ds-ink, #1d2330);
    box-sizing: border-box;
  }
  *, *::before, *::after { box-sizing: inherit; }
  button, select, input, textarea { font: inherit; color: inherit; }
  button {
    border: 1px solid var(--ds-line, #c9d0dc);
    background: var(--ds-surface, #fff);
    border-radius: 6px;
    padding: 4px 10px;
    cursor: pointer;
  }
  button:hover:not(:disabled) { background: var(--ds-hover, #eef3fb); }
  button:disabled { opacity: 0.45; cursor: default; }
  :focus-visible { outline: 3px solid var(--ds-focus, #0072B2); outline-offset: 2px; }
  select, input[type='number'] {
    border: 1px solid var(--ds-line, #c9d0dc);
    border-radius: 6px;
    padding: 3px 6px;
    background: #fff;
  }
  h2 {
    font-size: 0.78rem;
    text-transform: uppercase;
    letter-spacing: 0.06em;
    color: var(--ds-muted, #5b6577);
    margin: 0 0 6px;
    font-weight: 650;
  }
  .visually-hidden {
    position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
  }
`;
