// Trace size benchmark (issue 10: at most 1 KB per instance at 10,000 instances
// in `deploysim run --json`): runs the compiled CLI users run (rebuilt first) on every strategy
// of the engine benchmark at 1,000, 10,000 and 100,000 instances and counts the
// bytes it writes to stdout (streamed: never one string), beside the object form
// (`--json --expanded`, what --json wrote before the compact encoding) at 1k and
// 10k. Prints numbers and met / not met; asserts nothing. `npm run bench:trace`,
// and the end of `npm run bench`. BENCH_TRACE_SIZES=1000,10000 to skip 100k.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli } from '../scripts/build-cli.ts';
import { CASES } from './cases.mjs';

const ROOT = new URL('../', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/deploysim.js');
const SIZES = (process.env.BENCH_TRACE_SIZES ?? '1000,10000,100000').split(',').map(Number);
const EXPANDED_SIZES = [1_000, 10_000];
const TARGET = { at: 10_000, bytesPerInstance: 1024 };

/** Bytes `deploysim run <file> <flags>` writes to stdout, counted as they stream by. */
function outputBytes(file: string, flags: string[]): Promise<number | string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'run', file, ...flags], { stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (bytes += chunk.length));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('close', (code) => resolve(code === 0 && bytes > 0 ? bytes : `exit ${code}, ${bytes} bytes: ${stderr.split('\n', 1)[0]}`));
  });
}

const cell = (text: string, width = 12) => text.padStart(width);
const perInstance = (bytes: number | string | undefined, n: number) => (typeof bytes === 'number' ? Math.round(bytes / n) : undefined);

await buildCli(); // dist-cli/deploysim.js, which bin/deploysim.js runs
const dir = mkdtempSync(join(tmpdir(), 'deploysim-trace-size-'));
try {
  console.log(`deploysim trace size — bytes per instance written by \`deploysim run --json\` (compiled CLI, node ${process.version}); "expanded" is --json --expanded, the object form`);
  console.log(`${'strategy'.padEnd(44)}${SIZES.map((n) => cell(n >= 1000 ? `${n / 1000}k` : String(n))).join('')}${EXPANDED_SIZES.map((n) => cell(`expanded ${n / 1000}k`, 14)).join('')}${cell('≤ 1,024 B at 10k', 18)}`);
  const misses: string[] = [];
  for (const c of CASES) {
    const sizes: (number | undefined)[] = [];
    const expanded: (number | undefined)[] = [];
    const errors: string[] = [];
    for (const n of new Set([...SIZES, ...EXPANDED_SIZES])) {
      const file = join(dir, `${c.id}-${n}.json`);
      writeFileSync(file, JSON.stringify({ name: `bench ${c.id} ${n}`, ...c.build(n) }));
      if (SIZES.includes(n)) {
        const b = await outputBytes(file, ['--json']);
        if (typeof b === 'string') errors.push(`${n}: ${b}`);
        sizes[SIZES.indexOf(n)] = perInstance(b, n);
      }
      if (EXPANDED_SIZES.includes(n)) expanded[EXPANDED_SIZES.indexOf(n)] = perInstance(await outputBytes(file, ['--json', '--expanded']), n);
    }
    const at = SIZES.includes(TARGET.at) ? sizes[SIZES.indexOf(TARGET.at)] : undefined;
    const met = at !== undefined && at <= TARGET.bytesPerInstance;
    if (!met) misses.push(`${c.label}: ${at ?? '—'} B per instance at 10k`);
    console.log(
      `${c.label.padEnd(44)}${sizes.map((b) => cell(b === undefined ? 'error' : `${b} B`)).join('')}${expanded.map((b) => cell(b === undefined ? '—' : `${b} B`, 14)).join('')}${cell(met ? 'met' : 'NOT MET', 18)}`,
    );
    for (const e of errors) console.log(`    ${e}`);
  }
  console.log(`\nIssue 10 trace target (≤ ${TARGET.bytesPerInstance} B per instance at 10,000 instances in --json, every strategy): ${misses.length === 0 ? 'met' : 'NOT MET'}`);
  for (const m of misses) console.log(`  not met: ${m}`);
  console.log('Lambda and ECS deployments have one target (an alias, a task set): their trace does not grow with a fleet, so they are not in this table.');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
