// The columns the world records events and samples in, and the objects they become:
// fields in the contract's order, events stably by time, samples without repeats,
// version records without prototypes whatever the version is called.
import { describe, expect, it } from 'vitest';
import { EventColumns } from '../../src/engine/event-columns.ts';
import { SampleColumns } from '../../src/engine/sample-columns.ts';

const ids = { idAt: (i: number) => `i-${i + 1}` };

describe('EventColumns', () => {
  it('gives each event its fields in the contract order, only those it was given', () => {
    const c = new EventColumns(ids);
    c.add(0, 'deployment-started', 'Deployment d-1 started', undefined, 'd-1', undefined, undefined, undefined, undefined);
    c.add(2, 'health-changed', 'i-2 is healthy', 1, 'd-1', 'eb.all-at-once', true, undefined, undefined);
    c.add(3, 'wait-started', 'waiting', c.named('alias live'), undefined, undefined, undefined, 9.5, 'percentageRounding');
    const [a, b, w] = c.list();
    expect(a).toEqual({ t: 0, type: 'deployment-started', message: 'Deployment d-1 started', deploymentId: 'd-1' });
    expect(Object.keys(b!)).toEqual(['t', 'type', 'message', 'target', 'deploymentId', 'rule', 'healthy']);
    expect(b).toMatchObject({ target: 'i-2', healthy: true, rule: 'eb.all-at-once' });
    expect(Object.keys(w!)).toEqual(['t', 'type', 'message', 'target', 'end', 'undocumented']);
    expect(w).toMatchObject({ target: 'alias live', end: 9.5 });
    expect(c.lastTime()).toBe(3);
  });

  it('sorts by time, keeping recording order among equal times, and says the last time', () => {
    const c = new EventColumns(ids);
    for (const [t, m] of [[5, 'late'], [1, 'a'], [1, 'b'], [0, 'first']] as const) c.add(t, 'note', m, undefined, undefined, undefined, undefined, undefined, undefined);
    expect(c.list().map((e) => e.message)).toEqual(['first', 'a', 'b', 'late']);
    expect(c.at(3)?.message).toBe('late');
    expect(c.recorded().map((e) => e.message)).toEqual(['late', 'a', 'b', 'first']);
    expect(c.lastTime()).toBe(5);
  });
});

describe('SampleColumns', () => {
  it('skips a sample that repeats the last one, whatever the key order', () => {
    const c = new SampleColumns();
    c.add(0, ['v1', 'v2'], [3, 1], 2, ['v1', 'v2'], [75, 25], 2, undefined, 0);
    c.add(5, ['v2', 'v1'], [1, 3], 2, ['v2', 'v1'], [25, 75], 2, undefined, 0);
    c.add(6, ['v1', 'v2'], [2, 2], 2, ['v1', 'v2'], [50, 50], 2, undefined, 0);
    c.add(7, ['v1', 'v2'], [2, 2], 2, ['v1', 'v2'], [50, 50], 2, undefined, 10);
    expect(c.list().map((s) => s.t)).toEqual([0, 6, 7]);
    expect(c.at(2)).toEqual({ t: 7, inService: { v1: 2, v2: 2 }, traffic: { v1: 50, v2: 50 }, unserved: 10 });
    expect(c.lastTime()).toBe(7);
  });

  it('gives prototype-free records, keys in the order given, and test traffic as a copy', () => {
    const c = new SampleColumns();
    const test = Object.create(null) as Record<string, number>;
    test['__proto__'] = 100;
    c.add(1, ['__proto__', 'constructor'], [1, 1], 2, ['constructor', '__proto__'], [50, 50], 2, test, 0);
    const s = c.at(0)!;
    expect(Object.getPrototypeOf(s.inService)).toBeNull();
    expect(Object.keys(s.inService)).toEqual(['__proto__', 'constructor']);
    expect(Object.keys(s.traffic)).toEqual(['constructor', '__proto__']);
    expect(s.testTraffic?.['__proto__']).toBe(100);
    expect(s.testTraffic).not.toBe(test);
    expect(Object.keys(s)).toEqual(['t', 'inService', 'traffic', 'testTraffic']);
  });
});
