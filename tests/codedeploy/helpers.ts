// Helpers for the CodeDeploy tests: build and run a CodeDeploy scenario.
import { run } from '../helpers.ts';
import type { Trace } from '../../src/trace/types.ts';

export function cd(settings: Record<string, unknown>, extra: Record<string, unknown> = {}): Trace {
  return run({ platform: 'CodeDeploy', codeDeploy: settings, ...extra });
}

/** Span names of one target in one deployment, in order. */
export function names(trace: Trace, target: string, deploymentId = 'd-1'): string[] {
  return trace.spans.filter((s) => s.target === target && s.deploymentId === deploymentId).map((s) => s.name);
}

export function span(trace: Trace, target: string, name: string, deploymentId = 'd-1') {
  const s = trace.spans.find((x) => x.target === target && x.name === name && x.deploymentId === deploymentId);
  if (!s) throw new Error(`no ${name} span on ${target} in ${deploymentId}`);
  return s;
}

export function finalOf(trace: Trace): Record<string, string> {
  return Object.fromEntries(trace.final.targets.map((t) => [t.id, `${t.version}/${t.state}`]));
}
