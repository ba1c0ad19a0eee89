// Traffic split and in-service capacity per version, stacked step areas on the
// timeline's time axis. Paths are drawn once per trace; a frame only moves the
// clip that reveals the past and the playhead.
import { LitElement, html, type PropertyValues } from 'lit';
import * as d3 from 'd3';
import type { TraceIndex } from '../../layout/frame.ts';
import { capacitySeries, trafficSeries, type Band, type Series } from '../../layout/series.ts';
import { versionColor } from '../../layout/palette.ts';
import { formatTime } from '../../layout/time.ts';
import { ResizeController } from '../shared/resize-controller.ts';
import { LABEL_WIDTH, RIGHT_MARGIN, base } from '../shared/tokens.ts';
import { styles } from './capacity-charts.styles.ts';

const CHART_HEIGHT = 78;
let clipCounter = 0;

export class CapacityCharts extends LitElement {
  static override styles = [base, styles];
  static override properties = {
    index: { attribute: false },
    t: { type: Number },
  };

  declare index: TraceIndex | undefined;
  declare t: number;

  private size = new ResizeController(this);
  private traffic: Series | undefined;
  private capacity: Series | undefined;
  private drawnFor: { index: TraceIndex; width: number } | undefined;
  private clipId = `clip-${++clipCounter}`;

  constructor() {
    super();
    this.t = 0;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('index') && this.index) {
      const { trace, versions, duration } = this.index;
      this.traffic = trafficSeries(trace.samples, versions, duration);
      this.capacity = capacitySeries(trace.samples, versions, duration);
    }
  }

  private get width(): number {
    return Math.max(320, this.size.effectiveWidth);
  }

  override render() {
    const w = this.width;
    const sample = this.index ? currentSample(this.index, this.t) : undefined;
    const versions = this.index?.versions ?? [];
    return html`
      ${(['traffic', 'capacity'] as const).map(
        (kind) => html`
          <figure class="chart ${kind}">
            <figcaption>
              <span class="title">${kind === 'traffic' ? 'Production traffic' : 'In service'}</span>
              <span class="now">
                ${versions.map((v) => {
                  const value = sample ? (kind === 'traffic' ? sample.traffic[v] : sample.inService[v]) : undefined;
                  return value === undefined
                    ? ''
                    : html`<span class="chip"><span class="sw" style="background:${versionColor(versions, v)}"></span>${v} ${value}${kind === 'traffic' ? '%' : ''}</span>`;
                })}
                ${kind === 'traffic' && sample?.testTraffic && Object.keys(sample.testTraffic).length
                  ? html`<span class="test">test listener: ${Object.entries(sample.testTraffic).map(([v, p]) => `${v} ${p}%`).join(', ')}</span>`
                  : ''}
              </span>
            </figcaption>
            <svg width=${w} height=${CHART_HEIGHT + 4} role="img"
                 aria-label=${kind === 'traffic' ? 'Production traffic per version over time' : 'Targets in service per version over time'}>
              <defs><clipPath id="${this.clipId}-${kind}"><rect class="reveal" x="0" y="0" height=${CHART_HEIGHT + 4}></rect></clipPath></defs>
              <rect class="plot" y="4" height=${CHART_HEIGHT - 4}></rect>
              <g class="y"></g>
              <g class="future"></g>
              <g class="past" clip-path="url(#${this.clipId}-${kind})"></g>
              <line class="playhead"></line>
            </svg>
          </figure>
        `,
      )}
    `;
  }

  override updated(): void {
    const index = this.index;
    if (!index || !this.traffic || !this.capacity) return;
    const w = this.width;
    const x = d3.scaleLinear().domain([0, Math.max(1, index.duration)]).range([LABEL_WIDTH, w - RIGHT_MARGIN]);
    const redraw = !this.drawnFor || this.drawnFor.index !== index || this.drawnFor.width !== w;
    for (const kind of ['traffic', 'capacity'] as const) {
      const svgEl = this.renderRoot.querySelector<SVGSVGElement>(`figure.${kind} svg`);
      if (!svgEl) continue;
      const svg = d3.select(svgEl);
      const series = kind === 'traffic' ? this.traffic : this.capacity;
      const y = d3.scaleLinear().domain([0, Math.max(1, series.max)]).range([CHART_HEIGHT, 4]).nice();
      if (redraw) {
        const area = d3
          .area<Band['points'][number]>()
          .curve(d3.curveStepAfter)
          .x((p) => x(p.t))
          .y0((p) => y(p.y0))
          .y1((p) => y(p.y1));
        svg
          .select<SVGGElement>('g.y')
          .attr('transform', `translate(${LABEL_WIDTH - 4},0)`)
          .call(
            d3
              .axisLeft(y)
              .ticks(3)
              .tickFormat((d) => (kind === 'traffic' ? `${d}%` : String(d)))
              .tickSizeOuter(0),
          );
        for (const layer of ['future', 'past'] as const) {
          svg
            .select(`g.${layer}`)
            .selectAll<SVGPathElement, Band>('path')
            .data(series.bands, (b) => b.version)
            .join('path')
            .attr('fill', (b) => versionColor(index.versions, b.version))
            .attr('fill-opacity', layer === 'future' ? 0 : 0.85)
            .attr('d', (b) => area(b.points));
        }
      }
      svg.select('rect.plot').attr('x', LABEL_WIDTH).attr('width', Math.max(0, w - RIGHT_MARGIN - LABEL_WIDTH));
      const px = x(Math.min(this.t, index.duration));
      svg.select('rect.reveal').attr('width', px);
      svg.select('line.playhead').attr('x1', px).attr('x2', px).attr('y1', 0).attr('y2', CHART_HEIGHT + 2);
      svg.attr('aria-description', `at ${formatTime(this.t)}`);
    }
    this.drawnFor = { index, width: w };
  }
}

function currentSample(index: TraceIndex, t: number) {
  const s = index.trace.samples;
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s[mid]!.t <= t) lo = mid + 1;
    else hi = mid;
  }
  return s[Math.max(0, lo - 1)];
}
