// How steady the engine benchmark's growth ratios are, on the processes a run of
// `npm run bench` measured (bench/samples-file.ts): for each strategy, 10k/1k and
// 100k/10k as the ratio of the processes' means (what the bench reports) and of their
// medians, and how far each moves when the run's rounds are resampled (bench/
// resample.ts; the same draws for both). Times nothing; prints a table.
// Usage: npx tsx bench/estimators.ts [samples.json]   (default: the last run's)
import { existsSync, readFileSync } from 'node:fs';
import { CASES } from './cases.mjs';
import { TARGET as ENGINE_TARGET } from './engine-settings.ts';
import { DRAWS, mean, median, type Spread, spread } from './resample.ts';
import { SAMPLES_FILE, type SamplesFile, timesOf } from './samples-file.ts';

const TARGET = ENGINE_TARGET.ratio;
// Piped into `head`: stop quietly when the reader has gone.
process.stdout.on('error', (err: NodeJS.ErrnoException) => process.exit(err.code === 'EPIPE' ? 0 : 1));

const path = process.argv[2] ?? SAMPLES_FILE;
if (!existsSync(path)) {
  console.error(`No samples at ${path}: run \`npm run bench\` first (it writes them), or name a samples file.`);
  process.exit(1);
}
let file: SamplesFile;
try {
  file = JSON.parse(readFileSync(path, 'utf8')) as SamplesFile;
  if (typeof file.cases !== 'object' || file.cases === null) throw new Error('it has no "cases"');
} catch (err) {
  console.error(`${path} is not a samples file of \`npm run bench\`: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

const label = (id: string) => CASES.find((c) => c.id === id)?.label ?? id;
const cell = (text: string, width: number) => text.padStart(width);
const show = (s: Spread) => `${s.all.toFixed(2)} ±${s.sd.toFixed(2)} ${Math.round(s.over * 100)}%`.padStart(19);

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
