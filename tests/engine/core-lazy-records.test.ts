// What the world records without keeping an object or string per target through the
// run: per-target texts written when read (World.idThen, TargetText), targets found
// by their number rather than a Map of every id, the targets as columns, and runs in
// flight by target index in the order they started (OrderedByTarget).
import { describe, expect, it } from 'vitest';
import { World } from '../../src/engine/world.ts';
import { OrderedByTarget } from '../../src/engine/by-target.ts';
import { runSteps } from '../../src/engine/steps.ts';
import { scenario } from '../helpers.ts';

function world(): World {
  const w = new World(scenario({ platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 2 } }));
  for (let i = 1; i <= 3; i++) w.addTarget({ id: `i-${i}`, kind: 'instance', group: 'original', pool: 'original', version: 'v1', state: 'InService', healthy: true });
  w.addTarget({ id: 'task-set-1', kind: 'task-set', group: 'replacement', pool: 'blue', version: 'v2', state: 'OutOfService', healthy: false, label: 'replacement task set' });
  return w;
}

describe('per-target texts written when read', () => {
  it('idThen gives one function per suffix, and the event reads as the id plus the suffix', () => {
    const w = world();
    const registered = w.idThen(' is registered');
    expect(w.idThen(' is registered')).toBe(registered);
    w.event('registered', registered, { target: 'i-2', deploymentId: 'd-1' });
    w.event('registered', registered, { target: 'task-set-1', deploymentId: 'd-1' });
    w.event('note', 'plain text', { deploymentId: 'd-1' });
    expect(w.events.map((e) => [e.message, e.target])).toEqual([
      ['i-2 is registered', 'i-2'],
      ['task-set-1 is registered', 'task-set-1'],
      ['plain text', undefined],
    ]);
  });

  it('spells out an undocumented choice after the text the first time only', () => {
    const w = world();
    const restarts = w.idThen(' restarts');
    w.event('health-changed', restarts, { target: 'i-1', undocumented: 'allAtOnceRestart' });
    w.event('health-changed', restarts, { target: 'i-2', undocumented: 'allAtOnceRestart' });
    const [first, second] = w.events.map((e) => e.message);
    expect(first).toMatch(/^i-1 restarts \(.+\.\)$/);
    expect(second).toBe('i-2 restarts');
  });

  it('writes nothing until the events are read', () => {
    const w = world();
    let written = 0;
    const text = (id: string) => {
      written++;
      return `${id} text`;
    };
    w.event('registered', text, { target: 'i-1' });
    w.event('registered', text, { target: 'i-2' });
    expect(written).toBe(0);
    expect(w.events.map((e) => e.message)).toEqual(['i-1 text', 'i-2 text']);
    expect(written).toBe(2);
  });

  it('refuses a text written from a target when the event has none', () => {
    const w = world();
    expect(() => w.event('note', w.idThen(' x'))).toThrow(/needs a target/);
  });

  it('writes a skipped step reason from the span target, when read', () => {
    const w = world();
    let written = 0;
    const skip = (target: string) => `no revision on ${target}${written++ < 0 ? '' : ''}`;
    runSteps({ world: w, target: w.indexOf('i-3'), deploymentId: 'd-1', steps: [{ name: 'ApplicationStop', seconds: 5, revision: '', skip }], onEnd: () => {} });
    w.run();
    expect(written).toBe(0);
    expect(w.spans).toEqual([{ target: 'i-3', name: 'ApplicationStop', start: 0, end: 0, status: 'Skipped', deploymentId: 'd-1', revision: '', reason: 'no revision on i-3' }]);
  });
});

describe('targets without a Map of every id', () => {
  it('finds instances by number and other targets by id; unknown ids are absent', () => {
    const w = world();
    expect(w.targets.get('i-2')?.id).toBe('i-2');
    expect(w.targets.get('task-set-1')?.id).toBe('task-set-1');
    expect(w.targets.has('i-4')).toBe(false);
    expect(w.targets.has('i-02')).toBe(false);
    expect(w.targets.get('blue')).toBeUndefined();
    expect([...w.targets.keys()]).toEqual(['i-1', 'i-2', 'i-3', 'task-set-1']);
    expect([...w.targets.values()].map((t) => t.index)).toEqual([0, 1, 2, 3]);
  });

  it('finds an instance whose number is too large for the index array by its id', () => {
    const w = world();
    w.addTarget({ id: 'i-99999999', kind: 'instance', group: 'replacement', pool: 'original', version: '', state: 'OutOfService', healthy: false });
    w.addTarget({ id: 'i-1000', kind: 'instance', group: 'replacement', pool: 'original', version: '', state: 'OutOfService', healthy: false });
    expect(w.targets.get('i-99999999')?.index).toBe(4);
    expect(w.targets.get('i-1000')?.index).toBe(5);
    expect(w.targets.get('i-2')?.index).toBe(1);
    expect(w.targets.has('i-99999998')).toBe(false);
    expect(w.targets.has('i-999')).toBe(false);
  });

  it('keeps the trace targets as columns, with the label only where there is one', () => {
    const w = world();
    w.release();
    expect(w.targetColumns.list()).toEqual([
      { id: 'i-1', kind: 'instance', group: 'original', launchedAt: 0 },
      { id: 'i-2', kind: 'instance', group: 'original', launchedAt: 0 },
      { id: 'i-3', kind: 'instance', group: 'original', launchedAt: 0 },
      { id: 'task-set-1', kind: 'task-set', group: 'replacement', launchedAt: 0, label: 'replacement task set' },
    ]);
    expect(w.targetColumns.at(4)).toBeUndefined();
  });
});

describe('OrderedByTarget', () => {
  it('gives values in the order they were first set, like a Map: a replaced value keeps its place, a deleted one loses it', () => {
    const w = world();
    const runs = new OrderedByTarget<string>(w);
    const [i1, i2, i3, taskSet] = ['i-1', 'i-2', 'i-3', 'task-set-1'].map((id) => w.indexOf(id)) as [number, number, number, number];
    runs.set(i3, 'c');
    runs.set(i1, 'a');
    runs.set(taskSet, 't');
    runs.set(i3, 'c2');
    expect(runs.inOrder()).toEqual(['c2', 'a', 't']);
    expect(runs.delete(i3)).toBe(true);
    expect(runs.delete(i3)).toBe(false);
    runs.set(i3, 'c3');
    expect(runs.inOrder()).toEqual(['a', 't', 'c3']);
    expect(runs.get(i1)).toBe('a');
    expect(runs.get(i2)).toBeUndefined();
    expect(runs.size).toBe(3);
    runs.clear();
    expect(runs.inOrder()).toEqual([]);
    expect(runs.size).toBe(0);
  });
});
