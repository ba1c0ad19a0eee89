// Input that must be refused clearly: numbers that are not finite, nesting deep
// enough to overflow a recursive checker, and user text in keys and values that
// would forge, garble or flood the problem list. Also the byte-order mark.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/scenario/limits.ts';
import { preflight } from '../../src/scenario/preflight.ts';
import { formatProblem, formatProblems, printable, quote } from '../../src/scenario/problem-text.ts';
import { validateScenario, validateText, type Problem } from '../../src/scenario/validate.ts';
import { problems } from '../helpers.ts';

const textProblems = (text: string): string[] => {
  const v = validateText(text);
  return v.ok ? [] : v.problems.map(formatProblem);
};
const nest = (levels: number, inner = '1') => '['.repeat(levels) + inner + ']'.repeat(levels);
const EB = '"name": "x", "platform": "ElasticBeanstalk"';

describe('non-finite numbers', () => {
  it('are refused wherever they are, each with its JSON Pointer', () => {
    expect(textProblems(`{${EB}, "elasticBeanstalk": {"instances": 1e309, "Timeout": -1e309}, "faults": [{"type": "AbortDeployment", "at": 1e999}]}`)).toEqual([
      '/elasticBeanstalk/instances: must be a finite number (got a number too large to represent: Infinity)',
      '/elasticBeanstalk/Timeout: must be a finite number (got a number too large to represent: -Infinity)',
      '/faults/0/at: must be a finite number (got a number too large to represent: Infinity)',
    ]);
  });

  it('are refused even where the schema would accept any number, beside the other problems', () => {
    expect(textProblems(`{${EB}, "elasticBeanstalk": {"instances": 2, "Timeout": 0}, "timings": {"steps": {"a/b": 1e400}}}`)).toEqual([
      '/timings/steps/a~1b: must be a finite number (got a number too large to represent: Infinity)',
      '/elasticBeanstalk/Timeout: must be ≥ 1 (got 0)',
    ]);
  });
  it('are reported once each, even by the hundred thousand (the schema\'s own complaint about them is dropped)', () => {
    const v = validateScenario({ name: 'x', platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 1 }, faults: Array(120_000).fill(Infinity) });
    const found = v.ok ? [] : v.problems;
    expect(found).toHaveLength(120_001);
    expect(found[0]).toEqual({ path: '/faults/0', message: 'must be a finite number (got a number too large to represent: Infinity)' });
    expect(found.at(-1)).toEqual({ path: '/faults', message: `may list at most ${LIMITS.faults} items (got 120000)` });
  }, 60_000);
});

describe('deep nesting', () => {
  it('is measured without recursion and refused with the path where it exceeds the limit', () => {
    const found = textProblems(`{${EB}, "elasticBeanstalk": {"instances": 2}, "faults": ${nest(6000)}}`);
    expect(found).toEqual([`/faults${'/0'.repeat(LIMITS.depth - 1)}: is nested too deeply: a scenario may nest lists and objects at most ${LIMITS.depth} levels deep`]);
    const objects = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    expect(textProblems(objects)).toHaveLength(1);
  });

  it('allows exactly the limit', () => {
    expect(preflight(JSON.parse(nest(LIMITS.depth))).halt).toBe(false);
    expect(preflight(JSON.parse(nest(LIMITS.depth + 1))).problems.map((p) => p.path)).toEqual([`${'/0'.repeat(LIMITS.depth)}`]);
  });

  it('still reports broken JSON that is deeply nested, with its line and column', () => {
    expect(textProblems(nest(50_000).slice(0, -1))).toEqual([expect.stringMatching(/^\/: not valid JSON/)]);
  });
});

describe('huge documents', () => {
  it('are refused past LIMITS.values values, before the schema lists a problem for each', () => {
    const many = `{${EB}, "elasticBeanstalk": {"instances": 1}, "faults": [${Array(LIMITS.values).fill('0').join(',')}]}`;
    expect(textProblems(many)).toEqual([`/: holds more than 250,000 values (numbers, strings, lists, objects, …); a scenario needs a few thousand`]);
    expect(preflight(JSON.parse(`[${Array(LIMITS.values - 1).fill('0').join(',')}]`)).halt).toBe(false);
  });

  it('are refused past LIMITS.textChars characters, before parsing', () => {
    const text = `{"name": "${'x'.repeat(LIMITS.textChars)}"}`;
    expect(textProblems(text)).toEqual([`/: is too large: 16,000,012 characters; a scenario file may hold at most 16,000,000`]);
  });
});

