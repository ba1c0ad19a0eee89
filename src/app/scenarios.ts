// The shipped scenarios, found by Vite at build time: new files under
// scenarios/ appear in the library without code changes. Each file loads, in a
// small chunk of its own, when it is picked; so do the map of those loaders
// (scenario-files.ts) and the library's listing (names and descriptions,
// library-index.ts). Only the default scenario is in the entry bundle, so its
// first draw waits for nothing.
import type { LibraryEntry, LibraryGroup } from '../layout/library.ts';
import defaultJson from '../../scenarios/elastic-beanstalk/rolling-unhealthy-instance.json';

export const DEFAULT_SCENARIO = 'elastic-beanstalk/rolling-unhealthy-instance';

const loaded = new Map<string, unknown>([[DEFAULT_SCENARIO, defaultJson]]);

let files: Promise<typeof import('./scenario-files.ts')> | undefined;
const scenarioFiles = () => (files ??= import('./scenario-files.ts'));

/** The library has no scenario of this id (loadScenario rejects with it). */
export class NoSuchScenario extends Error {
  constructor(readonly id: string) {
    super(`There is no scenario "${id}" in the library`);
  }
}

/** A scenario file already here (the default, or one loaded before), else undefined. */
export function scenarioJson(id: string): unknown {
  return loaded.get(id);
}

/** A library scenario's file; rejects (NoSuchScenario) for an id not in the library, or when a chunk did not arrive. */
export async function loadScenario(id: string): Promise<unknown> {
  if (loaded.has(id)) return loaded.get(id);
  const load = (await scenarioFiles()).loaders.get(id);
  if (!load) throw new NoSuchScenario(id);
  const json = await load();
  loaded.set(id, json);
  return json;
}

let listing: Promise<LibraryGroup[]> | undefined;

/** The library grouped by platform and strategy (loaded once). */
export const loadLibrary = (): Promise<LibraryGroup[]> => (listing ??= import('./library-index.ts').then((m) => m.library));

/** Every library entry, in the library's order. */
export const libraryEntries = (groups: LibraryGroup[]): LibraryEntry[] => groups.flatMap((g) => g.strategies.flatMap((s) => s.entries));
