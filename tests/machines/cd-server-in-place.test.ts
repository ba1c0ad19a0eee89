// The CodeDeploy Server in-place orchestrator as a machine (reference §2.3–2.4),
// driven alone: its actions are recorders, its events are sent by hand.
import { describe, expect, it } from 'vitest';
import type { EventObject } from 'xstate';
import { serverInPlaceMachine, type InPlaceEvent } from '../../src/engine/codedeploy/server-in-place-machine.ts';
import { finalStates, firstStepsTo, reach, recorder, settings, start } from './cd-server-machine-helpers.ts';

const ACTIONS = ['startDeployment', 'announceImpossibleMinimum', 'deploy', 'stopInFlight', 'endDeployment', 'rollBack', 'endRollback', 'finish'];
const failure: InPlaceEvent = { type: 'FAILED', trigger: { kind: 'failure', changed: true } };
const alarm: InPlaceEvent = { type: 'STOP', trigger: { kind: 'alarm', changed: true } };
const EVENTS: EventObject[] = [{ type: 'SUCCEEDED' }, failure, alarm, { type: 'ROLLBACK_SUCCEEDED' }, { type: 'ROLLBACK_FAILED' }];

const input = (rollback: string[] = [], minimumImpossible = false) => ({ cd: settings({}, rollback), minimumImpossible });

function drive(events: InPlaceEvent[], rollback: string[] = [], minimumImpossible = false) {
  const log: string[] = [];
  const machine = serverInPlaceMachine.provide({ actions: recorder(ACTIONS, log) as never });
  const { actor } = start(machine, input(rollback, minimumImpossible));
  for (const e of events) actor.send(e);
  return { log, state: actor.getSnapshot().value, status: actor.getSnapshot().status };
}

describe('the in-place orchestrator', () => {
  it('starts the user deployment and deploys', () => {
    expect(drive([]).log).toEqual(['startDeployment', 'deploy']);
  });

  it('an impossible minimum fails the deployment before anything is deployed', () => {
    const { log, state } = drive([], [], true);
    expect(state).toBe('failed');
    expect(log).not.toContain('deploy');
    expect(log).toContain('announceImpossibleMinimum');
  });

  it('success ends d-1 Succeeded', () => {
    const { log, state } = drive([{ type: 'SUCCEEDED' }]);
    expect(state).toBe('succeeded');
    expect(log.slice(-2)).toEqual(['endDeployment:{"status":"Succeeded"}', 'finish:{"outcome":"Succeeded"}']);
  });

  it('a failure without DEPLOYMENT_FAILURE ends Failed; with it, the rollback deployment starts', () => {
    expect(drive([failure]).state).toBe('failed');
    const { log, state } = drive([failure], ['DEPLOYMENT_FAILURE']);
    expect(state).toBe('rollingBack');
    expect(log.at(-1)).toBe('rollBack');
  });

  it('a stop cuts short what is in flight, then rolls back only if configured for that trigger', () => {
    const plain = drive([alarm], ['DEPLOYMENT_FAILURE']);
    expect(plain.state).toBe('stopped');
    expect(plain.log).toContain('stopInFlight:{"trigger":{"kind":"alarm","changed":true}}');
    expect(drive([alarm], ['DEPLOYMENT_STOP_ON_ALARM']).state).toBe('rollingBack');
  });

  it('the rollback ends rolledBack, failed, or stopped by a STOP while it runs', () => {
    expect(drive([failure, { type: 'ROLLBACK_SUCCEEDED' }], ['DEPLOYMENT_FAILURE']).state).toBe('rolledBack');
    expect(drive([failure, { type: 'ROLLBACK_FAILED' }], ['DEPLOYMENT_FAILURE']).state).toBe('failed');
    const stopped = drive([failure, alarm], ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM']);
    expect(stopped.state).toBe('stopped');
    expect(stopped.log.slice(-3)).toEqual(['stopInFlight:{"trigger":{"kind":"alarm","changed":true}}', 'endRollback:{"status":"Stopped"}', 'finish:{"outcome":"Stopped"}']);
  });

  it('a rollback is never rolled back: a failure during it does not start another', () => {
    const { log } = drive([failure, failure, { type: 'ROLLBACK_FAILED' }], ['DEPLOYMENT_FAILURE']);
    expect(log.filter((a) => a === 'rollBack')).toHaveLength(1);
  });
});

describe('the in-place orchestrator as a graph', () => {
  it('every path ends in succeeded, failed, stopped or rolledBack', () => {
    expect(finalStates(serverInPlaceMachine, input(['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM']), EVENTS)).toEqual(new Set(['succeeded', 'failed', 'stopped', 'rolledBack']));
    expect(finalStates(serverInPlaceMachine, input(), EVENTS)).toEqual(new Set(['succeeded', 'failed', 'stopped']));
    expect(finalStates(serverInPlaceMachine, input([], true), EVENTS)).toEqual(new Set(['failed']));
  });

  it('during the rollback, only a STOP leads to stopped', () => {
    const rollback = input(['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM']);
    expect(reach(serverInPlaceMachine, rollback, [failure]).value).toBe('rollingBack');
    expect(firstStepsTo(serverInPlaceMachine, rollback, EVENTS, [failure], 'stopped')).toEqual(['STOP']);
  });
});
