// The columns the world records spans and changes in, and the objects they become:
// the same fields in the contract's order, spans sorted by start then end with ties
// in recording order, and times kept exactly (integers and fractions).
import { describe, expect, it } from 'vitest';
import { ChangeColumns, idThenText, SpanColumns } from '../../src/engine/trace-columns.ts';
import { EventColumns } from '../../src/engine/event-columns.ts';

const ids = { idAt: (i: number) => `i-${i + 1}` };

describe('SpanColumns', () => {
  it('gives back each span with its fields in the contract order, a reason only where one was given', () => {
    const c = new SpanColumns(ids);
    c.add(0, 'Install', 0, 5, 'Succeeded', 'd-1', 'v2', undefined);
    c.add(1, 'ApplicationStop', 5, 5, 'Skipped', 'd-1', '', 'no last successful revision on i-2');
    const [a, b] = c.list();
    expect(Object.keys(a!)).toEqual(['target', 'name', 'start', 'end', 'status', 'deploymentId', 'revision']);
    expect(a).toEqual({ target: 'i-1', name: 'Install', start: 0, end: 5, status: 'Succeeded', deploymentId: 'd-1', revision: 'v2' });
    expect(b).toEqual({ target: 'i-2', name: 'ApplicationStop', start: 5, end: 5, status: 'Skipped', deploymentId: 'd-1', revision: '', reason: 'no last successful revision on i-2' });
  });

  it('names a span on something that is not a target by the name it was given', () => {
    const c = new SpanColumns(ids);
    c.add(c.named('alias live'), 'AllowTraffic', 1, 2, 'Failed', 'd-2', 'v1', 'timed out');
    expect(c.list()[0]).toMatchObject({ target: 'alias live', status: 'Failed', deploymentId: 'd-2', revision: 'v1', reason: 'timed out' });
  });

  it('sorts by start, then end, keeping recording order among equal spans', () => {
    const c = new SpanColumns(ids);
    c.add(0, 'late', 10, 12, 'Succeeded', 'd-1', 'v2', undefined);
    c.add(1, 'first', 0, 12, 'Succeeded', 'd-1', 'v2', undefined);
    c.add(2, 'tie-a', 3, 4, 'Succeeded', 'd-1', 'v2', undefined);
    c.add(3, 'tie-b', 3, 4, 'Succeeded', 'd-1', 'v2', undefined);
    // Recorded after a span that started at the same time but ended later: the end breaks the tie.
    c.add(4, 'short', 0, 1, 'Failed', 'd-1', 'v2', 'cut short');
    expect(c.list().map((s) => s.name)).toEqual(['short', 'first', 'tie-a', 'tie-b', 'late']);
  });

  it('keeps fractional times and the latest end', () => {
    const c = new SpanColumns(ids);
    c.add(0, 'A', 0.5, 2.25, 'Succeeded', 'd-1', 'v2', undefined);
    c.add(0, 'B', 2.25, 7, 'Succeeded', 'd-1', 'v2', undefined);
    expect(c.list().map((s) => [s.start, s.end])).toEqual([
      [0.5, 2.25],
      [2.25, 7],
    ]);
    expect(c.maxEnd).toBe(7);
  });

  it('grows past its first capacity without losing a span', () => {
    const c = new SpanColumns({ idAt: (i) => `t${i}` });
    const n = 20_000;
    for (let i = n - 1; i >= 0; i--) c.add(i, 'S', i, i + 1, 'Succeeded', 'd-1', 'v2', undefined);
    const sorted = c.list();
    expect(sorted).toHaveLength(n);
    expect(sorted.every((s, i) => s.start === i && s.target === `t${i}`)).toBe(true);
  });
});

