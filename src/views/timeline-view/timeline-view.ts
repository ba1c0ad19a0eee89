// The timeline: one lane per target, grouped, spans coloured by step kind,
// failed spans hatched and marked, a playhead. Lanes are virtualised: only the
// rows in the scrolled window are joined to the DOM, so 5,000 targets cost the
// same per frame as 20.
import { LitElement, html, svg, type PropertyValues } from 'lit';
import * as d3 from 'd3';
import type { TraceIndex } from '../../layout/frame.ts';
import { layoutLanes, visibleRows, type LaneLayout, type LaneRow } from '../../layout/lanes.ts';
import { FAILED_COLOR, familiesOf, stepColor } from '../../layout/palette.ts';
import { formatDuration, formatTime } from '../../layout/time.ts';
import { gapAround } from '../../layout/playback.ts';
import type { TraceSpan, TargetGroup } from '../../trace/types.ts';
import { emit } from '../shared/events.ts';
import { ResizeController } from '../shared/resize-controller.ts';
import { LABEL_WIDTH, RIGHT_MARGIN, base } from '../shared/tokens.ts';
import { styles } from './timeline-view.styles.ts';
import { timeTicks } from '../../layout/ticks.ts';
import { axisEnd } from '../../layout/series.ts';

export class TimelineView extends LitElement {
  static override styles = [base, styles];
  static override properties = {
    index: { attribute: false },
    t: { type: Number },
    collapsed: { attribute: false },
  };

  declare index: TraceIndex | undefined;
  declare t: number;
  declare collapsed: Set<TargetGroup>;

  private size = new ResizeController(this);
  private layout: LaneLayout | undefined;
  private laneScroll = 0;
  private axisKey = '';
  private viewport = 320;

  constructor() {
    super();
    this.t = 0;
    this.collapsed = new Set();
  }

