// Fuzzing the CLI contract over mutated shipped scenarios, broken text and random
// JSON: `validate` and `run --json` exit 0 or 2, never throw, and on 2 every line
// after the file's header is "<JSON Pointer>: <message>" (or the "… and N more"
// line), one line per problem, with no stack trace and no [object Object].
// A bounded number of cases (FUZZ_RUNS to change it) keeps it to seconds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runInMemory } from './in-memory.ts';
import { decodeTrace } from '../../src/trace/decode.ts';
import { readScenario, shippedScenarios } from '../helpers.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const FILE = 'fuzzed.json';
/** Stand-ins JSON.stringify cannot write, swapped into the text afterwards. */
const RAW: Record<string, string> = { '@@inf@@': '1e309', '@@-inf@@': '-1e309', '@@deep@@': `${'['.repeat(3000)}${']'.repeat(3000)}` };

const PROBLEM_LINE = /^ {2}(\/[^\n]*: \S[^\n]*|… and [\d,]+ more problems?)$/;
/** Fleets above this size are only validated, so a run stays fast. */
const RUN_FLEET = 300;

function cli(argv: string[], text: string) {
  return runInMemory(argv, async () => text);
}

/** Checks the contract for one file's text; returns whether it was valid. */
async function checkContract(text: string): Promise<void> {
  const checked = await cli(['validate', FILE], text);
  expect([0, 2]).toContain(checked.code);
  expect(checked.err).not.toMatch(/\n\s+at |\[object /);
  if (checked.code === 2) {
    const [header, ...lines] = checked.err.trimEnd().split('\n');
    expect(header).toMatch(/^fuzzed\.json: [\d,]+ problems?$/);
    for (const line of lines) expect(line).toMatch(PROBLEM_LINE);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(21);
    return;
  }
  expect(checked.out).toMatch(/^fuzzed\.json: valid \(/);
  const data = JSON.parse(text.replace(/^\ufeff/, '')) as { elasticBeanstalk?: { instances?: number }; codeDeploy?: { instances?: number } };
  if ((data.elasticBeanstalk?.instances ?? data.codeDeploy?.instances ?? 0) > RUN_FLEET) return;
  const ran = await cli(['run', FILE, '--json'], text);
  expect(ran.code).toBe(0);
  expect(ran.err).toBe('');
  expect(decodeTrace(JSON.parse(ran.out)).schemaVersion).toBe(2);
}

// ── Mutations of shipped scenarios ────────────────────────────────────────────

const shipped = shippedScenarios().map((f) => readScenario(f) as Record<string, unknown>);

const hostileKey = fc.constantFrom('__proto__', 'constructor', 'toString', 'a/b~c', 'evil\n  /name: forged', '\u202eoverride', '\u001b[31m', '', 'x'.repeat(300));
const hostileValue = fc.oneof(
  fc.constantFrom<unknown>(-1, 0, 1, 2, 3, 7, 1.5, 100, 1e20, 100_001, 2 ** 53, '@@inf@@', '@@-inf@@', '@@deep@@', null, true, '', 'constructor', '__proto__', {}, [], [[[]]], { a: { b: 1 } }, 'y'.repeat(500)),
  fc.jsonValue({ maxDepth: 3 }),
);

type Mutation = { kind: 'set' | 'delete' | 'add' | 'wrap'; pick: number; key: string; value: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('set', 'delete', 'add', 'wrap'),
  pick: fc.nat(),
  key: hostileKey,
  value: hostileValue,
});

/** Every object or array inside `root`, with itself. */
function containers(root: unknown): (Record<string, unknown> | unknown[])[] {
  const found: (Record<string, unknown> | unknown[])[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    found.push(v as Record<string, unknown>);
    stack.push(...Object.values(v));
  }
  return found;
}

function mutate(original: Record<string, unknown>, mutations: Mutation[]): Record<string, unknown> {
  const root = structuredClone(original);
  for (const m of mutations) {
    const all = containers(root);
    const target = all[m.pick % all.length]!;
    const keys = Object.keys(target);
    const key = keys.length > 0 ? keys[m.pick % keys.length]! : m.key;
    const t = target as Record<string, unknown>;
    // Generated values are shared between runs (constantFrom gives the same object): insert copies.
    const value = structuredClone(m.value);
    if (m.kind === 'set') t[key] = value;
    else if (m.kind === 'delete') delete t[key];
    else if (m.kind === 'wrap') t[key] = [t[key]];
    else Object.defineProperty(t, Array.isArray(t) ? String(t.length) : m.key, { value, enumerable: true, writable: true, configurable: true });
  }
  return root;
}

function toText(value: unknown): string {
  return JSON.stringify(value).replace(/"(@@-?inf@@|@@deep@@)"/g, (_, k: string) => RAW[k]!);
}

// ── Text-level damage ─────────────────────────────────────────────────────────

const damage = fc.record({ cut: fc.nat(), insert: fc.constantFrom('', '{', ']', ',', '"', '\\', '\u0000', '\ufeff', '1e309', 'NaN', '//'), bom: fc.boolean() });

describe('CLI fuzzing', () => {
  it('keeps the contract on mutated shipped scenarios', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: shipped.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (i, ms) => {
        await checkContract(toText(mutate(shipped[i]!, ms)));
      }),
      { numRuns: RUNS * 2 },
    );
  }, 120_000);

  it('keeps the contract on damaged text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: shipped.length - 1 }), damage, async (i, d) => {
        const text = JSON.stringify(shipped[i], null, 2);
        const at = d.cut % (text.length + 1);
        await checkContract(`${d.bom ? '\ufeff' : ''}${text.slice(0, at)}${d.insert}${text.slice(at + (d.insert ? 0 : 1))}`);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('keeps the contract on random JSON', async () => {
    const scenarioish = fc.record(
      { name: fc.oneof(fc.string(), hostileValue), platform: fc.constantFrom('ElasticBeanstalk', 'CodeDeploy', 'x'), elasticBeanstalk: hostileValue, codeDeploy: hostileValue, faults: fc.array(hostileValue, { maxLength: 30 }), timings: hostileValue },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue({ maxDepth: 4 }), scenarioish), async (value) => {
        await checkContract(toText(value));
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