describe('ChangeColumns', () => {
  it('gives a target its full first change, then one field per change, in recording order', () => {
    const c = new ChangeColumns(ids);
    c.added(0, 0, 'v1', 'InService', true, true);
    c.added(0, 1, '', 'OutOfService', false, undefined);
    c.state(3, 0, 'OutOfService');
    c.registered(3, 0, false);
    c.version(4.5, 0, 'v2');
    c.healthy(6, 1, true);
    c.state(7, 1, 'Terminated');
    const list = c.list();
    expect(list).toEqual([
      { t: 0, target: 'i-1', version: 'v1', state: 'InService', healthy: true, registered: true },
      { t: 0, target: 'i-2', version: '', state: 'OutOfService', healthy: false },
      { t: 3, target: 'i-1', state: 'OutOfService' },
      { t: 3, target: 'i-1', registered: false },
      { t: 4.5, target: 'i-1', version: 'v2' },
      { t: 6, target: 'i-2', healthy: true },
      { t: 7, target: 'i-2', state: 'Terminated' },
    ]);
    expect(Object.keys(list[0]!)).toEqual(['t', 'target', 'version', 'state', 'healthy', 'registered']);
    expect(Object.keys(list[1]!)).not.toContain('registered');
    expect(c.lastTime()).toBe(7);
  });
});

describe('times: 4 bytes while every time fits a 32-bit float, exact always', () => {
  // Times after a few chunks of whole seconds: a whole second, then ones a 32-bit float cannot hold.
  const n = 10_000;
  const odd = [0.1, 16_777_217, 1 / 3, 86_400.7];
  const times = (k: number) => (k < n ? k : odd[k - n]!);

  it('spans keep every start and end exactly when a time that needs 8 bytes comes after whole chunks', () => {
    const c = new SpanColumns({ idAt: (i) => `t${i}` });
    for (let k = 0; k < n + odd.length; k++) c.add(k, 'S', times(k), times(k) + 0.5, 'Succeeded', 'd-1', 'v2', undefined);
    const byTarget = new Map(c.list().map((s) => [s.target, s]));
    for (let k = 0; k < n + odd.length; k++) {
      expect(byTarget.get(`t${k}`)!.start).toBe(times(k));
      expect(byTarget.get(`t${k}`)!.end).toBe(times(k) + 0.5);
    }
    expect(c.maxEnd).toBe(16_777_217.5);
    // Sent to another thread and revived, the same.
    const revived = SpanColumns.revive(structuredClone(c.data()));
    expect(revived.list().map((s) => [s.start, s.end])).toEqual(c.list().map((s) => [s.start, s.end]));
  });

  it('changes and events keep their times exactly too (an event\'s end as well)', () => {
    const changes = new ChangeColumns({ idAt: (i) => `t${i}` });
    const events = new EventColumns({ idAt: (i) => `t${i}` });
    for (let k = 0; k < n + odd.length; k++) {
      changes.healthy(times(k), k, k % 2 === 0);
      events.add(times(k), 'note', `e${k}`, k, undefined, undefined, undefined, k === n + 1 ? 1e9 + 0.1 : undefined, undefined);
    }
    expect(changes.list().map((x) => x.t)).toEqual(Array.from({ length: n + odd.length }, (_, k) => times(k)));
    const listed = events.list();
    expect(listed.map((e) => e.t)).toEqual(Array.from({ length: n + odd.length }, (_, k) => times(k)).sort((a, b) => a - b));
    expect(listed.find((e) => e.message === `e${n + 1}`)!.end).toBe(1e9 + 0.1);
    expect([...events.timesInOrder()]).toEqual(listed.map((e) => e.t));
  });

  it('a run whose times all fit keeps 4 bytes a time', () => {
    const c = new SpanColumns(ids);
    c.add(0, 'A', 0, 2.25, 'Succeeded', 'd-1', 'v2', undefined);
    expect(c.times().start).toBeInstanceOf(Float32Array);
    c.add(0, 'B', 2.25, 0.1, 'Succeeded', 'd-1', 'v2', undefined);
    expect(c.times().start).toBeInstanceOf(Float64Array);
    expect(c.list().map((s) => s.end)).toEqual([2.25, 0.1]);
  });
});

