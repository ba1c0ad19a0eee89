// docs/trace.md's worked example of the compact encoding stays true: its compact
// block expands to its expanded block, and encoding that gives the compact block.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeTrace } from '../../src/trace/decode.ts';
import { encodeTrace } from '../../src/trace/encode.ts';
import { TABLES } from '../../src/trace/columns.ts';

const doc = readFileSync(new URL('../../docs/trace.md', import.meta.url), 'utf8');
const block = (tag: string): unknown => {
  const match = doc.match(new RegExp('```json ' + tag + '\\n([\\s\\S]*?)\\n```'));
  if (!match) throw new Error(`docs/trace.md has no ${tag} block`);
  return JSON.parse(match[1]!);
};

/** The doc's name for each kind of column. */
const KIND_WORDS: Record<string, string> = { id: 'the id itself', sinceStart: 'since start' };

describe('docs/trace.md compact encoding', () => {
  it('lists every table and column the encoder writes, with its kind', () => {
    for (const [table, spec] of Object.entries(TABLES)) {
      const name = table === 'finalTargets' ? 'final.targets' : table;
      const section = doc.slice(doc.indexOf('### The tables'), doc.indexOf('### A worked example'));
      const line = section.split('\n').find((l) => l.startsWith(`| \`${name}\` | \``));
      expect(line, name).toBeDefined();
      const documented = line!.split(' | ')[1]!.replace(/ \|$/, '');
      const expected = Object.entries(spec)
        .map(([field, col]) => `\`${field}\` (${KIND_WORDS[col.kind] ?? col.kind}${'optional' in col && col.optional ? ', optional' : ''})`)
        .join(', ');
      expect(documented, name).toBe(expected);
    }
  });

  it('expands the compact block into the expanded block, and back', () => {
    const compact = block('compact-example');
    const expanded = block('expanded-example');
    expect(decodeTrace(compact)).toEqual(decodeTrace(expanded));
    expect(JSON.parse(JSON.stringify(encodeTrace(decodeTrace(expanded))))).toEqual(compact);
  });
});
