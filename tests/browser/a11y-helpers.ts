// axe-core in the real browser: runs the serious and critical checks over the
// whole document (open shadow roots included) and describes each violation, so
// a failing test names every rule, its impact and the element it found.
import axe from 'axe-core';

export interface Violation { id: string; impact: string; help: string; targets: string[]; html: string[] }

export async function seriousViolations(root: Document | Element = document): Promise<Violation[]> {
  const result = await axe.run(root, { resultTypes: ['violations'] });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)), html: v.nodes.map((n) => n.html.slice(0, 160)) }));
}

/** One line per violation and element: "id (impact): help — target". */
export function describeViolations(violations: Violation[]): string {
  return violations.flatMap((v) => v.targets.map((t, i) => `${v.id} (${v.impact}): ${v.help} — ${t} ${v.html[i]}`)).join('\n');
}
