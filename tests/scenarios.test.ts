// Every shipped scenario validates, simulates, is deterministic, and matches its reviewed golden trace.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EB_POLICIES } from '../src/aws/eb-facts.ts';
import { simulate } from '../src/engine/simulate.ts';
import { scenarioSchema } from '../src/scenario/schema.ts';
import { formatProblem, validateScenario } from '../src/scenario/validate.ts';
import { checkTrace } from '../src/trace/check.ts';
import { GOLDEN_DIR, goldenText } from './golden.ts';
import { readScenario, SCENARIO_DIR, shippedScenarios } from './helpers.ts';

const files = shippedScenarios();

describe.each(files)('%s', (rel) => {
  const raw = readScenario(rel) as Record<string, unknown>;
  const v = validateScenario(raw);

  it('validates, names its schema and says what to watch for', () => {
    expect(v.ok ? [] : v.problems.map(formatProblem)).toEqual([]);
    expect(raw.$schema).toMatch(/scenario\.schema\.json$/);
    expect(String(raw.description ?? '').length).toBeGreaterThan(40);
  });

  it('simulates deterministically and matches its golden trace', () => {
    if (!v.ok) return;
    const text = goldenText(simulate(v.scenario));
    expect(goldenText(simulate(v.scenario))).toBe(text);
    const golden = join(GOLDEN_DIR, rel);
    expect(existsSync(golden), `no golden trace for ${rel}: run npm run golden and review it`).toBe(true);
    expect(text).toBe(readFileSync(golden, 'utf8'));
  });

  it('holds together: replaying its changes gives the final state, phases nest in their deployment, traffic sums to 100', () => {
    if (!v.ok) return;
    expect(checkTrace(simulate(v.scenario))).toEqual([]);
  });
});

describe('the scenario library', () => {
  const ebScenarios = files
    .map((rel) => readScenario(rel) as { platform: string; elasticBeanstalk?: { DeploymentPolicy?: string }; faults?: unknown[] })
    .filter((s) => s.platform === 'ElasticBeanstalk');

  it.each(EB_POLICIES)('has a success and a failure scenario for %s', (policy) => {
    const mine = ebScenarios.filter((s) => (s.elasticBeanstalk?.DeploymentPolicy ?? 'AllAtOnce') === policy);
    expect(mine.some((s) => !s.faults?.length)).toBe(true);
    expect(mine.some((s) => (s.faults?.length ?? 0) > 0)).toBe(true);
  });

  it('publishes the current JSON Schema', () => {
    const published = JSON.parse(readFileSync(join(SCENARIO_DIR, 'scenario.schema.json'), 'utf8'));
    expect(published, 'scenarios/scenario.schema.json is stale: run npm run schema').toEqual(scenarioSchema);
  });
});
