// Shared test helpers: build a scenario from a partial object, validate it, simulate it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { simulate } from '../src/engine/simulate.ts';
import { formatProblem, validateScenario } from '../src/scenario/validate.ts';
import type { Scenario } from '../src/scenario/types.ts';
import type { Trace } from '../src/trace/types.ts';

export function scenario(raw: Record<string, unknown>): Scenario {
  const v = validateScenario({ name: 'test', ...raw });
  if (!v.ok) throw new Error(`invalid test scenario:\n${v.problems.map(formatProblem).join('\n')}`);
  return v.scenario;
}

export function run(raw: Record<string, unknown>): Trace {
  return simulate(scenario(raw));
}

export function eb(settings: Record<string, unknown>, extra: Record<string, unknown> = {}): Trace {
  return run({ platform: 'ElasticBeanstalk', elasticBeanstalk: settings, ...extra });
}

/** Problems reported for an invalid scenario, as "path: message" lines. */
export function problems(raw: Record<string, unknown>): string[] {
  const v = validateScenario(raw);
  return v.ok ? [] : v.problems.map(formatProblem);
}

export const SCENARIO_DIR = new URL('../scenarios/', import.meta.url).pathname;

/** Every shipped scenario file, relative to scenarios/. */
export function shippedScenarios(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(SCENARIO_DIR, dir)).sort()) {
      const rel = dir ? `${dir}/${name}` : name;
      if (statSync(join(SCENARIO_DIR, rel)).isDirectory()) walk(rel);
      else if (name.endsWith('.json') && name !== 'scenario.schema.json') out.push(rel);
    }
  };
  walk('');
  return out;
}

export function readScenario(rel: string): unknown {
  return JSON.parse(readFileSync(join(SCENARIO_DIR, rel), 'utf8'));
}

/** Spans of one target, in order. */
export function spansOf(trace: Trace, target: string) {
  return trace.spans.filter((s) => s.target === target);
}

/** The fewest and most in-service targets over the whole run. */
export function capacityRange(trace: Trace): { min: number; max: number } {
  const totals = trace.samples.map((s) => Object.values(s.inService).reduce((a, b) => a + b, 0));
  return { min: Math.min(...totals), max: Math.max(...totals) };
}
