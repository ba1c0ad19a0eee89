// The timeline: one lane per target, grouped, spans coloured by step kind,
// failed spans hatched and marked, a playhead. Lanes are virtualised: only the
// rows in the scrolled window are joined to the DOM, so 5,000 targets cost the
// same per frame as 20.
import { LitElement, html, svg, type PropertyValues } from 'lit';
import * as d3 from 'd3';
import type { TraceIndex } from '../../layout/frame.ts';
import { layoutLanes, visibleRows, type LaneLayout, type LaneRow } from '../../layout/lanes.ts';
import { FAILED_COLOR, LIGHT_FILLS, familiesOf, stepColor } from '../../layout/palette.ts';
import { formatDuration, formatTime, upperBound } from '../../layout/time.ts';
import { layoutPhases, PHASE_KIND_LABEL, type PhaseBand, type PhaseLayout, type DeploymentMarker } from '../../layout/phases.ts';
import { spanStatusAt } from '../../layout/lifecycle.ts';
import { stepFact, type StepKind } from '../../aws/step-kinds.ts';
import type { TraceSpan, TargetGroup } from '../../trace/types.ts';
import { emit } from '../shared/events.ts';
import { ResizeController } from '../shared/resize-controller.ts';
import { LABEL_WIDTH, RIGHT_MARGIN, base } from '../shared/tokens.ts';
import { styles } from './timeline-view.styles.ts';
import { reveal, slideX, revealStyles } from '../shared/reveal.ts';
import { timeTicks } from '../../layout/ticks.ts';
import { axisEnd } from '../../layout/series.ts';
import { writeText } from '../shared/text-data.ts';
import { thousands } from '../../scenario/thousands.ts';

export class TimelineView extends LitElement {
  static override styles = [base, revealStyles, styles];
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
  private viewportKey = '';

  constructor() {
    super();
    this.t = 0;
    this.collapsed = new Set();
  }

