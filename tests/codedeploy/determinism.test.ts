// The same scenario always gives the same trace, and a fault injected at time t
// (the app does this at the playhead) leaves everything before t unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../src/trace/types.ts';
import { cd } from './helpers.ts';

const SETUPS: Record<string, Record<string, unknown>> = {
  'Server in-place': { instances: 5, deploymentConfigName: 'CodeDeployDefault.HalfAtATime', loadBalancer: true, autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM'] } },
  'Server blue/green': { deploymentType: 'BLUE_GREEN', instances: 3, autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_STOP_ON_REQUEST'] } },
  Lambda: { computePlatform: 'Lambda', deploymentConfigName: 'CodeDeployDefault.LambdaLinear10PercentEvery1Minute', autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_STOP_ON_ALARM'] } },
  ECS: { computePlatform: 'ECS', deploymentConfigName: 'CodeDeployDefault.ECSCanary10Percent5Minutes' },
};

/** Everything recorded strictly before `t`. */
function before(trace: Trace, t: number) {
  return {
    spans: trace.spans.filter((s) => s.end < t),
    events: trace.events.filter((e) => e.t < t),
    samples: trace.samples.filter((s) => s.t < t),
    deployments: trace.deployments.filter((d) => d.start < t).map((d) => ({ id: d.id, start: d.start, revision: d.revision })),
  };
}

describe.each(Object.keys(SETUPS))('%s', (name) => {
  const settings = SETUPS[name]!;

  it('gives byte-identical traces for the same scenario', () => {
    expect(JSON.stringify(cd(settings))).toBe(JSON.stringify(cd(settings)));
  });

  it('a fault injected at t changes nothing before t', () => {
    const plain = cd(settings);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: Math.max(2, Math.floor(plain.durationSeconds)) }),
        fc.constantFrom('Alarm', 'StopDeployment', 'BadVersion', 'HookFailure'),
        (at, type) => {
          const fault =
            type === 'HookFailure'
              ? { type, event: name === 'ECS' ? 'AfterAllowTestTraffic' : name === 'Lambda' ? 'AfterAllowTraffic' : 'AfterInstall', at }
              : { type, at };
          const forked = cd(settings, { faults: [fault] });
          expect(before(forked, at)).toEqual(before(plain, at));
        },
      ),
      { numRuns: 40 },
    );
  });
});
