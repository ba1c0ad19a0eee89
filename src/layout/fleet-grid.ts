// The compact fleet grid, as pure geometry and looks: one square per target in
// rows of `perRow`, how each state looks (fill, opacity and a mark, so no state
// is told by colour alone), hit-testing and keyboard moves. The view draws it
// on a canvas; everything here is testable without a DOM.
import type { TileState } from './frame.ts';

/** One cell in CSS pixels: a SQUARE with a 1 px margin on each side. */
export const CELL = 9;
export const SQUARE = 7;

/** The grey of a target with nothing deployed yet. */
export { NO_VERSION_COLOR } from './palette.ts';
export const TERMINATED_COLOR = '#c7ccd4';
export const UNHEALTHY_OUTLINE = '#1d2330';

export interface GridShape {
  perRow: number;
  rows: number;
  /** CSS pixels. */
  width: number;
  height: number;
}

export function gridShape(count: number, width: number): GridShape {
  const perRow = Math.max(1, Math.floor(width / CELL));
  const rows = Math.ceil(count / perRow);
  return { perRow, rows, width: perRow * CELL, height: rows * CELL };
}

/** The cell's top-left corner in CSS pixels. */
export function cellOrigin(k: number, perRow: number): { x: number; y: number } {
  return { x: (k % perRow) * CELL, y: Math.floor(k / perRow) * CELL };
}

/** The cell under a point (CSS pixels from the grid's corner), or -1. */
export function cellAt(x: number, y: number, shape: GridShape, count: number): number {
  if (x < 0 || y < 0 || x >= shape.width || y >= shape.height) return -1;
  const k = Math.floor(y / CELL) * shape.perRow + Math.floor(x / CELL);
  return k < count ? k : -1;
}

/** Where a key moves the focus from cell k (clamped to the grid), or undefined for other keys. */
export function moveFocus(k: number, key: string, perRow: number, count: number): number | undefined {
  const moves: Record<string, number> = {
    ArrowRight: 1,
    ArrowLeft: -1,
    ArrowDown: perRow,
    ArrowUp: -perRow,
    Home: -k,
    End: count - 1 - k,
    PageDown: perRow * 10,
    PageUp: -perRow * 10,
  };
  const d = moves[key];
  if (d === undefined) return undefined;
  return Math.min(count - 1, Math.max(0, k + d));
}

/**
 * How a square looks. `hatch`: a diagonal stripe in the full colour over a faded
 * fill (in progress, like the tiles' stripes); `hollow`: a faint fill inside a
 * full-colour outline (not started / waiting); `outline`: a dark outline (failed).
 */
export type SquareMark = 'none' | 'hatch' | 'hollow' | 'outline';
export interface SquareLook {
  fill: string;
  alpha: number;
  mark: SquareMark;
}

const LOOK: Record<TileState, { alpha: number; mark: SquareMark }> = {
  healthy: { alpha: 1, mark: 'none' },
  standby: { alpha: 1, mark: 'none' },
  terminating: { alpha: 1, mark: 'none' },
  pending: { alpha: 0.12, mark: 'hollow' },
  waiting: { alpha: 0.12, mark: 'hollow' },
  deploying: { alpha: 0.45, mark: 'hatch' },
  checking: { alpha: 0.45, mark: 'hatch' },
  registering: { alpha: 0.45, mark: 'hatch' },
  launching: { alpha: 0.45, mark: 'hatch' },
  draining: { alpha: 0.65, mark: 'hatch' },
  unhealthy: { alpha: 1, mark: 'outline' },
  terminated: { alpha: 0.5, mark: 'none' },
};

/** `color`: the version's colour (or NO_VERSION_COLOR); terminated targets are grey whatever they ran. */
export function squareLook(state: TileState, color: string): SquareLook {
  const l = LOOK[state];
  return { fill: state === 'terminated' ? TERMINATED_COLOR : color, alpha: l.alpha, mark: l.mark };
}

/** Every tile state, numbered: a square's state and colour fit one small integer (see the view's repaint check). */
export const STATE_CODES: readonly TileState[] = Object.keys(LOOK) as TileState[];
