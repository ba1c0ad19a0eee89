// The compact grid of a large fleet, painted on a canvas: each square's pixels
// say the target's version and state at t (and stay right when only changed
// squares are repainted), and the grid has one tab stop, arrow keys, a focus
// ring, a tooltip and a spoken line with the target's id, version and state.
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/views/fleet-view/index.ts';
import { TILE_STATE_LABEL, frameAt, type TileState, type TraceIndex } from '../../src/layout/frame.ts';
import { FleetCanvas } from '../../src/views/fleet-view/fleet-canvas.ts';
import { gridShape } from '../../src/layout/fleet-grid.ts';
import { cleanup, indexOf, mount, settle } from './fixtures.ts';
import { describeViolations, seriousViolations } from './a11y-helpers.ts';

afterEach(cleanup);

type Fleet = HTMLElement & { updateComplete: Promise<unknown>; frame: unknown };

/** 300 instances (compact), Rolling in batches of 100: at a mid time some are done, some deploying, some not started. */
const fleet = () => indexOf({ platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 300, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 100, MaxSize: 300 } });

/** The opacity each state's fill is painted at (docs/views.md). */
const ALPHA: Partial<Record<TileState, number>> = { healthy: 1, standby: 1, pending: 0.12, waiting: 0.12, deploying: 0.45, checking: 0.45, registering: 0.45, launching: 0.45, draining: 0.65 };
const VERSION: Record<string, string> = { v1: '#0072B2', v2: '#E69F00' };

