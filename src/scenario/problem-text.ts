// How problems read when printed, one per line: the CLI and the app's editor show
// them the same way. User text reaches these lines (keys, values, file names), so
// nothing in it may start a new line, reorder the line (bidirectional controls) or
// flood the screen.
import { PROBLEMS_SHOWN, QUOTED_VALUE_CHARS } from './limits.ts';
import { thousands } from './thousands.ts';
import type { Problem } from './validate.ts';

// C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the
// bidirectional embeddings, overrides and isolates.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** User text made safe for one line of a terminal: invisible and line-breaking characters become escapes. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A value as compact JSON for a message, shortened past QUOTED_VALUE_CHARS characters. */
export function quote(value: unknown): string {
  const json = typeof value === 'number' && !Number.isFinite(value) ? String(value) : (JSON.stringify(value) ?? String(value));
  return shorten(json, QUOTED_VALUE_CHARS);
}

/** `<path>: <message>`, the root shown as `/`, a long key in the path shortened. */
export function formatProblem(p: Problem): string {
  const path = p.path ? p.path.split('/').map((token) => shorten(token, QUOTED_VALUE_CHARS)).join('/') : '/';
  return printable(shorten(`${path}: ${p.message}`, LINE_CHARS));
}

/** A backstop: no problem line is longer, whatever it quotes. */
const LINE_CHARS = 1000;

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never cut a surrogate pair in half.
  const end = /[\ud800-\udbff]/.test(text[max - 1]!) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

/** The first `shown` problems, one line each, then how many more there are. */
export function formatProblems(problems: readonly Problem[], shown: number = PROBLEMS_SHOWN): string[] {
  const lines = problems.slice(0, shown).map(formatProblem);
  const more = problems.length - lines.length;
  if (more > 0) lines.push(`… and ${thousands(more)} more problem${more === 1 ? '' : 's'}`);
  return lines;
}
