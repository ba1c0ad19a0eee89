// Engine benchmark (issues 7 and 10): compiles the engine with esbuild into the
// same kind of JavaScript users run (not tsx), then times every strategy at
// 1,000, 10,000 and 100,000 instances, each case in a fresh node process (bench/
// measure.mjs), beside the bare XState actor.send throughput and the same cases
// on the engine as it was before trace version 2 (BASELINE), built the same way.
// Prints numbers and met / not met; asserts nothing (these machines are noisy).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { selectedCases } from './cases.mjs';
import { BENCH_OUT as OUT, BENCH_ROOT as ROOT, bundleEngine as bundle } from './engine-bundle.ts';
import { DRAWS, mean, spread } from './resample.ts';
import { RUNS, SIZES, TARGET, WARMUP_SIZE, WARMUPS } from './engine-settings.ts';
import { type Result, type Samples, SAMPLES_FILE, type SamplesFile, runSamplesFile, timesOf } from './samples-file.ts';

/** The engine before the statecharts and trace version 2 (issue 7), for "not slower". */
const BASELINE = 'bedce7f';
/**
 * Processes per figure; the figure is their mean (see meanOf). At 1k, current and baseline
 * alternate process by process (7 each): on a shared machine a burst of load then hits
 * both sides instead of one, and a 1k run lasts tens of milliseconds, so a
 * young-generation GC or another user's burst moves it by a third.
 * At 10k and 100k the current engine's processes alternate too, one at 10k, one at
 * 100k, thirty of each: their ratio is a target, and on this shared machine the same
 * 10,000-instance run took 41–125 ms within one process (2026-11-28, 05:30), and
 * the machine's speed drifts over minutes, so sizes measured one after the other
 * (three processes at 10k, then five at 100k, as before) compared two different
 * machines. Fifteen, not nine as until 2026-11-28, 23:00: 18 rounds of every strategy
 * (docs/performance-log.md) had each strategy's processes 20–25 % apart (coefficient of
 * variation) at both sizes, and resampled, the ratio over fifteen rounds moved about a
 * quarter less than over nine. Thirty, not fifteen as until 2026-11-29, 02:27: over the six
 * runs with fifteen rounds since the warm-ups settled the JIT, every strategy's ratio
 * pooled is 8.7–10.3×, yet a run of fifteen rounds moves it by ±0.5–0.7, so one of the
 * eleven came out over 11× in two of the six runs and the verdict changed from run to
 * run with the machine, not the engine. Runs drawn from those 90 rounds per strategy have every strategy
 * within in 55 % of draws with fifteen rounds, 84 % with thirty and 95 % with 45
 * (`npx tsx bench/estimators.ts` on the runs' samples, bench/resample.ts). Thirty
 * takes the bench from 13–17 to 21–24 minutes here. The baseline is measured at 10k in
 * three of those rounds (its runs are slow; "not slower" has a 10 % margin).
 * A round measures every case once, and the next round starts over: each case's
 * processes are spread over the whole run. Until 2026-11-28 each case ran its
 * rounds one after the other, within a minute or so, and a slow (or fast) minute
 * of the shared machine, which moves the two sizes by different amounts, then moved
 * all of one case's rounds: "by round" stayed within 10.9–12.8× for one
 * case in one run, and 8–10× for it in the others (docs/performance-log.md).
 * At 100k one run per process: a single 100,000-instance run moves by ±30 % with when
 * the collector runs, and more runs in one process are worse, not steadier (the
 * previous traces fill the old space).
 */
const ROUNDS: Record<number, number> = { 1_000: 7, 10_000: 30, 100_000: 30 };
/** The rounds (from 0) that also measure the baseline at 10k: the first, the middle and the last, spread over the run. */
const BASELINE_10K_ROUNDS = new Set([0, Math.floor((ROUNDS[10_000]! - 1) / 2), ROUNDS[10_000]! - 1]);

