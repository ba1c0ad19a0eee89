// The CodeDeploy traffic-shifting orchestrator (Lambda and ECS) as a machine,
// driven alone: its actions are recorded with `provide`, its delays swapped for
// one simulated second each (reference §2.2–2.4). Path tests (xstate/graph),
// delayed events included, prove every reachable state can end in a final state,
// and that removing a transition (a stop during an interval or a rollback, an
// interval's timer) breaks them.
import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, SimulatedClock, transition, type AnyStateMachine } from 'xstate';
import { getSimplePaths } from 'xstate/graph';
import type { TrafficConfig } from '../../src/aws/codedeploy-facts.ts';
import { lifecycleOrder } from '../../src/engine/lifecycles/catalog.ts';
import { trafficMachine, type TrafficEvent, type TrafficInput } from '../../src/engine/codedeploy/traffic/machine.ts';
import { scenario } from '../helpers.ts';

const SECOND = 1000;
const oneSecond = { canaryInterval: SECOND, linearInterval: SECOND, allowTrafficEnd: SECOND, terminationWait: SECOND, rollbackAllowTraffic: SECOND };

function inputFor(platform: 'Lambda' | 'ECS', config: TrafficConfig, rollbackOn: string[] = []): TrafficInput {
  const s = scenario({
    platform: 'CodeDeploy',
    codeDeploy: {
      computePlatform: platform,
      deploymentConfigName: `CodeDeployDefault.${platform}AllAtOnce`,
      ...(rollbackOn.length ? { autoRollbackConfiguration: { enabled: true, events: rollbackOn } } : {}),
    },
  });
  return { cd: s.codeDeploy!, config, settleSeconds: 1, terminationWaitSeconds: 1, rollbackSeconds: 1 };
}

const canary: TrafficConfig = { platform: 'Lambda', kind: 'Canary', percentage: 10, intervalMinutes: 5 };
const linear30: TrafficConfig = { platform: 'Lambda', kind: 'Linear', percentage: 30, intervalMinutes: 2 };
const allAtOnce: TrafficConfig = { platform: 'Lambda', kind: 'AllAtOnce' };
const alarm: TrafficEvent = { type: 'STOP', trigger: { kind: 'alarm', changed: true } };
const request: TrafficEvent = { type: 'STOP', trigger: { kind: 'request', changed: true } };

/** Runs the machine alone: lifecycle events answer as `answer` says, timers advance one second at a time. */
function drive(machine: AnyStateMachine, input: TrafficInput, script: { answer?: (event: string) => 'ok' | 'fail'; at?: Record<string, TrafficEvent> } = {}) {
  const log: string[] = [];
  const shifts: number[] = [];
  let pending: string | undefined;
  const clock = new SimulatedClock();
  const record = (name: string) => () => log.push(name);
  const actor = createActor(
    machine.provide({
      actions: {
        runEvent: (_: unknown, { name }: { name: string }) => {
          log.push(name);
          pending = name;
        },
        shift: (_: unknown, { percent }: { percent: number }) => {
          shifts.push(percent);
          log.push(`shift ${percent}`);
        },
        startInterval: record('interval'),
        endInterval: record('interval ends'),
        endAllowTraffic: record('AllowTraffic ends'),
        startTerminationWait: record('termination wait'),
        removeOriginal: record('original removed'),
        stopInFlight: record('stop in flight'),
        endDeployment: (_: unknown, { status }: { status: string }) => log.push(`d-1 ${status}`),
        startRollback: record('d-2 starts'),
        endRollback: (_: unknown, { status }: { status: string }) => log.push(`d-2 ${status}`),
      },
      delays: oneSecond,
    }),
    { input, clock },
  );
  const states: string[] = [];
  actor.subscribe((s) => states.push(JSON.stringify(s.value)));
  actor.start();
  for (let guard = 0; guard < 200 && actor.getSnapshot().status === 'active'; guard++) {
    const here = states[states.length - 1]!;
    const interrupt = Object.entries(script.at ?? {}).find(([state]) => here.includes(`"${state}"`) || here === `"${state}"`);
    if (interrupt) {
      delete script.at![interrupt[0]];
      actor.send(interrupt[1]);
      continue;
    }
    if (pending) {
      const name = pending;
      pending = undefined;
      actor.send({ type: (script.answer?.(name) ?? 'ok') === 'ok' ? 'EVENT_SUCCEEDED' : 'EVENT_FAILED' });
      continue;
    }
    clock.increment(SECOND);
  }
  return { log, shifts, final: actor.getSnapshot().value, states };
}

