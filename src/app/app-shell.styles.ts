import { css } from 'lit';

export const shellStyles = css`
  :host {
    display: grid;
    grid-template-columns: 290px minmax(0, 1fr) 360px;
    grid-template-rows: auto minmax(0, 1fr);
    grid-template-areas: 'top top top' 'left main right';
    height: 100vh;
    background: #f4f6fa;
  }
  a.skip {
    position: absolute; left: 12px; top: -60px; z-index: 10; background: #0072B2; color: #fff;
    padding: 8px 12px; border-radius: 8px; font-weight: 650; text-decoration: none;
  }
  a.skip:focus { top: 8px; }
  header.top {
    grid-area: top; display: flex; align-items: center; gap: 20px; padding: 10px 16px;
    background: #fff; border-bottom: 1px solid #dde2ea;
  }
  .brand { font-weight: 800; font-size: 17px; white-space: nowrap; color: #0b3a5b; }
  .brand .logo { color: #0072B2; }
  .brand .tag { display: block; font-size: 10.5px; font-weight: 500; color: #6b7587; letter-spacing: 0.03em; }
  status-header { flex: 1; min-width: 0; }
  /* Compare and choose run scenarios of their own: the simulator's status and clock would mislead there. */
  status-header[hidden] { visibility: hidden; }
  aside.left { grid-area: left; overflow-y: auto; padding: 10px 10px 20px 12px; background: #fbfcfe; border-right: 1px solid #dde2ea; }
  main { grid-area: main; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 12px; min-width: 0; }
  aside.right { grid-area: right; overflow: hidden; padding: 12px 12px 12px 0; display: flex; flex-direction: column; gap: 12px; min-height: 0; }
  /* Each column paints apart: a change repaints its column alone (docs/views.md, "What keeps a frame cheap"). */
  aside.left, main, aside.right { isolation: isolate; }
  /* Presenter mode fits a projector's screen: the now line takes the lines its sentence needs. */
  :host([presenter]) now-line { --now-min-height: 0; }
  .card { background: #fff; border: 1px solid #dde2ea; border-radius: 10px; padding: 10px 12px; box-shadow: 0 1px 2px rgba(20, 30, 50, 0.04); }
  /* Cards below the fold skip their style, layout and paint until they come near the screen, so a
     scrubbed frame pays for what can be seen (issue 10); each keeps its last drawn size. Hovered or
     holding focus they are left whole, so a target picker's list or a tooltip is never clipped at the card's edge. */
  .card.statechart, .card.fleet, .card.lifecycle { content-visibility: auto; contain-intrinsic-size: auto 480px; }
  .card.statechart:is(:hover, :focus-within), .card.fleet:is(:hover, :focus-within), .card.lifecycle:is(:hover, :focus-within) { content-visibility: visible; }
  .card.log { flex: 1; min-height: 0; display: flex; flex-direction: column; }
  /* The card sets the log's height (the column's free space): what changes inside it is laid out alone. */
  .card.log event-log { flex: 1; min-height: 0; --log-max-height: none; --log-contain: strict; }
  .card.faults { flex: none; max-height: 46%; overflow-y: auto; }
  .card.why { flex: none; max-height: 34%; overflow-y: auto; }
  /* A card that scrolls says so (overlay scrollbars show nothing until scrolled): a shadow
     at each edge with more to read; the white covers, which scroll with the content, hide it where there is none. */
  .card.faults, .card.why {
    background:
      linear-gradient(#fff 30%, rgba(255, 255, 255, 0)) center top / 100% 28px no-repeat local,
      linear-gradient(rgba(255, 255, 255, 0), #fff 70%) center bottom / 100% 28px no-repeat local,
      radial-gradient(farthest-side at 50% 0, rgba(20, 30, 50, 0.22), transparent) center top / 100% 12px no-repeat scroll,
      radial-gradient(farthest-side at 50% 100%, rgba(20, 30, 50, 0.22), transparent) center bottom / 100% 12px no-repeat scroll,
      #fff;
  }
  h2 .hint { text-transform: none; letter-spacing: 0; font-weight: 400; color: #5f6b7c; margin-left: 6px; }
  .card-head { display: flex; align-items: flex-start; justify-content: space-between; gap: 10px; }
  .card-head button { flex: none; font-size: 12px; }
  .card-head button[aria-pressed='true'] { background: #0072B2; border-color: #0072B2; color: #fff; }
  .tabs { display: flex; gap: 4px; margin-bottom: 10px; }
  .tabs button { flex: 1; border-radius: 8px; font-size: 12.5px; font-weight: 600; }
  .tabs button[aria-selected='true'] { background: #0072B2; border-color: #0072B2; color: #fff; }
  [hidden] { display: none !important; }
  .error {
    display: flex; justify-content: space-between; gap: 12px; background: #fdf0e8; border: 1px solid #D55E00;
    border-radius: 10px; padding: 10px 12px; font-size: 13px; color: #5a2200;
  }
  .error ul { margin: 6px 0 0; padding-left: 18px; }
  .error .dismiss { align-self: flex-start; }
  .error code { font-weight: 700; }
  .error .detail { font-family: ui-monospace, monospace; font-size: 12px; margin-top: 4px; }
  @media (max-width: 1100px) {
    :host { grid-template-columns: 250px minmax(0, 1fr); grid-template-areas: 'top top' 'left main' 'right right'; height: auto; }
    aside.left { position: sticky; top: 0; max-height: 100vh; align-self: start; }
    aside.right { padding: 0 12px 12px; }
    .card.faults { max-height: none; }
    .card.log event-log { --log-contain: content; }
  }
  /* Phones and narrow windows: one column, the page scrolls, the library is a drawer. */
  .drawer-toggle, .drawer-close, .scrim { display: none; }
  @media (max-width: 720px) {
    :host { display: block; height: auto; }
    header.top { flex-wrap: wrap; gap: 6px 10px; padding: 8px 10px; }
    .drawer-toggle { display: inline-flex; align-items: center; gap: 6px; font-weight: 650; min-height: 40px; }
    .brand { font-size: 16px; }
    .brand .tag { display: none; }
    status-header { flex-basis: 100%; }
    aside.left {
      position: fixed; z-index: 20; top: 0; bottom: 0; left: 0; width: min(340px, 88vw); max-height: none;
      padding-top: 52px; transform: translateX(-100%); visibility: hidden;
      transition: transform 0.2s ease, visibility 0.2s; box-shadow: 4px 0 24px rgba(10, 20, 40, 0.25);
    }
    /* Visible at once when opening (so focus can move in); hidden only after the slide when closing. */
    aside.left[data-open] { transform: none; visibility: visible; transition: transform 0.2s ease, visibility 0s; }
    .drawer-close { display: block; position: absolute; top: 8px; right: 10px; min-width: 40px; min-height: 40px; }
    .scrim { display: block; position: fixed; inset: 0; z-index: 15; background: rgba(10, 20, 40, 0.35); }
    main { padding: 8px; overflow: visible; gap: 8px; }
    aside.right { display: flex; padding: 0 8px 8px; overflow: visible; }
    .card { padding: 8px; }
    /* Wide content (a lifecycle column, a table) scrolls inside its card, never the page. */
    .card.statechart, .card.lifecycle { overflow-x: auto; }
    h2 .hint { display: none; }
  }
  @media (prefers-reduced-motion: reduce) {
    aside.left { transition: none; }
  }
`;