describe('texts written when read, sent to another thread (data / revive)', () => {
  it('sends an idThen text as its suffix and writes out any other, and the revived columns read the same', () => {
    const c = new SpanColumns(ids);
    const passed = idThenText(' passed its health checks');
    const other = (id: string) => `health checks of ${id} timed out`;
    c.add(0, 'health-check', 0, 5, 'Failed', 'd-1', 'v2', passed);
    c.add(1, 'health-check', 0, 5, 'Failed', 'd-1', 'v2', other);
    c.add(2, 'health-check', 0, 5, 'Failed', 'd-1', 'v2', passed);
    const data = c.data();
    // Only the text that is not an id and a suffix crosses as a string.
    expect(data.reasons).toEqual(['health checks of i-2 timed out']);
    expect(data.reasonSuffixes).toEqual([' passed its health checks', null]);
    // Cloned as a worker's message would be, then revived: the same spans.
    const revived = SpanColumns.revive(structuredClone(data));
    expect(revived.list().map((s) => s.reason)).toEqual(['i-1 passed its health checks', 'health checks of i-2 timed out', 'i-3 passed its health checks']);
  });

  it('does the same for event messages', () => {
    const e = new EventColumns(ids);
    const detached = idThenText(' is detached from the load balancer');
    e.add(1, 'deregistered', detached, 0, 'd-1', undefined, undefined, undefined, undefined);
    e.add(1, 'deregistered', detached, 1, 'd-1', undefined, undefined, undefined, undefined);
    e.add(2, 'note', (id: string) => `${id} is slow`, 1, 'd-1', undefined, undefined, undefined, undefined);
    const data = e.data();
    expect(data.messages).toEqual(['i-2 is slow']);
    const revived = EventColumns.revive(structuredClone(data));
    expect(revived.list().map((x) => x.message)).toEqual(['i-1 is detached from the load balancer', 'i-2 is detached from the load balancer', 'i-2 is slow']);
  });

  it('writes a numbered message from its number when read, and out for another thread', () => {
    const e = new EventColumns(ids);
    const batch = (n: number) => `Batch ${n}: deploys`;
    const other = (n: number) => `Other ${n}`;
    e.add(1, 'batch-started', batch, undefined, 'd-1', 'cd.one-at-a-time', undefined, undefined, undefined, 7);
    e.add(1, 'note', 'plain', 0, 'd-1', undefined, undefined, undefined, undefined);
    e.add(2, 'batch-started', batch, undefined, 'd-1', 'cd.one-at-a-time', undefined, undefined, undefined, 123_456);
    e.add(3, 'batch-started', other, undefined, 'd-2', undefined, undefined, undefined, undefined, 0);
    const expected = [
      { t: 1, type: 'batch-started', message: 'Batch 7: deploys', deploymentId: 'd-1', rule: 'cd.one-at-a-time' },
      { t: 1, type: 'note', message: 'plain', target: 'i-1', deploymentId: 'd-1' },
      { t: 2, type: 'batch-started', message: 'Batch 123456: deploys', deploymentId: 'd-1', rule: 'cd.one-at-a-time' },
      { t: 3, type: 'batch-started', message: 'Other 0', deploymentId: 'd-2' },
    ];
    expect(e.list()).toEqual(expected);
    // No string is kept per numbered event: only the plain message is.
    expect((e as unknown as { messages: string[] }).messages).toEqual(['plain']);
    const revived = EventColumns.revive(structuredClone(e.data()));
    expect(revived.list()).toEqual(expected);
    expect(() => e.add(4, 'note', 'not a text', undefined, undefined, undefined, undefined, undefined, undefined, 1)).toThrow(/needs a NumberedText/);
    expect(() => e.add(4, 'note', batch, undefined, undefined, undefined, undefined, undefined, undefined, 2 ** 30)).toThrow(/too large a number/);
  });
});
