import { css, unsafeCSS } from 'lit';
import { STATUS_COLORS } from '../../layout/palette.ts';

// Status tints come from the palette (never a version colour: the border is the version).
const tint = (c: string, pct: number) => unsafeCSS(`color-mix(in srgb, ${c} ${pct}%, transparent)`);

export const styles = css`
  :host { display: block; }
  .summary { display: flex; flex-wrap: wrap; gap: 6px 14px; font-size: 12px; color: #414a5a; margin-bottom: 8px; }
  .summary b { font-variant-numeric: tabular-nums; color: #1d2330; }
  .group { margin-bottom: 10px; }
  .group h3 { font-size: 12px; margin: 0 0 6px; color: #343c4c; font-weight: 650; }
  .tiles { display: flex; flex-wrap: wrap; gap: 8px; }
  .tile {
    position: relative;
    min-width: 128px;
    max-width: 240px;
    min-height: 70px;
    border-radius: 8px;
    border: 1px solid #d5dbe5;
    border-left: 6px solid var(--version-color, #999);
    background: #fff;
    padding: 6px 8px 6px 8px;
    font-size: 11.5px;
    line-height: 1.35;
    box-shadow: 0 1px 2px rgba(20, 30, 50, 0.06);
    transition: opacity 300ms, transform 300ms, background-color 300ms, border-color 400ms;
    overflow: hidden;
  }
  .tile .id { font-weight: 650; font-size: 12px; overflow-wrap: break-word; }
  .tile .ver { display: inline-block; padding: 0 6px; border-radius: 9px; color: #fff; font-weight: 650; font-size: 11px; background: var(--version-color, #999); }
  .tile .ver.light { color: #1d2330; }
  /* A version change fades in (the tile's border-color transition does the same for its edge). */
  .tile .ver { transition: background-color 450ms; }
  /* Wraps between words (step names get break points between their CamelCase words), never cut inside one. */
  .tile .state { color: #414a5a; overflow-wrap: break-word; hyphens: none; }
  .tile .run { margin-left: 5px; font-size: 10.5px; color: #343c4c; border: 1px dashed #9aa3b2; border-radius: 9px; padding: 0 5px; }
  .tile .run:empty { display: none; }
  /* Target ids and versions may be the user's text: laid out on their own (bidi isolation). */
  .tile .id, .tile .ver, .tile .state { unicode-bidi: isolate; }
  .tile .icons { position: absolute; top: 5px; right: 6px; display: flex; gap: 3px; }
  .icon { font-size: 10px; font-weight: 700; border-radius: 4px; padding: 0 3px; border: 1px solid currentColor; }
  .icon.lb-in { color: #0b6e4f; }
  .icon.lb-out { color: #4f5869; border-style: dashed; }
  .icon.bad { color: #fff; background: #D55E00; border-color: #D55E00; }
  .tile.pending { color: #5b6577; border-style: dashed; border-left-style: dashed; background: #f7f8fa; }
  .tile.launching { animation: pop 500ms ease-out; background: #f2f8fd; }
  .tile.deploying, .tile.checking, .tile.registering {
    background-image: repeating-linear-gradient(-45deg, ${tint(STATUS_COLORS.deploying, 30)} 0 8px, transparent 8px 16px);
    background-size: 200% 100%;
    animation: march 1.2s linear infinite;
  }
  .tile.checking { background-image: repeating-linear-gradient(-45deg, ${tint(STATUS_COLORS.checking, 30)} 0 8px, transparent 8px 16px); }
  .tile.registering { background-image: repeating-linear-gradient(-45deg, ${tint(STATUS_COLORS.registering, 16)} 0 8px, transparent 8px 16px); }
  .tile.draining { animation: pulse 1.4s ease-in-out infinite; background: ${tint(STATUS_COLORS.draining, 35)}; }
  .tile.waiting { border-style: dashed; background: #f7f8fa; }
  .tile.unhealthy { border-color: ${unsafeCSS(STATUS_COLORS.unhealthy)}; background: #fdf0e8; }
  .tile.terminating { border-style: dashed; }
  /* Faded by colour, not opacity, so its text stays readable (contrast). */
  .tile.terminated { filter: grayscale(1); background: #eceff3; border-style: dashed; transform: scale(0.96); }
  .tile.terminated .id { text-decoration: line-through; }
  @keyframes pop { from { transform: scale(0.6); opacity: 0; } to { transform: scale(1); opacity: 1; } }
  @keyframes pulse { 50% { background-color: ${tint(STATUS_COLORS.draining, 75)}; } }
  @keyframes march { from { background-position: 0 0; } to { background-position: -45px 0; } }
  .note { font-size: 11.5px; color: #6b7587; margin: 2px 0 6px; }
  /* Off screen (shared/offscreen.ts) nothing moves: a tile's marching stripes, pulse or fade
     would be styled and painted at every frame below the fold (100 tiles mid-scrub: about a
     third of each frame). Paused, the stripes go on where they were when scrolled back. */
  :host([offscreen]) .tile, :host([offscreen]) .tile .ver { animation-play-state: paused; transition: none; }
  @media (prefers-reduced-motion: reduce) {
    .tile, .tile .ver, .tile.launching, .tile.deploying, .tile.checking, .tile.registering, .tile.draining { animation: none; transition: none; }
  }
`;
