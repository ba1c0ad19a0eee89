// Machines run on the world: their states are recorded for the live statechart,
// and an error thrown inside an action (which XState would swallow) ends the run.
import { describe, expect, it } from 'vitest';
import { assign, createMachine } from 'xstate';
import { World } from '../../src/engine/world.ts';
import { machineActor } from '../../src/engine/run-machine.ts';
import { scenario } from '../helpers.ts';

const world = () => new World(scenario({ platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 1 } }));

describe('machineActor', () => {
  it('records each state entered, at simulated time', () => {
    const w = world();
    const m = createMachine({ id: 'wait', initial: 'a', states: { a: { after: { 5000: 'b' } }, b: { initial: 'x', states: { x: { after: { 1000: 'y' } }, y: { type: 'final' } } } } });
    machineActor(w, m).start();
    w.run();
    expect(w.machines).toEqual([
      { t: 0, machine: 'wait', state: 'a' },
      { t: 5, machine: 'wait', state: 'b.x' },
      { t: 6, machine: 'wait', state: 'b.y' },
    ]);
  });

  it('records a state entered again by a re-entering transition, not one kept by an internal transition', () => {
    const w = world();
    const m = createMachine({
      id: 'steps',
      initial: 'moving',
      context: { step: 0 },
      states: {
        moving: {
          on: { NOTE: { actions: () => undefined } },
          after: {
            2000: [
              { guard: ({ context }) => context.step < 2, target: 'moving', reenter: true, actions: assign({ step: ({ context }) => context.step + 1 }) },
              { target: 'done' },
            ],
          },
        },
        done: { type: 'final' },
      },
    });
    const actor = machineActor(w, m).start();
    w.agenda.at(1, () => actor.send({ type: 'NOTE' }));
    w.run();
    expect(w.machines).toEqual([
      { t: 0, machine: 'steps', state: 'moving' },
      { t: 2, machine: 'steps', state: 'moving' },
      { t: 4, machine: 'steps', state: 'moving' },
      { t: 6, machine: 'steps', state: 'done' },
    ]);
  });

  it('an error thrown inside an action stops the run instead of leaving a wrong trace', () => {
    const w = world();
    const m = createMachine({
      id: 'broken',
      initial: 'a',
      states: {
        a: { after: { 1000: 'b' } },
        b: {
          entry: () => {
            throw new RangeError('Maximum call stack size exceeded');
          },
        },
      },
    });
    machineActor(w, m).start();
    w.agenda.at(10, () => w.event('note', 'must not happen'));
    expect(() => w.run()).toThrow(RangeError);
    expect(w.events.map((e) => e.message)).not.toContain('must not happen');
  });
});
