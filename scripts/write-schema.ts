// Writes the two artefacts of src/scenario/schema.ts (the source of truth):
// scenarios/scenario.schema.json for editors, and the precompiled validator the
// CLI and the app run (schema-validator.generated.js, with its type declaration).
import { writeFileSync } from 'node:fs';
import { scenarioSchema } from '../src/scenario/schema.ts';
import { VALIDATOR_FILE, validatorSource } from './validator-source.ts';

const root = new URL('../', import.meta.url);
writeFileSync(new URL('scenarios/scenario.schema.json', root), JSON.stringify(scenarioSchema, null, 2) + '\n');
console.log('wrote scenarios/scenario.schema.json');
writeFileSync(new URL(VALIDATOR_FILE, root), validatorSource());
console.log(`wrote ${VALIDATOR_FILE}`);
