// How steady the engine benchmark's growth ratios are, on the processes a run of
// `npm run bench` measured (bench/samples-file.ts): for each strategy, 10k/1k and
// 100k/10k as the ratio of the processes' means (what the bench reports) and of their
// medians, and how far each moves when the run's rounds are resampled (bench/
// resample.ts; the same draws for both). Times nothing; prints a table.
// Given several runs' samples, it pools their rounds instead: each run's 100k/10k,
// the pooled one, how far one run drawn from the pool moves, and how often such a
// run has every strategy within the target (the README quotes these).
// Usage: npx tsx bench/estimators.ts [samples.json ...]   (default: the last run's;
//        every run's are kept in node_modules/.cache/deploysim-bench/runs/)
import { existsSync, readFileSync } from 'node:fs';
import { CASES } from './cases.mjs';
import { TARGET as ENGINE_TARGET } from './engine-settings.ts';
import { DRAWS, mean, median, shareAllWithin, type Spread, spread } from './resample.ts';
import { SAMPLES_FILE, type SamplesFile, timesOf } from './samples-file.ts';

const TARGET = ENGINE_TARGET.ratio;
// Piped into `head`: stop quietly when the reader has gone.
process.stdout.on('error', (err: NodeJS.ErrnoException) => process.exit(err.code === 'EPIPE' ? 0 : 1));

function load(path: string): SamplesFile {
  if (!existsSync(path)) {
    console.error(`No samples at ${path}: run \`npm run bench\` first (it writes them), or name a samples file.`);
    process.exit(1);
  }
  try {
    const file = JSON.parse(readFileSync(path, 'utf8')) as SamplesFile;
    if (typeof file.cases !== 'object' || file.cases === null) throw new Error('it has no "cases"');
    for (const [id, c] of Object.entries(file.cases)) {
      if (!Array.isArray(c?.oneK?.now) || !Array.isArray(c?.tenK?.now) || !Array.isArray(c?.timed)) throw new Error(`its case "${id}" lacks the lists of processes (oneK.now, tenK.now, timed)`);
    }
    return file;
  } catch (err) {
    console.error(`${path} is not a samples file of \`npm run bench\`: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}

const paths = process.argv.length > 2 ? process.argv.slice(2) : [SAMPLES_FILE];
const files = paths.map(load);

const label = (id: string) => CASES.find((c) => c.id === id)?.label ?? id;
const cell = (text: string, width: number) => text.padStart(width);
const show = (s: Spread) => `${s.all.toFixed(2)} ±${s.sd.toFixed(2)} ${Math.round(s.over * 100)}%`.padStart(19);

if (files.length === 1) single(files[0]!);
else pooled(files);

function single(file: SamplesFile): void {
  console.log(
    `Growth ratios of the run that ended ${file.finished} (node ${file.node}), each as "ratio ±its standard deviation over ${DRAWS.toLocaleString('en')} resamples of the run's rounds, share of resamples over ${TARGET}×":`,
  );
  console.log(`${'strategy'.padEnd(46)}${cell('10k/1k of means', 19)}${cell('of medians', 19)}${cell('100k/10k of means', 19)}${cell('of medians', 19)}`);
  let seed = 1;
  for (const [id, s] of Object.entries(file.cases)) {
    const [one, ten, hundred] = [timesOf(s.oneK.now), timesOf(s.tenK.now), timesOf(s.timed)];
    if (!one || !ten || !hundred || one.length < 2 || ten.length < 2 || hundred.length < 2) {
      console.log(`${label(id).padEnd(46)}  (a process failed or too few processes: no ratios)`);
      continue;
    }
    // The same seed for mean and median: both see the same resamples.
    const [a, b] = [spread(ten, one, mean, TARGET, seed), spread(ten, one, median, TARGET, seed)];
    const [c, d] = [spread(hundred, ten, mean, TARGET, seed + 1), spread(hundred, ten, median, TARGET, seed + 1)];
    seed += 2;
    console.log(`${label(id).padEnd(46)}${show(a)}${show(b)}${show(c)}${show(d)}`);
  }
  console.log(
    `\nThe bench reports the ratio of the means. Where one summary's ± is smaller, it moves less from run to run on this machine: ` +
      `a verdict on it depends less on which minute each process happened to run in.`,
  );
}

/** Several runs: the rounds of each strategy pooled, and how a run drawn from them would come out (100k/10k only). */
function pooled(runs: SamplesFile[]): void {
  const ids = Object.keys(runs[0]!.cases).filter((id) => runs.every((r) => r.cases[id] !== undefined));
  const rounds = Math.min(...runs.map((r) => Math.min(...Object.values(r.cases).map((c) => c.timed.length))));
  console.log(
    `100k/10k over ${runs.length} runs (ended ${runs.map((r) => r.finished).join(', ')}): each run's ratio of means, the ratio of the means of all their rounds, ` +
      `and "one run": the ± and the share over ${TARGET}× of runs of ${rounds} rounds drawn from them (${DRAWS.toLocaleString('en')} draws):`,
  );
  console.log(`${'strategy'.padEnd(46)}${runs.map((_, i) => cell(`run ${i + 1}`, 10)).join('')}${cell('pooled', 9)}${cell('one run', 17)}`);
  const cases: { big: number[]; small: number[] }[] = [];
  const within = runs.map(() => 0);
  let seed = 1;
  for (const id of ids) {
    const perRun = runs.map((r) => [timesOf(r.cases[id]!.timed), timesOf(r.cases[id]!.tenK.now)] as const);
    if (perRun.some(([b, s]) => !b || !s || b.length !== s.length || b.length < 2)) {
      console.log(`${label(id).padEnd(46)}  (a process failed or too few processes: no ratios)`);
      continue;
    }
    const ratios = perRun.map(([b, s]) => mean(b!) / mean(s!));
    ratios.forEach((r, i) => (within[i]! += r <= TARGET ? 1 : 0));
    const big = perRun.flatMap(([b]) => b!);
    const small = perRun.flatMap(([, s]) => s!);
    cases.push({ big, small });
    const one = spread(big, small, mean, TARGET, seed++, rounds);
    console.log(
      `${label(id).padEnd(46)}${ratios.map((r) => cell(r.toFixed(2), 10)).join('')}${cell(one.all.toFixed(2), 9)}${cell(`±${one.sd.toFixed(2)} ${Math.round(one.over * 100)}%`, 17)}`,
    );
  }
  console.log(`${'within the target'.padEnd(46)}${within.map((n) => cell(`${n} of ${cases.length}`, 10)).join('')}`);
  // How many rounds a run needs for its verdict to hold: the same pool, runs of other lengths.
  const sizes = [...new Set([rounds, 15, 30, 45])].sort((a, b) => a - b);
  const shares = sizes.map((n) => `${n} rounds: ${Math.round(shareAllWithin(cases, n, TARGET, seed) * 100)} %`);
  console.log(
    `\nRuns drawn from these rounds with every strategy within ${TARGET}×, by the rounds a run has: ${shares.join(', ')} of draws ` +
      `(each strategy drawn on its own; the drift of the machine between runs is not in the pool, so a real run does a little worse).`,
  );
}
