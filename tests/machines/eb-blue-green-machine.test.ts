// The blue/green orchestrator driven alone: testing, each DNS step and the DNS
// tail are timers owned by states (run here on an agenda); swapping back is a
// second SWAP, and ABORT never swaps.
import { describe, expect, it } from 'vitest';
import { blueGreenMachine, type BlueGreenInput } from '../../src/engine/eb/blue-green-machine.ts';
import { finalStates, recorder, start } from './machine-helpers.ts';

const ACTIONS = [
  'createGreen',
  'stopInFlight',
  'refuseSwap',
  'startTesting',
  'endTesting',
  'skipSwap',
  'swap',
  'moveClients',
  'finishDns',
  'endDnsPropagation',
  'announceOutage',
  'ignoreAbort',
  'end',
];
const input: BlueGreenInput = { swapAfterSeconds: 300, dnsTtlSeconds: 100, dnsSteps: 4, dnsTailTtls: 3 };

function run(greenServes = true) {
  const log: string[] = [];
  const started = start(blueGreenMachine.provide({ actions: recorder(ACTIONS, log), guards: { greenServes: () => greenServes } }), input);
  return { ...started, log };
}

describe('ebBlueGreen alone', () => {
  it('tests for swapAfter, swaps, moves clients in steps within the TTL, and ends after the tail', () => {
    const { actor, log, runUntil } = run();
    actor.send({ type: 'GROUP_HEALTHY' });
    runUntil(299);
    expect(actor.getSnapshot().value).toBe('testing');
    runUntil(300);
    expect(actor.getSnapshot().value).toEqual({ swapping: 'clientsMoving' });
    runUntil(400);
    expect(log.filter((x) => x.startsWith('moveClients'))).toEqual(['moveClients:{"step":1}', 'moveClients:{"step":2}', 'moveClients:{"step":3}', 'moveClients:{"step":4}']);
    expect(actor.getSnapshot().value).toEqual({ swapping: 'pastTtl' });
    runUntil(599);
    expect(actor.getSnapshot().status).toBe('active');
    runUntil(600);
    expect(log.slice(-3)).toEqual(['endDnsPropagation', 'finishDns', 'end:{"status":"Succeeded","rolledBack":false,"how":"swapped"}']);
  });

  it('the user may swap early, during testing', () => {
    const { actor, log } = run();
    actor.send({ type: 'GROUP_HEALTHY' });
    actor.send({ type: 'SWAP' });
    expect(log.slice(-2)).toEqual(['endTesting', 'swap:{"back":false}']);
  });

  it('a swap while the green environment is being created is refused', () => {
    const { actor, log } = run();
    actor.send({ type: 'SWAP' });
    expect(actor.getSnapshot().value).toBe('creatingGreen');
    expect(log.at(-1)).toBe('refuseSwap');
  });

  it('a second swap after the first is the rollback: clients go back, and the first propagation stops', () => {
    const { actor, log, runUntil, agenda } = run();
    actor.send({ type: 'GROUP_HEALTHY' });
    runUntil(350);
    actor.send({ type: 'SWAP' });
    expect(log.slice(-2)).toEqual(['endDnsPropagation', 'swap:{"back":true}']);
    runUntil();
    expect(log.at(-1)).toBe('end:{"status":"Stopped","rolledBack":true,"how":"swappedBack"}');
    expect(agenda.now).toBe(350 + 300);
  });

  it('ABORT never swaps CNAMEs: after the swap it changes nothing', () => {
    const { actor, log, runUntil } = run();
    actor.send({ type: 'GROUP_HEALTHY' });
    runUntil(350);
    actor.send({ type: 'ABORT' });
    expect(actor.getSnapshot().value).toEqual({ swapping: 'clientsMoving' });
    expect(log.at(-1)).toBe('ignoreAbort');
    expect(log).not.toContain('swap:{"back":true}');
    runUntil();
    expect(log.at(-1)).toBe('end:{"status":"Succeeded","rolledBack":false,"how":"swapped"}');
  });

  it('ABORT while the green environment is created stops it there', () => {
    const { actor, log } = run();
    actor.send({ type: 'ABORT' });
    expect(log).toEqual(['createGreen', 'stopInFlight', 'end:{"status":"Stopped","rolledBack":false,"how":"aborted"}']);
  });

  it('DNS does not fail over: a green environment that stops serving after the swap is announced, and the deployment fails unless the user swaps back', () => {
    const { actor, log, runUntil } = run(false);
    actor.send({ type: 'GROUP_HEALTHY' });
    actor.send({ type: 'SWAP' });
    actor.send({ type: 'GREEN_DOWN' });
    expect(log.at(-1)).toBe('announceOutage');
    runUntil();
    expect(log.at(-1)).toBe('end:{"status":"Failed","rolledBack":false,"how":"servingErrors"}');
  });

  it('the planned swap is skipped when the green environment stopped serving during testing', () => {
    const { actor, log, runUntil } = run(false);
    actor.send({ type: 'GROUP_HEALTHY' });
    runUntil();
    expect(log.slice(-3)).toEqual(['endTesting', 'skipSwap', 'end:{"status":"Failed","rolledBack":false,"how":"notSwapped"}']);
  });
});

describe('ebBlueGreen as a statechart', () => {
  const events = [{ type: 'GROUP_HEALTHY' }, { type: 'GROUP_FAILED' }, { type: 'SWAP' }, { type: 'GREEN_DOWN' }, { type: 'ABORT' }];
  const small = { ...input, dnsSteps: 2 };

  it('every path ends in a final state', () => {
    expect(finalStates(blueGreenMachine, small, events)).toEqual(new Set(['succeeded', 'failed', 'stopped', 'rolledBack']));
    const down = blueGreenMachine.provide({ guards: { greenServes: () => false } });
    expect(finalStates(down, small, events)).toEqual(new Set(['failed', 'notSwapped', 'servingErrors', 'stopped', 'rolledBack']));
  });
});