describe('problem messages', () => {
  it('give paths as JSON Pointers, escaping ~ and /', () => {
    expect(problems({ name: 'x', platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 1, 'a/b~c': 1 } })[0]).toMatch(/^\/elasticBeanstalk\/a~1b~0c: unknown field/);
    expect(problems({ name: 'x', platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 1 }, timings: { steps: { '~/': 'x' } } })).toEqual([
      '/timings/steps/~0~1: must be a number (got "x")',
    ]);
  });

  it('cannot be forged into an extra line by a key with a newline or control characters', () => {
    const lines = problems({ name: 'x', platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 1, 'evil\n  /name: is required\r\u001b[2K': 1 } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\/elasticBeanstalk\/evil\\n  ~1name: is required\\r\\u001b\[2K: unknown field/);
    expect(lines.join('')).not.toMatch(/[\n\r\u001b]/);
  });

  it('escape bidirectional controls, which would reorder the line on screen', () => {
    expect(printable('a\u202eb\u2066c\u2028')).toBe('a\\u202eb\\u2066c\\u2028');
    expect(printable('café ✓ i-3')).toBe('café ✓ i-3');
  });

  it('never say [object Object]: values are quoted as compact JSON', () => {
    const all = [
      ...problems({ name: 'x', platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 4 }, faults: [{ type: 'HookFailure', event: { a: 1 } }] }),
      ...problems({ name: 'x', platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: { n: 4 }, environmentType: 'SingleInstance' } }),
      ...problems({ name: 'x', platform: 'CodeDeploy', codeDeploy: { deploymentConfigName: ['x'] } }),
      ...problems({ name: 'x', platform: 'CodeDeploy', codeDeploy: { computePlatform: 'Lambda', customDeploymentConfig: { trafficRoutingConfig: { type: {}, timeBasedLinear: {} } } } }),
      ...problems({ name: 'x', platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 1 }, versions: { from: { v: 1 }, to: [] } }),
      ...problems({ name: 'x', platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 1 }, faults: [{ type: { t: 1 } }] }),
    ];
    expect(all.length).toBeGreaterThan(5);
    for (const line of all) expect(line).not.toContain('[object ');
    expect(all).toContain('/elasticBeanstalk/instances: must be a whole number (got {"n":4})');
    expect(all).toContain('/versions/from: must be a string (got {"v":1})');
  });

  it('do not take Object.prototype\'s keys for AWS names', () => {
    expect(problems({ name: 'x', platform: 'CodeDeploy', codeDeploy: { deploymentConfigName: 'constructor' } })).toEqual([
      expect.stringMatching(/^\/codeDeploy\/deploymentConfigName: "constructor" is not a predefined Server configuration; expected one of/),
    ]);
  });

  it('shorten long values to 60 characters and an ellipsis', () => {
    expect(quote('y'.repeat(500))).toBe(`"${'y'.repeat(59)}…`);
    expect(quote({ a: 1 })).toBe('{"a":1}');
    expect(quote(Infinity)).toBe('Infinity');
    expect(quote(`${'y'.repeat(58)}😀`)).toBe(`"${'y'.repeat(58)}…`); // never half a surrogate pair
    const [line] = problems({ name: 'x', platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 1, DeploymentPolicy: 'R'.repeat(10_000) } });
    expect(line!.length).toBeLessThan(300);
    const [keyLine] = problems({ name: 'x', platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 1, ['k'.repeat(100_000)]: 1 } });
    expect(keyLine).toMatch(new RegExp(`^/elasticBeanstalk/${'k'.repeat(60)}…: unknown field`));
    expect(formatProblem({ path: '/a', message: 'm'.repeat(5000) })).toHaveLength(1001);
  });

  it('list the first 20 problems of a file with 100,000 bad faults and say how many more', () => {
    const faults = Array.from({ length: 100_000 }, () => ({ type: 'Nope' }));
    const v = validateText(JSON.stringify({ name: 'x', platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 1 }, faults }));
    expect(v.ok).toBe(false);
    const lines = formatProblems(v.ok ? [] : v.problems);
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe(`/faults: may list at most ${LIMITS.faults} items (got 100000)`);
    expect(lines[1]).toMatch(/^\/faults\/0\/type: unknown fault type "Nope"/);
    expect(lines[20]).toBe('… and 99,981 more problems');
  }, 60_000); // a second alone; the machine may be shared

  it('say "1 more problem" in the singular, and nothing when all are shown', () => {
    const some = (n: number): Problem[] => Array.from({ length: n }, (_, i) => ({ path: `/p${i}`, message: 'm' }));
    expect(formatProblems(some(21)).at(-1)).toBe('… and 1 more problem');
    expect(formatProblems(some(20))).toHaveLength(20);
    expect(formatProblem({ path: '', message: 'm' })).toBe('/: m');
  });
});

describe('a byte-order mark', () => {
  it('is not part of the JSON: a file that starts with one reads the same', () => {
    const text = JSON.stringify({ name: 'x', platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 2 } });
    const plain = validateText(text);
    const marked = validateText(`\ufeff${text}`);
    expect(marked.ok).toBe(true);
    expect(marked).toEqual(plain);
    expect(textProblems('\ufeff{\n  "name": \n}')).toEqual(['/: not valid JSON at line 3, column 1: value expected']);
  });
});
