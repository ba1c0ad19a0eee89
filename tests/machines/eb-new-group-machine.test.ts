// The Immutable / TrafficSplitting orchestrator driven alone: its waits
// (EvaluationTime, attaching to the original group) are timers owned by states,
// run here on an agenda; its actions only record what they were asked to do.
import { describe, expect, it } from 'vitest';
import { newGroupMachine, type NewGroupInput } from '../../src/engine/eb/new-group-machine.ts';
import { finalStates, recorder, start } from './machine-helpers.ts';

const ACTIONS = ['launchFirst', 'launchRest', 'announceIgnoredHealth', 'startEvaluation', 'passEvaluation', 'promote', 'terminateOld', 'rollBack', 'ignoreAbort', 'end'];
const immutable: NewGroupInput = { oneFirst: true, evaluate: false, ignoreHealthCheck: false, evaluationSeconds: 300, registrationSeconds: 5 };
const splitting: NewGroupInput = { oneFirst: false, evaluate: true, ignoreHealthCheck: false, evaluationSeconds: 300, registrationSeconds: 5 };

function run(input: NewGroupInput) {
  const log: string[] = [];
  const started = start(newGroupMachine.provide({ actions: recorder(ACTIONS, log) }), input);
  return { ...started, log };
}

describe('ebNewGroup alone: Immutable', () => {
  it('one instance first, then the rest, then attaching for the registration delay before the old instances go', () => {
    const { actor, log, runUntil } = run(immutable);
    expect(log).toEqual(['launchFirst']);
    actor.send({ type: 'GROUP_HEALTHY' });
    actor.send({ type: 'GROUP_HEALTHY' });
    expect(actor.getSnapshot().value).toBe('attaching');
    runUntil(4);
    expect(actor.getSnapshot().value).toBe('attaching');
    runUntil(5);
    expect(actor.getSnapshot().value).toBe('terminatingOld');
    actor.send({ type: 'TERMINATED' });
    expect(log).toEqual(['launchFirst', 'launchRest', 'promote', 'terminateOld', 'end:{"status":"Succeeded","rolledBack":false}']);
  });

  it('a first instance that fails its health checks terminates the temporary group', () => {
    const { actor, log } = run(immutable);
    actor.send({ type: 'GROUP_FAILED', healthOnly: true });
    expect(log.at(-1)).toBe('rollBack:{"cause":"GROUP_FAILED"}');
    actor.send({ type: 'TERMINATED' });
    expect(log.at(-1)).toBe('end:{"status":"Failed","rolledBack":true}');
  });

  it('with IgnoreHealthCheck, new instances failing health checks do not cancel the deployment (but a failed command does)', () => {
    const ignoring = run({ ...immutable, ignoreHealthCheck: true });
    ignoring.actor.send({ type: 'GROUP_FAILED', healthOnly: true });
    expect(ignoring.actor.getSnapshot().value).toBe('launchingRest');
    ignoring.actor.send({ type: 'GROUP_FAILED', healthOnly: true });
    expect(ignoring.actor.getSnapshot().value).toBe('attaching');
    expect(ignoring.log.filter((x) => x === 'announceIgnoredHealth')).toHaveLength(2);
    const command = run({ ...immutable, ignoreHealthCheck: true });
    command.actor.send({ type: 'GROUP_FAILED', healthOnly: false });
    expect(command.actor.getSnapshot().value).toBe('rollingBack');
  });

  it('an abort once the new instances are attaching changes nothing', () => {
    const { actor, log } = run(immutable);
    actor.send({ type: 'GROUP_HEALTHY' });
    actor.send({ type: 'GROUP_HEALTHY' });
    actor.send({ type: 'ABORT' });
    expect(actor.getSnapshot().value).toBe('attaching');
    expect(log.at(-1)).toBe('ignoreAbort');
  });
});

describe('ebNewGroup alone: TrafficSplitting', () => {
  it('evaluates for EvaluationTime, a timer owned by the evaluating state, then promotes', () => {
    const { actor, log, runUntil } = run(splitting);
    expect(log).toEqual(['launchRest']);
    actor.send({ type: 'GROUP_HEALTHY' });
    expect(actor.getSnapshot().value).toBe('evaluating');
    runUntil(299);
    expect(actor.getSnapshot().value).toBe('evaluating');
    runUntil(300);
    expect(log.slice(-3)).toEqual(['startEvaluation', 'passEvaluation', 'promote']);
  });

  it('an instance turning unhealthy during EvaluationTime rolls back, and the evaluation timer dies with the state', () => {
    const { actor, log, runUntil, agenda } = run(splitting);
    actor.send({ type: 'GROUP_HEALTHY' });
    runUntil(120);
    actor.send({ type: 'INSTANCE_UNHEALTHY' });
    expect(log.at(-1)).toBe('rollBack:{"cause":"INSTANCE_UNHEALTHY"}');
    expect(agenda.empty).toBe(true);
    actor.send({ type: 'TERMINATED' });
    expect(log.at(-1)).toBe('end:{"status":"Failed","rolledBack":true}');
    expect(log).not.toContain('passEvaluation');
  });

  it('ABORT during EvaluationTime terminates the new group and ends Stopped', () => {
    const { actor, log } = run(splitting);
    actor.send({ type: 'GROUP_HEALTHY' });
    actor.send({ type: 'ABORT' });
    expect(log.at(-1)).toBe('rollBack:{"cause":"ABORT"}');
    actor.send({ type: 'TERMINATED' });
    expect(log.at(-1)).toBe('end:{"status":"Stopped","rolledBack":true}');
  });

  it('IgnoreHealthCheck is an Immutable rule: an unhealthy instance before EvaluationTime still rolls back', () => {
    const { actor } = run({ ...splitting, ignoreHealthCheck: false });
    actor.send({ type: 'GROUP_FAILED', healthOnly: true });
    expect(actor.getSnapshot().value).toBe('rollingBack');
  });
});

describe('ebNewGroup as a statechart', () => {
  const events = [
    { type: 'GROUP_HEALTHY' },
    { type: 'GROUP_FAILED', healthOnly: true },
    { type: 'GROUP_FAILED', healthOnly: false },
    { type: 'INSTANCE_UNHEALTHY' },
    { type: 'TERMINATED' },
    { type: 'ABORT' },
  ];

  it.each([
    ['Immutable', immutable],
    ['Immutable with IgnoreHealthCheck', { ...immutable, ignoreHealthCheck: true }],
    ['TrafficSplitting', splitting],
  ])('%s: every path ends in succeeded, failed or stopped', (_, input) => {
    expect(finalStates(newGroupMachine, input, events)).toEqual(new Set(['succeeded', 'failed', 'stopped']));
  });
});
