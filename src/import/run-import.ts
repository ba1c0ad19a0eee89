// The import as the app runs it: the importer's result as the report the editor's
// import panel shows. Its own module so the app can load the importer (and its YAML
// parser) on first use, keeping it out of the first page load.
import type { ImportReport } from './browser-files.ts';
import { importFiles } from './import.ts';
import type { ImportFile } from './types.ts';

/** Runs the importer; the report lists what the user gave even when nothing could be imported. */
export function runImport(files: readonly ImportFile[]): { report: ImportReport; scenario?: Record<string, unknown> } {
  const r = importFiles(files);
  const names = r.ok ? r.sources : files.map((f) => f.path);
  return { report: { files: names, notes: r.notes, problems: r.ok ? [] : r.problems }, ...(r.ok ? { scenario: r.scenario } : {}) };
}

