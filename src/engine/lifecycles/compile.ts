// Compiles a lifecycle machine into the ordered list of lifecycle events the
// engine runs: start the machine and follow SUCCEEDED until it reaches a final
// state, with XState's pure transition functions (no actor, no per-target cost).
import { initialTransition, transition, type AnyStateMachine } from 'xstate';

export function compileOrder(machine: AnyStateMachine): string[] {
  let [snapshot] = initialTransition(machine);
  [snapshot] = transition(machine, snapshot, { type: 'START' });
  const order: string[] = [];
  while (snapshot.status === 'active') {
    const state = String(snapshot.value);
    if (order.includes(state)) throw new Error(`lifecycle ${machine.id} loops at ${state}`);
    order.push(state);
    [snapshot] = transition(machine, snapshot, { type: 'SUCCEEDED' });
  }
  if (snapshot.value !== 'Succeeded') throw new Error(`lifecycle ${machine.id} does not end in Succeeded`);
  return order;
}
