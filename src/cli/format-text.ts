// The CLI's readable report of a trace: a header, the outcome, the deployments,
// a timeline of events (runs of alike events at one moment folded together unless
// verbose), and the final state of the fleet and its traffic.
import { printable } from '../scenario/problem-text.ts';
import type { Trace, TracePhase } from '../trace/types.ts';
import { alsoText, foldEvents } from '../layout/event-groups.ts';
import { thousands } from '../scenario/thousands.ts';

export function formatTrace(trace: Trace, options: { verbose?: boolean } = {}): string {
  const s = trace.scenario;
  const lines: string[] = [];
  lines.push(printable(s.name));
  lines.push(describeSetup(trace));
  if (s.description) lines.push('', wrap(s.description, 78, ''));
  lines.push('', `Outcome: ${trace.outcome} after ${clock(trace.durationSeconds)} (${thousands(trace.durationSeconds)} s of simulated time)`);
  for (const d of trace.deployments) {
    lines.push(`  ${d.id}  ${d.revision}  created by ${d.creator}  ${d.status}  ${clock(d.start)} → ${clock(d.end)}`);
  }
  if (trace.phases.length > 0) {
    lines.push('', 'Phases:');
    lines.push(...formatPhases(trace.phases, options.verbose ?? false));
  }
  if (s.faults.length > 0) {
    lines.push('', 'Injected faults:');
    for (const f of s.faults) lines.push(`  ${JSON.stringify(f)}`);
  }
  lines.push('', 'Timeline:');
  for (const group of foldEvents(trace.events, options.verbose ?? false)) {
    const [first] = group;
    const also = alsoText(group.length - 1, (k) => group[k + 1]!.target!);
    const more = also ? ` ${also}` : '';
    lines.push(clock(first!.t).padStart(8) + '  ' + wrap(`${first!.message}${more}`, 88, ' '.repeat(10)));
  }
  lines.push('', 'Final state:');
  const rows = new Map<string, string[]>();
  for (const t of trace.final.targets) {
    const key = `${(t.version || '—').padEnd(8)} ${t.state.padEnd(13)} ${t.state === 'Terminated' ? '         ' : t.healthy ? 'healthy  ' : 'unhealthy'}`;
    rows.set(key, [...(rows.get(key) ?? []), t.id]);
  }
  for (const [key, ids] of rows) lines.push(`  ${key} ${thousands(ids.length)} × ${ids.length <= 10 ? ids.join(', ') : `${ids.slice(0, 5).join(', ')} … ${ids[ids.length - 1]}`}`);
  const traffic = Object.entries(trace.final.traffic);
  lines.push(`  Production traffic: ${traffic.length === 0 ? 'nothing serves' : traffic.map(([v, p]) => `${v} ${p}%`).join(', ')}`);
  // Scenario text (labels, ids, descriptions) reaches the terminal: no control or bidi characters.
  return lines.map((l) => l.split('\n').map(printable).join('\n')).join('\n') + '\n';
}

const PHASE_LINES = 40;

/** Phases in time order, nested phases indented under the phase that holds them. */
function formatPhases(phases: readonly TracePhase[], verbose: boolean): string[] {
  const sorted = phases.slice().sort((a, b) => a.start - b.start || b.end - a.end);
  const open: TracePhase[] = [];
  const lines: string[] = [];
  for (const p of sorted) {
    while (open.length > 0 && !(p.start >= open[open.length - 1]!.start && p.end <= open[open.length - 1]!.end && p.deploymentId === open[open.length - 1]!.deploymentId)) open.pop();
    const when = `${clock(p.start)} → ${clock(p.end)}`.padStart(17);
    const targets = p.targets && p.targets.length > 0 ? ` (${p.targets.length <= 4 ? p.targets.join(', ') : `${p.targets[0]} … ${p.targets[p.targets.length - 1]}, ${thousands(p.targets.length)} targets`})` : '';
    const deadline = p.deadline !== undefined ? `, gives up at ${clock(p.deadline)}` : '';
    lines.push(`${when}  ${p.deploymentId}  ${'  '.repeat(open.length)}${p.name}${targets} [${p.kind}${deadline}]`);
    open.push(p);
  }
  if (verbose || lines.length <= PHASE_LINES) return lines;
  return [...lines.slice(0, PHASE_LINES), `  … and ${lines.length - PHASE_LINES} more phases (--verbose lists them all)`];
}

function describeSetup(trace: Trace): string {
  const s = trace.scenario;
  const { from, to } = s.versions;
  if (s.elasticBeanstalk) {
    const eb = s.elasticBeanstalk;
    return `Elastic Beanstalk · ${eb.DeploymentPolicy} · ${eb.environmentType} · ${thousands(eb.instances)} instance${eb.instances === 1 ? '' : 's'} · ${from} → ${to}`;
  }
  const cd = s.codeDeploy!;
  return `CodeDeploy · ${cd.computePlatform} · ${cd.deploymentType} · ${cd.deploymentConfigName} · ${from} → ${to}`;
}

/** Simulated seconds as h:mm:ss or m:ss. */
export function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

function wrap(text: string, width: number, indent: string): string {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      out.push(line);
      line = indent + word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out.join('\n');
}
