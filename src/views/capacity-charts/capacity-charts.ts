// Traffic split and in-service capacity per version (Lambda and ECS: traffic
// weights, see chart-kinds.ts), stacked step areas on the timeline's time axis,
// each band named by its version. Paths are drawn once per trace; a frame only
// slides the box that reveals the past (shared/reveal.ts) and the playhead.
import { LitElement, html, type PropertyValues } from 'lit';
import * as d3 from 'd3';
import type { TraceIndex } from '../../layout/frame.ts';
import { axisEnd, capacitySeries, downtimeSpans, minimumHealthyHosts, trafficSeries, type Band, type Series } from '../../layout/series.ts';
import { darkTextOn, versionColor } from '../../layout/palette.ts';
import type { TraceSample } from '../../trace/types.ts';
import { bandLabelAt, chartSpecs, yTicks, type ChartKind, type ChartSpec } from './chart-kinds.ts';
import { formatTime } from '../../layout/time.ts';
import { ResizeController } from '../shared/resize-controller.ts';
import { LABEL_WIDTH, RIGHT_MARGIN, base } from '../shared/tokens.ts';
import { styles } from './capacity-charts.styles.ts';
import { reveal, slideX, revealStyles } from '../shared/reveal.ts';
import { thousands } from '../../scenario/thousands.ts';

const CHART_HEIGHT = 78;

export class CapacityCharts extends LitElement {
  static override styles = [base, revealStyles, styles];
  static override properties = {
    index: { attribute: false },
    t: { type: Number },
  };

  declare index: TraceIndex | undefined;
  declare t: number;

  private size = new ResizeController(this);
  private specs: ChartSpec[] = [];
  private series = new Map<ChartKind, Series>();
  private downtime: { from: number; to: number }[] = [];
  private minimumHealthy: number | undefined;
  private drawnFor: { index: TraceIndex; width: number } | undefined;

