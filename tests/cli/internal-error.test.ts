// A trace that fails its consistency check is never printed: run reports an
// internal error instead (node-entry.ts turns it into one line and exit 1).
import { readFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/engine/simulate.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/engine/simulate.ts')>();
  return {
    simulate: (...args: Parameters<typeof real.simulate>) => {
      const trace = real.simulate(...args);
      trace.final.targets[0]!.version = 'not what the changes say';
      return trace;
    },
  };
});

const { main } = await import('../../src/cli/main.ts');
const ROOT = new URL('../../', import.meta.url).pathname;

describe('an inconsistent trace', () => {
  it('is an internal error, and nothing is printed', async () => {
    let out = '';
    const io = { out: (t: string) => void (out += t), err: () => {}, read: (p: string) => readFile(ROOT + p, 'utf8') };
    await expect(main(['run', 'scenarios/elastic-beanstalk/rolling.json', '--json'], io)).rejects.toThrow(/inconsistent trace \(replaying the changes of i-1/);
    expect(out).toBe('');
  });
});
