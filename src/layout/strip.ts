// Marks of one run on a time axis, as they are at the playhead: phase bands,
// lanes with their steps, and the traffic and in-service step areas, each cut at
// t. Pure geometry shared by the compare view (one strip per strategy, one axis)
// and the slide export (src/app/export-svg.ts), so both draw the same thing.
import { layoutPhases } from './phases.ts';
import { capacitySeries, trafficSeries, type Series } from './series.ts';
import { stepColor, versionColor, FAILED_COLOR } from './palette.ts';
import type { TraceIndex } from './frame.ts';

/** Seconds → pixels: `x0` is where t = 0 is drawn, `width` spans [0, end]. */
export interface Scale {
  x0: number;
  width: number;
  end: number;
}

export const xOf = (s: Scale, t: number): number => s.x0 + (Math.min(Math.max(t, 0), s.end) / s.end) * s.width;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
  fill: string;
  label: string;
  /** Drawn in the rollback or failed style. */
  accent?: boolean;
}

/** Phase bands (batches, waits, traffic shifts, rollbacks) started by t, cut at t; rows of `rowHeight` from `top`. */
export function phaseRects(index: TraceIndex, t: number, scale: Scale, top: number, rowHeight: number): { rects: Rect[]; rows: number } {
  const layout = layoutPhases(index);
  const rects: Rect[] = [];
  for (const b of layout.bands) {
    if (b.phase.start > t) continue;
    const x = xOf(scale, b.phase.start);
    rects.push({
      x,
      y: top + b.row * rowHeight,
      w: Math.max(1, xOf(scale, Math.min(b.phase.end, t)) - x),
      h: rowHeight - 3,
      fill: b.rollback ? '#f4c7b6' : b.phase.kind === 'wait' ? '#e4e7ec' : '#cfe0f3',
      label: b.phase.name,
      accent: b.rollback,
    });
  }
  return { rects, rows: layout.rows };
}

export interface Lane {
  label: string;
  y: number;
  steps: Rect[];
}

/** One lane per target (the first `max`), its steps up to t coloured by lifecycle family, failed ones in the failure colour. */
export function laneRects(index: TraceIndex, t: number, scale: Scale, top: number, laneHeight: number, max: number): { lanes: Lane[]; hidden: number } {
  const lanes: Lane[] = [];
  const count = Math.min(index.targets.length, max);
  for (let i = 0; i < count; i++) {
    const y = top + i * laneHeight;
    const steps: Rect[] = [];
    for (const s of index.runningByTarget[i]!) {
      if (s.start > t) break;
      const x = xOf(scale, s.start);
      const failed = s.status === 'Failed' && s.end <= t;
      steps.push({ x, y, w: Math.max(1, xOf(scale, Math.min(s.end, t)) - x), h: laneHeight - 3, fill: failed ? FAILED_COLOR : stepColor(s.name), label: s.name, accent: failed });
    }
    lanes.push({ label: index.targets[i]!.id, y, steps });
  }
  return { lanes, hidden: index.targets.length - count };
}

export interface Area {
  version: string;
  color: string;
  /** SVG path data of the stacked step band, cut at t. */
  d: string;
}

/** Stacked step bands of a series from `top` (value max) to `top + height` (0), cut at t. */
export function areaPaths(series: Series, versions: readonly string[], t: number, scale: Scale, top: number, height: number, max = series.max || 1): Area[] {
  const yOf = (v: number) => top + height - (v / max) * height;
  const f = (n: number) => Math.round(n * 10) / 10;
  return series.bands.map((band) => {
    const pts = band.points.filter((p) => p.t <= t);
    if (pts.length === 0) return { version: band.version, color: versionColor(versions, band.version), d: '' };
    const last = pts[pts.length - 1]!;
    const tail = { ...last, t: Math.min(t, scale.end) };
    const all = [...pts, tail];
    let upper = `M${f(xOf(scale, all[0]!.t))},${f(yOf(all[0]!.y1))}`;
    for (let k = 1; k < all.length; k++) upper += `H${f(xOf(scale, all[k]!.t))}V${f(yOf(all[k]!.y1))}`;
    let lower = '';
    // Value k holds over [t_k, t_k+1]: walk back along the bottom edge step by step.
    for (let k = all.length - 1; k > 0; k--) lower += `V${f(yOf(all[k - 1]!.y0))}H${f(xOf(scale, all[k - 1]!.t))}`;
    lower += 'Z';
    return { version: band.version, color: versionColor(versions, band.version), d: upper + lower };
  });
}

/** Traffic (percent) and in-service (targets) areas of a run, cut at t. */
export function runAreas(index: TraceIndex, t: number, scale: Scale) {
  const samples = index.trace.samples;
  return {
    traffic: (top: number, height: number) => areaPaths(trafficSeries(samples, index.versions, scale.end), index.versions, t, scale, top, height),
    /** `max`: the value drawn at full height; several runs share one so their heights compare. */
    capacity: (top: number, height: number, max = capacityMax(index)) => {
      const series = capacitySeries(samples, index.versions, scale.end);
      return { areas: areaPaths(series, index.versions, t, scale, top, height, max || 1), max };
    },
  };
}

/** The most targets in service at any sample of the run (the fleet before the deployment included). */
export function capacityMax(index: TraceIndex): number {
  let max = 0;
  for (const s of index.trace.samples) {
    let n = 0;
    for (const v of Object.values(s.inService)) n += v;
    max = Math.max(max, n);
  }
  return max;
}

/**
 * A strategy label in at most two lines of `max` characters, broken where a new
 * word starts in AWS's CamelCase ("LambdaCanary10Percent" / "5Minutes"), so
 * labels that differ only at the end stay apart; a second line still too long
 * is cut with an ellipsis.
 */
export function wrapLabel(label: string, max: number): string[] {
  if (label.length <= max) return [label];
  let cut = -1;
  for (let i = 1; i <= Math.min(max, label.length - 1); i++) {
    const prev = label[i - 1]!;
    const ch = label[i]!;
    const boundary = ch === ' ' || /[A-Z]/.test(ch) && /[a-z]/.test(prev) || /[0-9]/.test(ch) && /[A-Za-z]/.test(prev);
    if (boundary) cut = i;
  }
  if (cut <= 0) cut = max;
  const second = label.slice(cut).trimStart();
  return [label.slice(0, cut).trimEnd(), second.length > max ? `${second.slice(0, max - 1)}…` : second];
}
