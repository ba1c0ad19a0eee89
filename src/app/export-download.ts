// The browser half of export: turns what the pure builders return into files
// the user downloads (an <a download> click), and the moment's SVG into a PNG by
// drawing it on a canvas at twice its size, sharp on a projector.
import type { TraceIndex } from '../layout/frame.ts';
import { momentSvg } from './export-svg.ts';
import { exportFileName, samplesCsv, spansCsv, traceJson } from './export-trace.ts';
import type { ExportKind } from './export-kinds.ts';

export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const size = /width="(\d+)" height="(\d+)"/.exec(svg);
  const width = Number(size?.[1] ?? 1280);
  const height = Number(size?.[2] ?? 720);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be encoded'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The file for one export kind of the trace at t: its name and contents. */
export async function exportFile(kind: ExportKind, index: TraceIndex, t: number): Promise<{ name: string; blob: Blob }> {
  const trace = index.trace;
  const stamp = `at-${Math.floor(t)}s`;
  switch (kind) {
    case 'svg':
      return { name: exportFileName(trace, `${stamp}.svg`), blob: new Blob([momentSvg(index, t)], { type: 'image/svg+xml' }) };
    case 'png':
      return { name: exportFileName(trace, `${stamp}.png`), blob: await svgToPng(momentSvg(index, t)) };
    case 'json':
      return { name: exportFileName(trace, 'trace.json'), blob: new Blob([traceJson(trace)], { type: 'application/json' }) };
    case 'spans-csv':
      return { name: exportFileName(trace, 'spans.csv'), blob: new Blob([spansCsv(trace)], { type: 'text/csv' }) };
    case 'samples-csv':
      return { name: exportFileName(trace, 'samples.csv'), blob: new Blob([samplesCsv(trace)], { type: 'text/csv' }) };
  }
}
