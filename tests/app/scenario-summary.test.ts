// The library lists build-time summaries of the shipped scenarios (the app
// loads a file itself only when it is picked): the Vite plugin that makes them.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioSummaries } from '../../scripts/vite-scenario-summary.ts';
import { groupLibrary, groupSummaries } from '../../src/layout/library.ts';

type Load = (this: { addWatchFile(f: string): void }, id: string) => { code: string } | null;
const watched: string[] = [];
const load = (id: string) => (scenarioSummaries().load as unknown as Load).call({ addWatchFile: (f) => watched.push(f) }, id);
const moduleValue = (code: string) => JSON.parse(code.replace(/^export default /, '').replace(/;\s*$/, ''));

describe('scenario summaries (scripts/vite-scenario-summary.ts)', () => {
  it('turns a `?summary` import into what the library lists, and nothing more', () => {
    const file = resolve('scenarios/codedeploy/lambda-canary-10-percent-5-minutes.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    const out = load(`${file}?summary`)!;
    expect(moduleValue(out.code)).toEqual({ name: json.name, description: json.description, platform: 'CodeDeploy', strategy: 'Lambda canary' });
    expect(watched).toContain(file);
  });

  it('leaves every other import to Vite', () => {
    expect(load(resolve('scenarios/elastic-beanstalk/rolling.json'))).toBeNull();
  });

  it('names a file that is not JSON', () => {
    expect(() => load(`${resolve('README.md')}.json?summary`)).toThrow(/README\.md\.json/);
  });

  it('lists every shipped scenario as the whole files would', () => {
    const files: Record<string, unknown> = {};
    const summaries: Record<string, ReturnType<typeof moduleValue>> = {};
    for (const f of readdirSync('scenarios', { recursive: true, encoding: 'utf8' })) {
      if (!f.endsWith('.json') || f.endsWith('schema.json')) continue;
      files[`/scenarios/${f}`] = JSON.parse(readFileSync(join('scenarios', f), 'utf8'));
      summaries[`/scenarios/${f}`] = moduleValue(load(`${resolve('scenarios', f)}?summary`)!.code);
    }
    const fromSummaries = groupSummaries(summaries);
    expect(fromSummaries).toEqual(groupLibrary(files));
    expect(fromSummaries.flatMap((g) => g.strategies.flatMap((s) => s.entries))).toHaveLength(Object.keys(files).length);
  });

  it("orders each strategy's scenarios by name length, then by name as the locale would", () => {
    const files: Record<string, unknown> = {};
    for (const f of readdirSync('scenarios', { recursive: true, encoding: 'utf8' })) {
      if (f.endsWith('.json') && !f.endsWith('schema.json')) files[`/scenarios/${f}`] = JSON.parse(readFileSync(join('scenarios', f), 'utf8'));
    }
    const strategies = groupLibrary(files).flatMap((g) => g.strategies);
    expect(strategies.some((s) => new Set(s.entries.map((e) => e.name.length)).size < s.entries.length)).toBe(true); // ties to break
    for (const s of strategies) {
      const names = s.entries.map((e) => e.name);
      expect(names).toEqual([...names].sort((a, b) => a.length - b.length || a.localeCompare(b)));
    }
  });
});
