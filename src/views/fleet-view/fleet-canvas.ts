// Paints one group of the compact fleet grid on a <canvas>. Thousands of SVG
// squares whose classes change every frame made style recalculation most of a
// frame; a canvas has no per-square style, and only squares whose look changed
// since the last paint are repainted (the last look is kept per square).
import type { Frame } from '../../layout/frame.ts';
import { CELL, SQUARE, STATE_CODES, cellOrigin, squareLook, type GridShape, UNHEALTHY_OUTLINE } from '../../layout/fleet-grid.ts';

const STATE_CODE = new Map(STATE_CODES.map((s, i) => [s, i]));
/** Never a real look: forces the first paint of a square. */
const UNPAINTED = 0xffffffff;

export class FleetCanvas {
  private shape: GridShape | undefined;
  private dpr = 0;
  /** Per square: state code + 16 × colour slot of its last paint. */
  private painted = new Uint32Array(0);
  private colorSlots = new Map<string, number>();
  private colors: string[] = [];

  constructor(readonly canvas: HTMLCanvasElement) {}

  /**
   * Paints the squares of `members` (indices into frame.targets) at `frame`.
   * `colorOf` gives a version's colour; returns how many squares were repainted.
   */
  paint(members: readonly number[], frame: Frame, shape: GridShape, dpr: number, colorOf: (version: string) => string): number {
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return 0;
    if (!this.shape || shape.perRow !== this.shape.perRow || shape.rows !== this.shape.rows || dpr !== this.dpr || this.painted.length !== members.length) {
      // New geometry: size the bitmap in device pixels (sharp on high-DPI screens) and repaint all.
      this.shape = shape;
      this.dpr = dpr;
      this.canvas.width = Math.round(shape.width * dpr);
      this.canvas.height = Math.round(shape.height * dpr);
      this.canvas.style.width = `${shape.width}px`;
      this.canvas.style.height = `${shape.height}px`;
      this.painted = new Uint32Array(members.length).fill(UNPAINTED);
    }
    let repainted = 0;
    for (let k = 0; k < members.length; k++) {
      const f = frame.targets[members[k]!]!;
      const color = colorOf(f.version);
      let slot = this.colorSlots.get(color);
      if (slot === undefined) {
        slot = this.colors.push(color) - 1;
        this.colorSlots.set(color, slot);
      }
      const code = STATE_CODE.get(f.state)! + 16 * slot;
      if (this.painted[k] === code) continue;
      this.painted[k] = code;
      this.paintSquare(ctx, k, f.state, color);
      repainted++;
    }
    return repainted;
  }

  private paintSquare(ctx: CanvasRenderingContext2D, k: number, state: (typeof STATE_CODES)[number], color: string): void {
    const d = this.dpr;
    const { x, y } = cellOrigin(k, this.shape!.perRow);
    // Whole device pixels, so neighbouring squares never blend at their edges.
    const px = (v: number) => Math.round(v * d);
    ctx.clearRect(px(x), px(y), px(x + CELL) - px(x), px(y + CELL) - px(y));
    const x0 = px(x + 1);
    const y0 = px(y + 1);
    const w = px(x + 1 + SQUARE) - x0;
    const h = px(y + 1 + SQUARE) - y0;
    const look = squareLook(state, color);
    ctx.globalAlpha = look.alpha;
    ctx.fillStyle = look.fill;
    ctx.fillRect(x0, y0, w, h);
    ctx.globalAlpha = 1;
    const line = Math.max(1, Math.round(d));
    if (look.mark === 'hatch') {
      // One stripe from the bottom-left to the top-right corner, in the full colour.
      ctx.strokeStyle = look.fill;
      ctx.lineWidth = line;
      ctx.beginPath();
      ctx.moveTo(x0, y0 + h);
      ctx.lineTo(x0 + w, y0);
      ctx.stroke();
    } else if (look.mark === 'hollow' || look.mark === 'outline') {
      const lw = look.mark === 'outline' ? Math.max(1, Math.round(1.5 * d)) : line;
      ctx.strokeStyle = look.mark === 'outline' ? UNHEALTHY_OUTLINE : look.fill;
      ctx.lineWidth = lw;
      ctx.strokeRect(x0 + lw / 2, y0 + lw / 2, w - lw, h - lw);
    }
  }
}
