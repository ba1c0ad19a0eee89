// The agenda's contract, which every trace's determinism rests on: time order, then
// scheduling order (also across buckets and for entries added while a time runs),
// cancelled entries neither run nor advance the clock, and a row (a step run) takes
// its place in line like an entry and can be scheduled again once it has run.
import { describe, expect, it } from 'vitest';
import { Agenda, type RowRunner } from '../../src/engine/agenda.ts';

function drain(agenda: Agenda): void {
  while (agenda.step());
}

describe('agenda order', () => {
  it('runs by time, then first-in first-out, whatever order the times were added in', () => {
    const agenda = new Agenda();
    const seen: string[] = [];
    for (const [t, name] of [[30, 'c1'], [10, 'a1'], [20, 'b1'], [10, 'a2'], [30, 'c2'], [20, 'b2'], [10, 'a3']] as const) {
      agenda.at(t, () => seen.push(name));
    }
    drain(agenda);
    expect(seen).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'c1', 'c2']);
  });

  it('an entry added for the current time runs after the ones already due then', () => {
    const agenda = new Agenda();
    const seen: string[] = [];
    agenda.at(5, () => {
      seen.push('first');
      agenda.at(5, () => seen.push('added at 5'));
      agenda.at(1, () => seen.push('added in the past runs now'));
    });
    agenda.at(5, () => seen.push('second'));
    agenda.at(6, () => seen.push('later'));
    drain(agenda);
    expect(seen).toEqual(['first', 'second', 'added at 5', 'added in the past runs now', 'later']);
    expect(agenda.now).toBe(6);
  });

  it('a time whose entries all ran can be scheduled again (the last entry re-adds its own time)', () => {
    const agenda = new Agenda();
    const seen: number[] = [];
    agenda.at(3, () => {
      seen.push(1);
      agenda.at(3, () => seen.push(2));
    });
    drain(agenda);
    expect(seen).toEqual([1, 2]);
  });

  it('keeps order over many distinct and shared times (against a plain sort)', () => {
    const agenda = new Agenda();
    const seen: number[] = [];
    const expected: { t: number; i: number }[] = [];
    // A deterministic spread of times with many repeats, added out of order.
    for (let i = 0; i < 2000; i++) {
      const t = (i * 7919) % 97;
      expected.push({ t, i });
      agenda.at(t, () => seen.push(i));
    }
    drain(agenda);
    expect(seen).toEqual(expected.sort((a, b) => a.t - b.t || a.i - b.i).map((x) => x.i));
  });

  it('keeps order while entries add entries and the number of pending times rises and falls (scan and map lookups)', () => {
    // Reference: a plain list sorted by (time, scheduling order), which the agenda must match
    // while pending times cross the point where it switches between scanning and a map.
    const agenda = new Agenda();
    const ref: { t: number; seq: number; id: number }[] = [];
    const seen: number[] = [];
    const expected: number[] = [];
    let seq = 0;
    let next = 0;
    const add = (t: number, generation: number) => {
      const id = next++;
      ref.push({ t, seq: seq++, id });
      agenda.at(t, () => {
        seen.push(id);
        // Each entry adds up to three more at spread-out later times, for a few generations.
        if (generation < 4) for (let k = 0; k < 1 + (id % 3); k++) add(agenda.now + ((id * 31 + k * 17) % 29), generation + 1);
      });
    };
    for (let i = 0; i < 40; i++) add((i * 13) % 37, 0);
    while (ref.length > 0) {
      ref.sort((a, b) => a.t - b.t || a.seq - b.seq);
      const first = ref.shift()!;
      expected.push(first.id);
      // Run the reference's entry through the agenda: it must be the one the agenda runs next.
      agenda.step();
      expect(seen[seen.length - 1]).toBe(first.id);
    }
    expect(agenda.empty).toBe(true);
    expect(seen).toEqual(expected);
  });
});

describe('recycled buckets', () => {
  it('a fleet in lockstep keeps its order step after step while large buckets are recycled, with cancelled entries among them', () => {
    // 3,000 entries at each time (buckets far larger than a small spare keeps), each
    // scheduling its next step; every seventh cancels its successor at one step.
    const agenda = new Agenda();
    const seen: string[] = [];
    const fleet = 3000;
    const steps = 6;
    const schedule = (id: number, step: number) => {
      const entry = agenda.at(step * 10, () => {
        seen.push(`${step}:${id}`);
        if (step + 1 < steps) {
          const nextEntry = schedule(id, step + 1);
          if (step === 2 && id % 7 === 0) agenda.cancel(nextEntry);
        }
      });
      return entry;
    };
    for (let id = 0; id < fleet; id++) schedule(id, 0);
    while (agenda.step());
    const expected: string[] = [];
    for (let step = 0; step < steps; step++) for (let id = 0; id < fleet; id++) if (!(step > 2 && id % 7 === 0)) expected.push(`${step}:${id}`);
    expect(seen).toEqual(expected);
    expect(agenda.now).toBe((steps - 1) * 10);
  });
});

describe('cancelling', () => {
  it('cancelled entries at the front are dropped without advancing the clock', () => {
    const agenda = new Agenda();
    const seen: string[] = [];
    const a = agenda.at(2, () => seen.push('a'));
    agenda.at(2, () => seen.push('b'));
    const c = agenda.at(4, () => seen.push('c'));
    agenda.cancel(a);
    agenda.cancel(c);
    expect(agenda.peekTime()).toBe(2);
    drain(agenda);
    expect(seen).toEqual(['b']);
    expect(agenda.now).toBe(2);
    expect(agenda.empty).toBe(true);
    expect(agenda.peekTime()).toBeUndefined();
  });

  it('clear drops everything and the agenda keeps working', () => {
    const agenda = new Agenda();
    const seen: number[] = [];
    agenda.at(1, () => seen.push(1));
    agenda.at(2, () => seen.push(2));
    agenda.clear();
    expect(agenda.empty).toBe(true);
    agenda.at(3, () => seen.push(3));
    drain(agenda);
    expect(seen).toEqual([3]);
  });
});

describe('rows (scheduleRow)', () => {
  it('a row runs in its turn among entries, and can be scheduled again after it ran, taking a new place in line', () => {
    const seen: string[] = [];
    const runs = new Map<number, number>();
    const rows: RowRunner = {
      runRow: (row) => {
        seen.push(`row ${row}@${agenda.now}`);
        const n = (runs.get(row) ?? 0) + 1;
        runs.set(row, n);
        if (n < 3) agenda.scheduleRow(row, agenda.now + 10);
      },
    };
    const agenda = new Agenda(rows);
    agenda.scheduleRow(0, 0);
    agenda.at(0, () => seen.push('plain@0'));
    agenda.scheduleRow(7, 0);
    agenda.at(10, () => seen.push('plain@10'));
    drain(agenda);
    // Rows re-scheduled at 10 were added after the plain entry, so they run after it, in the order they were added.
    expect(seen).toEqual(['row 0@0', 'plain@0', 'row 7@0', 'plain@10', 'row 0@10', 'row 7@10', 'row 0@20', 'row 7@20']);
  });

  it('a cancelled entry before a row is dropped; the row still runs', () => {
    const seen: number[] = [];
    const agenda = new Agenda({ runRow: (row) => seen.push(row) });
    const e = agenda.at(5, () => seen.push(-1));
    agenda.scheduleRow(3, 5);
    agenda.cancel(e);
    drain(agenda);
    expect(seen).toEqual([3]);
    expect(agenda.now).toBe(5);
  });
});
