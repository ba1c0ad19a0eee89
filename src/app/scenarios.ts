// The shipped scenarios, found by Vite at build time: new files under
// scenarios/ appear in the library without code changes.
import { groupLibrary, type LibraryEntry, type LibraryGroup } from '../layout/library.ts';

const files = import.meta.glob('/scenarios/**/*.json', { eager: true, import: 'default' }) as Record<string, unknown>;

export const library: LibraryGroup[] = groupLibrary(files);
export const entries: LibraryEntry[] = library.flatMap((g) => g.strategies.flatMap((s) => s.entries));
export const DEFAULT_SCENARIO = 'elastic-beanstalk/rolling-unhealthy-instance';
