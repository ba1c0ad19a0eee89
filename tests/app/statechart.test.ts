import { describe, expect, it } from 'vitest';
import { allMachines } from '../../src/engine/machine-catalog.ts';
import { lifecycleOrder, type LifecycleId } from '../../src/engine/lifecycles/catalog.ts';
import type { MachineDescription } from '../../src/engine/describe-machine.ts';
import { buildIndex } from '../../src/layout/frame.ts';
import { autoTarget, firstRound, lifecycleAt, lifecycleEvents, orchestratorAt, stateAmong } from '../../src/layout/statechart.ts';
import type { Trace, TraceMachineState, TraceSpan } from '../../src/trace/types.ts';
import { readScenario, run, shippedScenarios } from '../helpers.ts';

const MACHINES = allMachines();
const traceOf = (rel: string): Trace => run(readScenario(rel) as Record<string, unknown>);
const indexOf = (rel: string) => buildIndex(traceOf(rel));

/** A hand-made orchestrator with a Ready wait, as the engine developers are adding them. */
const READY: MachineDescription = {
  id: 'serverBlueGreen',
  kind: 'orchestrator',
  description: 'test',
  initial: 'provisioning',
  states: [
    { id: 'provisioning', type: 'atomic' },
    { id: 'readyWait', type: 'atomic', description: 'Ready wait' },
    { id: 'rerouting', type: 'atomic' },
    { id: 'succeeded', type: 'final' },
    { id: 'stopped', type: 'final' },
  ],
  transitions: [
    { source: 'provisioning', target: 'readyWait', event: 'INSTALLED' },
    { source: 'readyWait', target: 'rerouting', event: 'CONTINUE' },
    { source: 'readyWait', target: 'stopped', event: 'after 3600 s' },
    { source: 'rerouting', target: 'succeeded', event: 'REROUTED' },
  ],
};

function withMachines(rel: string, machines: TraceMachineState[]) {
  return buildIndex({ ...traceOf(rel), machines });
}

describe('orchestratorAt: the latest recorded state at or before the playhead', () => {
  const index = withMachines('codedeploy/server-blue-green.json', [
    { t: 0, machine: 'serverBlueGreen', state: 'provisioning' },
    { t: 126, machine: 'serverBlueGreen', state: 'readyWait' },
    { t: 300, machine: 'serverBlueGreen', state: 'rerouting' },
  ]);
  const machines = [...MACHINES, READY];

  it('is the state entered last, with the one it came from', () => {
    expect(orchestratorAt(index, machines, 125)).toMatchObject({ machineId: 'serverBlueGreen', state: 'provisioning', since: 0 });
    expect(orchestratorAt(index, machines, 125)!.previous).toBeUndefined();
    expect(orchestratorAt(index, machines, 126)).toMatchObject({ state: 'readyWait', previous: 'provisioning', since: 126 });
    expect(orchestratorAt(index, machines, 299)).toMatchObject({ state: 'readyWait', previous: 'provisioning' });
    expect(orchestratorAt(index, machines, 300)).toMatchObject({ state: 'rerouting', previous: 'readyWait' });
    expect(orchestratorAt(index, machines, 300)!.machine).toBe(READY);
  });

  it('says when the catalogue does not know the machine, and when nothing is recorded yet', () => {
    expect(orchestratorAt(index, MACHINES, 200)).toMatchObject({ machineId: 'serverBlueGreen', machine: undefined, state: 'readyWait' });
    const late = withMachines('codedeploy/server-blue-green.json', [{ t: 10, machine: 'codeDeployDeployment', state: 'deploying' }]);
    expect(orchestratorAt(late, MACHINES, 5)).toBeUndefined();
  });

  it("follows today's engine: Rolling deploys batches, then fails", () => {
    const rolling = indexOf('elastic-beanstalk/rolling-unhealthy-instance.json');
    expect(orchestratorAt(rolling, MACHINES, 300)).toMatchObject({ machineId: 'ebRolling', state: 'deployingBatch' });
    expect(orchestratorAt(rolling, MACHINES, rolling.duration)).toMatchObject({ state: 'failed', previous: 'deployingBatch' });
  });
});

