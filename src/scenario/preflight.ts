// Checks that need no schema, run on parsed JSON before Ajv: nesting depth (Ajv
// and every other check recurse, so a deeply nested document would overflow the
// stack), the number of values (Ajv reports every bad one, so millions of them
// would exhaust memory), and numbers JSON.parse turned into Infinity (`1e309`),
// which Ajv accepts.
// Iterative on purpose: it must survive any depth JSON.parse does. It keeps one
// frame per open list or object, never one per value, so a file of millions of
// numbers costs no more memory than its parsed data.
import { LIMITS } from './limits.ts';
import { escapeToken } from './pointer.ts';
import { thousands } from './thousands.ts';
import type { Problem } from './validate.ts';

export interface Preflight {
  problems: Problem[];
  /** Too deep or too many values: no other check may run. */
  halt: boolean;
}

/** An open list or object: where it is, and which of its children comes next. */
interface Frame {
  value: object;
  keys: string[] | undefined; // undefined for a list
  next: number;
  depth: number;
  parent: Frame | undefined;
  key: string | number; // in the parent
}

export function preflight(data: unknown, maxDepth: number = LIMITS.depth, maxValues: number = LIMITS.values): Preflight {
  const problems: Problem[] = [];
  let halt = false;
  let values = 0;
  const stack: Frame[] = [];

  const visit = (value: unknown, parent: Frame | undefined, key: string | number): void => {
    const depth = parent ? parent.depth + 1 : 0;
    if (++values > maxValues) {
      halt = true;
      problems.push({ path: '', message: `holds more than ${thousands(maxValues)} values (numbers, strings, lists, objects, …); a scenario needs a few thousand` });
      stack.length = 0; // stop walking
    } else if (typeof value === 'number' && !Number.isFinite(value)) {
      problems.push({ path: pathOf(parent, key), message: `must be a finite number (got a number too large to represent: ${value})` });
    } else if (typeof value === 'object' && value !== null) {
      if (depth >= maxDepth) {
        halt = true;
        problems.push({ path: pathOf(parent, key), message: `is nested too deeply: a scenario may nest lists and objects at most ${maxDepth} levels deep` });
      } else {
        stack.push({ value, keys: Array.isArray(value) ? undefined : Object.keys(value), next: 0, depth, parent, key });
      }
    }
  };

  visit(data, undefined, '');
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const size = top.keys ? top.keys.length : (top.value as unknown[]).length;
    if (top.next >= size) {
      stack.pop();
      continue;
    }
    const i = top.next++;
    const key = top.keys ? top.keys[i]! : i;
    visit((top.value as Record<string | number, unknown>)[key], top, key);
  }
  return { problems, halt };
}

/** The JSON Pointer of `key` inside `parent`; built only when a problem is reported. */
function pathOf(parent: Frame | undefined, key: string | number): string {
  if (parent === undefined) return '';
  const tokens = [escapeToken(key)];
  for (let f: Frame | undefined = parent; f?.parent !== undefined; f = f.parent) tokens.push(escapeToken(f.key));
  return tokens.reverse().map((t) => `/${t}`).join('');
}
