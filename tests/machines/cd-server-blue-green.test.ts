// The CodeDeploy EC2 blue/green orchestrator as a machine (reference §2.3–2.4),
// driven alone: recorded actions, events sent by hand, its waits on an agenda clock.
import { describe, expect, it } from 'vitest';
import type { EventObject } from 'xstate';
import { serverBlueGreenMachine, type BlueGreenEvent, type BlueGreenInput } from '../../src/engine/codedeploy/server-blue-green-machine.ts';
import { afterEvents, finalStates, firstStepsTo, reach, recorder, settings, start } from './cd-server-machine-helpers.ts';

const ACTIONS = [
  'startDeployment', 'announceImpossibleMinimum', 'provisionReplacements', 'installReplacements', 'startReadyWait', 'continued', 'reroute', 'blockOriginals',
  'startTerminationWait', 'endWait', 'startTerminatingOriginals', 'terminateOriginals', 'keepOriginals', 'stopInFlight', 'endDeployment', 'startRollback',
  'reallowOriginals', 'blockReplacements', 'endRollback', 'finish',
];
const failure: BlueGreenEvent = { type: 'FAILED', trigger: { kind: 'failure', changed: true } };
const stop: BlueGreenEvent = { type: 'STOP', trigger: { kind: 'request', changed: true } };
const readyContinue: BlueGreenEvent = { type: 'CONTINUE', waitType: 'READY_WAIT' };
const terminationContinue: BlueGreenEvent = { type: 'CONTINUE', waitType: 'TERMINATION_WAIT' };
const EVENTS: EventObject[] = [
  { type: 'REPLACEMENTS_READY' }, { type: 'REROUTED' }, { type: 'ORIGINALS_BLOCKED' }, failure, stop, readyContinue, terminationContinue,
  { type: 'ORIGINALS_ALLOWED' }, { type: 'REPLACEMENTS_BLOCKED' }, { type: 'ROLLBACK_FAILED' },
];

function input(o: Partial<BlueGreenInput> = {}, rollback: string[] = []): BlueGreenInput {
  return {
    cd: settings({ deploymentType: 'BLUE_GREEN' }, rollback),
    minimumImpossible: false,
    waitsForContinue: true,
    terminatesOriginals: true,
    launchSeconds: 60,
    readyWaitSeconds: 600,
    terminationWaitSeconds: 3600,
    terminationSeconds: 10,
    ...o,
  };
}

function run(i: BlueGreenInput, script: (send: (e: BlueGreenEvent) => void, until: (t: number) => void) => void, originalsLeft = true) {
  const log: string[] = [];
  const machine = serverBlueGreenMachine.provide({ actions: recorder(ACTIONS, log) as never, guards: { originalsLeft: () => originalsLeft } });
  const { actor, runUntil, agenda } = start(machine, i);
  script((e) => actor.send(e), runUntil);
  const s = actor.getSnapshot();
  return { log, state: s.status === 'done' ? String(s.value) : JSON.stringify(s.value), now: agenda.now };
}

