// The batch-based orchestrator (AllAtOnce, Rolling, RollingWithAdditionalBatch)
// driven alone: its actions only record what they were asked to do.
import { describe, expect, it } from 'vitest';
import { rollingMachine, type RollingInput } from '../../src/engine/eb/rolling-machine.ts';
import { finalStates, recorder, start } from './machine-helpers.ts';

const ACTIONS = ['launchAdditionalBatch', 'deployBatch', 'announceIgnoredHealth', 'terminateAdditionalBatch', 'stopInFlight', 'ignoreAbort', 'end'];
const input = (over: Partial<RollingInput> = {}): RollingInput => ({ batchCount: 2, additionalBatch: false, ignoreHealthCheck: false, ...over });

function run(over: Partial<RollingInput>) {
  const log: string[] = [];
  const { actor } = start(rollingMachine.provide({ actions: recorder(ACTIONS, log) }), input(over));
  return { actor, log };
}

describe('ebRolling alone', () => {
  it('deploys batch after batch, each only after the previous one succeeded', () => {
    const { actor, log } = run({ batchCount: 3 });
    expect(log).toEqual(['deployBatch:{"batch":0}']);
    actor.send({ type: 'BATCH_SUCCEEDED' });
    actor.send({ type: 'BATCH_SUCCEEDED' });
    actor.send({ type: 'BATCH_SUCCEEDED' });
    expect(log).toEqual(['deployBatch:{"batch":0}', 'deployBatch:{"batch":1}', 'deployBatch:{"batch":2}', 'end:{"status":"Succeeded"}']);
    expect(actor.getSnapshot().value).toBe('succeeded');
  });

  it('a failed batch fails the deployment: no later batch starts, nothing rolls back', () => {
    const { actor, log } = run({});
    actor.send({ type: 'BATCH_FAILED', healthOnly: true });
    expect(actor.getSnapshot().value).toBe('failed');
    expect(log).toEqual(['deployBatch:{"batch":0}', 'end:{"status":"Failed"}']);
  });

  it('IgnoreHealthCheck passes over a batch whose only failures are health checks, not over a failed command', () => {
    const ignoring = run({ ignoreHealthCheck: true });
    ignoring.actor.send({ type: 'BATCH_FAILED', healthOnly: true });
    expect(ignoring.log).toContain('announceIgnoredHealth:{"batch":0}');
    expect(ignoring.actor.getSnapshot().value).toBe('deployingBatch');
    expect(ignoring.actor.getSnapshot().context.batch).toBe(1);
    const command = run({ ignoreHealthCheck: true });
    command.actor.send({ type: 'BATCH_FAILED', healthOnly: false });
    expect(command.actor.getSnapshot().value).toBe('failed');
  });

  it('RollingWithAdditionalBatch launches the additional batch first and terminates it once every batch is done', () => {
    const { actor, log } = run({ additionalBatch: true, batchCount: 1 });
    expect(log).toEqual(['launchAdditionalBatch']);
    actor.send({ type: 'BATCH_SUCCEEDED' });
    actor.send({ type: 'BATCH_SUCCEEDED' });
    expect(actor.getSnapshot().value).toBe('terminatingAdditionalBatch');
    expect(log.at(-1)).toBe('terminateAdditionalBatch');
    actor.send({ type: 'ABORT' });
    expect(log.at(-1)).toBe('ignoreAbort');
    actor.send({ type: 'TERMINATED' });
    expect(log.at(-1)).toBe('end:{"status":"Succeeded"}');
  });

  it('a failed additional batch ends the deployment before any original instance is touched', () => {
    const { actor, log } = run({ additionalBatch: true });
    actor.send({ type: 'BATCH_FAILED', healthOnly: false });
    expect(actor.getSnapshot().value).toBe('additionalBatchFailed');
    expect(log).toEqual(['launchAdditionalBatch', 'end:{"status":"Failed","additionalBatchFailed":true}']);
  });

  it('ABORT during a batch stops the instances in flight and ends Stopped', () => {
    const { actor, log } = run({});
    actor.send({ type: 'BATCH_SUCCEEDED' });
    actor.send({ type: 'ABORT' });
    expect(log.slice(-2)).toEqual(['stopInFlight', 'end:{"status":"Stopped"}']);
  });
});

describe('ebRolling as a statechart', () => {
  const events = [{ type: 'BATCH_SUCCEEDED' }, { type: 'BATCH_FAILED', healthOnly: true }, { type: 'BATCH_FAILED', healthOnly: false }, { type: 'TERMINATED' }, { type: 'ABORT' }];

  it('every path ends in a final state; which ones depends on the policy', () => {
    expect(finalStates(rollingMachine, input(), events)).toEqual(new Set(['succeeded', 'failed', 'stopped']));
    expect(finalStates(rollingMachine, input({ additionalBatch: true }), events)).toEqual(new Set(['succeeded', 'failed', 'stopped', 'additionalBatchFailed']));
    // With IgnoreHealthCheck a health-only failure never fails the deployment, but a failed command still does.
    expect(finalStates(rollingMachine, input({ ignoreHealthCheck: true }), events)).toEqual(new Set(['succeeded', 'failed', 'stopped']));
  });
});
