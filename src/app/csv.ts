// CSV as RFC 4180 writes it, safe to open in a spreadsheet: a cell with a comma,
// a quote or a line break is quoted (quotes doubled), and a cell that a
// spreadsheet would run as a formula (starting with = + - @, or a tab or carriage
// return before one) is prefixed with ' (OWASP's guard against CSV injection).
// User text (scenario names, versions, step names, reasons) reaches these cells.

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  // Numbers are data the engine wrote, never formulas: -1 stays a number.
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  if (typeof value !== 'number' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV text: CRLF between records (RFC 4180), a header row first. */
export function csvTable(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
