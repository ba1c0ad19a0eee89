// The fleet: each target as a tile with its version, health and load-balancer
// membership at t, animated as it changes (CSS animations per state, turned off
// by prefers-reduced-motion). Above COMPACT_OVER targets, tiles become small
// squares (one SVG rect each) with counts per state on top.
import { LitElement, html, type PropertyValues } from 'lit';
import * as d3 from 'd3';
// selection.transition() is added by d3-transition as a side effect; d3 marks its
// bundle side-effect free, so a production build drops it unless imported itself.
import 'd3-transition';
import type { Frame, TargetFrame, TraceIndex } from '../../layout/frame.ts';
import { TILE_STATE_LABEL, stateCounts, type TileState } from '../../layout/frame.ts';
import { GROUP_ORDER, groupLabel } from '../../layout/lanes.ts';
import { darkTextOn, NO_VERSION_COLOR, versionColor } from '../../layout/palette.ts';
import { runningRevisionAt } from '../../layout/installed.ts';
import type { TargetGroup } from '../../trace/types.ts';
import { motionMs } from '../shared/motion.ts';
import { ResizeController } from '../shared/resize-controller.ts';
import { base } from '../shared/tokens.ts';
import { styles } from './fleet-view.styles.ts';

export const COMPACT_OVER = 120;
const CELL = 9;

const STATE_ORDER: TileState[] = ['healthy', 'standby', 'deploying', 'checking', 'registering', 'draining', 'launching', 'waiting', 'unhealthy', 'terminating', 'terminated', 'pending'];

export class FleetView extends LitElement {
  static override styles = [base, styles];
  static override properties = {
    index: { attribute: false },
    frame: { attribute: false },
  };

  declare index: TraceIndex | undefined;
  declare frame: Frame | undefined;

