// Prints how long simulating 100, 1,000 and 10,000 instances takes per policy,
// next to the bare throughput of an XState actor measured in the same run.
// Targets (issues 2 and 3): 1,000 instances under 100 ms and 10,000 under 1 s for
// every policy, growing linearly. Numbers, not assertions: machines here are shared.
import { performance } from 'node:perf_hooks';
import { createActor, createMachine } from 'xstate';
import { simulate } from '../src/engine/simulate.ts';
import { formatProblem, validateScenario } from '../src/scenario/validate.ts';
import type { Scenario } from '../src/scenario/types.ts';

const SIZES = [100, 1_000, 10_000];

interface Case {
  label: string;
  build: (n: number) => Record<string, unknown>;
}

const eb = (policy: string, extra: Record<string, unknown> = {}): Case => ({
  label: `ElasticBeanstalk ${policy}`,
  build: (n) => ({ platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: n, DeploymentPolicy: policy, ...extra } }),
});

const CASES: Case[] = [
  eb('AllAtOnce'),
  eb('Rolling', { BatchSizeType: 'Percentage', BatchSize: 25 }),
  eb('RollingWithAdditionalBatch', { BatchSizeType: 'Percentage', BatchSize: 25 }),
  eb('Immutable'),
  eb('TrafficSplitting'),
  eb('BlueGreen'),
  {
    label: 'CodeDeploy Server IN_PLACE HalfAtATime',
    build: (n) => ({
      platform: 'CodeDeploy',
      codeDeploy: { computePlatform: 'Server', deploymentType: 'IN_PLACE', deploymentConfigName: 'CodeDeployDefault.HalfAtATime', instances: n, loadBalancer: true },
    }),
  },
  {
    label: 'CodeDeploy Server IN_PLACE OneAtATime',
    build: (n) => ({
      platform: 'CodeDeploy',
      codeDeploy: { computePlatform: 'Server', deploymentType: 'IN_PLACE', deploymentConfigName: 'CodeDeployDefault.OneAtATime', instances: n, loadBalancer: true },
    }),
  },
];

function scenario(raw: Record<string, unknown>): Scenario | string {
  const v = validateScenario({ name: 'bench', ...raw });
  return v.ok ? v.scenario : v.problems.map(formatProblem).join('; ');
}

/** Median wall time of `runs` calls, after one warm-up call. */
function time(fn: () => void, runs: number): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function xstateThroughput(): { eventsPerSecond: number; actorsPerSecond: number } {
  const toggle = createMachine({ initial: 'a', states: { a: { on: { T: 'b' } }, b: { on: { T: 'a' } } } });
  const events = 200_000;
  const actor = createActor(toggle).start();
  let start = performance.now();
  for (let i = 0; i < events; i++) actor.send({ type: 'T' });
  const eventsPerSecond = events / ((performance.now() - start) / 1000);
  const actors = 20_000;
  start = performance.now();
  for (let i = 0; i < actors; i++) createActor(toggle).start().stop();
  const actorsPerSecond = actors / ((performance.now() - start) / 1000);
  return { eventsPerSecond, actorsPerSecond };
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1)).padStart(8) + ' ms';

console.log(`deploysim engine benchmark (node ${process.version}, median of runs after a warm-up)\n`);
const x = xstateThroughput();
console.log(`Bare XState actor: ${Math.round(x.eventsPerSecond).toLocaleString('en')} events/s sent to one actor; ${Math.round(x.actorsPerSecond).toLocaleString('en')} actors/s created, started and stopped\n`);
console.log(`${'case'.padEnd(42)}${SIZES.map((n) => `${n.toLocaleString('en')} inst.`.padStart(14)).join('')}   10k/1k (10 = linear)`);
let worst1k = 0;
let worst10k = 0;
for (const c of CASES) {
  const cells: string[] = [];
  let growth = '';
  let at1k = 0;
  for (const n of SIZES) {
    const s = scenario(c.build(n));
    if (typeof s === 'string') {
      cells.push('invalid'.padStart(14));
      continue;
    }
    try {
      const ms = time(() => simulate(s), n >= 10_000 ? 3 : 7);
      if (n === 1_000) {
        worst1k = Math.max(worst1k, ms);
        at1k = ms;
      }
      if (n === 10_000) {
        worst10k = Math.max(worst10k, ms);
        growth = at1k > 0 ? (ms / at1k).toFixed(1) : '';
      }
      cells.push(fmt(ms).padStart(14));
    } catch (err) {
      cells.push(`error`.padStart(14));
      console.error(`${c.label} @ ${n}: ${err instanceof Error ? err.message : err}`);
    }
  }
  console.log(`${c.label.padEnd(42)}${cells.join('')}   ${growth.padStart(8)}`);
}
console.log(`\nSlowest at 1,000 instances: ${worst1k.toFixed(1)} ms (target < 100 ms) ${worst1k < 100 ? 'OK' : 'OVER'}`);
console.log(`Slowest at 10,000 instances: ${worst10k.toFixed(1)} ms (target < 1000 ms) ${worst10k < 1000 ? 'OK' : 'OVER'}`);
