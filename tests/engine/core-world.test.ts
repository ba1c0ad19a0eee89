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
    expect(w.faultsOn('HookFailure', 'i-1').map((f) => f.event)).toEqual(['prebuild', 'predeploy']);
    expect(w.faultsOn('HookFailure', 'i-2').map((f) => f.event)).toEqual(['prebuild']);
    expect(w.faultsOn('UnhealthyInstance', 'i-2').map((f) => f.at)).toEqual([30]);
    expect(w.faultsOn('UnhealthyInstance', 'i-3')).toEqual([]);
    expect(w.faultsOn('BadVersion', 'i-9')).toHaveLength(1);
  });

  it('faultBy(type, t, target?) finds the first fault in effect by t (no `at` means from the start)', () => {
    const w = world();
    expect(w.faultBy('BadVersion', 49)).toBeUndefined();
    expect(w.faultBy('BadVersion', 50)?.at).toBe(50);
    expect(w.faultBy('UnhealthyInstance', 29, 'i-2')).toBeUndefined();
    expect(w.faultBy('UnhealthyInstance', 30, 'i-2')?.target).toBe('i-2');
    expect(w.faultBy('UnhealthyInstance', 0, 'i-1')?.target).toBe('i-1');
    expect(w.faultBy('HookFailure', 5, 'i-1')?.event).toBe('prebuild');
    expect(w.faultBy('Alarm', 1000)).toBeUndefined();
  });
});

describe('targets and counts', () => {
  it('keeps in-service counts through state, version and pool changes, and records each change once', () => {
    const w = world([]);
    addInstances(w, 3);
    expect(w.inServiceCount()).toBe(3);
    w.setState('i-1', 'OutOfService');
    w.setState('i-1', 'OutOfService');
    w.setVersion('i-1', 'v2');
    w.setVersion('i-2', 'v2');
    w.setPool('i-3', 'green');
    expect(w.inServiceCount()).toBe(2);
    expect(w.inServiceCount('green')).toBe(1);
    expect(w.inServiceCount('original')).toBe(1);
    w.setState('i-1', 'InService');
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

  it('seek finds a fleet walked in launch order, and any other id as lookup does; what it finds is what the next look-ups are about', () => {
    const w = world([]);
    const ids = w.addInstances(5, { group: 'original', pool: 'original', version: 'v1', state: 'InService', healthy: true, registered: true });
    w.setState('i-4', 'OutOfService');
    // In launch order (each guess right), then out of order (each guess wrong).
    expect(ids.map((id) => w.seek(id))).toEqual([0, 1, 2, 3, 4]);
    expect(['i-3', 'i-1', 'i-5', 'i-2'].map((id) => w.seek(id))).toEqual([2, 0, 4, 1]);
    // An id made apart (the same characters, another string) and an unknown one.
    expect(w.seek(`i-${2 + 2}`)).toBe(3);
    expect(w.stateOf(ids[3]!)).toBe('OutOfService');
    expect(w.seek('i-9')).toBe(-1);
    expect(w.seek('alias')).toBe(-1);
    // A guess that is the next target but not the id asked for is not taken.
    w.seek('i-1');
    expect(w.seek('i-3')).toBe(2);
    expect(w.alive(ids)).toBe(ids);
    w.setState('i-2', 'Terminated');
    expect(w.alive(ids)).toEqual(['i-1', 'i-3', 'i-4', 'i-5']);
    expect(w.anyAlive(['i-2'])).toBe(false);
    expect(w.anyAlive(['i-2', 'i-5'])).toBe(true);
  });

  it('gives the final state in launch order, as columns that outlive the released world', () => {
    const w = world([]);
    addInstances(w, 3);
    w.setHealthy('i-2', false);
    w.setState('i-3', 'Terminated');
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
