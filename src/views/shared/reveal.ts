// Reveals a layer up to x = `shown` px by two opposite translations: the clipping
// box (overflow: clip) slides left so that its right edge is at `shown`, and the
// content inside slides back by as much, so it stays where it was drawn. Both are
// composited layers, so moving the edge every frame repaints nothing: a CSS
// `clip-path` there made the browser repaint and raster the whole layer at each
// change (thousands of chart points, hundreds of spans).
// The box clips hit testing too, so what is still hidden never takes the pointer;
// `overflow: clip`, not hidden, so nothing (scrollIntoView, focus) can scroll the box.
//
// Every translation here (the boxes and the playheads) is a paused Web Animation
// whose current time is the offset, not an inline `transform`: Chromium applies
// a changed transform of an element with a transform animation straight to its
// compositing layer, where a changed inline transform, even with `will-change`,
// makes it work out the page's compositing layers again (about 2 ms a frame at
// 1,000 targets, whatever else changed).
import { css } from 'lit';

/** The box and its content: `.reveal` positioned by its view over the layers below, `.reveal-inner` the drawing. */
export const revealStyles = css`
  .reveal { position: absolute; left: 0; overflow: clip; will-change: transform; pointer-events: none; }
  .reveal-inner { display: block; will-change: transform; }
`;

/** Offsets reach ±RANGE px: the animation runs from -RANGE to +RANGE px over 2·RANGE ms, so its time is the offset plus RANGE. */
const RANGE = 1_000_000;

type Sliding = Element & { __slide?: Animation; __x?: number };

/** Moves `el` to translateX(`px`) through its paused animation (made on first use). */
export function slideX(el: Element, px: number): void {
  const k = el as Sliding;
  if (k.__x === px && k.__slide) return;
  k.__x = px;
  if (!k.__slide) {
    k.__slide = el.animate([{ transform: `translateX(${-RANGE}px)` }, { transform: `translateX(${RANGE}px)` }], { duration: 2 * RANGE, fill: 'both', easing: 'linear' });
    k.__slide.pause();
  }
  k.__slide.currentTime = RANGE + px;
}

/** Where `slideX` last put `el` (0 if never moved): for tests. */
export function slidPx(el: Element): number {
  return (el as Sliding).__x ?? 0;
}

/** Shows `box`'s content from 0 to `shown` px (whole pixels, so the layers raster crisply) of `width`. */
export function reveal(box: HTMLElement, inner: Element, width: number, shown: number): void {
  const hide = Math.round(Math.max(0, width - Math.max(0, shown)));
  slideX(box, -hide);
  slideX(inner, hide);
}

/** How many px of the box's width are revealed (for tests): its width less the slide. */
export function revealedPx(box: HTMLElement, width: number): number {
  return width + slidPx(box);
}
