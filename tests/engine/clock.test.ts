// The agenda as XState's clock: `after` timers run on simulated time, and leaving
// a state cancels them without advancing the clock.
import { describe, expect, it } from 'vitest';
import { createActor, createMachine } from 'xstate';
import { Agenda } from '../../src/engine/agenda.ts';
import { agendaClock } from '../../src/engine/clock.ts';

describe('agenda', () => {
  it('runs entries in time order, first-in first-out at equal times', () => {
    const agenda = new Agenda();
    const seen: string[] = [];
    agenda.at(5, () => seen.push('b'));
    agenda.at(1, () => seen.push('a'));
    agenda.at(5, () => seen.push('c'));
    while (agenda.step());
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(agenda.now).toBe(5);
  });

  it('a cancelled entry neither runs nor advances the clock', () => {
    const agenda = new Agenda();
    const seen: number[] = [];
    agenda.at(1, () => seen.push(1));
    const late = agenda.at(100, () => seen.push(100));
    agenda.cancel(late);
    while (agenda.step());
    expect(seen).toEqual([1]);
    expect(agenda.now).toBe(1);
    expect(agenda.empty).toBe(true);
  });
});

describe('XState on the agenda clock', () => {
  const machine = createMachine({
    id: 'wait',
    initial: 'waiting',
    states: {
      waiting: { after: { 300000: 'timedOut' }, on: { CONTINUE: 'continued' } },
      timedOut: { type: 'final' },
      continued: { type: 'final' },
    },
  });

  it('an after transition fires at simulated time', () => {
    const agenda = new Agenda();
    const actor = createActor(machine, { clock: agendaClock(agenda) }).start();
    while (agenda.step());
    expect(actor.getSnapshot().value).toBe('timedOut');
    expect(agenda.now).toBe(300);
  });

  it('leaving the state cancels its timer', () => {
    const agenda = new Agenda();
    const actor = createActor(machine, { clock: agendaClock(agenda) }).start();
    agenda.at(10, () => actor.send({ type: 'CONTINUE' }));
    while (agenda.step());
    expect(actor.getSnapshot().value).toBe('continued');
    expect(agenda.now).toBe(10);
  });
});
