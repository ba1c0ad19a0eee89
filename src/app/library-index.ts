// The library's listing: every shipped scenario's summary (name, description,
// platform, strategy; the `?summary` import of scripts/vite-scenario-summary.ts),
// found by Vite at build time, so new files under scenarios/ appear without code
// changes. A chunk of its own that the app starts loading at once but does not
// wait for: the first draw needs only the scenario it shows (src/app/scenarios.ts).
import { groupSummaries, type LibraryGroup, type ScenarioSummary } from '../layout/library.ts';

const summaries = import.meta.glob(['/scenarios/**/*.json', '!/scenarios/scenario.schema.json'], {
  eager: true,
  query: '?summary',
  import: 'default',
}) as Record<string, ScenarioSummary>;

export const library: LibraryGroup[] = groupSummaries(summaries);
