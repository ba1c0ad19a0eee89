// A Vite plugin: `/scenarios/….json?summary` loads as the JSON of what the
// library lists (name, description, platform, strategy: summarize() in
// src/layout/library.ts), not the whole file. src/app/scenarios.ts imports
// every file this way (import.meta.glob, so new files appear without code
// changes) and the whole file only when it is picked, which keeps the ~95
// scenarios out of the app's first load (issue 10). Vite's own JSON plugin
// turns the text returned here into a module, as it does for any .json file.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { summarize } from '../src/layout/library.ts';

const SUMMARY = /\.json\?summary$/;

export function scenarioSummaries(): Plugin {
  return {
    name: 'deploysim-scenario-summary',
    enforce: 'pre',
    load(id) {
      if (!SUMMARY.test(id)) return null;
      const file = id.replace(/\?summary$/, '');
      this.addWatchFile(file);
      const text = readFileSync(file, 'utf8');
      try {
        return { code: `export default ${JSON.stringify(summarize(JSON.parse(text)))};\n`, moduleType: 'js' };
      } catch (e) {
        // As the whole file's import would: the build stops, naming the file.
        throw new Error(`${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
  };
}
