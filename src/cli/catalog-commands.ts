// `deploysim machines` and `deploysim rules`: the engine's statecharts and the
// AWS rules catalogue, as JSON for views and tools, or as a readable list.
import { allMachines } from '../engine/machine-catalog.ts';
import { rulesCatalogue } from '../aws/rules.ts';

export function machinesOutput(json: boolean): string {
  const machines = allMachines();
  if (json) return JSON.stringify({ machines }) + '\n';
  const lines: string[] = [];
  for (const m of machines) {
    lines.push(`${m.id} (${m.kind}) — ${m.description}`);
    for (const s of m.states) {
      const out = m.transitions.filter((t) => t.source === s.id);
      const marks = [s.id === m.initial ? 'initial' : '', s.type === 'final' ? `final${s.status ? `: ${s.status}` : ''}` : ''].filter(Boolean).join(', ');
      lines.push(`  ${s.id}${marks ? ` [${marks}]` : ''}`);
      for (const t of out) lines.push(`      ${t.event}${t.guard ? ` [${t.guard}]` : ''} → ${t.target}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function rulesOutput(json: boolean): string {
  const rules = rulesCatalogue();
  if (json) return JSON.stringify({ rules }) + '\n';
  return rules.map((r) => `${r.id}\n  ${r.text}\n  Source: ${r.source}\n`).join('\n');
}
