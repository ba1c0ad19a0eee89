// Times one case in a fresh node process (so memory figures are its own), with
// the compiled engine bundle the benchmark built. Prints one JSON line.
// Usage: node bench/measure.mjs <bundle.mjs> <case id> <instances> <runs> <warm-ups> [<warm-up instances>] [no-read]
//        node bench/measure.mjs <bundle.mjs> xstate
// <warm-up instances> (default <instances>): the fleet size of the warm-up runs. At
// 100,000 the JIT is warmed on 10,000-instance runs: a warm-up at 100,000 would leave
// its trace filling the old space under the measured run. `no-read` skips the read step.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { CASES } from './cases.mjs';

const [bundlePath, caseId, n, runs, warmups, warmupN = n, read = 'read'] = process.argv.slice(2);
const engine = await import(pathToFileURL(bundlePath).href);

if (caseId === 'xstate') {
  const { createActor, createMachine } = engine;
  const toggle = createMachine({ initial: 'a', states: { a: { on: { T: 'b' } }, b: { on: { T: 'a' } } } });
  const actor = createActor(toggle).start();
  const events = 500_000;
  for (let i = 0; i < 10_000; i++) actor.send({ type: 'T' });
  const start = performance.now();
  for (let i = 0; i < events; i++) actor.send({ type: 'T' });
  console.log(JSON.stringify({ eventsPerSecond: events / ((performance.now() - start) / 1000) }));
  process.exit(0);
}

const c = CASES.find((x) => x.id === caseId);
const scenarioOf = (size) => {
  const v = engine.validateScenario({ name: 'bench', ...c.build(Number(size)) });
  if (v.ok) return v.scenario;
  console.log(JSON.stringify({ error: v.problems.map((p) => `${p.path}: ${p.message}`).join('; ') }));
  process.exit(0);
};
const scenario = scenarioOf(n);
const warmupScenario = warmupN === n ? scenario : scenarioOf(warmupN);
const times = [];
// CPU time of this process (GC threads included) beside the wall time: on a shared
// machine it shows the work done, where the wall time also shows the waiting.
const cpuTimes = [];
let heapAfter = 0;
// simulate() leaves the trace's targets, spans, events, samples, phases and changes unbuilt until
// first read (src/trace/lazy.ts): the time and heap to read them all are measured apart, after each run.
const readTimes = [];
const readCpuTimes = [];
let heapRead = 0;
try {
  // Warm-ups: the first runs of a fresh process mostly measure the JIT compiling the
  // engine (on background threads, so CPU time counts it too), not the engine: at
  // 10,000 instances a run only settles after nine to twelve (bench/engine-settings.ts).
  for (let i = 0; i < Number(warmups); i++) engine.simulate(warmupScenario);
  for (let i = 0; i < Number(runs); i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const trace = engine.simulate(scenario);
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
    heapAfter = Math.max(heapAfter, process.memoryUsage().heapUsed);
    if (read === 'no-read') continue;
    const readCpu = process.cpuUsage();
    const readStart = performance.now();
    // `?.`: the baseline's traces (before trace version 2) have no `changes`.
    let rows = 0;
    for (const key of ['targets', 'spans', 'events', 'samples', 'phases', 'changes']) rows += trace[key]?.length ?? 0;
    if (rows < 0) throw new Error('unreachable');
    readTimes.push(performance.now() - readStart);
    const readUsed = process.cpuUsage(readCpu);
    readCpuTimes.push((readUsed.user + readUsed.system) / 1000);
    heapRead = Math.max(heapRead, process.memoryUsage().heapUsed);
  }
} catch (err) {
  console.log(JSON.stringify({ error: err instanceof Error ? err.message : String(err) }));
  process.exit(0);
}
for (const list of [times, cpuTimes, readTimes, readCpuTimes]) list.sort((a, b) => a - b);
const median = (list) => list[Math.floor(list.length / 2)];
// A run's time is the mean of the process's runs, not their median: a run leaves
// garbage that a later run's collection pays for, and the median run of a few is
// often one without a collection, where one 100,000-instance run always has its
// own. The mean gives each run its share of the collector at every size, so
// 10k/1k and 100k/10k compare the same work.
const mean = (list) => list.reduce((a, b) => a + b, 0) / list.length;
console.log(
  JSON.stringify({
    ms: mean(times),
    cpuMs: mean(cpuTimes),
    // Peak resident memory of this process (KB on Linux): an upper bound of the run's peak heap.
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    heapWithTraceMB: heapAfter / 1024 / 1024,
    // Informational: building every span, event, sample, phase and change object of the trace, after the run.
    readMs: median(readTimes),
    readCpuMs: median(readCpuTimes),
    heapReadMB: read === 'no-read' ? undefined : heapRead / 1024 / 1024,
  }),
);
