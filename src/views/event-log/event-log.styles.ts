import { css } from 'lit';

export const styles = css`
  :host { display: flex; flex-direction: column; min-height: 0; }
  /* The count: out of the flow and size contained, laid out alone at each seek. */
  .head { display: flex; align-items: baseline; position: relative; }
  .count { position: absolute; right: 0; bottom: 5px; left: 45%; height: 15px; line-height: 15px; contain: strict; text-align: right; white-space: nowrap; font-size: 11px; color: #6b7587; font-variant-numeric: tabular-nums; }
  /* Reversed flow: the scroll position starts at the bottom and stays there as entries arrive, with no script measuring anything. */
  /* Set from outside (--log-contain: strict), the scroller is a layout boundary: a block inside the flex item .frame (Chromium never lays out a flex item alone). */
  .frame { flex: 1; min-height: 0; }
  .scroller { display: flex; flex-direction: column-reverse; overflow-y: auto; height: 100%; min-height: 120px; max-height: var(--log-max-height, 420px); scroll-behavior: auto; contain: var(--log-contain, content); }
  /* The auto margin takes the free space at the bottom (main-start of column-reverse): a short log
     starts at the top of the card, a long one stays scrolled to its newest entry. */
  .log { list-style: none; margin: 0 0 auto; padding: 0; position: relative; display: flex; flex-direction: column; justify-content: flex-end; }
  .also { color: #5b6577; }
  li { margin: 0; }
  li.more, li.empty { font-size: 11.5px; color: #6b7587; padding: 4px 6px; }
  /* One block of text per entry, its time and mark set beside it out of the flow (no grid to
     lay out again when a seek rewrites the entry; no containment: text changed in a contained
     entry re-layerizes the page). */

  button.entry {
    display: block; position: relative;
    width: 100%; text-align: left; border: 0; border-radius: 6px; background: transparent; padding: 4px 6px 4px 72px;
    font-size: 12px; line-height: 1.4;
  }
  button.entry time { position: absolute; left: 6px; top: 4px; width: 44px; }
  button.entry:hover { background: #eef3fb; }
  li.now button.entry { background: #fffaeb; box-shadow: inset 3px 0 0 #f3d38a; }
  li.current button.entry { background: #fff1c9; box-shadow: inset 3px 0 0 #E69F00; }
  button.entry[aria-pressed='true'] { outline: 2px solid #0072B2; outline-offset: -2px; }
  .msg { min-width: 0; overflow-wrap: anywhere; unicode-bidi: isolate; }
  time { font-variant-numeric: tabular-nums; color: #5b6577; }
  .kind { position: absolute; left: 56px; top: 9px; width: 8px; height: 8px; border-radius: 50%; background: #9aa3b2; }
  .kind.bad { background: #D55E00; border-radius: 1px; transform: rotate(45deg); }
  .kind.milestone { background: #0072B2; }
  .kind.traffic { background: #56B4E9; border-radius: 2px; }
  .ev.lifecycle-event-failed .msg, .ev.alarm .msg, .ev.rollback-started .msg { color: #a33f00; }
  .ev.deployment-ended .msg, .ev.deployment-started .msg { font-weight: 600; }
  /* Tags are atomic inlines (a line may break before them), after a space (so copied text reads
     "… AWS rule"); hidden when they do not apply. */
  .why-tag { display: inline-block; font-size: 10px; line-height: 1.3; color: #005a8e; border: 1px solid #b9d3e6; border-radius: 4px; padding: 0 3px; white-space: nowrap; }
  abbr.undoc { display: inline-block; font-size: 10px; color: #4f5869; text-decoration: underline dotted; }
  /* A tag that does not apply: kept, of no size and hidden (a box added or removed re-layerizes the page). */
  .why-tag.off, abbr.undoc.off { visibility: hidden; font-size: 0; padding: 0; border-width: 0; }
`;