  private phases: PhaseLayout = { bands: [], rows: 0, markers: [] };
  /** When each failed step ends (sorted): the lanes change only when the playhead crosses one. */
  private failEnds: number[] = [];
  /** The legend's step families, once per trace. */
  private families: ReturnType<typeof familiesOf> = [];
  private rollbackIds = new Set<string>();
  private phaseKey = '';
  /** Bumped per trace, so lanes drawn for an earlier trace never count as up to date. */
  private indexGeneration = 0;
  private markedGeneration = -1;
  /** Bumped whenever the lanes are laid out again (a new trace or a folded group). */
  private layoutGeneration = 0;
  /** The span whose details show (focus, tap or click on a lane). */
  private picked: { target: number; span: TraceSpan } | undefined;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('index')) {
      const index = this.index;
      this.families = familiesOf(new Set(index?.trace.spans.map((s) => s.name) ?? []));
      this.failEnds = (index?.trace.spans.filter((s) => s.status === 'Failed').map((s) => s.end) ?? []).sort((a, b) => a - b);
      this.phases = index ? layoutPhases(index) : { bands: [], rows: 0, markers: [] };
      this.indexGeneration++;
      this.rollbackIds = new Set(index?.trace.deployments.filter((d) => d.creator === 'codeDeployRollback').map((d) => d.id) ?? []);
      this.picked = undefined;
    }
    if (changed.has('index') || changed.has('collapsed')) {
      if (this.index) {
        const many = this.index.targets.length > 400;
        this.layoutGeneration++;
        this.layout = layoutLanes(this.index.targets, {
          laneHeight: many ? 12 : 18,
          collapsed: this.collapsed,
        });
      } else this.layout = undefined;
    }
  }

  private get width(): number {
    // Without a trace nothing is drawn: the measured width (0 until the first
    // ResizeObserver report) spares the app's first render a forced layout, which
    // was the longest task of a large link's load (issue 10).
    return Math.max(320, this.index ? this.size.effectiveWidth : this.size.width);
  }

  x(): d3.ScaleLinear<number, number> {
    // The charts' axis: a short tail after the end, so the last instant has room.
    return d3.scaleLinear().domain([0, axisEnd(this.index?.duration ?? 0)]).range([LABEL_WIDTH, this.width - RIGHT_MARGIN]);
  }

  /** Phase rows, then a row for deployment markers' labels when a later deployment exists. */
  private get axisHeight(): number {
    return AXIS_TOP + (Math.max(1, this.phases.rows) + (this.phases.markers.length ? 1 : 0)) * PHASE_ROW + 4;
  }

  override render() {
    const h = this.layout?.height ?? 0;
    const picked = this.picked;
    return html`
      <svg class="axis" width=${this.width} height=${this.axisHeight} role="img" aria-label=${this.phaseSummary()}
           @pointerdown=${this.onPointer} @pointermove=${this.onPointer}>
        <defs>
          <pattern id="rollback-stripes" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
            <rect width="6" height="6" fill="#f6e3ee"></rect>${svg`<line x1="0" y1="0" x2="0" y2="6" stroke="#CC79A7" stroke-width="2"></line>`}
          </pattern>
        </defs>
        <g class="x"></g>
      </svg>
      <div class="reveal phases-box" style="top:0;width:${this.width}px;height:${this.axisHeight}px">
        <svg class="reveal-inner phases-layer" width=${this.width} height=${this.axisHeight} aria-hidden="true"
             @pointerdown=${this.onPointer} @pointermove=${this.onPointer}><g class="phases"></g></svg>
      </div>
      <svg class="markers-layer" width=${this.width} height=${this.axisHeight} aria-hidden="true"><g class="markers"></g></svg>
      <div class="scroll" role="group" aria-label="Timeline lanes, one per target; focus a lane and use the arrow keys to read its steps"
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
          </svg>
          <div class="reveal marks-box" style="width:${this.width}px">
            <svg class="marks reveal-inner" width=${this.width} aria-hidden="true"
                 @pointerdown=${this.onPointer} @pointermove=${this.onPointer}>
              <g class="rows"></g>
              <g class="marker-lines"></g>
            </svg>
          </div>
          <div class="playhead" aria-hidden="true"></div>
        </div>
      </div>
      ${picked ? this.renderPopover(picked.target, picked.span) : ''}
      <div class="legend" aria-label="Legend">
        ${this.families.map((k) => html`<span><span class="sw" style="background:${k.color}"></span>${k.label}</span>`)}
        ${this.index?.trace.scenario.platform === 'CodeDeploy' ? html`<span><span class="sw reserved"></span>Faded: run by CodeDeploy itself (no script)</span>` : ''}
        <span><span class="sw failed"></span>Failed step (✕)</span>
        ${this.phases.markers.some((m) => m.rollback && m.t <= this.t) ? html`<span><span class="sw rollback"></span>Rollback deployment</span>` : ''}
      </div>
    `;
  }

  /** The axis's label: the phases begun by t (worked out again only when another has begun). */
  private phaseSummary(): string {
    let n = 0;
    for (const b of this.phases.bands) if (b.phase.start <= this.t) n++;
    if (this.summaryFor?.phases !== this.phases || this.summaryFor.n !== n) {
      const bands = this.phases.bands.filter((b) => b.phase.start <= this.t);
      const text = bands.length === 0 ? 'Time axis' : `Time axis with phases: ${bands.map((b) => `${b.phase.name} ${formatTime(b.phase.start)}–${formatTime(b.phase.end)}`).join('; ')}`;
      this.summaryFor = { phases: this.phases, n, text };
    }
    return this.summaryFor.text;
  }

  private summaryFor: { phases: PhaseLayout; n: number; text: string } | undefined;

  /** The details of one step, shown on focus, tap or click: not only in a hover tooltip. */
  private renderPopover(target: number, span: TraceSpan) {
    const index = this.index!;
    const row = this.layout?.rowOfTarget.get(target);
    if (!row) return '';
    const status = spanStatusAt(span, this.t);
    const ran = Math.max(0, Math.min(span.end, this.t) - span.start);
    const x = Math.min(this.x()(span.start), this.width - 310);
    const rollback = this.rollbackIds.has(span.deploymentId);
    // Outside the scrolling lanes, so it is never clipped: just below the lane.
    const top = this.axisHeight + 1 + row.y - this.laneScroll + row.height + 2;
    return html`<div class="popover" role="status" style="left:${Math.max(4, x)}px;top:${top}px">
      <button class="close" aria-label="Close the step details" @click=${this.closePopover}>✕</button>
      <strong>${span.name}</strong> <span class="who">${KIND_WORDS[stepFact(span.name).kind]}</span><br />
      ${index.targets[target]!.id} · <span class="status ${status}">${status}</span>
      · ${formatTime(span.start)}${status === 'Pending' ? '' : html` · ${formatDuration(ran)}${status === 'InProgress' ? ' so far' : ''}`}<br />
      revision ${span.revision} · ${span.deploymentId}${rollback ? ' (rollback)' : ''}${span.reason && status !== 'InProgress' ? html`<br />${span.reason}` : ''}
    </div>`;
  }

  private closePopover = (): void => {
    this.picked = undefined;
    this.requestUpdate();
  };

  /** Picks a lane's step for the popover: `step` -1/+1 moves from the current one; 0 picks the one at the playhead. */
  private pick(target: number, step: number): void {
    const shown = (this.index?.spansByTarget[target] ?? []).filter((s) => s.start <= this.t);
    if (shown.length === 0) return;
    const current = this.picked?.target === target ? shown.indexOf(this.picked.span) : -1;
    const k = step === 0 || current < 0 ? shown.length - 1 : Math.min(shown.length - 1, Math.max(0, current + step));
    this.picked = { target, span: shown[k]! };
    this.requestUpdate();
    // The lifecycle table and statechart follow the lane the learner is reading.
    emit(this, 'target-select', { target: this.index!.targets[target]!.id });
  }

  /** Click or drag on the axis or a lane (right of the labels) to move the playhead there. */
  private onPointer(e: PointerEvent): void {
    if (!this.index || (e.type === 'pointermove' && e.buttons !== 1)) return;
    // A group header folds its group (its click handler); it never moves the playhead.
    if ((e.target as Element).closest?.('g.group-row')) return;
    // A tap or click on a step shows its details (delegated: no listener per span).
    const mark = e.target as Element & { __data__?: TraceSpan };
    if (e.type === 'pointerdown' && mark.classList?.contains('span') && mark.__data__) {
      const target = this.index.targetIndex.get(mark.__data__.target);
      if (target !== undefined) {
        this.picked = { target, span: mark.__data__ };
        this.requestUpdate();
        emit(this, 'target-select', { target: mark.__data__.target });
        // The step is drawn in the marks layer, above its lane: focus the lane (not the page,
        // as the pointer's default would), so the arrows read its steps.
        e.preventDefault();
        this.laneOf.get(target)?.focus({ preventScroll: true });
      }
    }
    const svgEl = e.currentTarget as SVGSVGElement;
    const px = e.clientX - svgEl.getBoundingClientRect().left;
    if (px < LABEL_WIDTH - 4) return;
    const t = Math.min(this.index.duration, Math.max(0, this.x().invert(px)));
    emit(this, 'seek-to', { t });
  }

  private onScroll(e: Event): void {
    this.laneScroll = (e.target as HTMLElement).scrollTop;
    this.viewport = (e.target as HTMLElement).clientHeight || this.viewport;
    if (this.picked) this.requestUpdate();
    this.draw();
  }

  override updated(): void {
    this.draw();
  }

  /** Joins the visible lanes and their spans (revealed up to t by a clip). */
  draw(): void {
    const root = this.renderRoot;
    const index = this.index;
    const layout = this.layout;
    const scroll = root.querySelector<HTMLElement>('.scroll');
    if (!scroll || !index || !layout) return;
    // Reading clientHeight forces a layout; a frame must not pay for one, so it is
    // read only when the lanes or the width change (and on scroll, where layout is fresh).
    const viewportKey = `${this.width}|${layout.height}`;
    if (this.viewportKey !== viewportKey) {
      this.viewportKey = viewportKey;
      this.viewport = scroll.clientHeight || this.viewport;
    }
    const x = this.x();
    const t = this.t;
    const width = this.width;

    const axisKey = `${index.duration}|${width}`;
    const axis = d3.select(root.querySelector<SVGGElement>('g.x')!);
    if (this.axisKey !== axisKey) this.axisKey = axisKey, axis.attr('transform', `translate(0,${AXIS_TOP - 4})`).call(
      d3.axisTop<number>(x).tickValues(timeTicks(index.duration, width - LABEL_WIDTH - RIGHT_MARGIN)).tickFormat((d) => formatTime(d)).tickSizeOuter(0),
    );
    this.drawPhases(x, width);
    this.fitPhaseLabels(x, t);
    const px = x(Math.min(t, index.duration));
    // The bands are revealed up to the playhead by sliding their layer's clipping box
    // (shared/reveal.ts): nothing is repainted, where a clip repainted every band.
    reveal(root.querySelector<HTMLElement>('.phases-box')!, root.querySelector('svg.phases-layer')!, width, t >= index.duration ? width : px);
    const markers = this.phases.markers.filter((m) => m.t <= t);
    // The deployment markers change only when one is passed (or the axis changes): a frame rewrites nothing else here.
    const markersKey = `${markers.length}|${width}|${this.axisHeight}|${this.indexGeneration}`;
    const markersChanged = markersKey !== this.markersKey;
    this.markersKey = markersKey;
    if (markersChanged) {
      const markerSel = d3
        .select(root.querySelector<SVGGElement>('g.markers')!)
        .selectAll<SVGGElement, DeploymentMarker>('g.marker')
        .data(markers, (m) => m.deployment.id)
        .join((enter) => {
          const g = enter.append('g').attr('class', (m) => `marker ${m.rollback ? 'rollback' : ''}`);
          g.append('line');
          g.append('path');
          g.append('text');
          return g;
        });
      markerSel.attr('transform', (m) => `translate(${x(m.t)},0)`);
      markerSel.select('line').attr('y1', AXIS_TOP - 4).attr('y2', this.axisHeight);
      markerSel.select('path').attr('d', 'M0,0 h10 l-3,4 l3,4 h-10 z');
      const labelY = AXIS_TOP + Math.max(1, this.phases.rows) * PHASE_ROW + PHASE_ROW - 5;
      markerSel.select('path').attr('transform', `translate(0,${labelY - 8})`);
      markerSel.select('text').attr('x', (m) => (x(m.t) > width - 160 ? -4 : 12)).attr('y', labelY).attr('text-anchor', (m) => (x(m.t) > width - 160 ? 'end' : 'start')).text((m) => m.label);
    }

    const rows = visibleRows(layout, this.laneScroll, this.viewport);
    if (rows.length && this.markedGeneration !== this.indexGeneration) {
      // For bench:render: when a trace's lanes were first drawn.
      this.markedGeneration = this.indexGeneration;
      performance.mark('deploysim:timeline-drawn');
    }
    const top = rows.length ? rows[0]!.y : 0;
    const bottom = rows.length ? rows[rows.length - 1]!.y + rows[rows.length - 1]!.height : 0;
    const laneHeight = Math.max(1, bottom - top);
    const lanes = d3.select(root.querySelector<SVGSVGElement>('svg.lanes')!);
    const marksSvg = d3.select(root.querySelector<SVGSVGElement>('svg.marks')!);
    const marksBox = root.querySelector<HTMLElement>('.marks-box')!;

    // The rows themselves change only with the lanes, the width or the scroll; a frame
    // that only moves the playhead reuses them and touches just the spans below.
    const rowsKey = `${this.indexGeneration}|${layout.height}|${rows.length ? `${rows[0]!.y}:${rows.length}` : ''}|${width}|${this.layoutGeneration}`;
    const rowsChanged = this.rowsKey !== rowsKey || !this.markRows;
    if (rowsChanged) {
      lanes.style('top', `${top}px`).attr('height', laneHeight);
      marksSvg.attr('height', laneHeight);
      Object.assign(marksBox.style, { top: `${top}px`, height: `${laneHeight}px` });
      this.markRows = this.joinRows(lanes, marksSvg, rows, top, width);
    }
    this.rowsKey = rowsKey;

    const self = this;
    const drawKey = `${this.indexGeneration}|${width}|${r0(x.domain()[1])}`;
    // Every span of a visible lane is drawn whole, in its own layer, and revealed up to
    // the playhead by sliding that layer's clipping box (shared/reveal.ts; it also keeps
    // the future from taking the pointer): moving the playhead repaints nothing. A lane
    // is redrawn only when a failure shows (its step is hatched once it has ended).
    reveal(marksBox, marksSvg.node()!, width, t >= index.duration ? width : px + 1);
    // Nothing in the lanes changes unless the rows, the scale or the failures shown do.
    const lanesKey = `${rowsKey}|${drawKey}|${upperBound(this.failEnds, t, (e) => e)}`;
    if (lanesKey !== this.lanesKey) this.markRows!.each(function (r) {
      const shown = index.spansByTarget[r.target]!;
      let failedCount = 0;
      for (const s of shown) if (s.status === 'Failed' && s.end <= t) failedCount++;
      const key = `${drawKey}|${failedCount}|${r.height}`;
      const node = this as SVGGElement & { __key?: string };
      if (node.__key === key) return;
      node.__key = key;
      const failed = failedCount ? shown.filter((s) => s.status === 'Failed' && s.end <= t) : [];
      const pad = r.height < 16 ? 1.5 : 2.5;
      const marks = d3.select(this);
      const failedNow = new Set(failed);
      // Spans are joined by position, and an element is rewritten only when what it shows
      // changes: the span, its failure, or the scale.
      const geom = `${drawKey}|${r.height}`;
      marks.selectAll<Shows<SVGRectElement>, TraceSpan>('rect.span')
        .data(shown)
        .join((enter) => enter.append('rect').call((rect) => rect.append('title')))
        .each(function (s) {
          const el = this as Shows<SVGRectElement>;
          const isFailed = failedNow.has(s);
          const look = `${geom}|${isFailed}`;
          if (el.__span === s && el.__shows === look) return;
          el.__span = s;
          el.__shows = look;
          el.setAttribute('class', `span ${isFailed ? 'failed' : ''} ${s.status === 'Skipped' ? 'skipped' : ''} ${self.rollbackIds.has(s.deploymentId) ? 'rollback' : ''} ${stepFact(s.name).kind === 'reserved' ? 'reserved' : ''}`);
          el.setAttribute('x', String(x(s.start)));
          el.setAttribute('y', String(pad));
          el.setAttribute('height', String(r.height - pad * 2));
          el.setAttribute('width', String(Math.max(1, x(s.end) - x(s.start))));
          el.setAttribute('fill', isFailed ? 'url(#hatch)' : stepColor(s.name));
          el.firstElementChild!.textContent = `${r.id}: ${s.name} ${formatTime(s.start)}–${formatTime(s.end)} · ${s.status}${s.reason ? ` · ${s.reason}` : ''} (${s.revision}, ${s.deploymentId})`;
        });
      const labelled = r.height >= 16 ? shown.filter((s) => x(s.end) - x(s.start) > s.name.length * 5.6 + 6) : [];
      marks.selectAll<Shows<SVGTextElement>, TraceSpan>('text.span-label')
        .data(labelled)
        .join('text')
        .each(function (s) {
          const el = this as Shows<SVGTextElement>;
          const look = `${geom}|${failedNow.has(s)}`;
          if (el.__span === s && el.__shows === look) return;
          el.__span = s;
          el.__shows = look;
          el.setAttribute('class', `span-label ${LIGHT_FILLS.has(stepColor(s.name)) || failedNow.has(s) ? '' : 'on-dark'}`);
          el.setAttribute('x', String(x(s.start) + 3));
          el.setAttribute('y', String(r.height / 2 + 3.5));
          el.textContent = s.name;
        });
      // The ✕ sits just after a failed step's end, in the lane below the clipped layer, so it shows whole as soon as the step has failed.
      const fails = self.failsOf.get(r.target);
      if (fails) d3.select(fails).selectAll<SVGTextElement, TraceSpan>('text.fail-mark')
        .data(failed)
        .join('text')
        .attr('class', 'fail-mark')
        .attr('x', (s) => x(s.end) + 2)
        .attr('y', r.height / 2 + 4.5)
        .text('✕');
    });
    this.lanesKey = lanesKey;

    if (markersChanged || rowsChanged) marksSvg
      .select('g.marker-lines')
      .selectAll<SVGLineElement, DeploymentMarker>('line')
      .data(markers, (m) => m.deployment.id)
      .join('line')
      .attr('class', (m) => `marker-line ${m.rollback ? 'rollback' : ''}`)
      .attr('x1', (m) => x(m.t))
      .attr('x2', (m) => x(m.t))
      .attr('y1', 0)
      .attr('y2', laneHeight);
    // The playhead over the lanes is moved by a transform alone (its own compositing layer: no layout, no paint).
    const playhead = root.querySelector<HTMLElement>('div.playhead')!;
    if (rowsChanged) Object.assign(playhead.style, { top: `${top}px`, height: `${laneHeight}px` });
    slideX(playhead, px);
  }

  private rowsKey = '';
  private lanesKey = '';
  private markersKey = '';
  /** Per visible lane, its group in the marks layer (the spans go there). */
  private markRows: d3.Selection<SVGGElement, LaneTarget, SVGGElement, unknown> | undefined;
  /** Per visible lane (target position): the lane element, and its group for fail marks. */
  private laneOf = new Map<number, SVGGElement>();
  private failsOf = new Map<number, SVGGElement>();

  /**
   * Joins the visible rows (group headers and lanes) and sets what does not depend on t;
   * returns the lanes' groups in the marks layer, where a frame draws the spans.
   */
  private joinRows(lanes: d3.Selection<SVGSVGElement, unknown, null, undefined>, marksSvg: d3.Selection<SVGSVGElement, unknown, null, undefined>, rows: LaneRow[], top: number, width: number) {
    const self = this;
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
        // Listeners once per row element (d3 hands them the row's current datum), not every frame.
        g.filter((r) => r.type === 'target')
          .on('focus', (_e, r) => r.type === 'target' && this.picked?.target !== r.target && this.pick(r.target, 0))
          .on('keydown', (e: KeyboardEvent, r) => {
            if (r.type !== 'target') return;
            const step = e.key === 'ArrowLeft' ? -1 : e.key === 'ArrowRight' ? 1 : e.key === 'Enter' || e.key === ' ' ? 0 : undefined;
            if (e.key === 'Escape') this.closePopover();
            else if (step === undefined) return;
            else this.pick(r.target, step);
            // The app's own ←/→ step through events; on a lane they step through its steps.
            e.preventDefault();
          });
        g.filter((r) => r.type === 'target').each(function () {
          const sel = d3.select(this);
          // A group, not a button: its visible step names are not its name (WCAG 2.5.3); arrows read them.
          sel.attr('tabindex', 0).attr('role', 'group');
          sel.append('rect').attr('class', 'focus-ring');
          sel.append('line').attr('class', 'track');
          sel.append('text').attr('class', 'label').attr('x', 10);
          sel.append('g').attr('class', 'fails');
        });
        return g;
      });
    rowSel.attr('transform', (r) => `translate(0,${r.y - top})`);

    const groups = rowSel.filter((r) => r.type === 'group');
    groups.select('rect.band').attr('width', width).attr('height', (r) => r.height - 2).attr('y', 1);
    groups
      .select('text')
      .attr('y', (r) => r.height / 2 + 4)
      .text((r) => (r.type === 'group' ? `${r.collapsed ? '▸' : '▾'} ${r.label} · ${thousands(r.count)}` : ''));
    groups
      .attr('aria-expanded', (r) => (r.type === 'group' && !r.collapsed ? 'true' : 'false'))
      .attr('aria-label', (r) => (r.type === 'group' ? `${r.label} · ${thousands(r.count)} targets` : ''))
      .on('click', (_e, r) => emit(this, 'group-toggle', { group: r.group }))
      .on('keydown', (e: KeyboardEvent, r) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          emit(this, 'group-toggle', { group: r.group });
        }
      });

    const targetRows = rowSel.filter((r) => r.type === 'target');
    targetRows.attr('aria-label', (r) => (r.type === 'target' ? `${r.label}: the step at the playhead; left and right arrows read its other steps` : ''));
    targetRows.select('rect.focus-ring').attr('x', 1).attr('y', 0.5).attr('width', width - 2).attr('height', (r) => r.height - 1);
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
    this.laneOf.clear();
    this.failsOf.clear();
    targetRows.each(function (r) {
      if (r.type !== 'target') return;
      self.laneOf.set(r.target, this);
      self.failsOf.set(r.target, this.querySelector<SVGGElement>('g.fails')!);
    });

    // The same lanes in the marks layer: one group of spans each, at the lane's height.
    const markRows = marksSvg
      .select<SVGGElement>('g.rows')
      .selectAll<SVGGElement, LaneTarget>('g.spans')
      .data(rows.filter((r): r is LaneTarget => r.type === 'target'), (r) => `t:${r.target}`)
      .join((enter) => enter.append('g').attr('class', 'spans'));
    markRows.attr('transform', (r) => `translate(0,${r.y - top})`);
    return markRows;
  }

  private phaseLabelT = NaN;

  /** Labels fit the part of a band revealed so far: a phase in progress names itself as soon as it starts. */
  private fitPhaseLabels(x: d3.ScaleLinear<number, number>, t: number): void {
    if (t === this.phaseLabelT) return;
    this.phaseLabelT = t;
    d3.select(this.renderRoot.querySelector<SVGGElement>('g.phases')!)
      .selectAll<LabelNode, PhaseBand>('g.phase text')
      .each(function (b) {
        const shown = Math.min(b.phase.end, t) - b.phase.start;
        const label = shown < 0 ? '' : fit(b.phase.name, Math.max(2, x(b.phase.start + shown) - x(b.phase.start)) - 6);
        if (this.__label !== label) writeText(this, (this.__label = label));
      });
  }

  /** Phase bands, laid out once per trace and width; the playhead only moves their clip (a CSS inset). */
  private drawPhases(x: d3.ScaleLinear<number, number>, width: number): void {
    const key = `${this.index?.duration}|${width}|${this.phases.bands.length}`;
    if (key === this.phaseKey) return;
    this.phaseKey = key;
    const sel = d3
      .select(this.renderRoot.querySelector<SVGGElement>('g.phases')!)
      .selectAll<SVGGElement, PhaseBand>('g.phase')
      .data(this.phases.bands)
      .join((enter) => {
        const g = enter.append('g');
        g.append('rect').attr('height', PHASE_ROW - 3).attr('rx', 3);
        g.append('text');
        g.append('title');
        return g;
      });
    // Rows are placed by y, not by a transform on the group: Chromium re-derives an SVG group's
    // transform when its content is laid out again (a label that grows with the playhead), and
    // then works out the page's compositing layers again, ~2 ms a frame.
    const top = (b: PhaseBand) => AXIS_TOP + b.row * PHASE_ROW;
    sel.attr('class', (b) => `phase ${b.phase.kind} ${b.rollback ? 'rollback' : ''}`);
    const w = (b: PhaseBand) => Math.max(2, x(b.phase.end) - x(b.phase.start));
    sel.select('rect').attr('x', (b) => x(b.phase.start)).attr('y', top).attr('width', w);
    sel
      .select('text')
      .attr('x', (b) => x(b.phase.start) + 4)
      .attr('y', (b) => top(b) + PHASE_ROW - 6);
    this.phaseLabelT = NaN;
    sel
      .select('title')
      .text((b) => `${PHASE_KIND_LABEL[b.phase.kind]}: ${b.phase.name}, ${formatTime(b.phase.start)}–${formatTime(b.phase.end)} (${b.phase.deploymentId}${b.rollback ? ', rollback' : ''})${b.phase.deadline !== undefined ? `, gives up at ${formatTime(b.phase.deadline)}` : ''}`);
  }
}

/** A span's element, remembering the span and the look it shows (so a frame rewrites only what changed). */
type Shows<E extends Element> = E & { __span?: TraceSpan; __shows?: string };

/** A lane's row (not a group header). */
type LaneTarget = Extract<LaneRow, { type: 'target' }>;

/** A text node remembers the label it shows, so a frame only writes the ones that change. */
type LabelNode = SVGTextElement & { __label?: string };

const AXIS_TOP = 24;
const PHASE_ROW = 15;

const KIND_WORDS: Record<StepKind, string> = {
  hook: 'script hook',
  reserved: 'run by CodeDeploy (no script)',
  workflow: 'platform workflow step',
  launch: 'instance launch',
  terminate: 'instance termination',
  drain: 'taken out of traffic',
  join: 'put into traffic',
  check: 'health checks',
};

/** The label if it fits in `px` (about 5.8 px a character at 10 px), else shortened, else nothing. */
function fit(label: string, px: number): string {
  const n = Math.floor(px / 5.8);
  if (n >= label.length) return label;
  return n >= 6 ? `${label.slice(0, n - 1)}…` : '';
}

function r0(v: number): number {
  return Math.round(v * 1000) / 1000;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
