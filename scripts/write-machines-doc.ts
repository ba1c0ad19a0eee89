// Writes docs/machines.md from the machine catalogue.
import { writeFileSync } from 'node:fs';
import { allMachines } from '../src/engine/machine-catalog.ts';
import { machinesMarkdown } from '../src/cli/machines-markdown.ts';

writeFileSync(new URL('../docs/machines.md', import.meta.url), machinesMarkdown(allMachines()));
console.log('wrote docs/machines.md');
