// Writes scenarios/scenario.schema.json from src/scenario/schema.ts (the source of truth).
import { writeFileSync } from 'node:fs';
import { scenarioSchema } from '../src/scenario/schema.ts';

writeFileSync(new URL('../scenarios/scenario.schema.json', import.meta.url), JSON.stringify(scenarioSchema, null, 2) + '\n');
console.log('wrote scenarios/scenario.schema.json');
