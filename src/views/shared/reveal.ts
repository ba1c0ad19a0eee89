// Reveals a layer up to x = `shown` px by two opposite transforms: the clipping
// box (overflow: clip) slides left so that its right edge is at `shown`, and the
// content inside slides back by as much, so it stays where it was drawn. Both are
// composited layers (`will-change: transform`), so moving the edge every frame
// repaints nothing: a CSS `clip-path` there made the browser repaint and raster
// the whole layer at each change (thousands of chart points, hundreds of spans).
// The box clips hit testing too, so what is still hidden never takes the pointer;
// `overflow: clip`, not hidden, so nothing (scrollIntoView, focus) can scroll the box.
import { css } from 'lit';

/** The box and its content: `.reveal` positioned by its view over the layers below, `.reveal-inner` the drawing. */
export const revealStyles = css`
  .reveal { position: absolute; left: 0; overflow: clip; will-change: transform; pointer-events: none; }
  .reveal-inner { display: block; will-change: transform; }
`;

/** Shows `box`'s content from 0 to `shown` px (whole pixels, so the layers raster crisply) of `width`. */
export function reveal(box: HTMLElement, inner: Element, width: number, shown: number): void {
  const hide = Math.round(Math.max(0, width - Math.max(0, shown)));
  const k = box as HTMLElement & { __hidden?: number };
  if (k.__hidden === hide) return;
  k.__hidden = hide;
  box.style.transform = hide ? `translateX(${-hide}px)` : '';
  (inner as HTMLElement | SVGElement).style.transform = hide ? `translateX(${hide}px)` : '';
}

/** How many px of the box's width are revealed (for tests): its width less the slide. */
export function revealedPx(box: HTMLElement, width: number): number {
  const m = /translateX\((-?[\d.]+)px\)/.exec(box.style.transform);
  return width + (m ? Number(m[1]) : 0);
}
