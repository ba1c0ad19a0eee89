// Export of the current moment as a standalone SVG for slides: the scenario's
// name, strategy and time, the now line, phase bands, lanes, production traffic
// and in-service capacity, all as they are at the playhead, in fonts readable on
// a projector. Pure: (trace index, t) → SVG text; the PNG is this SVG drawn on a
// canvas in the browser (export-download.ts). Every piece of user text is escaped.
import type { TraceIndex } from '../layout/frame.ts';
import { deploymentsAt } from '../layout/frame.ts';
import { nowLine } from '../layout/now.ts';
import { axisEnd } from '../layout/series.ts';
import { timeTicks } from '../layout/ticks.ts';
import { formatTime } from '../layout/time.ts';
import { versionColor } from '../layout/palette.ts';
import { laneRects, phaseRects, runAreas, xOf, type Rect, type Scale } from '../layout/strip.ts';
import { describeStrategy } from '../metrics/metrics.ts';

export const EXPORT_WIDTH = 1280;
const FONT = `font-family="Inter, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"`;
const MAX_LANES = 24;

/** XML text: & < > " ' escaped, and characters XML 1.0 forbids dropped. */
export function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function rect(r: Rect, withLabel: boolean): string {
  const label = withLabel && r.w > r.label.length * 7 + 8 ? `<text x="${r.x + 4}" y="${r.y + r.h - 5}" font-size="12" fill="#1b2330">${xml(r.label)}</text>` : '';
  return `<rect x="${r.x.toFixed(1)}" y="${r.y}" width="${r.w.toFixed(1)}" height="${r.h}" rx="2" fill="${r.fill}"${r.accent ? ' stroke="#8a2b00" stroke-width="1.5"' : ''}><title>${xml(r.label)}</title></rect>${label}`;
}

/** The moment at t as SVG text, EXPORT_WIDTH wide (height follows the content). */
export function momentSvg(index: TraceIndex, t: number): string {
  const trace = index.trace;
  const width = EXPORT_WIDTH;
  const scale: Scale = { x0: 170, width: width - 170 - 30, end: axisEnd(index.duration) };
  const parts: string[] = [];
  const now = nowLine(index, t);
  const status = deploymentsAt(index, t)
    .filter((d) => d.start <= t)
    .map((d) => `${d.id} ${d.status}`)
    .join(' · ');
  parts.push(`<text x="24" y="38" font-size="24" font-weight="700" fill="#111827">${xml(clip(trace.scenario.name, 90))}</text>`);
  parts.push(`<text x="24" y="66" font-size="16" fill="#374151">${xml(`${describeStrategy(trace)} · ${formatTime(t)} of ${formatTime(index.duration)}${status ? ` · ${status}` : ''}`)}</text>`);
  parts.push(`<text x="24" y="92" font-size="15" fill="#1f2937">${xml(clip(now.text, 150))}</text>`);

  let y = 118;
  // Time axis.
  const ticks = timeTicks(index.duration, scale.width, 90);
  parts.push(`<line x1="${scale.x0}" x2="${scale.x0 + scale.width}" y1="${y}" y2="${y}" stroke="#9ca3af"/>`);
  for (const tick of ticks) {
    const x = xOf(scale, tick);
    parts.push(`<line x1="${x}" x2="${x}" y1="${y - 4}" y2="${y}" stroke="#9ca3af"/><text x="${x}" y="${y - 8}" font-size="13" text-anchor="middle" fill="#4b5563">${formatTime(tick)}</text>`);
  }
  y += 10;
  const top = y;

  const phases = phaseRects(index, t, scale, y, 24);
  if (phases.rows) {
    parts.push(`<text x="24" y="${y + 16}" font-size="14" font-weight="600" fill="#374151">Phases</text>`);
    parts.push(...phases.rects.map((r) => rect(r, true)));
    y += phases.rows * 24 + 8;
  }

  const lanes = laneRects(index, t, scale, y, 20, MAX_LANES);
  for (const lane of lanes.lanes) {
    parts.push(`<text x="24" y="${lane.y + 14}" font-size="13" fill="#374151">${xml(clip(lane.label, 18))}</text>`);
    parts.push(...lane.steps.map((r) => rect(r, false)));
  }
  y += lanes.lanes.length * 20;
  if (lanes.hidden > 0) {
    parts.push(`<text x="24" y="${y + 14}" font-size="13" fill="#6b7280">… and ${lanes.hidden} more targets</text>`);
    y += 20;
  }
  y += 10;

  const areas = runAreas(index, t, scale);
  const chart = (title: string, paths: { color: string; d: string }[], max: string) => {
    parts.push(`<text x="24" y="${y + 16}" font-size="14" font-weight="600" fill="#374151">${title}</text><text x="24" y="${y + 34}" font-size="12" fill="#6b7280">max ${max}</text>`);
    parts.push(`<rect x="${scale.x0}" y="${y}" width="${scale.width}" height="90" fill="#f9fafb" stroke="#e5e7eb"/>`);
    parts.push(...paths.filter((p) => p.d).map((p) => `<path d="${p.d}" fill="${p.color}" fill-opacity="0.85"/>`));
    y += 100;
  };
  chart('Traffic', areas.traffic(y, 90), '100 %');
  const capacity = areas.capacity(y, 90);
  chart('In service', capacity.areas, `${capacity.max}`);

  // Legend: one swatch per version (colour is never the only cue: each has its name).
  let lx = scale.x0;
  for (const v of index.versions) {
    parts.push(`<rect x="${lx}" y="${y}" width="14" height="14" fill="${versionColor(index.versions, v)}"/><text x="${lx + 20}" y="${y + 12}" font-size="14" fill="#111827">${xml(clip(v, 30))}</text>`);
    lx += 40 + Math.min(30, v.length) * 8;
  }
  y += 30;

  // The playhead over everything from the axis down.
  const px = xOf(scale, t);
  parts.push(`<line x1="${px}" x2="${px}" y1="${top - 12}" y2="${y - 34}" stroke="#dc2626" stroke-width="2"/><text x="${px + 4}" y="${top - 14}" font-size="13" font-weight="700" fill="#dc2626">${formatTime(t)}</text>`);
  parts.push(`<text x="24" y="${y + 4}" font-size="12" fill="#6b7280">deploysim · simulated, not measured on AWS</text>`);
  const height = y + 16;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT}><rect width="100%" height="100%" fill="#ffffff"/>${parts.join('')}</svg>`;
}
