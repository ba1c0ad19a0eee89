// The engine's entry point: a validated scenario in, a trace out. Pure and
// deterministic: no wall clock, no randomness, no I/O.
import type { Scenario } from '../scenario/types.ts';
import { TRACE_SCHEMA_VERSION, type Outcome, type Trace } from '../trace/types.ts';
import { simulateElasticBeanstalk } from './eb/simulate-eb.ts';
import { simulateCodeDeploy } from './codedeploy/simulate-codedeploy.ts';
import { World } from './world.ts';

export function simulate(scenario: Scenario): Trace {
  const world = new World(scenario);
  const outcome: Outcome = scenario.platform === 'ElasticBeanstalk' ? simulateElasticBeanstalk(world) : simulateCodeDeploy(world);
  const byTime = <T extends { t: number }>(a: T, b: T) => a.t - b.t;
  // Stable sorts keep causal order among equal times.
  const spans = world.spans.slice().sort((a, b) => a.start - b.start || a.end - b.end);
  const events = world.events.slice().sort(byTime);
  // The last thing that happened, not the clock: timers of runs cut short (an
  // evaluation window after a rollback, say) fire as no-ops and must not stretch it.
  let durationSeconds = 0;
  for (const d of world.deployments) durationSeconds = Math.max(durationSeconds, d.end);
  for (const sp of spans) durationSeconds = Math.max(durationSeconds, sp.end);
  for (const p of world.phases) durationSeconds = Math.max(durationSeconds, p.end);
  if (world.changes.length > 0) durationSeconds = Math.max(durationSeconds, world.changes[world.changes.length - 1]!.t);
  if (events.length > 0) durationSeconds = Math.max(durationSeconds, events[events.length - 1]!.t);
  if (world.samples.length > 0) durationSeconds = Math.max(durationSeconds, world.samples[world.samples.length - 1]!.t);
  return {
    schemaVersion: TRACE_SCHEMA_VERSION,
    scenario,
    outcome,
    durationSeconds,
    deployments: world.deployments,
    targets: world.targetList,
    spans,
    events,
    samples: world.samples,
    phases: world.phases,
    changes: world.changes,
    machines: world.machines,
    final: { targets: world.finalTargets(), traffic: world.finalTraffic() },
  };
}