describe('the traffic-shifting orchestrator, driven alone', () => {
  it('Lambda canary: BeforeAllowTraffic, the first increment, the interval, all the rest, AfterAllowTraffic', () => {
    const r = drive(trafficMachine('Lambda'), inputFor('Lambda', canary));
    expect(r.final).toBe('succeeded');
    expect(r.log).toEqual([
      'Start',
      'BeforeAllowTraffic',
      'shift 10',
      'interval',
      'interval ends',
      'shift 100',
      'AllowTraffic ends',
      'AfterAllowTraffic',
      'End',
      'd-1 Succeeded',
    ]);
  });

  it('linear: equal increments, one every interval, until 100%', () => {
    expect(drive(trafficMachine('Lambda'), inputFor('Lambda', linear30)).shifts).toEqual([30, 60, 90, 100]);
    expect(drive(trafficMachine('Lambda'), inputFor('Lambda', allAtOnce)).shifts).toEqual([100]);
  });

  it('the hook states come in the lifecycle machine\'s order (ECS), then the termination wait removes the original task set', () => {
    const r = drive(trafficMachine('ECS'), inputFor('ECS', { ...allAtOnce, platform: 'ECS' }));
    const events = r.log.filter((x) => lifecycleOrder('codeDeployEcs').includes(x));
    expect(events).toEqual(lifecycleOrder('codeDeployEcs').filter((x) => x !== 'AllowTraffic'));
    expect(r.log.slice(-3)).toEqual(['termination wait', 'original removed', 'd-1 Succeeded']);
  });

  it('a stop during the canary interval cancels the interval\'s timer: nothing more shifts', () => {
    const r = drive(trafficMachine('Lambda'), inputFor('Lambda', canary), { at: { canaryInterval: request } });
    expect(r.final).toBe('stopped');
    expect(r.shifts).toEqual([10]);
    expect(r.log.slice(-3)).toEqual(['interval ends', 'stop in flight', 'd-1 Stopped']);
  });

  it('an alarm during a linear interval with DEPLOYMENT_STOP_ON_ALARM: the rollback is a second deployment', () => {
    const r = drive(trafficMachine('Lambda'), inputFor('Lambda', linear30, ['DEPLOYMENT_STOP_ON_ALARM']), { at: { linearInterval: alarm } });
    expect(r.final).toBe('rolledBack');
    expect(r.shifts).toEqual([30]);
    expect(r.log.slice(-4)).toEqual(['stop in flight', 'd-1 Stopped', 'd-2 starts', 'd-2 Succeeded']);
  });

  it('a stop during the rollback stops the rollback deployment', () => {
    const r = drive(trafficMachine('Lambda'), inputFor('Lambda', canary, ['DEPLOYMENT_STOP_ON_ALARM']), { at: { canaryInterval: alarm, rollingBack: request } });
    expect(r.final).toBe('rollbackStopped');
    expect(r.log.slice(-2)).toEqual(['d-2 starts', 'd-2 Stopped']);
  });

  it('ECS: a BeforeInstall failure never rolls back; an AfterInstall failure does (the task set exists)', () => {
    const ecs = inputFor('ECS', { ...canary, platform: 'ECS' }, ['DEPLOYMENT_FAILURE']);
    expect(drive(trafficMachine('ECS'), ecs, { answer: (e) => (e === 'BeforeInstall' ? 'fail' : 'ok') }).final).toBe('failed');
    expect(drive(trafficMachine('ECS'), ecs, { answer: (e) => (e === 'AfterInstall' ? 'fail' : 'ok') }).final).toBe('rolledBack');
  });

  it('Lambda: a BeforeAllowTraffic failure changed nothing, so there is nothing to roll back; AfterAllowTraffic rolls back', () => {
    const lambda = inputFor('Lambda', canary, ['DEPLOYMENT_FAILURE']);
    expect(drive(trafficMachine('Lambda'), lambda, { answer: (e) => (e === 'BeforeAllowTraffic' ? 'fail' : 'ok') }).final).toBe('failed');
    expect(drive(trafficMachine('Lambda'), lambda, { answer: (e) => (e === 'AfterAllowTraffic' ? 'fail' : 'ok') }).final).toBe('rolledBack');
  });

  it('ECS: a stop during the termination wait rolls back while the original task set still exists', () => {
    const r = drive(trafficMachine('ECS'), inputFor('ECS', { ...allAtOnce, platform: 'ECS' }, ['DEPLOYMENT_STOP_ON_REQUEST']), { at: { terminationWait: request } });
    expect(r.final).toBe('rolledBack');
    expect(r.log).not.toContain('original removed');
  });
});

// ── path tests ───────────────────────────────────────────────────────────

interface Node {
  after?: { eventType: string }[];
  states: Record<string, Node>;
}

/** Every delayed event type of the machine (xstate.after.<delay>.<state id>). */
function delayedEvents(machine: AnyStateMachine): string[] {
  const out: string[] = [];
  const walk = (n: Node) => {
    for (const t of n.after ?? []) out.push(t.eventType);
    Object.values(n.states).forEach(walk);
  };
  walk(machine.root as unknown as Node);
  return out;
}

