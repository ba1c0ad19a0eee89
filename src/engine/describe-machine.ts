// Turns an XState machine into plain JSON: its states (dotted paths) and
// transitions, for `deploysim machines --json`, the live statechart view and the
// docs. Read from the machine's own definition, so what is drawn is what runs.
import type { AnyStateMachine } from 'xstate';

export interface MachineState {
  /** Dotted path, as in trace `machines[].state`. */
  id: string;
  type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  initial?: string;
  description?: string;
  /** Lifecycle machines: how a target's deployment ended in this final state. */
  status?: string;
}

export interface MachineTransition {
  source: string;
  target: string;
  /** The event that takes it: a name (ABORT), "after <n> s" or "after <delay name>" for a timer, "always" for an eventless one. */
  event: string;
  guard?: string;
}

export interface MachineDescription {
  id: string;
  kind: 'orchestrator' | 'lifecycle';
  description: string;
  initial: string;
  states: MachineState[];
  transitions: MachineTransition[];
}

interface Node {
  type: MachineState['type'];
  path: string[];
  states: Record<string, Node>;
  description?: string;
  meta?: { status?: string };
  initial?: { target?: Node[] };
  transitions: Map<string, Def[]>;
  always?: Def[];
}

interface Def {
  eventType: string;
  target?: Node[];
  guard?: unknown;
  delay?: number | string;
}

const pathOf = (n: Node) => n.path.join('.');

function guardName(guard: unknown): string | undefined {
  if (guard === undefined) return undefined;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') return guard.name || 'condition';
  if (typeof guard === 'object' && guard !== null && 'type' in guard) return String((guard as { type: unknown }).type);
  return 'condition';
}

export function describeMachine(machine: AnyStateMachine, kind: MachineDescription['kind']): MachineDescription {
  const states: MachineState[] = [];
  const transitions: MachineTransition[] = [];
  const root = machine.root as unknown as Node;
  const visit = (node: Node) => {
    for (const child of Object.values(node.states)) {
      const s: MachineState = { id: pathOf(child), type: child.type };
      const initial = child.initial?.target?.[0];
      if (initial) s.initial = pathOf(initial);
      if (child.description) s.description = child.description;
      if (child.meta?.status) s.status = child.meta.status;
      states.push(s);
      const add = (defs: readonly Def[], event: (d: Def) => string) => {
        for (const d of defs) {
          const t: MachineTransition = { source: s.id, target: d.target?.length ? d.target.map(pathOf).join(', ') : s.id, event: event(d) };
          const g = guardName(d.guard);
          if (g) t.guard = g;
          transitions.push(t);
        }
      };
      for (const [eventType, defs] of child.transitions) {
        add(defs, (d) => (d.delay === undefined ? eventType : typeof d.delay === 'number' ? `after ${d.delay / 1000} s` : `after ${d.delay}`));
      }
      if (child.always) add(child.always, () => 'always');
      visit(child);
    }
  };
  visit(root);
  return {
    id: machine.id,
    kind,
    description: (machine.root as unknown as Node).description ?? '',
    initial: root.initial?.target?.[0] ? pathOf(root.initial.target[0]) : '',
    states,
    transitions,
  };
}
