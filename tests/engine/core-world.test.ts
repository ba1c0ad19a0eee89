// The world's bookkeeping that strategies rely on: faults answered from an index
// built once per run (aimed at one target or every target, in effect by a time),
// in-service counts kept through every setter, phases closed with their deployment,
// and the final state in launch order.
import { describe, expect, it } from 'vitest';
import { World } from '../../src/engine/world.ts';
import { scenario } from '../helpers.ts';

const FAULTS = [
  { type: 'HookFailure', event: 'prebuild' },
  { type: 'UnhealthyInstance', target: 'i-2', at: 30 },
  { type: 'HookFailure', event: 'predeploy', target: 'i-1', at: 10 },
  { type: 'BadVersion', at: 50 },
  { type: 'UnhealthyInstance', target: 'i-1' },
];

function world(faults: unknown[] = FAULTS): World {
  return new World(scenario({ platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 2 }, faults }));
}

function addInstances(w: World, n: number): void {
  for (let i = 1; i <= n; i++) w.addTarget({ id: `i-${i}`, kind: 'instance', group: 'original', pool: 'original', version: 'v1', state: 'InService', healthy: true });
}

describe('faults', () => {
  it('faults(type) lists one type in scenario order, the same array every time', () => {
    const w = world();
    expect(w.faults('HookFailure').map((f) => f.event)).toEqual(['prebuild', 'predeploy']);
    expect(w.faults('UnhealthyInstance').map((f) => f.target)).toEqual(['i-2', 'i-1']);
    expect(w.faults('HookFailure')).toBe(w.faults('HookFailure'));
    expect(w.faults('Alarm')).toEqual([]);
    expect(Object.isFrozen(w.faults('BadVersion'))).toBe(true);
  });

  it('faultsOn(type, target) gives the faults aimed at that target or at every target, in scenario order', () => {
    const w = world();
    // Targets by index: i-1 … i-3, then a target that is not an instance, then i-9.
    addInstances(w, 3);
    const alias = w.addTarget({ id: 'alias', kind: 'lambda-alias', group: 'alias', pool: 'alias', version: 'v1', state: 'InService', healthy: true });
    const i9 = w.addTarget({ id: 'i-9', kind: 'instance', group: 'original', pool: 'original', version: 'v1', state: 'InService', healthy: true });
    expect(w.faultsOn('HookFailure', w.indexOf('i-1')).map((f) => f.event)).toEqual(['prebuild', 'predeploy']);
    expect(w.faultsOn('HookFailure', w.indexOf('i-2')).map((f) => f.event)).toEqual(['prebuild']);
    expect(w.faultsOn('HookFailure', alias).map((f) => f.event)).toEqual(['prebuild']);
    expect(w.faultsOn('UnhealthyInstance', w.indexOf('i-2')).map((f) => f.at)).toEqual([30]);
    expect(w.faultsOn('UnhealthyInstance', w.indexOf('i-3'))).toEqual([]);
    expect(w.faultsOn('BadVersion', i9)).toHaveLength(1);
  });

  it('faultBy(type, t, target?) finds the first fault in effect by t (no `at` means from the start)', () => {
    const w = world();
    addInstances(w, 2);
    const [i1, i2] = [w.indexOf('i-1'), w.indexOf('i-2')];
    expect(w.faultBy('BadVersion', 49)).toBeUndefined();
    expect(w.faultBy('BadVersion', 50)?.at).toBe(50);
    expect(w.faultBy('UnhealthyInstance', 29, i2)).toBeUndefined();
    expect(w.faultBy('UnhealthyInstance', 30, i2)?.target).toBe('i-2');
    expect(w.faultBy('UnhealthyInstance', 0, i1)?.target).toBe('i-1');
    expect(w.faultBy('HookFailure', 5, i1)?.event).toBe('prebuild');
    expect(w.faultBy('Alarm', 1000)).toBeUndefined();
  });
});

