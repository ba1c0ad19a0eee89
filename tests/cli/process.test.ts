// The CLI as users run it: bin/deploysim.js starting the compiled dist-cli (rebuilt
// here first, as `npm install` does), real pipes, exit codes, and never a stack trace.
import { execFile, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../scripts/build-cli.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { decodeTrace } from '../../src/trace/decode.ts';
import { encodeTrace } from '../../src/trace/encode.ts';
import { LIMITS } from '../../src/scenario/limits.ts';
import { validateText } from '../../src/scenario/validate.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/deploysim.js');
const ROLLING = 'scenarios/elastic-beanstalk/rolling-unhealthy-instance.json';
const STACK_LINE = /\n\s+at /;
const exec = promisify(execFile);

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function deploysim(args: string[], nodeArgs: string[] = [], bin = BIN): Promise<Result> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [...nodeArgs, bin, ...args], { cwd: ROOT, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const scratchDirs: string[] = [];

function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'deploysim-cli-'));
  scratchDirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

beforeAll(() => buildCli(), 60_000);
afterAll(() => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

// Each test starts processes: generous timeouts, as the machine may be shared.
describe('bin/deploysim.js (the compiled CLI)', { timeout: 30_000 }, () => {
  it('prints the trace with --json, byte for byte what the library computes', async () => {
    const { code, stdout, stderr } = await deploysim(['run', ROLLING, '--json']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const v = validateText(readFileSync(join(ROOT, ROLLING), 'utf8'));
    if (!v.ok) throw new Error('shipped scenario invalid');
    expect(stdout).toBe(JSON.stringify(encodeTrace(simulate(v.scenario))) + '\n');
  });

  it('checks every file on the command line, even after one nested 6,000 levels deep', async () => {
    const dir = scratch({ 'deep.json': `{"name": "x", "faults": ${'['.repeat(6000)}${']'.repeat(6000)}}` });
    const { code, stdout, stderr } = await deploysim(['validate', join(dir, 'deep.json'), ROLLING]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/deep\.json: 1 problem\n {2}\/faults(\/0)+: is nested too deeply/);
    expect(stdout).toBe(`${ROLLING}: valid (ElasticBeanstalk, Rolling)\n`);
    expect(stderr).not.toMatch(STACK_LINE);
  });

  it('refuses a file far past the size limit without reading it', async () => {
    const dir = scratch({ 'huge.json': '' });
    truncateSync(join(dir, 'huge.json'), 4 * LIMITS.textChars + 1); // sparse: costs no disk
    const { code, stderr } = await deploysim(['validate', join(dir, 'huge.json')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/huge\.json: cannot read the file: it is too large \(a scenario file may hold at most 16,000,000 characters\)\n$/);
  });

  it('exits quietly when the reader closes the pipe early (run --json | head)', async () => {
    const dir = scratch({ 'big.json': JSON.stringify({ name: 'big', platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 3000, DeploymentPolicy: 'Rolling' } }) });
    const child = spawn(process.execPath, [BIN, 'run', '--json', join(dir, 'big.json')], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy()); // like `head` after its first lines
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('turns an unexpected error into one "internal error" line that says how to report it, exit 1', async () => {
    // Make writing to stdout throw, as a bug in deploysim would.
    const boom = `data:text/javascript,process.stdout.write = () => { throw new Error("boom\\n    at nowhere (fake.js:1:1)"); };`;
    const { code, stdout, stderr } = await deploysim(['run', ROLLING], ['--import', boom]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('deploysim: internal error: boom. This is a bug in deploysim: please file an issue with the scenario file and the command line that caused it.\n');
  });

  it('says how to build the compiled CLI when it is missing', async () => {
    const dir = scratch({});
    mkdirSync(join(dir, 'bin'));
    copyFileSync(BIN, join(dir, 'bin/deploysim.js'));
    const { code, stderr } = await deploysim(['run', ROLLING], [], join(dir, 'bin/deploysim.js'));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^deploysim: the compiled command line \(dist-cli\/deploysim\.js\) is missing: run `npm install` or `npm run build:cli`/);
  });

  it('works through npx from the installed package, with no stack trace on bad input', async () => {
    const good = await exec('npx', ['deploysim', 'run', ROLLING, '--json'], { cwd: ROOT });
    expect(decodeTrace(JSON.parse(good.stdout)).outcome).toBe('Failed');
    const bad = await exec('npx', ['deploysim', 'validate', 'package.json'], { cwd: ROOT }).catch((e) => e);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('package.json: ');
    expect(bad.stderr).not.toMatch(STACK_LINE);
  });
});
