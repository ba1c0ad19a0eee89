// The CLI contract: run/validate, --json, exit codes 0 and 2, every problem on stderr, no stack traces.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runInMemory } from './in-memory.ts';
import { decodeTrace } from '../../src/trace/decode.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const ROLLING = 'scenarios/elastic-beanstalk/rolling-unhealthy-instance.json';

function cli(argv: string[], files: Record<string, string> = {}) {
  return runInMemory(argv, async (p) => (p in files ? files[p]! : readFile(ROOT + p, 'utf8')));
}

describe('deploysim CLI', () => {
  it('run --json prints one compact trace (schemaVersion 2, "encoding": "columns") and exits 0 even when the deployment failed', async () => {
    const { code, out, err } = await cli(['run', ROLLING, '--json']);
    expect(code).toBe(0);
    expect(err).toBe('');
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['schemaVersion', 'encoding', 'scenario', 'outcome', 'durationSeconds', 'deployments', 'strings', 'targets', 'spans', 'events', 'samples', 'phases', 'changes', 'machines', 'final']);
    expect(json.encoding).toBe('columns');
    expect(Array.isArray(json.spans.target)).toBe(true);
    const trace = decodeTrace(json);
    expect(trace.schemaVersion).toBe(2);
    expect(trace.outcome).toBe('Failed');
    expect(trace.scenario.elasticBeanstalk!.Timeout).toBe(600);
    expect(trace.spans.find((s) => s.status === 'Failed')).toMatchObject({ target: 'i-3', deploymentId: 'd-1' });
  });

  it('run --json --expanded prints the object form, which reads back to the same trace', async () => {
    const compact = decodeTrace(JSON.parse((await cli(['run', ROLLING, '--json'])).out));
    const { code, out } = await cli(['run', ROLLING, '--json', '--expanded']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['schemaVersion', 'scenario', 'outcome', 'durationSeconds', 'deployments', 'targets', 'spans', 'events', 'samples', 'phases', 'changes', 'machines', 'final']);
    expect(json.spans[0]).toMatchObject({ target: 'i-1', name: expect.any(String), status: 'Succeeded' });
    expect(decodeTrace(json)).toEqual(compact);
    const alone = await cli(['run', ROLLING, '--expanded']);
    expect(alone.code).toBe(2);
    expect(alone.err).toMatch(/^deploysim: --expanded goes with --json\n/);
  });

  it('machines --json lists every orchestrator and lifecycle with its states and transitions', async () => {
    const { code, out } = await cli(['machines', '--json']);
    expect(code).toBe(0);
    const { machines } = JSON.parse(out) as { machines: { id: string; kind: string; initial: string; states: { id: string }[]; transitions: { source: string; target: string; event: string }[] }[] };
    const ids = machines.map((m) => m.id);
    expect(ids).toContain('codeDeployServerInPlaceLoadBalancer');
    expect(ids).toContain('ebRolling');
    const lb = machines.find((m) => m.id === 'codeDeployServerInPlaceLoadBalancer')!;
    expect(lb.kind).toBe('lifecycle');
    expect(lb.transitions).toContainEqual({ source: 'ValidateService', target: 'BeforeAllowTraffic', event: 'SUCCEEDED' });
    // Every state a trace can name is listed.
    const trace = decodeTrace(JSON.parse((await cli(['run', ROLLING, '--json'])).out));
    for (const m of trace.machines) {
      const machine = machines.find((x) => x.id === m.machine);
      expect(machine, m.machine).toBeDefined();
      expect(machine!.states.map((s) => s.id)).toContain(m.state);
    }
  });

  it('rules --json prints the catalogue every event rule points into', async () => {
    const { code, out } = await cli(['rules', '--json']);
    expect(code).toBe(0);
    const { rules } = JSON.parse(out) as { rules: { id: string; text: string; source: string }[] };
    expect(rules.length).toBeGreaterThan(20);
    for (const r of rules) expect(r.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    expect((await cli(['rules'])).out).toContain('cd.one-at-a-time');
    expect((await cli(['rules', 'x.json'])).code).toBe(2);
  });

  it('run without --json prints a readable summary, timeline and final state', async () => {
    const { code, out } = await cli(['run', ROLLING]);
    expect(code).toBe(0);
    expect(out).toMatch(/^Rolling, fixed batches of 2, instance i-3 never becomes healthy\n/);
    expect(out).toContain('Outcome: Failed after 15:43');
    expect(out).toContain('Timeline:');
    expect(out).toMatch(/v2 +OutOfService +unhealthy 1 × i-3/);
    expect(out).toContain('Production traffic: v1 40%, v2 60%');
  });

  it('invalid input exits 2 and lists every problem with its path on stderr', async () => {
    const bad = JSON.stringify({ name: 'x', platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 0, BatchSize: 0 } });
    const { code, out, err } = await cli(['run', 'bad.json'], { 'bad.json': bad });
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe('bad.json: 2 problems\n  /elasticBeanstalk/instances: must be ≥ 1 (got 0)\n  /elasticBeanstalk/BatchSize: must be ≥ 1 (got 0)\n');
  });

  it('unreadable files and wrong command lines exit 2 with a plain message', async () => {
    expect(await cli(['run', 'missing.json'])).toMatchObject({ code: 2, err: 'missing.json: cannot read the file: no such file\n' });
    expect((await cli(['run', 'broken.json'], { 'broken.json': '{"name": ' })).err).toMatch(/^broken.json: 1 problem\n {2}\/: not valid JSON at line 1, column 10/);
    expect((await cli(['frobnicate'])).err).toMatch(/^deploysim: unknown command "frobnicate"\n\nUsage:/);
    expect((await cli(['run', ROLLING, '--jsno'])).code).toBe(2);
    expect((await cli(['run'])).code).toBe(2);
    expect((await cli([])).code).toBe(2);
    expect((await cli(['--help'])).code).toBe(0);
  });

  it('keeps scenario text from driving the terminal in the readable report', async () => {
    const text = JSON.stringify({
      name: 'evil\u001b[2J\nname',
      description: 'clears \u001b]0;title\u0007 the screen',
      platform: 'ElasticBeanstalk',
      versions: { from: 'v\u202e1', to: 'v2' },
      elasticBeanstalk: { instances: 2 },
    });
    const { code, out } = await cli(['run', 'evil.json'], { 'evil.json': text });
    expect(code).toBe(0);
    expect(out).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(out).toMatch(/^evil\\u001b\[2J\\nname\n/);
    expect(out).toContain('v\\u202e1');
  });

  it('validate checks every file even after one nested thousands of levels deep, and lists at most 20 problems', async () => {
    const deep = `{"name": "x", "faults": ${'['.repeat(6000)}${']'.repeat(6000)}}`;
    const many = JSON.stringify({ name: 'x', platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 1 }, faults: Array.from({ length: 50 }, () => ({ type: 'Nope' })) });
    const { code, out, err } = await cli(['validate', 'deep.json', ROLLING, 'many.json'], { 'deep.json': deep, 'many.json': many });
    expect(code).toBe(2);
    expect(out).toBe(`${ROLLING}: valid (ElasticBeanstalk, Rolling)\n`);
    const lines = err.trimEnd().split('\n');
    expect(lines[0]).toBe('deep.json: 1 problem');
    expect(lines[1]).toMatch(/^ {2}\/faults(\/0)+: is nested too deeply/);
    expect(lines[2]).toBe('many.json: 50 problems');
    expect(lines).toHaveLength(3 + 21);
    expect(lines.at(-1)).toBe('  … and 30 more problems');
  });

  it('says when a file is too large to read, and escapes file names', async () => {
    const tooLarge = Object.assign(new Error('Cannot create a string longer than 0x1fffffe8 characters'), { code: 'ERR_STRING_TOO_LONG' });
    const huge = await runInMemory(['validate', 'huge.json'], () => Promise.reject(tooLarge));
    expect(huge).toMatchObject({ code: 2, err: 'huge.json: cannot read the file: it is too large (a scenario file may hold at most 16,000,000 characters)\n' });
    const named = await cli(['validate', 'a\nb.json'], { 'a\nb.json': '{}' });
    expect(named.err.split('\n')[0]).toBe('a\\nb.json: 2 problems');
  });

  it('validate reports each file and exits 2 if any is invalid', async () => {
    const ok = await cli(['validate', ROLLING]);
    expect(ok).toMatchObject({ code: 0, out: `${ROLLING}: valid (ElasticBeanstalk, Rolling)\n` });
    const mixed = await cli(['validate', ROLLING, 'bad.json'], { 'bad.json': '{}' });
    expect(mixed.code).toBe(2);
    expect(mixed.err).toContain('bad.json: 2 problems');
  });

});

