// The shipped scenario files other than the default, found by Vite at build time (new
// files under scenarios/ appear in the library without code changes), each loading in
// a small chunk of its own when picked. This map of their loaders is a chunk of its
// own too, asked for when a scenario other than the default is first wanted: its
// hundred entries were 2.3 kB of the bundle before the first draw (issue 10: at most
// 150 kB gzipped).
import { scenarioId } from '../layout/library.ts';

// The default is in the entry bundle (src/app/scenarios.ts), so it is left out here.
const files = import.meta.glob(['/scenarios/**/*.json', '!/scenarios/scenario.schema.json', '!/scenarios/elastic-beanstalk/rolling-unhealthy-instance.json'], {
  import: 'default',
}) as Record<string, () => Promise<unknown>>;

/** Each library scenario's loader by id. */
export const loaders: ReadonlyMap<string, () => Promise<unknown>> = new Map(Object.entries(files).map(([path, load]) => [scenarioId(path), load]));
