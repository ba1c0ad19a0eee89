// The shipped scenarios, found by Vite at build time: new files under
// scenarios/ appear in the library without code changes. Each file loads, in a
// small chunk of its own, when it is picked; the library's listing (names and
// descriptions) is a chunk of its own too (library-index.ts). Only the default
// scenario is in the entry bundle, so its first draw waits for nothing.
import { scenarioId, type LibraryEntry, type LibraryGroup } from '../layout/library.ts';
import defaultJson from '../../scenarios/elastic-beanstalk/rolling-unhealthy-instance.json';

export const DEFAULT_SCENARIO = 'elastic-beanstalk/rolling-unhealthy-instance';

// The default is imported above (a lazy import of it would be in the entry bundle anyway).
const files = import.meta.glob(['/scenarios/**/*.json', '!/scenarios/scenario.schema.json', '!/scenarios/elastic-beanstalk/rolling-unhealthy-instance.json'], {
  import: 'default',
}) as Record<string, () => Promise<unknown>>;

const loaders = new Map(Object.entries(files).map(([path, load]) => [scenarioId(path), load]));
const loaded = new Map<string, unknown>([[DEFAULT_SCENARIO, defaultJson]]);

/** Whether the library has this scenario (known without loading anything). */
export const hasScenario = (id: string): boolean => loaded.has(id) || loaders.has(id);

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

let listing: Promise<LibraryGroup[]> | undefined;

/** The library grouped by platform and strategy (loaded once). */
export const loadLibrary = (): Promise<LibraryGroup[]> => (listing ??= import('./library-index.ts').then((m) => m.library));

/** Every library entry, in the library's order. */
export const libraryEntries = (groups: LibraryGroup[]): LibraryEntry[] => groups.flatMap((g) => g.strategies.flatMap((s) => s.entries));