function rgb(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

/** A pixel inside square k, clear of its stripe and its outline; premultiplied by its alpha. */
function pixel(canvas: HTMLCanvasElement, k: number): { rgb: number[]; alpha: number } {
  const perRow = parseFloat(canvas.style.width) / 9;
  const dpr = canvas.width / parseFloat(canvas.style.width);
  const x = Math.floor(((k % perRow) * 9 + 3.5) * dpr);
  const y = Math.floor((Math.floor(k / perRow) * 9 + 3.5) * dpr);
  const d = canvas.getContext('2d')!.getImageData(x, y, 1, 1).data;
  const alpha = d[3]! / 255;
  return { rgb: [d[0]!, d[1]!, d[2]!].map((c) => c * alpha), alpha };
}

function findTime(index: TraceIndex, wanted: TileState[]): number {
  for (let t = 0; t <= index.duration; t += 5) {
    const states = new Set(frameAt(index, t).targets.map((f) => f.state));
    if (wanted.every((s) => states.has(s))) return t;
  }
  throw new Error(`no time with ${wanted.join(', ')}`);
}

describe('fleet-view canvas grid', () => {
  it("paints each square in its target's version colour at its state's opacity, and stays right after repainting only changes", async () => {
    const index = fleet();
    const t1 = findTime(index, ['healthy', 'deploying']);
    const el = mount<Fleet>('fleet-view', { index, frame: frameAt(index, t1) });
    await settle(el);
    const canvas = el.shadowRoot!.querySelector<HTMLCanvasElement>('.grid canvas')!;
    const check = (t: number) => {
      const seen = new Set<string>();
      frameAt(index, t).targets.forEach((f, k) => {
        const alpha = ALPHA[f.state];
        if (alpha === undefined || !f.version) return;
        seen.add(`${f.state} ${f.version}`);
        const p = pixel(canvas, k);
        expect(p.alpha, `${f.id} ${f.state}`).toBeCloseTo(alpha, 1);
        rgb(VERSION[f.version]!).forEach((c, i) => expect(Math.abs(p.rgb[i]! - c * alpha), `${f.id} ${f.state} ${f.version}`).toBeLessThan(4));
      });
      return seen;
    };
    expect(check(t1).size).toBeGreaterThan(1);
    // Scrub to the end and back: the squares that changed are repainted, the others kept.
    for (const t of [index.duration, t1]) {
      el.frame = frameAt(index, t);
      await settle(el);
    }
    check(t1);
    el.frame = frameAt(index, index.duration);
    await settle(el);
    expect([...check(index.duration)]).toEqual(['healthy v2']);
  });

  it('repaints only the squares whose state or version changed', () => {
    const index = fleet();
    const canvas = document.createElement('canvas');
    const painter = new FleetCanvas(canvas);
    const members = index.targets.map((_, i) => i);
    const shape = gridShape(members.length, 900);
    const color = (v: string) => VERSION[v] ?? '#b5bcc8';
    const t1 = findTime(index, ['healthy', 'deploying']);
    expect(painter.paint(members, frameAt(index, t1), shape, 1, color)).toBe(300);
    expect(painter.paint(members, frameAt(index, t1), shape, 1, color)).toBe(0);
    const a = frameAt(index, t1).targets;
    const b = frameAt(index, t1 + 30).targets;
    const changed = a.filter((f, i) => f.state !== b[i]!.state || f.version !== b[i]!.version).length;
    expect(changed).toBeGreaterThan(0);
    expect(painter.paint(members, frameAt(index, t1 + 30), shape, 1, color)).toBe(changed);
    // A new width or pixel ratio repaints everything, at the new size.
    expect(painter.paint(members, frameAt(index, t1 + 30), shape, 2, color)).toBe(300);
    expect(canvas.width).toBe(shape.width * 2);
  });

  it('has one tab stop; arrow keys move a focus ring, and a tooltip and a live line name the target, its version and state', async () => {
    const index = fleet();
    const t = findTime(index, ['healthy', 'deploying']);
    const frame = frameAt(index, t);
    const el = mount<Fleet>('fleet-view', { index, frame });
    await settle(el);
    const root = el.shadowRoot!;
    const grid = root.querySelector<HTMLElement>('.grid')!;
    expect(root.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    expect(grid.getAttribute('aria-label')).toMatch(/300 targets/);
    // The counts per state, for screen readers.
    expect(root.getElementById(grid.getAttribute('aria-describedby')!)!.textContent).toMatch(/healthy, serving \d+/);
    const tip = grid.querySelector<HTMLElement>('.tip')!;
    const ring = grid.querySelector<HTMLElement>('.ring')!;
    const live = root.querySelector<HTMLElement>('[aria-live="polite"]')!;
    expect(tip.hidden).toBe(true);
    const text = (i: number) => {
      const f = frame.targets[i]!;
      return `${f.id}: ${f.version}, ${TILE_STATE_LABEL[f.state]}`;
    };
    grid.focus();
    await settle(el);
    expect(tip.hidden).toBe(false);
    expect(ring.hidden).toBe(false);
    expect(tip.textContent).toContain(text(0));
    expect(live.textContent).toContain('1 of 300');
    await userEvent.keyboard('{ArrowRight}');
    expect(tip.textContent).toMatch(/^i-2: /);
    expect(ring.style.transform).toBe('translate(9px, 0px)');
    const perRow = parseFloat(grid.querySelector('canvas')!.style.width) / 9;
    await userEvent.keyboard('{ArrowDown}');
    expect(tip.textContent).toMatch(new RegExp(`^i-${2 + perRow}: `));
    expect(live.textContent).toBe(`${tip.textContent} — ${2 + perRow} of 300`);
    expect(ring.style.transform).toBe('translate(9px, 9px)');
    await userEvent.keyboard('{End}');
    expect(tip.textContent).toMatch(/^i-300: /);
    // The tooltip follows the playhead for the focused square.
    el.frame = frameAt(index, 0);
    await settle(el);
    const last = frameAt(index, 0).targets[299]!;
    expect(tip.textContent).toBe(`i-300: ${last.version || 'no version yet'}, ${TILE_STATE_LABEL[last.state]}${last.step ? ` (${last.step})` : ''}`);
    grid.blur();
    expect(tip.hidden).toBe(true);
    expect(ring.hidden).toBe(true);
  });

  it('has no serious or critical axe-core violation, focused with its tooltip showing', async () => {
    const index = fleet();
    const el = mount<Fleet>('fleet-view', { index, frame: frameAt(index, index.duration / 2) });
    await settle(el);
    el.shadowRoot!.querySelector<HTMLElement>('.grid')!.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(describeViolations(await seriousViolations())).toBe('');
  });
});
