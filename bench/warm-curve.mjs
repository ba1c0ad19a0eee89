// How many warm-ups a fleet size needs (docs/performance-log.md): times every run of one
// case in one fresh process, from the first, with the bundle `npm run bench` built.
// Prints one line: "<case> <instances> wall/cpu wall/cpu …" in ms, run by run.
// Usage: node bench/warm-curve.mjs <bundle.mjs> <case id> <instances> [runs=16]
// Run it in several processes and take the median of each column: one process is noisy.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { CASES } from './cases.mjs';

const [bundlePath, caseId, n, runs = '16'] = process.argv.slice(2);
const engine = await import(pathToFileURL(resolve(bundlePath)).href);
const c = CASES.find((x) => x.id === caseId);
if (!c) throw new Error(`no case ${caseId}; cases: ${CASES.map((x) => x.id).join(', ')}`);
const v = engine.validateScenario({ name: 'bench', ...c.build(Number(n)) });
if (!v.ok) throw new Error(v.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
const out = [];
for (let i = 0; i < Number(runs); i++) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  engine.simulate(v.scenario);
  const used = process.cpuUsage(cpu);
  out.push(`${(performance.now() - start).toFixed(0)}/${((used.user + used.system) / 1000).toFixed(0)}`);
}
console.log(caseId, n, out.join(' '));
