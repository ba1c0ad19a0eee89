// docs/machines.md shows exactly the statecharts that run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allMachines } from '../../src/engine/machine-catalog.ts';
import { machinesMarkdown } from '../../src/cli/machines-markdown.ts';

describe('docs/machines.md', () => {
  it('is generated from the current machines', () => {
    const doc = readFileSync(new URL('../../docs/machines.md', import.meta.url), 'utf8');
    expect(doc, 'docs/machines.md is stale: run npm run docs:machines').toBe(machinesMarkdown(allMachines()));
  });

  it('draws every state and transition of every machine', () => {
    const doc = machinesMarkdown(allMachines());
    for (const m of allMachines()) {
      expect(doc).toContain(`### \`${m.id}\``);
      for (const s of m.states) expect(doc).toContain(`"${s.id.split('.').pop()}"`);
    }
  });
});