  private size = new ResizeController(this);
  private groups: { group: TargetGroup; label: string; members: number[] }[] = [];

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
    }
  }

  private get compact(): boolean {
    return (this.index?.targets.length ?? 0) > COMPACT_OVER;
  }

  override render() {
    const frame = this.frame;
    const counts = frame ? stateCounts(frame.targets) : undefined;
    return html`
      <div class="summary" role="status" aria-live="off">
        ${counts
          ? STATE_ORDER.filter((s) => counts[s] > 0).map((s) => html`<span>${TILE_STATE_LABEL[s]} <b>${counts[s]}</b></span>`)
          : ''}
      </div>
      ${this.compact ? html`<p class="note">${this.index?.targets.length} targets: one square each, coloured by version; faded = in progress, outlined = failed, grey = terminated.</p>` : ''}
      ${this.groups.map(
        (g) => html`<section class="group" data-group=${g.group}>
          <h3>${g.label} · ${g.members.length}</h3>
          ${this.compact ? html`<svg class="compact" role="group" aria-label=${`${g.label}: ${g.members.length} targets; arrow keys move between them`} @keydown=${this.onGridKey}></svg>` : html`<div class="tiles" role="list"></div>`}
        </section>`,
      )}
    `;
  }

  override updated(): void {
    const frame = this.frame;
    const index = this.index;
    if (!frame || !index) return;
    const width = Math.max(200, this.size.effectiveWidth);
    for (const g of this.groups) {
      const section = this.renderRoot.querySelector(`section[data-group="${g.group}"]`);
      if (!section) continue;
      const frames = g.members.map((i) => frame.targets[i]!);
      if (this.compact) this.drawCompact(section.querySelector('svg')!, frames, width, index);
      else this.drawTiles(section.querySelector('.tiles')!, frames, index);
    }
  }

  private drawTiles(container: Element, frames: TargetFrame[], index: TraceIndex): void {
    const versions = index.versions;
    const tiles = d3
      .select(container)
      .selectAll<HTMLDivElement, TargetFrame>('div.tile')
      .data(frames, (f) => String(f.index))
      .join((enter) => {
        const tile = enter.append('div').attr('role', 'listitem');
        tile.append('div').attr('class', 'icons');
        tile.append('div').attr('class', 'id');
        const ver = tile.append('div').attr('class', 'vers');
        ver.append('span').attr('class', 'ver');
        ver.append('span').attr('class', 'run');
        tile.append('div').attr('class', 'state');
        return tile;
      });
    const t = this.frame?.t ?? 0;
    tiles.each(function (f) {
      // Instances: the badge is the version installed; the revision whose script runs is shown apart.
      const target = index.targets[f.index]!;
      // The frame's version is the one installed (replayed from trace changes).
      const installed = f.version;
      const running = target.kind === 'instance' ? runningRevisionAt(index, f.index, t) : undefined;
      const runs = running && running !== installed ? running : '';
      const key = `${f.state}|${installed}|${runs}|${f.inLB}|${f.step ?? ''}|${f.reason ?? ''}`;
      const el = this as HTMLDivElement & { __key?: string };
      if (el.__key === key) return;
      el.__key = key;
      const tile = d3.select(el);
      // A target with nothing deployed yet has no version: grey, shown as a dash.
      const color = installed ? versionColor(versions, installed.split(' ')[0]!) : NO_VERSION_COLOR;
      tile.attr('class', `tile ${f.state}`).attr('data-target', f.id).attr('data-state', f.state);
      // A version change fades in (D3 transition); instant with prefers-reduced-motion.
      const fade = motionMs(el.style.borderLeftColor ? 450 : 0);
      tile.transition('version').duration(fade).style('border-left-color', color);
      tile.select('.ver').transition('version').duration(fade).style('background-color', color);
      tile.select('.id').text(index.targets[f.index]!.label ?? f.id).attr('title', f.id);
      tile.select('.ver').text(installed || '—').attr('title', installed ? `${installed} installed` : 'nothing installed yet').classed('light', darkTextOn(color));
      tile.select('.run').text(runs ? `▸ ${runs}` : '').attr('title', runs ? `running ${f.step ?? 'a step'} of revision ${runs}` : null);
      const stateText = f.step && (f.state === 'deploying' || f.state === 'checking' || f.state === 'registering' || f.state === 'draining')
        ? `${f.step}…`
        : f.state === 'unhealthy' && f.reason
          ? f.reason
          : TILE_STATE_LABEL[f.state];
      // Step names break between their words (CamelCase), never inside one.
      tile.select('.state').text(breakWords(stateText)).attr('title', stateText);
      const icons: { cls: string; text: string; title: string }[] = [];
      if (f.inLB !== null) icons.push(f.inLB ? { cls: 'lb-in', text: 'LB', title: 'registered with the load balancer' } : { cls: 'lb-out', text: 'LB', title: 'not in the load balancer' });
      if (f.state === 'unhealthy') icons.push({ cls: 'bad', text: '✕', title: 'unhealthy / failed' });
      tile
        .select('.icons')
        .selectAll('span')
        .data(icons)
        .join('span')
        .attr('class', (d) => `icon ${d.cls}`)
        .attr('title', (d) => d.title)
        .text((d) => d.text);
      tile.attr('aria-label', `${f.id}: ${installed || 'no version yet'}${runs ? ` (running ${runs} script)` : ''}, ${TILE_STATE_LABEL[f.state]}${f.inLB === null ? '' : f.inLB ? ', in the load balancer' : ', out of the load balancer'}`);
    });
  }

  /** Roving focus over the squares: one tab stop per group, arrows move within it. */
  private onGridKey = (e: KeyboardEvent): void => {
    const svgEl = e.currentTarget as SVGSVGElement;
    const rects = [...svgEl.querySelectorAll<SVGRectElement>('rect')];
    const k = rects.indexOf(e.composedPath()[0] as SVGRectElement);
    if (k < 0) return;
    const perRow = Math.max(1, Math.floor(Number(svgEl.getAttribute('width')) / CELL));
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: perRow, ArrowUp: -perRow, Home: -k, End: rects.length - 1 - k };
    const d = moves[e.key];
    if (d === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    const next = rects[Math.min(rects.length - 1, Math.max(0, k + d))]!;
    rects[k]!.setAttribute('tabindex', '-1');
    next.setAttribute('tabindex', '0');
    next.focus();
  };

  private drawCompact(svgEl: SVGSVGElement, frames: TargetFrame[], width: number, index: TraceIndex): void {
    const perRow = Math.max(1, Math.floor(width / CELL));
    const rows = Math.ceil(frames.length / perRow);
    const svg = d3.select(svgEl).attr('width', perRow * CELL).attr('height', rows * CELL);
    const versions = index.versions;
    svg
      .selectAll<SVGRectElement, TargetFrame>('rect')
      .data(frames)
      .join((enter) => enter.append('rect').attr('width', CELL - 2).attr('height', CELL - 2).attr('tabindex', -1).attr('role', 'img'))
      .each(function (f, k) {
        const el = this as SVGRectElement & { __key?: string; __pos?: number };
        if (el.__pos !== perRow) {
          el.__pos = perRow;
          el.setAttribute('x', String((k % perRow) * CELL + 1));
          el.setAttribute('y', String(Math.floor(k / perRow) * CELL + 1));
        }
        const installed = f.version;
        const key = `${f.state}|${installed}|${f.step ?? ''}`;
        if (el.__key === key) return;
        el.__key = key;
        el.setAttribute('class', f.state);
        const label = `${f.id}: ${installed || 'no version yet'}, ${TILE_STATE_LABEL[f.state]}${f.step ? ` (${f.step})` : ''}`;
        el.setAttribute('aria-label', label);
        const title = (el.firstChild as SVGTitleElement | null) ?? el.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'title'));
        title.textContent = label;
        el.setAttribute('fill', installed ? versionColor(versions, installed.split(' ')[0]!) : NO_VERSION_COLOR);
      });
    // One tab stop per group (roving focus, see onGridKey).
    if (!svgEl.querySelector('rect[tabindex="0"]')) svgEl.querySelector('rect')?.setAttribute('tabindex', '0');
  }
}

/** A zero-width space between the words of a CamelCase step name, so it wraps between words. */
function breakWords(text: string): string {
  return text.replace(/([a-z])(?=[A-Z])/g, '$1\u200B');
}