  private waits: { from: number; to: number; label: string }[] = [];
  private spanNames = new Set<string>();

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('index')) {
      const index = this.index;
      this.spanNames = new Set(index?.trace.spans.map((s) => s.name) ?? []);
      this.waits = index
        ? index.trace.events.filter((e) => e.type === 'wait-started').map((e) => ({ from: e.t, to: gapAround(index, e.t + 1e-6).to, label: e.message }))
        : [];
    }
    if (changed.has('index') || changed.has('collapsed')) {
      if (this.index) {
        const many = this.index.targets.length > 400;
        this.layout = layoutLanes(this.index.targets, {
          laneHeight: many ? 12 : 18,
          collapsed: this.collapsed,
        });
      } else this.layout = undefined;
    }
  }

  private get width(): number {
    return Math.max(320, this.size.effectiveWidth);
  }

  x(): d3.ScaleLinear<number, number> {
    // The charts' axis: a short tail after the end, so the last instant has room.
    return d3.scaleLinear().domain([0, axisEnd(this.index?.duration ?? 0)]).range([LABEL_WIDTH, this.width - RIGHT_MARGIN]);
  }

  override render() {
    const h = this.layout?.height ?? 0;
    return html`
      <svg class="axis" width=${this.width} height="36" aria-hidden="true"
           @pointerdown=${this.onPointer} @pointermove=${this.onPointer}><g class="waits"></g><g class="x"></g></svg>
      <div class="scroll" role="group" aria-label="Timeline lanes, one per target"
           @scroll=${this.onScroll}>
        <div class="spacer" style="height:${h}px">
          <svg class="lanes" width=${this.width} aria-hidden="false"
               @pointerdown=${this.onPointer} @pointermove=${this.onPointer}>
            <defs>
              <pattern id="hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="5" height="5" fill="#fbe3d4"></rect>
                ${svg`<line x1="0" y1="0" x2="0" y2="5" stroke=${FAILED_COLOR} stroke-width="2.2"></line>`}
              </pattern>
            </defs>
            <g class="rows"></g>
            <line class="playhead"></line>
          </svg>
        </div>
      </div>
      <div class="legend" aria-label="Legend">
        ${familiesOf(this.spanNames).map((k) => html`<span><span class="sw" style="background:${k.color}"></span>${k.label}</span>`)}
        <span><span class="sw failed"></span>Failed step (✕)</span>
      </div>
    `;
  }

  /** Click or drag on the axis or a lane (right of the labels) to move the playhead there. */
  private onPointer(e: PointerEvent): void {
    if (!this.index || (e.type === 'pointermove' && e.buttons !== 1)) return;
    const svgEl = e.currentTarget as SVGSVGElement;
    const px = e.clientX - svgEl.getBoundingClientRect().left;
    if (px < LABEL_WIDTH - 4) return;
    const t = Math.min(this.index.duration, Math.max(0, this.x().invert(px)));
    emit(this, 'seek-to', { t });
  }

  private onScroll(e: Event): void {
    this.laneScroll = (e.target as HTMLElement).scrollTop;
    this.draw();
  }

  override updated(): void {
    this.draw();
  }

  /** Joins the visible lanes and the spans that have started by t. */
  draw(): void {
    const root = this.renderRoot;
    const index = this.index;
    const layout = this.layout;
    const scroll = root.querySelector<HTMLElement>('.scroll');
    if (!scroll || !index || !layout) return;
    this.viewport = scroll.clientHeight || this.viewport;
    const x = this.x();
    const t = this.t;
    const width = this.width;

    const axisKey = `${index.duration}|${width}`;
    const axis = d3.select(root.querySelector<SVGGElement>('g.x')!);
    if (this.axisKey !== axisKey) this.axisKey = axisKey, axis.attr('transform', 'translate(0,20)').call(
      d3.axisTop<number>(x).tickValues(timeTicks(index.duration, width - LABEL_WIDTH - RIGHT_MARGIN)).tickFormat((d) => formatTime(d)).tickSizeOuter(0),
    );

    // Waits (a bake, a termination wait, testing the green environment) under the axis, up to t.
    const waits = this.waits.filter((w) => w.from <= t);
    const waitSel = d3.select(root.querySelector<SVGGElement>('g.waits')!)
      .selectAll<SVGGElement, { from: number; to: number; label: string }>('g.wait')
      .data(waits, (w) => String(w.from))
      .join((enter) => {
        const g = enter.append('g').attr('class', 'wait');
        g.append('rect').attr('y', 23).attr('height', 11).attr('rx', 3);
        g.append('text').attr('y', 31.5);
        g.append('title');
        return g;
      });
    waitSel.select('rect').attr('x', (w) => x(w.from)).attr('width', (w) => Math.max(1, x(Math.min(w.to, t)) - x(w.from)));
    waitSel
      .select('text')
      .attr('x', (w) => x(w.from) + 4)
      .text((w) => (x(Math.min(w.to, t)) - x(w.from) > 90 ? `wait ${formatDuration(w.to - w.from)}` : ''));
    waitSel.select('title').text((w) => `${formatTime(w.from)}–${formatTime(w.to)}: ${w.label}`);

    const rows = visibleRows(layout, this.laneScroll, this.viewport);
    const top = rows.length ? rows[0]!.y : 0;
    const bottom = rows.length ? rows[rows.length - 1]!.y + rows[rows.length - 1]!.height : 0;
    const lanes = d3.select(root.querySelector<SVGSVGElement>('svg.lanes')!);
    lanes.style('top', `${top}px`).attr('height', Math.max(1, bottom - top));

    const rowSel = lanes
      .select<SVGGElement>('g.rows')
      .selectAll<SVGGElement, LaneRow>('g.row')
      .data(rows, (r) => (r.type === 'group' ? `g:${r.group}` : `t:${r.target}`))
      .join((enter) => {
        const g = enter.append('g').attr('class', (r) => `row ${r.type === 'group' ? 'group-row' : 'lane'}`);
        g.filter((r) => r.type === 'group').each(function (r) {
          const sel = d3.select(this);
          sel.attr('tabindex', 0).attr('role', 'button');
          sel.append('rect').attr('class', 'band');
          sel.append('text').attr('x', 6);
          void r;
        });
        g.filter((r) => r.type === 'target').each(function () {
          const sel = d3.select(this);
          sel.append('line').attr('class', 'track');
          sel.append('text').attr('class', 'label').attr('x', 10);
          sel.append('g').attr('class', 'spans');
        });
        return g;
      });
    rowSel.attr('transform', (r) => `translate(0,${r.y - top})`);

    const groups = rowSel.filter((r) => r.type === 'group');
    groups.select('rect.band').attr('width', width).attr('height', (r) => r.height - 2).attr('y', 1);
    groups
      .select('text')
      .attr('y', (r) => r.height / 2 + 4)
      .text((r) => (r.type === 'group' ? `${r.collapsed ? '▸' : '▾'} ${r.label} · ${r.count}` : ''));
    groups
      .attr('aria-expanded', (r) => (r.type === 'group' && !r.collapsed ? 'true' : 'false'))
      .attr('aria-label', (r) => (r.type === 'group' ? `${r.label}, ${r.count} targets; press to ${r.collapsed ? 'expand' : 'collapse'}` : ''))
      .on('click', (_e, r) => emit(this, 'group-toggle', { group: r.group }))
      .on('keydown', (e: KeyboardEvent, r) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          emit(this, 'group-toggle', { group: r.group });
        }
      });

    const targetRows = rowSel.filter((r) => r.type === 'target');
    targetRows
      .select('line.track')
      .attr('x1', LABEL_WIDTH)
      .attr('x2', width - RIGHT_MARGIN)
      .attr('y1', (r) => r.height / 2)
      .attr('y2', (r) => r.height / 2);
    targetRows
      .select('text.label')
      .attr('y', (r) => r.height / 2 + 4)
      .style('font-size', (r) => (r.height < 16 ? '9px' : null))
      .text((r) => (r.type === 'target' ? truncate(r.label, r.height < 16 ? 24 : 20) : ''));

    const self = this;
    targetRows.select<SVGGElement>('g.spans').each(function (r) {
      if (r.type !== 'target') return;
      const spans = index.spansByTarget[r.target]!;
      const shown = spans.filter((s) => s.start <= t);
      const pad = r.height < 16 ? 1.5 : 2.5;
      const g = d3.select(this);
      g.selectAll<SVGRectElement, TraceSpan>('rect.span')
        .data(shown)
        .join('rect')
        .attr('class', (s) => `span ${s.status === 'Failed' && s.end <= t ? 'failed' : ''} ${s.status === 'Skipped' ? 'skipped' : ''}`)
        .attr('x', (s) => x(s.start))
        .attr('y', pad)
        .attr('height', r.height - pad * 2)
        .attr('width', (s) => Math.max(1, x(Math.min(s.end, t)) - x(s.start)))
        .attr('fill', (s) => (s.status === 'Failed' && s.end <= t ? 'url(#hatch)' : stepColor(s.name)))
        .selectAll('title')
        .data((s) => [s])
        .join('title')
        .text((s) => `${r.id}: ${s.name} ${formatTime(s.start)}–${formatTime(s.end)} · ${s.status}${s.reason ? ` · ${s.reason}` : ''} (${s.revision}, ${s.deploymentId})`);
      const labelled = r.height >= 16 ? shown.filter((s) => x(Math.min(s.end, t)) - x(s.start) > s.name.length * 5.6 + 6) : [];
      g.selectAll<SVGTextElement, TraceSpan>('text.span-label')
        .data(labelled)
        .join('text')
        .attr('class', 'span-label')
        .attr('x', (s) => x(s.start) + 3)
        .attr('y', r.height / 2 + 3.5)
        .text((s) => s.name);
      const failed = shown.filter((s) => s.status === 'Failed' && s.end <= t);
      g.selectAll<SVGTextElement, TraceSpan>('text.fail-mark')
        .data(failed)
        .join('text')
        .attr('class', 'fail-mark')
        .attr('x', (s) => x(s.end) + 2)
        .attr('y', r.height / 2 + 4.5)
        .text('✕');
      void self;
    });

    const px = x(Math.min(t, index.duration));
    lanes.select('line.playhead').attr('x1', px).attr('x2', px).attr('y1', 0).attr('y2', Math.max(1, bottom - top));
  }
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
