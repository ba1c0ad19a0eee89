// One folding of alike events for the CLI report and the app's event log.
import { describe, expect, it } from 'vitest';
import { alsoText, eventRunStarts, foldEvents } from '../../src/layout/event-groups.ts';
import type { TraceEvent } from '../../src/trace/types.ts';
import { eb } from '../helpers.ts';

const ev = (t: number, type: TraceEvent['type'], message: string, target?: string): TraceEvent => ({ t, type, message, ...(target ? { target } : {}) }) as TraceEvent;

describe('eventRunStarts', () => {
  const events = [
    ev(0, 'deployment-started', 'Deployment d-1 started'),
    ev(5, 'deregistered', 'i-1 deregistered from the load balancer', 'i-1'),
    ev(5, 'deregistered', 'i-2 deregistered from the load balancer', 'i-2'),
    ev(5, 'deregistered', 'i-3 deregistered from the load balancer', 'i-3'),
    ev(6, 'deregistered', 'i-4 deregistered from the load balancer', 'i-4'), // another moment
    ev(6, 'registered', 'i-5 registered with the load balancer', 'i-5'), // another type
    ev(6, 'registered', 'i-6 registered with the load balancer late', 'i-6'), // another message
  ];

  it('starts a run at a new moment, type or message shape; one run per target-only difference', () => {
    expect(eventRunStarts(events)).toEqual([0, 1, 4, 5, 6]);
  });

  it('folds the same runs the CLI prints, or every event alone when verbose', () => {
    expect(foldEvents(events).map((g) => g.map((e) => e.target ?? '-'))).toEqual([['-'], ['i-1', 'i-2', 'i-3'], ['i-4'], ['i-5'], ['i-6']]);
    expect(foldEvents(events, true)).toHaveLength(events.length);
  });

  it('never folds events without a target', () => {
    expect(eventRunStarts([ev(0, 'alarm', 'Alarm'), ev(0, 'alarm', 'Alarm')])).toEqual([0, 1]);
  });

  it('folds a whole batch of a real run into one line per step', () => {
    const trace = eb({ instances: 1000, DeploymentPolicy: 'AllAtOnce' });
    const runs = foldEvents(trace.events);
    expect(runs.length).toBeLessThan(trace.events.length / 100);
    expect(runs.some((r) => r.length === 1000)).toBe(true);
  });
});

describe('alsoText', () => {
  it('lists up to three others, then the first and last and how many', () => {
    const named: number[] = [];
    const id = (k: number) => (named.push(k), `i-${k + 2}`);
    expect(alsoText(0, id)).toBe('');
    expect(alsoText(2, id)).toBe('(also i-2, i-3)');
    named.length = 0;
    expect(alsoText(999, id)).toBe('(also i-2 … i-1000: 999 more)');
    expect(named).toEqual([0, 998]); // only the first and the last are read
  });
});
