// The lifecycle statecharts against AWS's documented hook order (reference §2.1,
// §2.2, §1.4), copied here by hand from the reference so that a change to the
// facts or the machines that breaks the order fails a test. Path tests (xstate/graph)
// prove every path ends in a final state.
import { describe, expect, it } from 'vitest';
import { getSimplePaths } from 'xstate/graph';
import { initialTransition, transition } from 'xstate';
import { LIFECYCLES, lifecycleOrder, type LifecycleId } from '../../src/engine/lifecycles/catalog.ts';
import { lifecycleMachine } from '../../src/engine/lifecycles/lifecycle-machine.ts';
import { compileOrder } from '../../src/engine/lifecycles/compile.ts';

const split = (s: string) => s.split(' → ');

// Reference §2.1 and §2.2, verbatim.
const REFERENCE: Partial<Record<LifecycleId, string[]>> = {
  codeDeployServerInPlace: split('Start → ApplicationStop → DownloadBundle → BeforeInstall → Install → AfterInstall → ApplicationStart → ValidateService → End'),
  codeDeployServerInPlaceLoadBalancer: split(
    'Start → BeforeBlockTraffic → BlockTraffic → AfterBlockTraffic → ApplicationStop → DownloadBundle → BeforeInstall → Install → AfterInstall → ApplicationStart → ValidateService → BeforeAllowTraffic → AllowTraffic → AfterAllowTraffic → End',
  ),
  codeDeployLambda: split('Start → BeforeAllowTraffic → AllowTraffic → AfterAllowTraffic → End'),
  codeDeployEcs: split(
    'Start → BeforeInstall → Install → AfterInstall → AllowTestTraffic → AfterAllowTestTraffic → BeforeAllowTraffic → AllowTraffic → AfterAllowTraffic → End',
  ),
  // "replacement instances run ApplicationStop … ValidateService, then BeforeAllowTraffic → AllowTraffic → AfterAllowTraffic"
  codeDeployServerReplacement: split(
    'Start → ApplicationStop → DownloadBundle → BeforeInstall → Install → AfterInstall → ApplicationStart → ValidateService → BeforeAllowTraffic → AllowTraffic → AfterAllowTraffic → End',
  ),
  codeDeployServerOriginal: split('Start → BeforeBlockTraffic → BlockTraffic → AfterBlockTraffic → End'),
  codeDeployServerRollbackOriginal: split('BeforeAllowTraffic → AllowTraffic → AfterAllowTraffic'),
  codeDeployServerRollbackReplacement: split('BeforeBlockTraffic → BlockTraffic → AfterBlockTraffic'),
};

// Reference §1.4: Initial (download, commands, prebuild), Configure (Buildfile, proxy, container_commands, predeploy), Deploy (Procfile, proxy, postdeploy).
const EB_WORKFLOW = ['download', 'commands', 'prebuild', 'buildfile', 'proxy-config', 'container_commands', 'predeploy', 'procfile', 'proxy-apply', 'postdeploy'];

describe('lifecycle machines follow AWS order', () => {
  it.each(Object.entries(REFERENCE))('%s', (id, order) => {
    expect(lifecycleOrder(id as LifecycleId)).toEqual(order);
  });

  it('Elastic Beanstalk instances run the platform workflow between leaving and rejoining the load balancer', () => {
    expect(lifecycleOrder('ebInstanceRolling')).toEqual(['deregister', ...EB_WORKFLOW, 'register', 'health-check']);
    expect(lifecycleOrder('ebInstanceInPlace')).toEqual([...EB_WORKFLOW, 'health-check']);
    expect(lifecycleOrder('ebInstanceNew')).toEqual(['launch', ...EB_WORKFLOW, 'register', 'health-check']);
    expect(lifecycleOrder('ebInstanceNewStandby')).toEqual(['launch', ...EB_WORKFLOW, 'health-check']);
  });

  it('compiles the order from the machine, not from a list beside it', () => {
    const m = lifecycleMachine('t', ['A', 'B', 'C'], { description: 'test' });
    expect(compileOrder(m)).toEqual(['A', 'B', 'C']);
    // Remove the transition out of B: the machine no longer reaches Succeeded.
    const broken = m.provide({});
    (broken.root.states.B as unknown as { transitions: Map<string, unknown> }).transitions.delete('SUCCEEDED');
    expect(() => compileOrder(broken)).toThrow();
  });
});

describe.each(Object.keys(LIFECYCLES) as LifecycleId[])('lifecycle %s as a statechart', (id) => {
  const machine = LIFECYCLES[id];

  it('every path ends in Succeeded, Failed or Skipped', () => {
    const paths = getSimplePaths(machine, {
      events: [{ type: 'START' }, { type: 'SKIP' }, { type: 'SUCCEEDED' }, { type: 'FAILED' }, { type: 'SKIPPED' }, { type: 'FAILURE_IGNORED' }],
    });
    const ends = new Set(paths.filter((p) => p.state.status === 'done').map((p) => String(p.state.value)));
    expect(ends).toEqual(new Set(['Succeeded', 'Failed', 'Skipped']));
    // A state from which no final state can be reached would be a dead end.
    for (const p of paths) {
      if (p.state.status === 'done') continue;
      const next = ['SUCCEEDED', 'FAILED', 'START'].some((type) => transition(machine, p.state, { type })[0] !== p.state);
      expect(next, `${String(p.state.value)} has no way out`).toBe(true);
    }
  });

  it('a failure in any lifecycle event fails the target', () => {
    let [s] = initialTransition(machine);
    [s] = transition(machine, s, { type: 'START' });
    [s] = transition(machine, s, { type: 'FAILED' });
    expect(s.value).toBe('Failed');
  });
});

describe('CodeDeploy hook rules in the machines', () => {
  const step = (id: LifecycleId, events: string[]) => {
    const machine = LIFECYCLES[id];
    let [s] = initialTransition(machine);
    for (const type of ['START', ...events]) [s] = transition(machine, s, { type });
    return s.value;
  };

  it('ApplicationStop can be skipped (no last successful revision) and its failure ignored', () => {
    expect(step('codeDeployServerInPlace', ['SUCCEEDED', 'SKIPPED'])).toBe('DownloadBundle');
    expect(step('codeDeployServerInPlace', ['SUCCEEDED', 'FAILURE_IGNORED'])).toBe('DownloadBundle');
  });

  it('no other hook can be skipped or have its failure ignored', () => {
    expect(step('codeDeployServerInPlace', ['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'SKIPPED'])).toBe('BeforeInstall');
    expect(step('codeDeployServerInPlace', ['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'FAILURE_IGNORED'])).toBe('BeforeInstall');
  });

  it('a target never started ends Skipped', () => {
    const machine = LIFECYCLES.codeDeployServerInPlace;
    const [s] = transition(machine, initialTransition(machine)[0], { type: 'SKIP' });
    expect(s.value).toBe('Skipped');
  });
});
