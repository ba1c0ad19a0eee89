// The compact fleet grid's geometry and looks: rows, hit-testing, keyboard moves,
// and that no state is told by colour alone.
import { describe, expect, it } from 'vitest';
import { CELL, STATE_CODES, TERMINATED_COLOR, cellAt, cellOrigin, gridShape, moveFocus, squareLook } from '../../src/layout/fleet-grid.ts';
import { TILE_STATE_LABEL } from '../../src/layout/frame.ts';

describe('fleet grid geometry', () => {
  it('fits whole cells in the width and enough rows for every target', () => {
    expect(gridShape(5000, 1000)).toEqual({ perRow: 111, rows: 46, width: 111 * CELL, height: 46 * CELL });
    expect(gridShape(3, 5)).toMatchObject({ perRow: 1, rows: 3 });
  });

  it('finds the cell under a point, and none past the last target or outside', () => {
    const shape = gridShape(25, 10 * CELL);
    expect(cellAt(0, 0, shape, 25)).toBe(0);
    expect(cellAt(CELL * 3 + 4, CELL * 2 + 1, shape, 25)).toBe(23);
    expect(cellOrigin(23, shape.perRow)).toEqual({ x: 3 * CELL, y: 2 * CELL });
    expect(cellAt(CELL * 6, CELL * 2, shape, 25)).toBe(-1);
    expect(cellAt(-1, 0, shape, 25)).toBe(-1);
    expect(cellAt(shape.width, 0, shape, 25)).toBe(-1);
  });

  it('moves the focus by arrow keys within the grid, clamped at its ends', () => {
    expect(moveFocus(0, 'ArrowRight', 10, 25)).toBe(1);
    expect(moveFocus(0, 'ArrowLeft', 10, 25)).toBe(0);
    expect(moveFocus(3, 'ArrowDown', 10, 25)).toBe(13);
    expect(moveFocus(23, 'ArrowDown', 10, 25)).toBe(24);
    expect(moveFocus(13, 'ArrowUp', 10, 25)).toBe(3);
    expect(moveFocus(13, 'Home', 10, 25)).toBe(0);
    expect(moveFocus(3, 'End', 10, 25)).toBe(24);
    expect(moveFocus(3, 'a', 10, 25)).toBeUndefined();
  });
});

describe('fleet grid looks', () => {
  it('gives every state but the settled ones a mark or a grey, so none is told by the version colour alone', () => {
    const settled = new Set(['healthy', 'standby', 'terminating']);
    for (const state of STATE_CODES) {
      const look = squareLook(state, '#0072B2');
      if (settled.has(state)) expect(look).toEqual({ fill: '#0072B2', alpha: 1, mark: 'none' });
      else expect(look.mark !== 'none' || look.fill === TERMINATED_COLOR, state).toBe(true);
    }
    expect(squareLook('deploying', '#E69F00')).toEqual({ fill: '#E69F00', alpha: 0.45, mark: 'hatch' });
    expect(squareLook('pending', '#E69F00').mark).toBe('hollow');
    expect(squareLook('unhealthy', '#E69F00').mark).toBe('outline');
    expect(squareLook('terminated', '#E69F00')).toMatchObject({ fill: TERMINATED_COLOR, alpha: 0.5 });
  });

  it('numbers every tile state (the repaint check packs it with a colour slot)', () => {
    expect([...STATE_CODES].sort()).toEqual(Object.keys(TILE_STATE_LABEL).sort());
    expect(STATE_CODES.length).toBeLessThanOrEqual(16);
  });
});
