// Regenerates scenarios/imported/<example>.json from the AWS files in
// scenarios/imported/<example>/, exactly as `deploysim import` reads them, so the
// examples appear in the scenario library. tests/import/roundtrip.test.ts checks the
// files are current; run this after changing an example or the importer, and review.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInputs } from '../src/cli/import-command.ts';
import { importFiles } from '../src/import/import.ts';

const DIR = 'scenarios/imported';
const root = new URL('../', import.meta.url).pathname;
process.chdir(root);
for (const name of readdirSync(DIR).sort()) {
  if (!statSync(join(DIR, name)).isDirectory()) continue;
  const files = await readInputs([`${DIR}/${name}`]);
  if (!Array.isArray(files)) throw new Error(`${files.path}: ${files.why}`);
  const result = importFiles(files);
  if (!result.ok) throw new Error(`${name}: ${result.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n')}`);
  writeFileSync(join(DIR, `${name}.json`), JSON.stringify({ $schema: '../scenario.schema.json', ...result.scenario }, null, 2) + '\n');
  console.log(`wrote ${DIR}/${name}.json`);
}