function eventsOf(machine: AnyStateMachine) {
  return [
    { type: 'EVENT_SUCCEEDED' },
    { type: 'EVENT_FAILED' },
    alarm,
    request,
    ...delayedEvents(machine).map((type) => ({ type })),
  ] as TrafficEvent[];
}

const FINALS = ['succeeded', 'failed', 'stopped', 'rolledBack', 'rollbackStopped'];

/** The final states reached by any path, and the states (with their context) from which none is reachable. */
function explore(machine: AnyStateMachine, input: TrafficInput, events = eventsOf(machine)) {
  const paths = getSimplePaths(machine, { input, events });
  const finals = new Set(paths.filter((p) => p.state.status === 'done').map((p) => String(p.state.value)));
  const key = (s: { value: unknown; context: unknown }) => JSON.stringify([s.value, s.context]);
  const states = new Map(paths.map((p) => [key(p.state), p.state]));
  // A state is fine if it is final or some event leads (transitively) to a final state.
  const good = new Set([...states.entries()].filter(([, s]) => s.status === 'done').map(([k]) => k));
  for (let changed = true; changed; ) {
    changed = false;
    for (const [k, s] of states) {
      if (good.has(k)) continue;
      if (events.some((e) => good.has(key(transition(machine, s as never, e as never)[0] as never)))) {
        good.add(k);
        changed = true;
      }
    }
  }
  const stuck = [...states.keys()].filter((k) => !good.has(k));
  return { finals, stuck, paths };
}

/** Following only successes and timers (no stop, no failure) from the start. */
function happyPath(machine: AnyStateMachine, input: TrafficInput): string {
  const events = [{ type: 'EVENT_SUCCEEDED' }, ...delayedEvents(machine).map((type) => ({ type }))] as TrafficEvent[];
  let [s] = initialTransition(machine, input);
  for (let i = 0; i < 100 && s.status === 'active'; i++) {
    const next = events.map((e) => transition(machine, s, e)[0]).find((n) => JSON.stringify([n.value, n.context]) !== JSON.stringify([s.value, s.context]));
    if (!next) break;
    s = next;
  }
  return JSON.stringify(s.value);
}

const CONFIGS: Record<string, TrafficConfig> = { canary, linear30, allAtOnce };
const ROLLBACK_ALL = ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM'];

describe.each([
  ['Lambda', trafficMachine('Lambda')],
  ['ECS', trafficMachine('ECS')],
] as const)('%s traffic shifting as a statechart', (platform, machine) => {
  it.each(Object.keys(CONFIGS))('%s: every path, delayed events included, can end in a final state; every final state is reachable', (name) => {
    const input = inputFor(platform, { ...CONFIGS[name]!, platform }, ROLLBACK_ALL);
    const { finals, stuck } = explore(machine, input);
    expect(stuck).toEqual([]);
    expect([...finals].sort()).toEqual([...FINALS].sort());
    expect(happyPath(machine, input)).toBe('"succeeded"');
  });

  it('the waits are states with named delays', () => {
    const delays = delayedEvents(machine).map((e) => e.split('.')[2]);
    expect(delays).toEqual(expect.arrayContaining(['canaryInterval', 'linearInterval', 'allowTrafficEnd', 'rollbackAllowTraffic', ...(platform === 'ECS' ? ['terminationWait'] : [])]));
  });
});

describe('a removed transition fails the path tests', () => {
  const input = inputFor('Lambda', canary, ROLLBACK_ALL);
  type Mutable = { root: { states: Record<string, { transitions: Map<string, unknown>; states: Record<string, { transitions: Map<string, unknown> }> }> } };

  it('without STOP during the rollback, a rollback can no longer be stopped', () => {
    const broken = trafficMachine('Lambda').provide({});
    (broken as unknown as Mutable).root.states.rollingBack!.transitions.delete('STOP');
    expect(explore(broken, input).finals.has('rollbackStopped')).toBe(false);
  });

  it('without STOP on the deployment, a stop during the canary interval is ignored', () => {
    const broken = trafficMachine('Lambda').provide({});
    (broken as unknown as Mutable).root.states.deploying!.transitions.delete('STOP');
    const { finals } = explore(broken, input);
    expect(finals.has('stopped')).toBe(false);
  });

  it('without the canary interval\'s timer, the deployment never succeeds', () => {
    const broken = trafficMachine('Lambda').provide({});
    const interval = (broken as unknown as Mutable).root.states.deploying!.states.AllowTraffic as unknown as { states: Record<string, { transitions: Map<string, unknown> }> };
    const timers = interval.states.canaryInterval!.transitions;
    for (const k of [...timers.keys()]) if (k.startsWith('xstate.after')) timers.delete(k);
    expect(happyPath(broken, input)).not.toBe('"succeeded"');
    expect(happyPath(trafficMachine('Lambda'), input)).toBe('"succeeded"');
  });
});
