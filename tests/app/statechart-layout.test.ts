import { describe, expect, it } from 'vitest';
import { allMachines } from '../../src/engine/machine-catalog.ts';
import { lifecycleOrder, type LifecycleId } from '../../src/engine/lifecycles/catalog.ts';
import type { MachineDescription } from '../../src/engine/describe-machine.ts';
import { layoutLifecycle, layoutMachine, transitionLabel, type ChartLayout, type ChartNode } from '../../src/layout/statechart-layout.ts';

const MACHINES = allMachines();
const orchestrators = MACHINES.filter((m) => m.kind === 'orchestrator');
const lifecycles = MACHINES.filter((m) => m.kind === 'lifecycle');

const overlap = (a: ChartNode, b: ChartNode) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function expectSound(m: MachineDescription, l: ChartLayout): void {
  expect(l.nodes.map((n) => n.id).sort()).toEqual(m.states.map((s) => s.id).sort());
  const group = (n: ChartNode) => n.type === 'compound' || n.type === 'parallel';
  const leaves = l.nodes.filter((n) => !group(n));
  for (const [i, a] of leaves.entries()) {
    for (const b of leaves.slice(i + 1)) expect(overlap(a, b), `${m.id}: ${a.id} overlaps ${b.id}`).toBe(false);
  }
  for (const a of l.nodes) {
    expect(a.x).toBeGreaterThanOrEqual(0);
    expect(a.x + a.w).toBeLessThanOrEqual(l.width);
    expect(a.y + a.h).toBeLessThanOrEqual(l.height);
  }
  // A compound state is drawn round its children, and no other leaf is inside it.
  for (const g of l.nodes.filter(group)) {
    for (const n of leaves) {
      const within = n.x >= g.x && n.y >= g.y && n.x + n.w <= g.x + g.w && n.y + n.h <= g.y + g.h;
      expect(within, `${m.id}: ${n.id} in ${g.id}`).toBe(n.id.startsWith(`${g.id}.`));
    }
  }
  // Every transition is an arrow between its two states.
  for (const tr of m.transitions) for (const target of tr.target.split(', ')) expect(l.edges.some((e) => e.source === tr.source && e.target === target)).toBe(true);
  for (const e of l.edges) expect(e.d).toMatch(/^M[\d.-]+,[\d.-]+ /);
}

describe('transitionLabel', () => {
  it('shows timers as durations and eventless transitions by their guard', () => {
    expect(transitionLabel({ event: 'after 3600 s' })).toBe('after 1 h');
    expect(transitionLabel({ event: 'after 90 s' })).toBe('after 1 min 30 s');
    expect(transitionLabel({ event: 'after readyWait' })).toBe('after readyWait');
    expect(transitionLabel({ event: 'always', guard: 'hasMoreBatches' })).toBe('[hasMoreBatches]');
    expect(transitionLabel({ event: 'always' })).toBe('at once');
    expect(transitionLabel({ event: 'xstate.done.state.codeDeployLambdaTrafficShifting.deploying.AllowTraffic' })).toBe('when done');
    expect(transitionLabel({ event: 'BATCH_FAILED', guard: 'ignoresHealthFailure' })).toBe('BATCH_FAILED [ignoresHealthFailure]');
  });
});

describe('layoutMachine (orchestrators)', () => {
  it.each(orchestrators.map((m) => [m.id, m] as const))('%s: every state a box, none overlapping, every transition an arrow', (_, m) => {
    expectSound(m, layoutMachine(m));
  });

  it('puts the initial state on top and the final states in the bottom row', () => {
    for (const m of orchestrators) {
      const l = layoutMachine(m);
      const y = (id: string) => l.nodes.find((n) => n.id === id)!.y;
      const finals = m.states.filter((s) => s.type === 'final' && !s.id.includes('.')).map((s) => y(s.id));
      expect(new Set(finals).size, m.id).toBe(1);
      // The initial leaf (a compound initial state enters its initial child) is on the top row.
      let first = m.initial;
      for (let s = m.states.find((x) => x.id === first); s?.initial; s = m.states.find((x) => x.id === first)) first = s.initial;
      const leaves = m.states.filter((s) => s.type !== 'compound' && s.type !== 'parallel');
      for (const s of leaves) {
        expect(y(s.id)).toBeGreaterThanOrEqual(y(first));
        const topFinal = s.type === 'final' && !s.id.includes('.');
        if (!topFinal) expect(y(s.id), s.id).toBeLessThan(finals[0]!);
      }
    }
  });

  it('routes a transition back to an earlier state on the right, and labels a timer with its duration', () => {
    const m: MachineDescription = {
      id: 'wait', kind: 'orchestrator', description: '', initial: 'readyWait',
      states: [{ id: 'readyWait', type: 'atomic' }, { id: 'rerouting', type: 'atomic' }, { id: 'stopped', type: 'final' }],
      transitions: [
        { source: 'readyWait', target: 'rerouting', event: 'CONTINUE' },
        { source: 'readyWait', target: 'stopped', event: 'after 3600 s' },
        { source: 'rerouting', target: 'readyWait', event: 'RETRY' },
      ],
    };
    const l = layoutMachine(m);
    expectSound(m, l);
    expect(l.edges.find((e) => e.target === 'stopped')!.lines).toEqual(['after 1 h']);
    const back = l.edges.find((e) => e.source === 'rerouting')!;
    const right = Math.max(...l.nodes.map((n) => n.x + n.w));
    expect(back.d).toMatch(/ H([\d.]+) V/);
    expect(Number(/ H([\d.]+) V/.exec(back.d)![1])).toBeGreaterThan(right);
  });

  it('draws a machine id the catalogue will add, with compound states and unreachable ones', () => {
    const m: MachineDescription = {
      id: 'future', kind: 'orchestrator', description: '', initial: 'deploying',
      states: [
        { id: 'deploying', type: 'compound', initial: 'deploying.batch' },
        { id: 'deploying.batch', type: 'atomic' },
        { id: 'deploying.wait', type: 'atomic' },
        { id: 'orphan', type: 'atomic' },
        { id: 'done', type: 'final' },
      ],
      transitions: [
        { source: 'deploying.batch', target: 'deploying.wait', event: 'BATCH_DONE' },
        { source: 'deploying.wait', target: 'deploying.batch', event: 'after 60 s' },
        { source: 'deploying', target: 'done', event: 'FINISHED' },
        { source: 'deploying.wait', target: 'deploying.wait', event: 'TICK' },
      ],
    };
    const l = layoutMachine(m);
    expectSound(m, l);
    expect(l.nodes.find((n) => n.id === 'deploying.batch')!.label).toBe('batch');
  });
});

describe('layoutLifecycle', () => {
  it.each(lifecycles.map((m) => [m.id, m] as const))('%s: a column in AWS order, Failed and Skipped beside it', (_, m) => {
    const l = layoutLifecycle(m);
    expectSound(m, l);
    const column = l.nodes.filter((n) => n.x === l.nodes[0]!.x).sort((a, b) => a.y - b.y).map((n) => n.id);
    expect(column).toEqual(['Pending', ...lifecycleOrder(m.id as LifecycleId), 'Succeeded']);
    const x = (id: string) => l.nodes.find((n) => n.id === id)!.x;
    expect(x('Failed')).toBeGreaterThan(x('Pending'));
    expect(x('Skipped')).toBeGreaterThan(x('Pending'));
    // One label for the Failed rail, whichever event it leaves from.
    expect(l.edges.filter((e) => e.target === 'Failed' && e.showLabel)).toHaveLength(1);
  });
});
