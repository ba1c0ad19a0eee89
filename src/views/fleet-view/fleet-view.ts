// The fleet: each target as a tile with its version, health and load-balancer
// membership at t, animated as it changes (CSS animations and transitions per
// state, turned off by prefers-reduced-motion). Above COMPACT_OVER targets, tiles
// become small squares painted on a canvas per group (see fleet-canvas.ts), with
// counts per state on top and a roving keyboard focus with a tooltip.
import { LitElement, html, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Frame, TraceIndex } from '../../layout/frame.ts';
import { TILE_STATE_LABEL, stateCounts, type TileState } from '../../layout/frame.ts';
import { GROUP_ORDER, groupLabel } from '../../layout/lanes.ts';
import { versionColor } from '../../layout/palette.ts';
import { CELL, NO_VERSION_COLOR, cellAt, cellOrigin, gridShape, moveFocus, type GridShape } from '../../layout/fleet-grid.ts';
import type { TargetGroup } from '../../trace/types.ts';
import { ResizeController } from '../shared/resize-controller.ts';
import { base } from '../shared/tokens.ts';
import { styles } from './fleet-view.styles.ts';
import { gridStyles } from './fleet-grid.styles.ts';
import { FleetCanvas } from './fleet-canvas.ts';
import { tile } from './fleet-tile.ts';
import { OffscreenUpdates } from '../shared/offscreen.ts';
import { thousands } from '../../scenario/thousands.ts';

export const COMPACT_OVER = 120;

const STATE_ORDER: TileState[] = ['healthy', 'standby', 'deploying', 'checking', 'registering', 'draining', 'launching', 'waiting', 'unhealthy', 'terminating', 'terminated', 'pending'];

interface Group {
  group: TargetGroup;
  label: string;
  members: number[];
}

/** One group's canvas grid: its painter, the focused and hovered squares (positions within the group, -1 for none). */
interface Grid {
  painter: FleetCanvas;
  shape: GridShape;
  focus: number;
  focused: boolean;
  hover: number;
}

export class FleetView extends LitElement {
  static override styles = [base, styles, gridStyles];
  static override properties = {
    index: { attribute: false },
    frame: { attribute: false },
  };

  declare index: TraceIndex | undefined;
  declare frame: Frame | undefined;

  private size = new ResizeController(this);
  private groups: Group[] = [];
  private grids = new Map<TargetGroup, Grid>();
  private colors = new Map<string, string>();

  /** Off screen, a frame that only moves the playhead waits (shared/offscreen.ts). */
  private offscreen = new OffscreenUpdates(this, ['frame']);

  protected override getUpdateComplete(): Promise<boolean> {
    this.offscreen.flush();
    return super.getUpdateComplete();
  }