describe('lifecycleAt: the target lifecycle machine and the state it is in', () => {
  const rolling = indexOf('elastic-beanstalk/rolling-unhealthy-instance.json');

  it('is Pending before the first step, the step in progress, then Succeeded or Failed', () => {
    expect(lifecycleAt(rolling, MACHINES, 'i-3', 50)).toMatchObject({ machineId: 'ebInstanceRolling', deploymentId: 'd-1', state: 'Pending' });
    expect(lifecycleAt(rolling, MACHINES, 'i-3', 300)).toMatchObject({ state: 'health-check', previous: 'register', since: 161 });
    expect(lifecycleAt(rolling, MACHINES, 'i-3', 943)).toMatchObject({ state: 'Failed', previous: 'health-check', since: 943 });
    expect(lifecycleAt(rolling, MACHINES, 'i-1', 300)).toMatchObject({ state: 'Succeeded', previous: 'health-check', since: 103 });
  });

  it('is Skipped for a target the failed deployment never reached', () => {
    expect(lifecycleAt(rolling, MACHINES, 'i-5', 500)).toMatchObject({ machineId: 'ebInstanceRolling', state: 'Pending' });
    expect(lifecycleAt(rolling, MACHINES, 'i-5', 943)).toMatchObject({ state: 'Skipped', previous: 'Pending' });
  });

  it('between steps, waits in the next event (its machine moved there when the last one succeeded)', () => {
    const bg = indexOf('codedeploy/server-blue-green-unhealthy-replacement-rollback.json');
    // i-5 finished ValidateService at 126; its BeforeAllowTraffic runs from 192, when rerouting reaches it.
    expect(lifecycleAt(bg, MACHINES, 'i-5', 150)).toMatchObject({ machineId: 'codeDeployServerReplacement', state: 'BeforeAllowTraffic', previous: 'ValidateService', since: 126 });
  });

  it('finds each blue/green group its own machine, and the rollback machines in the rollback deployment', () => {
    const bg = indexOf('codedeploy/server-blue-green-unhealthy-replacement-rollback.json');
    expect(lifecycleAt(bg, MACHINES, 'i-5', 100).machine?.id).toBe('codeDeployServerReplacement');
    expect(lifecycleAt(bg, MACHINES, 'i-1', 100).machine?.id).toBe('codeDeployServerRollbackOriginal');
    expect(lifecycleAt(bg, MACHINES, 'i-1', 3800)).toMatchObject({ deploymentId: 'd-2', state: 'BeforeAllowTraffic' });
    expect(lifecycleAt(bg, MACHINES, 'i-5', 3920)).toMatchObject({ machineId: 'codeDeployServerRollbackReplacement', deploymentId: 'd-2', state: 'BlockTraffic' });
    const ready = indexOf('codedeploy/server-blue-green-ready-timeout.json');
    expect(lifecycleAt(ready, MACHINES, 'i-3', 200)).toMatchObject({ machineId: 'codeDeployServerReplacement', state: 'BeforeAllowTraffic' });
  });

  it('tells the in-place and Lambda and ECS lifecycles apart', () => {
    expect(lifecycleAt(indexOf('elastic-beanstalk/all-at-once.json'), MACHINES, 'i-1', 1).machine?.id).toBe('ebInstanceInPlace');
    expect(lifecycleAt(indexOf('codedeploy/lambda-canary-10-percent-5-minutes.json'), MACHINES, 'alias:live', 1).machine?.id).toBe('codeDeployLambda');
    expect(lifecycleAt(indexOf('codedeploy/ecs-all-at-once-before-install-fails.json'), MACHINES, 'replacement-task-set', 1).machine?.id).toBe('codeDeployEcs');
    expect(lifecycleAt(indexOf('codedeploy/server-one-at-a-time.json'), MACHINES, 'i-1', 1).machine?.id).toMatch(/^codeDeployServerInPlace/);
  });

  it("says so for a target that runs no lifecycle (Immutable's old instances are only detached and terminated)", () => {
    const immutable = indexOf('elastic-beanstalk/immutable.json');
    const l = lifecycleAt(immutable, MACHINES, 'i-1', 400);
    expect(l.machine).toBeUndefined();
    expect(!l.machine && l.reason).toBe('i-1 runs no lifecycle in d-1, only: deregister, terminate.');
    expect(lifecycleAt(immutable, MACHINES, 'i-6', 400).machine?.id).toBe('ebInstanceNew');
  });

  it('in every shipped scenario, picks for each target that ran steps a machine whose events contain them in order', () => {
    for (const rel of shippedScenarios()) {
      const index = indexOf(rel);
      index.targets.forEach((target, i) => {
        for (const d of index.trace.deployments) {
          const spans = index.spansByTarget[i]!.filter((s) => s.deploymentId === d.id);
          const l = lifecycleAt(index, MACHINES, target.id, d.end);
          if (!l.machine || l.deploymentId !== d.id) continue;
          const order = lifecycleOrder(l.machine.id as LifecycleId);
          const names = firstRound(spans.filter((s) => order.includes(s.name)));
          let k = -1;
          for (const s of names) {
            const at = order.indexOf(s.name);
            expect(at, `${rel} ${target.id} ${s.name} in ${l.machine.id}`).toBeGreaterThan(k);
            k = at;
          }
        }
      });
    }
  });
});

