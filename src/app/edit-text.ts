// Keeps the scenario text as the user wrote it when the app changes the faults
// (an injection, a removal): only the "faults" member is rewritten, in the
// text's own indentation, instead of re-serialising the whole scenario; the
// members' places come from src/scenario/json-text.ts.
import { jsonObjectOutline } from '../scenario/json-text.ts';
import type { Fault } from '../scenario/types.ts';

/** The text's indent unit: a tab, or the smallest run of leading spaces. */
function unitOf(text: string): string {
  if (/^\t/m.test(text)) return '\t';
  const widths = [...text.matchAll(/^( +)\S/gm)].map((m) => m[1]!.length);
  return ' '.repeat(widths.length ? Math.min(...widths) : 2);
}

/** Leading whitespace of the line holding `offset`. */
function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/**
 * `text` with its faults replaced by `faults`; falls back to `fallback()` when
 * the text does not read back as `expected` (the text shown and the simulated
 * scenario never disagree).
 */
export function textWithFaults(text: string, faults: Fault[], expected: unknown, fallback: () => string): string {
  try {
    const root = jsonObjectOutline(text);
    if (!root) return fallback();
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const unit = unitOf(text);
    const value = (indent: string) => JSON.stringify(faults, null, unit).split('\n').join(eol + indent);
    // The last one, as JSON.parse reads a repeated key.
    const existing = root.members.filter((m) => m.key === 'faults').at(-1);
    let edited: string;
    if (existing) {
      const indent = lineIndent(text, existing.offset);
      edited = text.slice(0, existing.valueOffset) + value(indent) + text.slice(existing.valueOffset + existing.valueLength);
    } else {
      const last = root.members.at(-1);
      if (!last) return fallback();
      const indent = lineIndent(text, last.offset);
      const multiline = text.slice(root.offset, last.offset).includes('\n');
      const end = last.valueOffset + last.valueLength;
      edited = `${text.slice(0, end)},${multiline ? `${eol}${indent}"faults": ${value(indent)}` : ` "faults": ${JSON.stringify(faults)}`}${text.slice(end)}`;
    }
    return JSON.stringify(JSON.parse(edited)) === JSON.stringify(expected) ? edited : fallback();
  } catch {
    return fallback();
  }
}
