// Prints how long `deploysim run` takes to start and finish on a shipped scenario,
// beside `node -e 0` measured in the same run (issue 10: at most 3×). It runs the
// compiled CLI users run (bin/deploysim.js → dist-cli; `npm run bench:cli` rebuilds
// it first). Runs alternate between the two commands so machine load hits both.
// Numbers, not assertions.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const ROOT = new URL('../', import.meta.url).pathname;
const SCENARIO = 'scenarios/elastic-beanstalk/rolling.json';
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const TARGET_RATIO = 3;

const COMMANDS = {
  node: ['-e', '0'],
  deploysim: ['bin/deploysim.js', 'run', SCENARIO],
} as const;

function wallMs(args: readonly string[]): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

if (!existsSync(`${ROOT}dist-cli/deploysim.js`)) throw new Error('dist-cli/deploysim.js is missing: run npm run build:cli');
const times = { node: [] as number[], deploysim: [] as number[] };
wallMs(COMMANDS.node); // warm the file cache
wallMs(COMMANDS.deploysim);
for (let i = 0; i < RUNS; i++) {
  times.node.push(wallMs(COMMANDS.node));
  times.deploysim.push(wallMs(COMMANDS.deploysim));
}
const node = median(times.node);
const cli = median(times.deploysim);
const ratio = cli / node;
console.log(`deploysim CLI start-up benchmark (node ${process.version}, median wall time of ${RUNS} runs each, alternating)\n`);
console.log(`${'node -e 0'.padEnd(70)}${node.toFixed(1).padStart(8)} ms`);
console.log(`${`node bin/deploysim.js run ${SCENARIO}`.padEnd(70)}${cli.toFixed(1).padStart(8)} ms`);
console.log(`\nRatio: ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×) ${ratio <= TARGET_RATIO ? 'met' : 'not met'}`);
