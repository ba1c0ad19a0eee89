import { css } from 'lit';

export const styles = css`
  :host { display: flex; flex-direction: column; min-height: 0; }
  /* The count changes at every seek: it sits in a box of its own size (out of the flow, size
     contained), so its new text is laid out alone, never the page around it. */
  .head { display: flex; align-items: baseline; position: relative; }
  .count { position: absolute; right: 0; bottom: 5px; left: 45%; height: 15px; line-height: 15px; contain: strict; text-align: right; white-space: nowrap; font-size: 11px; color: #6b7587; font-variant-numeric: tabular-nums; }
  /* Reversed flow: the scroll position starts at the bottom and stays there as entries arrive, with no script measuring anything. */
  /* Where the log's height is set from outside (the app's card: --log-contain: strict), the
     scroller is a layout boundary: what changes inside is laid out without the page around it.
     Chromium lays out a flex or grid item only with its container, whatever its containment, so
     the scroller is a block inside the flex item .frame, as tall as it (height: 100%). Where the
     log is as tall as its content (--log-contain: content), 100% of that auto height is auto. */
  .frame { flex: 1; min-height: 0; }
  .scroller { display: flex; flex-direction: column-reverse; overflow-y: auto; height: 100%; min-height: 120px; max-height: var(--log-max-height, 420px); scroll-behavior: auto; contain: var(--log-contain, content); }
  /* The auto margin takes the free space at the bottom (main-start of column-reverse): a short log
     starts at the top of the card, a long one stays scrolled to its newest entry. */
  .log { list-style: none; margin: 0 0 auto; padding: 0; position: relative; display: flex; flex-direction: column; justify-content: flex-end; }
  .also { color: #5b6577; }
  li { margin: 0; }
  li.more, li.empty { font-size: 11.5px; color: #6b7587; padding: 4px 6px; }
  /* One block of text per entry, its time and mark set beside it out of the flow (no grid to
     lay out again when a seek rewrites the entry); each entry is laid out on its own. */

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
  /* Tags are atomic inlines (a line may break before them); hidden when they do not apply. */
  .why-tag { display: inline-block; margin-left: 0.3em; font-size: 10px; line-height: 1.3; color: #005a8e; border: 1px solid #b9d3e6; border-radius: 4px; padding: 0 3px; white-space: nowrap; }
  abbr.undoc { display: inline-block; margin-left: 0.3em; font-size: 10px; color: #4f5869; text-decoration: underline dotted; }
  /* A tag that does not apply is there, empty of size and hidden (also from assistive technology):
     a seek that turns it on or off restyles it, never adds or removes a box, which would make
     Chromium work out the page's compositing layers again. */
  .why-tag.off, abbr.undoc.off { visibility: hidden; font-size: 0; margin: 0; padding: 0; border-width: 0; }
`;
