// The engine's entry point: a validated scenario in, a trace out. Pure and
// deterministic: no wall clock, no randomness, no I/O.
import type { Scenario } from '../scenario/types.ts';
import { TRACE_SCHEMA_VERSION, type Outcome, type Trace } from '../trace/types.ts';
import { simulateElasticBeanstalk } from './eb/simulate-eb.ts';
import { simulateCodeDeploy } from './codedeploy/simulate-codedeploy.ts';
import { World } from './world.ts';
import { lazyFinalTargets, lazyLists } from '../trace/lazy.ts';

export function simulate(scenario: Scenario): Trace {
  const world = new World(scenario);
  const outcome: Outcome = scenario.platform === 'ElasticBeanstalk' ? simulateElasticBeanstalk(world) : simulateCodeDeploy(world);
  // The final state too is kept as columns until read.
  const final = lazyFinalTargets({ targets: [], traffic: world.finalTraffic() }, world.finalTargets());
  world.release();
  // The last thing that happened, not the clock: timers of runs cut short (an
  // evaluation window after a rollback, say) fire as no-ops and must not stretch it.
  let durationSeconds = world.spanColumns.maxEnd;
  for (const d of world.deployments) durationSeconds = Math.max(durationSeconds, d.end);
  durationSeconds = Math.max(durationSeconds, world.phaseColumns.maxEnd);
  durationSeconds = Math.max(durationSeconds, world.changeColumns.lastTime() ?? 0);
  durationSeconds = Math.max(durationSeconds, world.eventColumns.lastTime() ?? 0);
  durationSeconds = Math.max(durationSeconds, world.sampleColumns.lastTime() ?? 0);
  // Targets, spans (sorted stably by start, then end: equal times keep causal order),
  // events (stably by time), samples, phases and changes stay columns until first
  // read: see src/trace/lazy.ts.
  const { targetColumns, spanColumns, eventColumns, sampleColumns, phaseColumns, changeColumns } = world;
  const trace: Trace = {
    schemaVersion: TRACE_SCHEMA_VERSION,
    scenario,
    outcome,
    durationSeconds,
    deployments: world.deployments,
    targets: [],
    spans: [],
    events: [],
    samples: [],
    phases: [],
    changes: [],
    machines: world.machines,
    final,
  };
  return lazyLists(trace, { targets: targetColumns, spans: spanColumns, events: eventColumns, samples: sampleColumns, phases: phaseColumns, changes: changeColumns });
}