/** The baseline sources, extracted next to node_modules so they resolve the same packages. */
function baselineSources(): string | undefined {
  const dir = join(OUT, 'baseline');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  try {
    const tar = execFileSync('git', ['-C', ROOT, 'archive', BASELINE, 'src'], { maxBuffer: 1 << 28 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    return dir;
  } catch {
    return undefined;
  }
}

function measure(bundlePath: string, args: string[], heapLimitMB?: number): Result {
  const flags = heapLimitMB ? [`--max-old-space-size=${heapLimitMB}`] : [];
  const r = spawnSync(process.execPath, [...flags, join(ROOT, 'bench/measure.mjs'), bundlePath, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as Result;
  } catch {
    return { error: r.status === null ? `killed (${r.signal})` : `exit ${r.status}${/heap/i.test(r.stderr) ? ': out of memory' : ''}` };
  }
}

/**
 * One figure of several processes of one case: the mean of their times (wall and CPU,
 * each on its own) and the largest of their memory figures; or the first error.
 * The mean, not the median as until 2026-11-28, 23:00: on this machine the processes of
 * one case spread by 20–25 % (it runs faster and slower in streaks of seconds), and the
 * median of nine moved with which of them fell in the middle. Over 18 rounds of every strategy,
 * resampled nine at a time, the ratio of the means moved about half as far as the
 * ratio of the medians in every strategy (±0.5–1.1 against ±1.1–2.0 units) and came out
 * at the same place within that (docs/performance-log.md; `tsx bench/estimators.ts` redoes
 * the comparison on a run's samples).
 */
function meanOf(results: Result[]): Result {
  const ok = results.filter((x) => !x.error);
  if (ok.length < results.length || ok.length === 0) return results.find((x) => x.error) ?? { error: 'no process ran' };
  const average = (key: 'ms' | 'cpuMs') => (ok.every((x) => x[key] !== undefined) ? mean(ok.map((x) => x[key]!)) : undefined);
  const most = (key: 'peakRssMB' | 'heapWithTraceMB') => (ok.some((x) => x[key] !== undefined) ? Math.max(...ok.map((x) => x[key] ?? 0)) : undefined);
  return { ms: average('ms'), cpuMs: average('cpuMs'), peakRssMB: most('peakRssMB'), heapWithTraceMB: most('heapWithTraceMB') };
}

/**
 * " ±0.6": the standard deviation of mean(big)/mean(small) over resamples of the
 * rounds, how far the ratio would move from run to run here; '' when a process failed.
 */
function plusMinus(big: Result[], small: Result[]): string {
  const [b, s] = [timesOf(big), timesOf(small)];
  if (!b || !s || b.length < 2 || s.length < 2) return '';
  return ` ±${spread(b, s, mean, TARGET.ratio).sd.toFixed(1)}`;
}

const args = (id: string, n: number, noRead = false) =>
  [id, String(n), String(RUNS[n]), String(WARMUPS[n]), String(WARMUP_SIZE[n]), ...(noRead ? ['no-read'] : [])];

/**
 * The 100k figure: the times of the timing processes (node's own heap limits, as
 * `deploysim run` runs), the heaps and read figures of the one run under the heap cap.
 */
function hundredK(timed: Result[], capped: Result): Result {
  const mid = meanOf(timed);
  if (mid.error) return mid;
  if (capped.error) return capped;
  const heaps = [...timed, capped].map((x) => x.heapWithTraceMB ?? 0);
  return { ...mid, heapWithTraceMB: Math.max(...heaps), readMs: capped.readMs, heapReadMB: capped.heapReadMB };
}

/**
 * The 100k/10k ratio of each round (its 100k process over the 10k process just before
 * it), as the range of the middle half of the rounds ("9.1–11.8"): how far the ratio
 * moves on this machine from one pair of processes to the next. Informational: the
 * verdict is on the ratio of the means.
 */
function roundRatios(tenK: Result[], hundredK: Result[]): string | undefined {
  const ratios: number[] = [];
  for (let k = 0; k < Math.min(tenK.length, hundredK.length); k++) {
    const a = tenK[k]!.ms;
    const b = hundredK[k]!.ms;
    if (a !== undefined && b !== undefined && a > 0) ratios.push(b / a);
  }
  if (ratios.length < 4) return undefined;
  ratios.sort((x, y) => x - y);
  const q = (f: number) => ratios[Math.round((ratios.length - 1) * f)]!;
  return `${q(0.25).toFixed(1)}–${q(0.75).toFixed(1)}`;
}

/** A growth ratio to one decimal, or two where one would hide which side of the target it is on (11.03 is not "11.0"). */
const ratioText = (r: number) => (Number(r.toFixed(1)) === TARGET.ratio && r !== TARGET.ratio ? r.toFixed(2) : r.toFixed(1));
const fmt = (ms: number | undefined) => (ms === undefined ? '—' : ms < 10 ? `${ms.toFixed(2)} ms` : ms < 10_000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(1)} s`);
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');
const cell = (text: string, width = 12) => text.padStart(width);

// BENCH_CASES=eb-Immutable,cd-IN_PLACE-AllAtOnce times only those cases (ids from bench/cases.mjs); checked before anything is built.
const cases = selectedCases();
mkdirSync(OUT, { recursive: true });
const current = await bundle(ROOT, 'current.mjs');
const baseDir = baselineSources();
const baseline = baseDir ? await bundle(baseDir, 'baseline.mjs') : undefined;

const method = (n: number) =>
  `${n / 1000}k: ${WARMUPS[n]} warm-ups${WARMUP_SIZE[n] === n ? '' : ` at ${WARMUP_SIZE[n]! / 1000}k`}, ${RUNS[n] === 1 ? '1 run' : `mean of ${RUNS[n]} runs`}, mean of ${ROUNDS[n]} processes` +
  (n === 10_000 ? ' (alternating with the 100k ones)' : '') +
  (n === 100_000 ? ` (heaps from one more process under --max-old-space-size=${TARGET.heapMB})` : '');
console.log(
  `deploysim engine benchmark — node ${process.version}, compiled with esbuild, each case in fresh processes; ` +
    `${SIZES.map(method).join('; ')}; the baseline (same settings) alternating with them at 1k and in ${BASELINE_10K_ROUNDS.size} of the 10k rounds; ` +
    `each round times every strategy once, so each strategy's processes are spread over the whole run`,
);
const x = measure(current, ['xstate']);
console.log(`Bare XState: ${Math.round(x.eventsPerSecond ?? 0).toLocaleString('en')} actor.send events/s (one actor, same run)\n`);
const misses: string[] = [];
const slower: string[] = [];
/** Each strategy's 100k/10k if its time grew linearly from its 1k and 10k figures (see the note printed below the table). */
const linear: number[] = [];

// A case's processes are collected round by round (see ROUNDS).
const samples = new Map<string, Samples>(cases.map((c) => [c.id, { oneK: { now: [], before: [] }, tenK: { now: [], before: [] }, timed: [] }]));
const roundCount = Math.max(ROUNDS[1_000]!, ROUNDS[10_000]!, ROUNDS[100_000]!);
const began = Date.now();
for (let k = 0; k < roundCount; k++) {
  // Every case in each round (see ROUNDS): a slow minute of the machine costs each case one round, not one case all of its rounds.
  for (const c of cases) {
    const s = samples.get(c.id)!;
    // At 1k, current and baseline alternate process by process.
    // No read between the runs: its garbage would be collected in the next run's time.
    if (k < ROUNDS[1_000]!) {
      s.oneK.now.push(measure(current, args(c.id, 1_000, true)));
      if (baseline) s.oneK.before.push(measure(baseline, args(c.id, 1_000, true)));
    }
    // At 10k and 100k, the current engine's sizes alternate process by process, the
    // baseline at 10k in three rounds spread over the run. The 100k
    // processes run with node's own heap limits, as users run the CLI: under --max-old-space-size=400 V8 collects the old
    // generation sooner and more often (an Immutable run: 3 full collections instead of 1),
    // and a run took 30–45 % longer (CPU, medians of five processes: Immutable 1.41 against
    // 0.95 s, BlueGreen 0.83 against 0.58 s). One more process per case runs under the cap (a peak
    // over 400 MB would end it) and reads the whole trace: the heap figures ("heap 100k",
    // "heap read") and "read 100k" are its own.
    if (k < ROUNDS[10_000]!) s.tenK.now.push(measure(current, args(c.id, 10_000, true)));
    if (baseline && BASELINE_10K_ROUNDS.has(k)) s.tenK.before.push(measure(baseline, args(c.id, 10_000, true)));
    if (k < ROUNDS[100_000]!) s.timed.push(measure(current, args(c.id, 100_000, true)));
  }
  // Progress on stderr: the table comes once every round has run.
  process.stderr.write(`round ${k + 1} of ${roundCount} done (${Math.round((Date.now() - began) / 1000)} s)\n`);
}
// Every process's figures, round by round, for a second look (bench/estimators.ts).
const file: SamplesFile = { node: process.version, finished: new Date().toISOString(), cases: Object.fromEntries(samples) };
// The last run's, and each run's under its own name: several runs pooled answer what one cannot.
const kept = runSamplesFile(file.finished);
mkdirSync(dirname(kept), { recursive: true });
for (const path of [SAMPLES_FILE, kept]) writeFileSync(path, `${JSON.stringify(file)}\n`);

console.log(
  `${'strategy'.padEnd(44)}${cell('1k')}${cell('10k')}${cell('100k')}${cell('10k/1k', 12)}${cell('100k/10k', 13)}${cell('by round', 12)}${cell('heap 100k', 11)}${cell('before 1k', 12)}${cell('before 10k', 12)}${cell('cpu 10k', 11)}${cell('cpu 100k', 11)}${cell('read 100k', 11)}${cell('heap read', 11)}`,
);
for (const c of cases) {
  const { oneK, tenK, timed } = samples.get(c.id)!;
  const capped = measure(current, args(c.id, 100_000), TARGET.heapMB);
  const r = [meanOf(oneK.now), meanOf(tenK.now), hundredK(timed, capped)];
  const b = baseline ? [meanOf(oneK.before), meanOf(tenK.before)] : [];
  const [at1k, at10k, at100k] = r.map((x) => x.ms);
  const ratio10 = at1k && at10k ? at10k / at1k : undefined;
  const ratio100 = at10k && at100k ? at100k / at10k : undefined;
  // How far each ratio would move in another run (bench/resample.ts), printed beside it.
  const [pm10, pm100] = [plusMinus(tenK.now, oneK.now), plusMinus(timed, tenK.now)];
  const spread = roundRatios(tenK.now, timed);
  if (at1k && at10k) linear.push(11 - (10 * at1k) / at10k);
  const heap = r[2]?.heapWithTraceMB;
  console.log(
    `${c.label.padEnd(44)}${r.map((x) => cell(x.error ? 'error' : fmt(x.ms))).join('')}${cell(ratio10 ? `${ratioText(ratio10)}${pm10}` : '—', 12)}${cell(ratio100 ? `${ratioText(ratio100)}${pm100}` : '—', 13)}${cell(spread ?? '—', 12)}${cell(heap ? `${Math.round(heap)} MB` : '—', 11)}${b.map((x) => cell(x.error ? 'error' : fmt(x.ms))).join('')}${cell(fmt(r[1]?.cpuMs), 11)}${cell(fmt(r[2]?.cpuMs), 11)}${cell(fmt(r[2]?.readMs), 11)}${cell(r[2]?.heapReadMB ? `${Math.round(r[2].heapReadMB)} MB` : '—', 11)}`,
  );
  for (const [i, x] of r.entries()) if (x.error) console.log(`    ${SIZES[i]!.toLocaleString('en')} instances: ${x.error}`);
  if (!(at10k !== undefined && at10k < TARGET.ms10k)) misses.push(`${c.label}: 10k ${fmt(at10k)} (target < ${TARGET.ms10k} ms)`);
  if (!(at100k !== undefined && at100k < TARGET.ms100k)) misses.push(`${c.label}: 100k ${fmt(at100k)} (target < ${TARGET.ms100k} ms)`);
  if (!(ratio10 !== undefined && ratio10 <= TARGET.ratio)) misses.push(`${c.label}: 10k/1k ${ratio10 ? ratioText(ratio10) : '—'} (target ≤ ${TARGET.ratio})`);
  if (!(ratio100 !== undefined && ratio100 <= TARGET.ratio)) misses.push(`${c.label}: 100k/10k ${ratio100 ? ratioText(ratio100) : '—'} (target ≤ ${TARGET.ratio})`);
  // The heap target holds for the trace read whole (every span and change built), the larger figure.
  const peak = heap === undefined ? undefined : Math.max(heap, r[2]?.heapReadMB ?? 0);
  if (r[2]?.error || !(peak !== undefined && peak < TARGET.heapMB)) misses.push(`${c.label}: heap at 100k ${peak ? `${Math.round(peak)} MB` : r[2]?.error} (target < ${TARGET.heapMB} MB)`);
  // Compared on CPU time (wall time when a figure lacks it): on a shared machine the wall
  // time of two processes minutes apart mostly measures the other users.
  for (const [i, n] of [1_000, 10_000].entries()) {
    const cpu = r[i]?.cpuMs !== undefined && b[i]?.cpuMs !== undefined;
    const now = cpu ? r[i]?.cpuMs : r[i]?.ms;
    const before = cpu ? b[i]?.cpuMs : b[i]?.ms;
    if (now !== undefined && before !== undefined && now > before * TARGET.notSlower) slower.push(`${c.label} at ${n.toLocaleString('en')}: ${fmt(now)} now, ${fmt(before)} before${cpu ? ' (CPU)' : ''}`);
  }
}
console.log('');
if (linear.length > 0) {
  // t(n) = F + a·n through the 1k and 10k figures gives t(100k) = t(10k) + 10·(t(10k) − t(1k)), so 100k/10k = 11 − 10·t(1k)/t(10k).
  const [lo, hi] = [Math.min(...linear).toFixed(1), Math.max(...linear).toFixed(1)];
  console.log(
    `Linear growth (a fixed part and a part per instance, through each strategy's 1k and 10k figures) would give 100k/10k = 11 − 10 × 1k/10k: ${lo === hi ? lo : `${lo}–${hi}`}× in this run ` +
      '(informational: how close an engine whose time grows exactly with the fleet comes to the 11× target).',
  );
}
console.log(`"±" beside a ratio: its standard deviation when the run's rounds are resampled (${DRAWS.toLocaleString('en')} draws with replacement, bench/resample.ts): about how far it would move in another run on this machine.`);
console.log('"by round": the 100k/10k ratio of each round (a 100k process over the 10k process just before it), the middle half of the rounds: how far the ratio moves from one pair of processes to the next on this machine (no target; the verdict is on the ratio of the means, "100k/10k").');
console.log('Times are wall clock: in each process the mean of its timed runs (so each run carries its share of the collector), and of the processes the mean (steadier here than their median: docs/performance-log.md); "cpu 10k" and "cpu 100k" are the CPU time of the same runs (GC and compiler threads included), steadier on a shared machine.');
console.log(
  'simulate() returns the trace with its targets, spans, events, samples, phases and changes unbuilt: they become objects when first read (src/trace/lazy.ts; `run --json` builds only the targets), ' +
    'and per-target event messages and skipped-step reasons are written then too. ' +
    'The times above are simulate() alone; "read 100k" (informational, no target) is the time to then read every target, span, event, sample, phase and change at 100,000 instances, ' +
    '"heap read" the heap with them built (the heap target is checked on the larger of it and "heap 100k", the heap with the trace as simulate() returns it).',
);
console.log('');
console.log(`Issue 10 targets (10k < ${TARGET.ms10k} ms, 100k < ${TARGET.ms100k} ms, growth ≤ ${TARGET.ratio}×, heap < ${TARGET.heapMB} MB, every strategy): ${verdict(misses.length === 0)}`);
for (const m of misses) console.log(`  not met: ${m}`);
if (baseline) {
  console.log(`Issue 7, not slower than before trace version 2 (${BASELINE}) at 1k and 10k in CPU time (within ${Math.round((TARGET.notSlower - 1) * 100)}% noise): ${verdict(slower.length === 0)}`);
  for (const s of slower) console.log(`  slower: ${s}`);
} else console.log(`Baseline ${BASELINE} not available (no git history here): no before/after comparison.`);
console.log(
  `Every process's figures, round by round: ${SAMPLES_FILE}, and this run's kept as ${kept} (\`npx tsx bench/estimators.ts\` compares the mean and the median on them; given several runs' files, it pools their rounds).`,
);
console.log('Lambda and ECS deployments have one target (an alias, a task set): their cost does not grow with a fleet, so they are not in this table.');
// The trace size (issue 10) follows: `npm run bench` runs bench/trace-size.ts next.
