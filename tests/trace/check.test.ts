// checkTrace catches every kind of inconsistency a wrong engine could produce.
import { describe, expect, it } from 'vitest';
import { checkTrace, replayChanges } from '../../src/trace/check.ts';
import type { Trace } from '../../src/trace/types.ts';
import { eb } from '../helpers.ts';

const good = () => structuredClone(eb({ instances: 4, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2 }));

describe('checkTrace', () => {
  it('accepts a simulated trace, and replaying its changes gives the final state', () => {
    const trace = good();
    expect(checkTrace(trace)).toEqual([]);
    const replayed = replayChanges(trace);
    for (const f of trace.final.targets) expect(replayed.get(f.id)).toMatchObject({ version: f.version, state: f.state, healthy: f.healthy });
  });

  it.each<[string, (t: Trace) => void, RegExp]>([
    ['a deployment still InProgress', (t) => (t.deployments[0]!.status = 'InProgress'), /d-1 ended in status InProgress/],
    ['an outcome that disagrees', (t) => (t.outcome = 'Failed'), /outcome Failed disagrees with deployment d-1/],
    ['traffic not summing to 100', (t) => (t.samples[1]!.traffic = { v1: 50, v2: 40 }), /sums to 90/],
    ['a final state the changes do not give', (t) => (t.final.targets[0]!.version = 'v9'), /replaying the changes of i-1/],
    ['a phase outside its deployment', (t) => t.phases.push({ deploymentId: 'd-1', kind: 'wait', name: 'late', start: 0, end: 1e6 }), /lies outside deployment d-1/],
    ['a batch without targets', (t) => t.phases.push({ deploymentId: 'd-1', kind: 'batch', name: 'Batch 9', start: 0, end: 1 }), /does not name its targets/],
    ['events out of order', (t) => t.events.reverse(), /events are not in time order/],
  ])('reports %s', (_, corrupt, expected) => {
    const trace = good();
    corrupt(trace);
    expect(checkTrace(trace).join('\n')).toMatch(expected);
  });
});