describe('the blue/green orchestrator', () => {
  it('provisions, waits the launch time, then installs the replacements', () => {
    const r = run(input(), (_, until) => until(59));
    expect(r.state).toBe('{"deploying":"provisioning"}');
    expect(run(input(), (_, until) => until(60)).state).toBe('{"deploying":"installing"}');
  });

  it('STOP_DEPLOYMENT: Ready wait; ContinueDeployment (READY_WAIT) reroutes at once and cancels the wait timer', () => {
    const r = run(input(), (send, until) => {
      until(60);
      send({ type: 'REPLACEMENTS_READY' });
      until(100);
      send(readyContinue);
      until(5000);
    });
    expect(r.state).toBe('{"deploying":"rerouting"}');
    expect(r.log).toContain('continued:{"waitType":"READY_WAIT"}');
    expect(r.log).not.toContain('endDeployment:{"status":"Stopped","trigger":{"kind":"readyTimeout","changed":true}}');
  });

  it('STOP_DEPLOYMENT: nobody continues, so the deployment is Stopped when the wait ends', () => {
    const r = run(input(), (send, until) => {
      until(60);
      send({ type: 'REPLACEMENTS_READY' });
      until(Infinity);
    });
    expect(r.state).toBe('stopped');
    expect(r.now).toBe(660);
    expect(r.log).toContain('endDeployment:{"status":"Stopped","trigger":{"kind":"readyTimeout","changed":true}}');
  });

  it('a TERMINATION_WAIT continue during the Ready wait changes nothing', () => {
    const r = run(input(), (send, until) => {
      until(60);
      send({ type: 'REPLACEMENTS_READY' });
      send(terminationContinue);
    });
    expect(r.state).toBe('{"deploying":"readyWait"}');
  });

  it('CONTINUE_DEPLOYMENT has no Ready wait: rerouting follows the install', () => {
    const r = run(input({ waitsForContinue: false }), (send, until) => {
      until(60);
      send({ type: 'REPLACEMENTS_READY' });
    });
    expect(r.state).toBe('{"deploying":"rerouting"}');
  });

  it('TERMINATE: the termination wait ends after its time, or at ContinueDeployment (TERMINATION_WAIT); then the originals are terminated', () => {
    const toWait = (send: (e: BlueGreenEvent) => void, until: (t: number) => void) => {
      until(60);
      send({ type: 'REPLACEMENTS_READY' });
      send(readyContinue);
      send({ type: 'REROUTED' });
      send({ type: 'ORIGINALS_BLOCKED' });
    };
    const waited = run(input(), (send, until) => {
      toWait(send, until);
      until(Infinity);
    });
    expect(waited.state).toBe('succeeded');
    expect(waited.now).toBe(60 + 3600 + 10);
    const early = run(input(), (send, until) => {
      toWait(send, until);
      until(100);
      send(terminationContinue);
      until(Infinity);
    });
    expect(early.state).toBe('succeeded');
    expect(early.now).toBe(110);
    expect(early.log.indexOf('terminateOriginals')).toBeGreaterThan(early.log.indexOf('startTerminatingOriginals'));
  });

  it('KEEP_ALIVE: success once the originals are blocked', () => {
    const r = run(input({ waitsForContinue: false, terminatesOriginals: false }), (send, until) => {
      until(60);
      send({ type: 'REPLACEMENTS_READY' });
      send({ type: 'REROUTED' });
      send({ type: 'ORIGINALS_BLOCKED' });
    });
    expect(r.state).toBe('succeeded');
    expect(r.log).toContain('keepOriginals');
    expect(r.log).not.toContain('terminateOriginals');
  });

  it('a failure with DEPLOYMENT_FAILURE rolls back: originals first, then replacements', () => {
    const r = run(input({ waitsForContinue: false }, ['DEPLOYMENT_FAILURE']), (send, until) => {
      until(60);
      send({ type: 'REPLACEMENTS_READY' });
      send(failure);
      send({ type: 'ORIGINALS_ALLOWED' });
      send({ type: 'REPLACEMENTS_BLOCKED' });
    });
    expect(r.state).toBe('rolledBack');
    expect(r.log.filter((a) => ['startRollback', 'reallowOriginals', 'blockReplacements'].includes(a))).toEqual(['startRollback', 'reallowOriginals', 'blockReplacements']);
  });

  it('no rollback when every original is gone, even if configured', () => {
    const r = run(input({ waitsForContinue: false }, ['DEPLOYMENT_FAILURE']), (send, until) => {
      until(60);
      send(failure);
    }, false);
    expect(r.state).toBe('failed');
    expect(r.log).not.toContain('startRollback');
  });

  it('a stop during the termination wait cancels the termination and, with DEPLOYMENT_STOP_ON_REQUEST, rolls back', () => {
    const r = run(input({ waitsForContinue: false }, ['DEPLOYMENT_STOP_ON_REQUEST']), (send, until) => {
      until(60);
      send({ type: 'REPLACEMENTS_READY' });
      send({ type: 'REROUTED' });
      send({ type: 'ORIGINALS_BLOCKED' });
      until(1000);
      send(stop);
      until(Infinity);
    });
    expect(r.state).toBe('{"rollingBack":"reallowingOriginals"}');
    expect(r.log).not.toContain('startTerminatingOriginals');
    expect(r.now).toBe(1000);
  });

  it('a stop during the rollback ends it Stopped', () => {
    const r = run(input({ waitsForContinue: false }, ['DEPLOYMENT_FAILURE']), (send, until) => {
      until(60);
      send(failure);
      send(stop);
    });
    expect(r.state).toBe('stopped');
    expect(r.log.slice(-2)).toEqual(['endRollback:{"status":"Stopped"}', 'finish:{"outcome":"Stopped"}']);
  });
});

describe('the blue/green orchestrator as a graph', () => {
  const timers = afterEvents(serverBlueGreenMachine).map((e) => e.type);

  it('has one timer per wait, named for it', () => {
    expect(timers).toEqual([
      'xstate.after.launch.codeDeployServerBlueGreenDeployment.deploying.provisioning',
      'xstate.after.readyWait.codeDeployServerBlueGreenDeployment.deploying.readyWait',
      'xstate.after.terminationWait.codeDeployServerBlueGreenDeployment.deploying.terminationWait',
      'xstate.after.termination.codeDeployServerBlueGreenDeployment.deploying.terminatingOriginals',
    ]);
  });

  it.each([
    [{}, ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_REQUEST'], ['succeeded', 'failed', 'stopped', 'rolledBack']],
    [{ waitsForContinue: false, terminatesOriginals: false }, ['DEPLOYMENT_FAILURE'], ['succeeded', 'failed', 'stopped', 'rolledBack']],
    [{}, [], ['succeeded', 'failed', 'stopped']],
    [{ minimumImpossible: true }, ['DEPLOYMENT_FAILURE'], ['failed']],
  ] as const)('every path ends in a final state (%j, rollback on %j)', (o, rollback, ends) => {
    expect(finalStates(serverBlueGreenMachine, input(o, [...rollback]), EVENTS)).toEqual(new Set(ends));
  });

  it('from the Ready wait, success is reachable only through ContinueDeployment', () => {
    const i = input();
    const toReady = [{ type: timers[0]! }, { type: 'REPLACEMENTS_READY' }];
    expect(reach(serverBlueGreenMachine, i, toReady).value).toEqual({ deploying: 'readyWait' });
    expect(firstStepsTo(serverBlueGreenMachine, i, EVENTS, toReady, 'succeeded')).toEqual(['CONTINUE']);
  });

  it('during the rollback, only a STOP leads to stopped', () => {
    const i = input({ waitsForContinue: false }, ['DEPLOYMENT_FAILURE']);
    const toRollback = [{ type: timers[0]! }, failure];
    expect(reach(serverBlueGreenMachine, i, toRollback).value).toEqual({ rollingBack: 'reallowingOriginals' });
    expect(firstStepsTo(serverBlueGreenMachine, i, EVENTS, toRollback, 'stopped')).toEqual(['STOP']);
  });
});
