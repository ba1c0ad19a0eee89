// Checks that need no schema, run on parsed JSON before Ajv: nesting depth (Ajv
// and every other check recurse, so a deeply nested document would overflow the
// stack) and numbers JSON.parse turned into Infinity (`1e309`), which Ajv accepts.
// Iterative on purpose: it must survive any depth JSON.parse does.
import { LIMITS } from './limits.ts';
import { escapeToken } from './pointer.ts';
import type { Problem } from './validate.ts';

export interface Preflight {
  problems: Problem[];
  /** Some value is nested deeper than LIMITS.depth: no other check may run. */
  tooDeep: boolean;
}

interface Node {
  value: unknown;
  key: string | number;
  parent: Node | undefined;
  depth: number;
}

export function preflight(data: unknown, maxDepth: number = LIMITS.depth): Preflight {
  const problems: Problem[] = [];
  let tooDeep = false;
  // A stack of nodes, each knowing its parent, so a path is built only when reported.
  const stack: Node[] = [{ value: data, key: '', parent: undefined, depth: 0 }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const { value } = node;
    if (typeof value === 'number' && !Number.isFinite(value)) {
      problems.push({ path: pathOf(node), message: `must be a finite number (got a number too large to represent: ${value})` });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (node.depth >= maxDepth) {
      tooDeep = true;
      problems.push({ path: pathOf(node), message: `is nested too deeply: a scenario may nest lists and objects at most ${maxDepth} levels deep` });
      continue;
    }
    // Pushed in reverse so problems come out in document order.
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      stack.push({ value: child, key, parent: node, depth: node.depth + 1 });
    }
  }
  return { problems, tooDeep };
}

function pathOf(node: Node): string {
  const tokens: string[] = [];
  for (let n: Node | undefined = node; n?.parent !== undefined; n = n.parent) tokens.push(escapeToken(n.key));
  return tokens.reverse().map((t) => `/${t}`).join('');
}
