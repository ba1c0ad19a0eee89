// The shipped scenarios, found by Vite at build time: new files under
// scenarios/ appear in the library without code changes. The library carries
// only each file's summary (the `?summary` import: scripts/vite-scenario-summary.ts);
// a file loads, in a small chunk of its own, when it is picked. The default
// scenario is in the entry bundle, so the first draw waits for nothing.
import { groupSummaries, scenarioId, type LibraryEntry, type LibraryGroup, type ScenarioSummary } from '../layout/library.ts';
import defaultJson from '../../scenarios/elastic-beanstalk/rolling-unhealthy-instance.json';

export const DEFAULT_SCENARIO = 'elastic-beanstalk/rolling-unhealthy-instance';

const summaries = import.meta.glob(['/scenarios/**/*.json', '!/scenarios/scenario.schema.json'], {
  eager: true,
  query: '?summary',
  import: 'default',
}) as Record<string, ScenarioSummary>;
// The default is imported above (a lazy import of it would be in the entry bundle anyway).
const files = import.meta.glob(['/scenarios/**/*.json', '!/scenarios/scenario.schema.json', '!/scenarios/elastic-beanstalk/rolling-unhealthy-instance.json'], {
  import: 'default',
}) as Record<
  string,
  () => Promise<unknown>
>;

export const library: LibraryGroup[] = groupSummaries(summaries);
export const entries: LibraryEntry[] = library.flatMap((g) => g.strategies.flatMap((s) => s.entries));

const loaders = new Map(Object.entries(files).map(([path, load]) => [scenarioId(path), load]));
const loaded = new Map<string, unknown>([[DEFAULT_SCENARIO, defaultJson]]);

/** A scenario file already here (the default, or one loaded before), else undefined. */
export function scenarioJson(id: string): unknown {
  return loaded.get(id);
}

/** A library scenario's file; rejects for an id not in the library or a chunk that did not arrive. */
export async function loadScenario(id: string): Promise<unknown> {
  if (loaded.has(id)) return loaded.get(id);
  const load = loaders.get(id);
  if (!load) throw new Error(`There is no scenario "${id}" in the library.`);
  const json = await load();
  loaded.set(id, json);
  return json;
}