describe('deploysim compare', () => {
  const files = ['scenarios/elastic-beanstalk/rolling.json', 'scenarios/elastic-beanstalk/all-at-once.json'];

  it('--json prints one row per file with every metric, in the contract order', async () => {
    const { code, out } = await cli(['compare', ...files, '--json']);
    expect(code).toBe(0);
    const { rows } = JSON.parse(out) as { rows: Record<string, unknown>[] };
    expect(rows.map((r) => r.file)).toEqual(files);
    expect(Object.keys(rows[0]!)).toEqual([
      'file', 'name', 'strategy', 'outcome', 'durationSeconds', 'minInService', 'minInServicePercent',
      'mixedVersionSeconds', 'peakTargets', 'extraInstanceSeconds', 'failingShare', 'restoreSeconds',
    ]);
    expect(rows[1]!.minInService).toBe(0);
  });

  it('prints a table, and exits 2 when a file is invalid', async () => {
    const { code, out } = await cli(['compare', ...files]);
    expect(code).toBe(0);
    expect(out).toMatch(/lowest in service/);
    expect(out).toMatch(/Elastic Beanstalk AllAtOnce\s+Succeeded/);
    expect((await cli(['compare', 'bad.json'], { 'bad.json': '{}' })).code).toBe(2);
    expect((await cli(['compare'])).code).toBe(2);
  });
});
