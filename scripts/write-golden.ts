// Regenerates tests/golden/<scenario>.json for every shipped scenario. Golden files
// are reviewed like code: run this only when a change to the engine is intended,
// then read the diff (`git diff tests/golden`) before committing it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { simulate } from '../src/engine/simulate.ts';
import { validateScenario } from '../src/scenario/validate.ts';
import { GOLDEN_DIR, goldenText } from '../tests/golden.ts';
import { readScenario, shippedScenarios } from '../tests/helpers.ts';

for (const rel of shippedScenarios()) {
  const v = validateScenario(readScenario(rel));
  if (!v.ok) {
    console.error(`${rel}: invalid, skipped`);
    continue;
  }
  const file = join(GOLDEN_DIR, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, goldenText(simulate(v.scenario)));
  console.log(`wrote ${file}`);
}