describe('stateAmong: a lifecycle machine stepped by the spans', () => {
  const server = MACHINES.find((m) => m.id === 'codeDeployServerInPlace')!;
  const span = (name: string, start: number, end: number, status: TraceSpan['status'] = 'Succeeded'): TraceSpan => ({
    target: 'i-1', name, start, end, status, deploymentId: 'd-1', revision: 'v2',
  });

  it('moves on after a failure that is ignored, and stops in Failed after one that is not', () => {
    const steps = [span('Start', 0, 1), span('ApplicationStop', 1, 5, 'Failed'), span('DownloadBundle', 5, 9)];
    expect(stateAmong(server, steps, 5)).toMatchObject({ state: 'DownloadBundle', previous: 'ApplicationStop' });
    expect(stateAmong(server, steps.slice(0, 2), 6)).toMatchObject({ state: 'Failed', previous: 'ApplicationStop' });
  });

  it('follows a skipped event to the next one', () => {
    expect(stateAmong(server, [span('Start', 0, 1), span('ApplicationStop', 1, 1, 'Skipped')], 1)).toMatchObject({ state: 'DownloadBundle', previous: 'ApplicationStop' });
  });

  it('starts Pending and ends Succeeded', () => {
    const all = lifecycleEvents(server).map((name, k) => span(name, k, k + 1));
    expect(stateAmong(server, all, 0)).toMatchObject({ state: 'Start' });
    expect(stateAmong(server, all, -1)).toMatchObject({ state: 'Pending' });
    expect(stateAmong(server, all, 100)).toMatchObject({ state: 'Succeeded', previous: 'End' });
  });
});

describe('autoTarget: the target the statechart follows unless one is picked', () => {
  it('stays on the first target with a step in progress, then on the target of the latest event', () => {
    const rolling = indexOf('elastic-beanstalk/rolling-unhealthy-instance.json');
    expect(autoTarget(rolling, 30)).toBe('i-1');
    expect(autoTarget(rolling, 300)).toBe('i-3'); // i-4 is done; i-3 is still in its health check
    const done = indexOf('elastic-beanstalk/rolling.json');
    expect(autoTarget(done, done.duration)).toBe('i-6');
  });
});
