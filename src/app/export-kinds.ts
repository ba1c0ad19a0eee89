// What the Export menu offers; the builders load only when one is picked (export-download.ts).
export type ExportKind = 'svg' | 'png' | 'json' | 'spans-csv' | 'samples-csv';

export const EXPORTS: readonly { kind: ExportKind; label: string }[] = [
  { kind: 'svg', label: 'This moment as SVG' },
  { kind: 'png', label: 'This moment as PNG' },
  { kind: 'json', label: 'Trace as JSON' },
  { kind: 'spans-csv', label: 'Spans as CSV' },
  { kind: 'samples-csv', label: 'Samples as CSV' },
];
