// Every machine the engine runs, described as plain JSON: the orchestrators (one
// per strategy family) and the target lifecycles. `deploysim machines --json`
// prints this; trace `machines[].machine` names these ids.
import type { AnyStateMachine } from 'xstate';
import { describeMachine, type MachineDescription } from './describe-machine.ts';
import { LIFECYCLES } from './lifecycles/catalog.ts';
import { rollingMachine } from './eb/rolling-machine.ts';
import { newGroupMachine } from './eb/new-group-machine.ts';
import { blueGreenMachine } from './eb/blue-green-machine.ts';
import { serverInPlaceMachine } from './codedeploy/server-in-place-machine.ts';
import { serverBlueGreenMachine } from './codedeploy/server-blue-green-machine.ts';
import { trafficMachine } from './codedeploy/traffic/machine.ts';

/** Every orchestrator; the traffic-shifting ones are built on this first call (a run needs at most one). */
export function orchestrators(): readonly AnyStateMachine[] {
  return [rollingMachine, newGroupMachine, blueGreenMachine, serverInPlaceMachine, serverBlueGreenMachine, trafficMachine('Lambda'), trafficMachine('ECS')];
}

export function allMachines(): MachineDescription[] {
  return [
    ...orchestrators().map((m) => describeMachine(m, 'orchestrator')),
    ...Object.values(LIFECYCLES).map((m) => describeMachine(m, 'lifecycle')),
  ];
}
