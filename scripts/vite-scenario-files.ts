// A Vite plugin: copies scenarios/**/*.json into the build as plain files
// (dist/scenarios/…), so <deploy-simulator src="scenarios/…json"> and
// embed.html?src=scenarios/…json work on the built site as they do in `npm start`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export function scenarioFiles(dir = 'scenarios'): Plugin {
  return {
    name: 'deploysim-scenario-files',
    apply: 'build',
    generateBundle() {
      for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
        if (!file.endsWith('.json')) continue;
        const path = file.split(/[\\/]/).join('/');
        this.emitFile({ type: 'asset', fileName: `${dir}/${path}`, source: readFileSync(join(dir, file), 'utf8') });
      }
    },
  };
}