describe('targets and counts', () => {
  it('keeps in-service counts through state, version and pool changes, and records each change once', () => {
    const w = world([]);
    addInstances(w, 3);
    expect(w.inServiceCount()).toBe(3);
    const [i1, i2, i3] = ['i-1', 'i-2', 'i-3'].map((id) => w.indexOf(id)) as [number, number, number];
    w.setState(i1, 'OutOfService');
    w.setState(i1, 'OutOfService');
    w.setVersion(i1, 'v2');
    w.setVersion(i2, 'v2');
    w.setPool(i3, 'green');
    expect(w.inServiceCount()).toBe(2);
    expect(w.inServiceCount('green')).toBe(1);
    expect(w.inServiceCount('original')).toBe(1);
    w.setState(i1, 'InService');
    expect(w.inServiceCount('original')).toBe(2);
    w.run();
    expect(w.samples.at(-1)?.inService).toEqual({ v1: 1, v2: 2 });
    const later = w.changes.slice(3).map((c) => ({ ...c }));
    expect(later).toEqual([
      { t: 0, target: 'i-1', state: 'OutOfService' },
      { t: 0, target: 'i-1', version: 'v2' },
      { t: 0, target: 'i-2', version: 'v2' },
      { t: 0, target: 'i-1', state: 'InService' },
    ]);
  });

  it('looks targets up by id (also right after looking up another one) and rejects unknown ids', () => {
    const w = world([]);
    addInstances(w, 2);
    expect(w.target('i-1').id).toBe('i-1');
    expect(w.target('i-2').id).toBe('i-2');
    expect(w.target('i-1').id).toBe('i-1');
    expect(() => w.target('i-9')).toThrow('unknown target i-9');
  });

  it('adds a fleet as indices in launch order, writing an id (i-N) only when asked; an id made apart finds the same target', () => {
    const w = world([]);
    const ids = w.addInstances(5, { group: 'original', pool: 'original', version: 'v1', state: 'InService', healthy: true, registered: true });
    expect(ids).toEqual([0, 1, 2, 3, 4]);
    expect(ids.map((i) => w.idAt(i))).toEqual(['i-1', 'i-2', 'i-3', 'i-4', 'i-5']);
    // Replacements continue the numbering.
    expect(w.addInstances(2, { group: 'replacement', pool: 'replacement', version: '', state: 'OutOfService', healthy: false, registered: false })).toEqual([5, 6]);
    expect(w.idAt(6)).toBe('i-7');
    expect(w.indexOf(`i-${2 + 2}`)).toBe(3);
    expect(w.targets.has('i-8')).toBe(false);
    expect(w.targets.has('alias')).toBe(false);
    w.setState(3, 'OutOfService');
    expect(w.stateOf(w.indexOf('i-4'))).toBe('OutOfService');
    expect(w.alive(ids)).toBe(ids);
    w.setState(1, 'Terminated');
    expect(w.alive(ids)).toEqual([0, 2, 3, 4]);
    expect(w.anyAlive([1])).toBe(false);
    expect(w.anyAlive([1, 4])).toBe(true);
  });

  it('once released, still gives each target its id (written when first read, then kept)', () => {
    const w = world([]);
    w.addInstances(2, { group: 'original', pool: 'original', version: 'v1', state: 'InService', healthy: true, registered: true });
    const alias = w.addTarget({ id: 'alias', kind: 'lambda-alias', group: 'alias', pool: 'alias', version: 'v1', state: 'InService', healthy: true });
    w.release();
    expect([0, 1, alias].map((i) => w.idAt(i))).toEqual(['i-1', 'i-2', 'alias']);
    expect(w.idAt(1)).toBe('i-2');
  });

  it('gives the final state in launch order, as columns that outlive the released world', () => {
    const w = world([]);
    addInstances(w, 3);
    w.setHealthy(w.indexOf('i-2'), false);
    w.setState(w.indexOf('i-3'), 'Terminated');
    const final = w.finalTargets();
    w.release();
    expect(final.at(1)).toEqual({ id: 'i-2', version: 'v1', state: 'InService', healthy: false });
    expect(final.at(3)).toBeUndefined();
    expect(final.list()).toEqual([
      { id: 'i-1', version: 'v1', state: 'InService', healthy: true },
      { id: 'i-2', version: 'v1', state: 'InService', healthy: false },
      { id: 'i-3', version: 'v1', state: 'Terminated', healthy: true },
    ]);
  });
});

describe('phases', () => {
  it('ending a deployment closes its own open phases, not another deployment’s', () => {
    const w = world([]);
    w.startDeployment('d-1', 'user', 'v2');
    w.startDeployment('d-2', 'codeDeployRollback', 'v1');
    const mine = w.openPhase({ deploymentId: 'd-1', kind: 'wait', name: 'Ready wait' });
    const other = w.openPhase({ deploymentId: 'd-2', kind: 'rollback', name: 'Rollback' });
    const closed = w.openPhase({ deploymentId: 'd-1', kind: 'batch', name: 'Batch 1 of 1', targets: [] });
    w.agenda.at(5, () => w.closePhase(closed));
    w.agenda.at(7, () => w.endDeployment('d-1', 'Succeeded'));
    w.agenda.at(9, () => w.endDeployment('d-2', 'Succeeded'));
    w.run();
    const end = (ref: number) => w.phaseColumns.at(ref)!.end;
    expect([end(mine), end(closed), end(other)]).toEqual([7, 5, 9]);
  });
});
