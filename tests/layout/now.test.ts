import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/layout/frame.ts';
import { nowLine, phasesAt, listIds } from '../../src/layout/now.ts';
import { lambdaRollbackFixture, readyWaitFixture, rollingFixture } from './fixtures.ts';
import { eb } from '../helpers.ts';

describe('nowLine', () => {
  it('says which batch runs, what it waits for and how long is left of EB\'s Timeout + 240 s', () => {
    const index = buildIndex(rollingFixture());
    // 121 s + 840 s = 961 s; at 498 s, 463 s (7:43) are left.
    const line = nowLine(index, 498);
    expect(line.phase).toBe('Batch 2 of 2');
    expect(line.text).toBe('Batch 2 of 2 — waiting for i-3 to pass health checks: 7:43 left of Timeout 600 s + 240 s');
  });

  it('counts down a batch that carries the deadline itself', () => {
    const trace = rollingFixture();
    trace.phases = trace.phases.filter((p) => p.kind === 'batch');
    trace.phases[1]!.deadline = 961;
    expect(nowLine(buildIndex(trace), 498).text).toBe('Batch 2 of 2 — waiting for i-3 to pass health checks: 7:43 left of Timeout 600 s + 240 s');
  });

  it('names what each target of the batch is doing before the wait', () => {
    const index = buildIndex(rollingFixture());
    expect(nowLine(index, 5).text).toBe('Batch 1 of 2 — i-1 and i-2 leaving traffic (deregister)');
    expect(nowLine(index, 30).text).toBe('Batch 1 of 2 — i-1 and i-2 running procfile');
    expect(nowLine(index, 40).text).toBe('Batch 1 of 2 — waiting for i-1 and i-2 to pass health checks');
  });

  it('counts a timed wait up against its length and shows the traffic split', () => {
    const index = buildIndex(lambdaRollbackFixture());
    const line = nowLine(index, 186);
    expect(line.text).toBe('Canary · Canary interval 3:00 of 5:00 — production traffic v1 90% · v2 10%');
  });

  it('says a Ready wait ends on ContinueDeployment or when its time runs out', () => {
    const index = buildIndex(readyWaitFixture());
    expect(nowLine(index, 0).text).toBe('Deployment d-1 in progress');
    expect(nowLine(index, 75).text).toBe('Deployment d-1 in progress — i-2 running BeforeInstall');
    expect(nowLine(index, 0.5 * 60 + 120).text).toBe('Ready wait: ContinueDeployment or 9:30 left');
  });

  it('counts a Lambda or ECS termination wait against its length (ContinueDeployment is documented for EC2 blue/green)', () => {
    const trace = lambdaRollbackFixture();
    trace.phases = [{ deploymentId: 'd-1', kind: 'wait', name: 'Termination wait', start: 6, end: 300, deadline: 306 }];
    expect(nowLine(buildIndex(trace), 66).text).toBe('Termination wait 1:00 of 5:00 — production traffic v1 90% · v2 10%');
  });

  it('at the last instant says how every deployment ended, the rollback included', () => {
    const index = buildIndex(lambdaRollbackFixture());
    expect(nowLine(index, 300).text).toBe('Deployment d-1 Stopped at 5:00; Rollback deployment d-2 Succeeded at 5:00');
    expect(nowLine(buildIndex(readyWaitFixture()), 720).text).toBe('Deployment d-1 Stopped at 12:00');
  });

  it('shows the traffic split during a Lambda interval that is not nested in a traffic shift', () => {
    const trace = lambdaRollbackFixture();
    trace.phases = trace.phases.filter((p) => p.kind !== 'traffic-shift');
    expect(nowLine(buildIndex(trace), 66).text).toBe('Canary interval 1:00 of 5:00 — production traffic v1 90% · v2 10%');
  });

  it('marks a rollback phase inside the user deployment (terminating a temporary group) as rollback', () => {
    const trace = rollingFixture();
    trace.phases.push({ deploymentId: 'd-1', kind: 'rollback', name: 'Terminate the temporary group', start: 900, end: 961 });
    const line = nowLine(buildIndex(trace), 930);
    expect(line.rollback).toBe(true);
    expect(line.phase).toBe('Batch 2 of 2 · Terminate the temporary group');
  });

  it('marks a running rollback deployment', () => {
    const trace = lambdaRollbackFixture();
    trace.deployments[1]!.end = 320;
    trace.durationSeconds = 320;
    trace.phases[2]!.end = 320;
    const line = nowLine(buildIndex(trace), 310);
    expect(line.rollback).toBe(true);
    expect(line.phase).toBe('Rollback · d-2');
  });

  it('finds open phases outer first, and none outside them', () => {
    const index = buildIndex(rollingFixture());
    expect(phasesAt(index, 'd-1', 200).map((p) => p.name)).toEqual(['Batch 2 of 2', 'Health check Timeout']);
    expect(phasesAt(index, 'd-1', 961)).toEqual([]);
  });

  it('works on a trace without phases (the deployment and what its targets do)', () => {
    const index = buildIndex(eb({ instances: 4, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2 }, { timings: {} }));
    index.phases.length = 0;
    expect(nowLine(index, 5).text).toMatch(/^Deployment d-1 in progress — i-1 and i-2 leaving traffic \(deregister\)$/);
  });

  it('lists at most three ids', () => {
    expect(listIds(['a', 'b', 'c', 'd', 'e'])).toBe('a, b, c and 2 more');
    expect(listIds(['a', 'b', 'c', 'd'])).toBe('a, b, c and d');
    expect(listIds(['a'])).toBe('a');
  });
});
