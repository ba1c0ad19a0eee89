// SeekThrottle (src/views/shared/seek-throttle.ts): while the playhead moves at every
// frame, a playhead-only update runs at most once per interval, the last one waited for
// runs when the interval is over, and anything else runs at once. The clock and the
// timers are the test's own: no time is measured.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PropertyValues, ReactiveElement } from 'lit';
import { SeekThrottle } from '../../src/views/shared/seek-throttle.ts';

let now = 0;
const requested: [PropertyKey, unknown][] = [];
const host = { addController: () => {}, requestUpdate: (k: PropertyKey, old: unknown) => requested.push([k, old]) } as unknown as ReactiveElement;
const changes = (entries: [string, unknown][]) => new Map<PropertyKey, unknown>(entries) as PropertyValues;

beforeEach(() => {
  vi.useFakeTimers();
  now = 1000;
  requested.length = 0;
});
afterEach(() => vi.useRealTimers());

describe('SeekThrottle', () => {
  it('draws the first seek at once and keeps the ones that follow within the interval', () => {
    const throttle = new SeekThrottle(host, ['count'], 250, () => now);
    expect(throttle.allows(changes([['count', 0]]))).toBe(true);
    now += 16;
    expect(throttle.allows(changes([['count', 5]]))).toBe(false);
    now += 16;
    expect(throttle.allows(changes([['count', 9]]))).toBe(false);
    expect(throttle.pending).toBe(true);
    // Not yet: the interval runs from the update drawn (at 1000; the first wait began at 1016).
    vi.advanceTimersByTime(233);
    expect(requested).toEqual([]);
    vi.advanceTimersByTime(1);
    // The oldest value waited for, so the view sees `count` as changed since what it drew.
    expect(requested).toEqual([['count', 5]]);
    expect(throttle.pending).toBe(false);
    // The update that flush asked for runs, with what waited marked as changed.
    const asked = changes([]);
    now += 234;
    expect(throttle.allows(asked)).toBe(true);
    expect(asked.has('count')).toBe(false);
  });

  it('draws again at once once the interval has passed since the last update drawn', () => {
    const throttle = new SeekThrottle(host, ['count'], 250, () => now);
    expect(throttle.allows(changes([['count', 0]]))).toBe(true);
    now += 250;
    expect(throttle.allows(changes([['count', 3]]))).toBe(true);
    now += 100;
    expect(throttle.allows(changes([['count', 4]]))).toBe(false);
  });

  it('draws any other change at once, with the playhead change that waited', () => {
    const throttle = new SeekThrottle(host, ['count'], 250, () => now);
    expect(throttle.allows(changes([['count', 0]]))).toBe(true);
    now += 16;
    expect(throttle.allows(changes([['count', 7]]))).toBe(false);
    now += 16;
    const selected = changes([['selected', undefined]]);
    expect(throttle.allows(selected)).toBe(true);
    expect(selected.get('count')).toBe(7);
    expect(throttle.pending).toBe(false);
    // Nothing is left to run when the timer would have fired.
    vi.advanceTimersByTime(1000);
    expect(requested).toEqual([]);
  });

  it('runs what waits at once when flushed (a view whose updateComplete is awaited)', () => {
    const throttle = new SeekThrottle(host, ['count'], 250, () => now);
    throttle.allows(changes([['count', 0]]));
    now += 16;
    throttle.allows(changes([['count', 2]]));
    throttle.flush();
    expect(requested).toEqual([['count', 2]]);
    // The flushed update runs though the interval is not over.
    expect(throttle.allows(changes([]))).toBe(true);
  });
});