  constructor() {
    super();
    this.t = 0;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('index') && this.index) {
      const { trace, versions, duration } = this.index;
      const end = axisEnd(duration);
      this.specs = chartSpecs(trace.scenario, trace.samples);
      this.series = new Map(this.specs.map((spec) => [spec.kind, seriesOf(spec, trace.samples, versions, end)]));
      this.downtime = downtimeSpans(trace.samples, end);
      const min = minimumHealthyHosts(trace.scenario);
      this.minimumHealthy = min && min > 0 ? min : undefined;
    }
  }

  private get width(): number {
    // Without a trace nothing is drawn: the measured width (0 until the first
    // ResizeObserver report) spares the app's first render a forced layout, which
    // was the longest task of a large link's load (issue 10).
    return Math.max(320, this.index ? this.size.effectiveWidth : this.size.width);
  }

  override render() {
    const w = this.width;
    const sample = this.index ? currentSample(this.index, this.t) : undefined;
    const versions = this.index?.versions ?? [];
    const separateTest = this.specs.some((s) => s.kind === 'test');
    return html`
      ${this.specs.map(
        (spec) => html`
          <figure class="chart ${spec.kind}">
            <figcaption>
              <span class="title">${spec.title}</span>
              <span class="now">
                ${versions.map((v) => {
                  const value = sample ? spec.pick(sample)?.[v] : undefined;
                  return value === undefined
                    ? ''
                    : html`<span class="chip"><span class="sw" style="background:${versionColor(versions, v)}"></span>${v} ${thousands(value)}${spec.percent ? '%' : ''}</span>`;
                })}
                ${spec.kind === 'traffic' && sample && Object.keys(sample.traffic).length === 0 && this.t > 0
                  ? html`<span class="down-now">downtime: nothing serving</span>`
                  : ''}
                ${spec.kind === 'capacity' && this.minimumHealthy !== undefined
                  ? html`<span class="min-key"><span class="dash"></span>minimum healthy hosts ${this.minimumHealthy}</span>`
                  : ''}
                ${spec.kind === 'traffic' && !separateTest && sample?.testTraffic && Object.keys(sample.testTraffic).length
                  ? html`<span class="test">test listener: ${Object.entries(sample.testTraffic).map(([v, p]) => `${v} ${p}%`).join(', ')}</span>`
                  : ''}
              </span>
            </figcaption>
            <div class="plot-area" role="img" aria-label=${spec.label} style="width:${w}px;height:${CHART_HEIGHT + 4}px">
              <svg class="base" width=${w} height=${CHART_HEIGHT + 4} aria-hidden="true">
                <rect class="plot" y="4" height=${CHART_HEIGHT - 4}></rect>
                <g class="y"></g>
                <g class="future"></g>
              </svg>
              <div class="reveal" style="top:0;width:${w}px;height:${CHART_HEIGHT + 4}px">
                <svg class="reveal-inner" width=${w} height=${CHART_HEIGHT + 4} aria-hidden="true"><g class="past"><g class="bands"></g><g class="names"></g><g class="notes"></g></g></svg>
              </div>
              <svg class="over" width=${w} height=${CHART_HEIGHT + 4} aria-hidden="true"><g class="rule"></g></svg>
              <div class="playhead" style="height:${CHART_HEIGHT + 2}px"></div>
            </div>
          </figure>
        `,
      )}
    `;
  }

  override updated(): void {
    const index = this.index;
    if (!index || this.series.size === 0) return;
    const w = this.width;
    const end = axisEnd(index.duration);
    const x = d3.scaleLinear().domain([0, end]).range([LABEL_WIDTH, w - RIGHT_MARGIN]);
    const redraw = !this.drawnFor || this.drawnFor.index !== index || this.drawnFor.width !== w;
    for (const spec of this.specs) {
      const kind = spec.kind;
      const area = this.renderRoot.querySelector<HTMLElement>(`figure.${kind} .plot-area`);
      const series = this.series.get(kind);
      if (!area || !series) continue;
      // The chart's layers (under, revealed past, over): one selection reaches them all.
      const svg = d3.select(area);
      // Whole-number ticks for counts (never 0.5 instances); the axis ends on the last tick.
      const ticks = yTicks(Math.max(series.max, kind === 'capacity' ? this.minimumHealthy ?? 0 : 0), spec.percent);
      const y = d3.scaleLinear().domain([0, ticks.at(-1)!]).range([CHART_HEIGHT, 4]);
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
              .tickValues(ticks)
              .tickFormat((d) => (spec.percent ? `${String(d)}%` : thousands(Number(d))))
              .tickSizeOuter(0),
          );
        for (const layer of ['future', 'past'] as const) {
          svg
            .select(layer === 'past' ? 'g.past g.bands' : 'g.future')
            .selectAll<SVGPathElement, Band>('path')
            .data(series.bands, (b) => b.version)
            .join('path')
            .attr('fill', (b) => versionColor(index.versions, b.version))
            .attr('fill-opacity', layer === 'future' ? 0 : 0.85)
            .attr('d', (b) => area(b.points));
        }
        // Each band named inside its largest step where it fits (left-aligned): a version is told by its name, not by colour alone.
        const names = series.bands
          .map((b) => ({ version: b.version, at: bandLabelAt(b.points) }))
          .filter((n) => n.at && y(0) - y(n.at.height) >= 12 && x(n.at.to) - x(n.at.from) >= 8 * n.version.length + 10);
        svg
          .select('g.names')
          .selectAll<SVGTextElement, (typeof names)[number]>('text')
          .data(names, (n) => n.version)
          .join('text')
          .attr('class', (n) => `band-name ${darkTextOn(versionColor(index.versions, n.version)) ? '' : 'on-dark'}`)
          // At the step's start, so the name shows as soon as the playhead reveals the step.
          .attr('x', (n) => x(n.at!.from) + 4)
          .attr('y', (n) => y(n.at!.y) + 4)
          .text((n) => n.version);
        // Nothing serving: hatched and said in words, revealed with the past.
        const down = svg
          .select('g.notes')
          .selectAll<SVGGElement, { from: number; to: number }>('g.downtime')
          .data(kind === 'traffic' ? this.downtime : [])
          .join((enter) => {
            const g = enter.append('g').attr('class', 'downtime');
            g.append('rect').attr('y', 4).attr('height', CHART_HEIGHT - 4);
            g.append('text').attr('y', CHART_HEIGHT / 2 + 4);
            return g;
          });
        down.select('rect').attr('x', (d) => x(d.from)).attr('width', (d) => Math.max(1, x(d.to) - x(d.from)));
        down
          .select('text')
          .attr('x', (d) => (x(d.from) + x(d.to)) / 2)
          .text((d) => (x(d.to) - x(d.from) > 150 ? 'downtime: nothing serving' : x(d.to) - x(d.from) > 60 ? 'downtime' : ''));
        // CodeDeploy's minimum healthy hosts: the floor the rollout keeps (in-place only).
        const rule = svg
          .select('g.rule')
          .selectAll<SVGGElement, number>('g.min-healthy')
          .data(kind === 'capacity' && this.minimumHealthy !== undefined ? [this.minimumHealthy] : [])
          .join((enter) => {
            const g = enter.append('g').attr('class', 'min-healthy');
            g.append('line');
            g.append('text').attr('text-anchor', 'end');
            return g;
          });
        rule.select('line').attr('x1', LABEL_WIDTH).attr('x2', x(end)).attr('y1', (m) => y(m)).attr('y2', (m) => y(m));
        rule.select('text').attr('x', x(end) - 2).attr('y', (m) => y(m) - 3).text((m) => `minimum healthy ${m}`);
      }
      if (redraw) svg.select('rect.plot').attr('x', LABEL_WIDTH).attr('width', Math.max(0, w - RIGHT_MARGIN - LABEL_WIDTH));
      const px = x(Math.min(this.t, index.duration));
      // The past is revealed up to the playhead by sliding its layer's clipping box (shared/reveal.ts):
      // no repaint of its thousands of points. At the end the whole axis shows, tail included:
      // the last instant's change is drawn.
      const revealed = this.t >= index.duration ? x(end) + 1 : px;
      reveal(area.querySelector<HTMLElement>('.reveal')!, area.querySelector('.reveal-inner')!, w, revealed);
      // The playhead is moved by a transform alone (its own compositing layer).
      slideX(area.querySelector<HTMLElement>('.playhead')!, px);
      area.setAttribute('aria-description', `at ${formatTime(this.t)}`);
    }
    this.drawnFor = { index, width: w };
  }
}

function seriesOf(spec: ChartSpec, samples: readonly TraceSample[], versions: readonly string[], end: number): Series {
  if (spec.kind === 'capacity') return capacitySeries(samples, versions, end);
  if (spec.kind === 'traffic') return trafficSeries(samples, versions, end);
  return trafficSeries(samples.map((s) => ({ ...s, traffic: s.testTraffic ?? {} })), versions, end);
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