  override shouldUpdate(changed: PropertyValues<this>): boolean {
    return this.offscreen.allows(changed);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('index') && this.index) {
      const byGroup = new Map<TargetGroup, number[]>();
      this.index.targets.forEach((t, i) => {
        const list = byGroup.get(t.group) ?? [];
        list.push(i);
        byGroup.set(t.group, list);
      });
      this.groups = [...byGroup.entries()]
        .sort((a, b) => GROUP_ORDER.indexOf(a[0]) - GROUP_ORDER.indexOf(b[0]))
        .map(([group, members]) => ({ group, members, label: groupLabel(group, members.map((i) => this.index!.targets[i]!.kind)) }));
      this.grids.clear();
      this.colors.clear();
    }
  }

  private get compact(): boolean {
    return (this.index?.targets.length ?? 0) > COMPACT_OVER;
  }

  /** A version's colour (cached: asked once per square per frame); grey before anything is installed. */
  private colorOf = (version: string): string => {
    let c = this.colors.get(version);
    if (c === undefined) {
      c = version ? versionColor(this.index?.versions ?? [], version.split(' ')[0]!) : NO_VERSION_COLOR;
      this.colors.set(version, c);
    }
    return c;
  };

  override render() {
    const frame = this.frame;
    const counts = frame ? stateCounts(frame.targets) : undefined;
    return html`
      <div class="summary" role="status" aria-live="off">
        ${counts
          ? STATE_ORDER.filter((s) => counts[s] > 0).map((s) => html`<span>${TILE_STATE_LABEL[s]} <b>${counts[s]}</b></span>`)
          : ''}
      </div>
      ${this.compact
        ? html`<p class="note">${this.index?.targets.length} targets: one square each, coloured by version; striped = in progress, hollow = not started or waiting, dark outline = failed, grey = terminated. Focus a grid and use the arrow keys to read each target.</p>
            <div class="visually-hidden" aria-live="polite" data-live></div>`
        : ''}
      ${this.groups.map(
        (g) => html`<section class="group" data-group=${g.group}>
          <h3>${g.label} · ${thousands(g.members.length)}</h3>
          ${this.compact ? this.gridTemplate(g) : this.tilesTemplate(g)}
        </section>`,
      )}
    `;
  }

  override updated(): void {
    const frame = this.frame;
    if (!frame || !this.index || !this.compact) return;
    const width = Math.max(200, this.size.effectiveWidth);
    const dpr = window.devicePixelRatio || 1;
    for (const g of this.groups) {
      const canvas = this.renderRoot.querySelector<HTMLCanvasElement>(`section[data-group="${g.group}"] canvas`);
      if (!canvas) continue;
      let grid = this.grids.get(g.group);
      if (!grid || grid.painter.canvas !== canvas) {
        grid = { painter: new FleetCanvas(canvas), shape: gridShape(g.members.length, width), focus: 0, focused: false, hover: -1 };
        this.grids.set(g.group, grid);
      }
      grid.shape = gridShape(g.members.length, width);
      grid.painter.paint(g.members, frame, grid.shape, dpr, this.colorOf);
      this.showCell(g, grid);
    }
  }

  // --- Tiles (small fleets): keyed by target, and a tile whose content is unchanged is not re-rendered.

  private tilesTemplate(g: Group) {
    const frame = this.frame;
    const index = this.index;
    if (!frame || !index) return html`<div class="tiles" role="list"></div>`;
    return html`<div class="tiles" role="list">
      ${repeat(
        g.members,
        (i) => i,
        (i) => tile(frame.targets[i]!, index, frame.t, this.colorOf),
      )}
    </div>`;
  }

  // --- The canvas grid (large fleets): one tab stop per group, arrow keys move a focus ring, a tooltip names the square.

  private gridTemplate(g: Group) {
    const frame = this.frame;
    let summary = '';
    if (frame) {
      const counts = stateCounts(g.members.map((i) => frame.targets[i]!));
      summary = STATE_ORDER.filter((s) => counts[s] > 0).map((s) => `${TILE_STATE_LABEL[s]} ${counts[s]}`).join(', ');
    }
    return html`<div
        class="grid"
        tabindex="0"
        role="group"
        aria-roledescription="target grid"
        aria-label=${`${g.label}: ${g.members.length} targets, one square each; arrow keys move between them`}
        aria-describedby=${`counts-${g.group}`}
        @keydown=${(e: KeyboardEvent) => this.onGridKey(e, g)}
        @focus=${() => this.onGridFocus(g, true)}
        @blur=${() => this.onGridFocus(g, false)}
        @pointermove=${(e: PointerEvent) => this.onPointer(e, g)}
        @pointerleave=${() => this.onPointer(undefined, g)}
        @pointerdown=${(e: PointerEvent) => this.onPointerDown(e, g)}
      >
        <canvas aria-hidden="true"></canvas>
        <div class="ring" hidden></div>
        <div class="tip" hidden aria-hidden="true"></div>
      </div>
      <p class="visually-hidden" id=${`counts-${g.group}`}>${summary}</p>`;
  }

  /** The text for square k of a group: the target's id, version and state at t. */
  private describe(g: Group, k: number): string {
    const f = this.frame?.targets[g.members[k]!];
    if (!f) return '';
    return `${f.id}: ${f.version || 'no version yet'}, ${TILE_STATE_LABEL[f.state]}${f.step ? ` (${f.step})` : ''}`;
  }

  private gridParts(g: Group) {
    const grid = this.renderRoot.querySelector<HTMLElement>(`section[data-group="${g.group}"] .grid`)!;
    return { ring: grid.querySelector<HTMLElement>('.ring')!, tip: grid.querySelector<HTMLElement>('.tip')! };
  }

  /** Places the focus ring and the tooltip (hovered square first, else the focused one); texts follow the playhead. */
  private showCell(g: Group, grid: Grid): void {
    const { ring, tip } = this.gridParts(g);
    ring.hidden = !grid.focused;
    if (grid.focused) {
      const { x, y } = cellOrigin(grid.focus, grid.shape.perRow);
      ring.style.transform = `translate(${x}px, ${y}px)`;
    }
    const k = grid.hover >= 0 ? grid.hover : grid.focused ? grid.focus : -1;
    tip.hidden = k < 0;
    if (k < 0) return;
    const text = this.describe(g, k);
    if (tip.textContent !== text) tip.textContent = text;
    const { x, y } = cellOrigin(k, grid.shape.perRow);
    // Right of the square in the left half, left of it in the right half: never past the grid's edge.
    const right = x > grid.shape.width / 2;
    tip.style.left = right ? '' : `${x}px`;
    tip.style.right = right ? `${grid.shape.width - x - CELL}px` : '';
    tip.style.top = `${y + CELL + 3}px`;
    // Wraps within the grid rather than widening the page (a phone's narrow grid).
    tip.style.maxWidth = `${Math.max(120, right ? x + CELL : grid.shape.width - x)}px`;
  }

  private announce(g: Group, grid: Grid): void {
    const live = this.renderRoot.querySelector<HTMLElement>('[data-live]');
    if (live) live.textContent = `${this.describe(g, grid.focus)} — ${grid.focus + 1} of ${g.members.length}`;
  }

  private onGridFocus(g: Group, focused: boolean): void {
    const grid = this.grids.get(g.group);
    if (!grid) return;
    grid.focused = focused;
    if (focused) this.announce(g, grid);
    this.showCell(g, grid);
  }

  private onGridKey(e: KeyboardEvent, g: Group): void {
    const grid = this.grids.get(g.group);
    if (!grid) return;
    const next = moveFocus(grid.focus, e.key, grid.shape.perRow, g.members.length);
    if (next === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    grid.focus = next;
    grid.hover = -1;
    this.announce(g, grid);
    this.showCell(g, grid);
  }

  private cellOfPointer(e: PointerEvent, g: Group, grid: Grid): number {
    const box = (e.currentTarget as HTMLElement).querySelector('canvas')!.getBoundingClientRect();
    return cellAt(e.clientX - box.left, e.clientY - box.top, grid.shape, g.members.length);
  }

  private onPointer(e: PointerEvent | undefined, g: Group): void {
    const grid = this.grids.get(g.group);
    if (!grid) return;
    const k = e ? this.cellOfPointer(e, g, grid) : -1;
    if (k === grid.hover) return;
    grid.hover = k;
    this.showCell(g, grid);
  }

  /** A click focuses the square under the pointer. */
  private onPointerDown(e: PointerEvent, g: Group): void {
    const grid = this.grids.get(g.group);
    if (!grid) return;
    const k = this.cellOfPointer(e, g, grid);
    if (k < 0) return;
    grid.focus = k;
    if (grid.focused) this.announce(g, grid);
    this.showCell(g, grid);
  }
}
