// docs/trace.md's worked example of the compact encoding stays true: its compact
// block expands to its expanded block, and encoding that gives the compact block.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeTrace } from '../../src/trace/decode.ts';
import { encodeTrace } from '../../src/trace/encode.ts';

const doc = readFileSync(new URL('../../docs/trace.md', import.meta.url), 'utf8');
const block = (tag: string): unknown => {
  const match = doc.match(new RegExp('```json ' + tag + '\\n([\\s\\S]*?)\\n```'));
  if (!match) throw new Error(`docs/trace.md has no ${tag} block`);
  return JSON.parse(match[1]!);
};

describe('docs/trace.md worked example', () => {
  it('expands the compact block into the expanded block, and back', () => {
    const compact = block('compact-example');
    const expanded = block('expanded-example');
    expect(decodeTrace(compact)).toEqual(decodeTrace(expanded));
    expect(JSON.parse(JSON.stringify(encodeTrace(decodeTrace(expanded))))).toEqual(compact);
  });
});
