// The user calling ContinueDeployment on an EC2 blue/green deployment (reference
// §2.3): READY_WAIT ends the Ready wait (STOP_DEPLOYMENT) and starts rerouting;
// TERMINATION_WAIT ends the termination wait before the originals are terminated.
// The machine's guards decide whether the call applies now; a call that arrives
// when nothing waits for that wait type is narrated and changes nothing.
import type { Actor } from 'xstate';
import type { World } from '../world.ts';
import { ROLLBACK_DEPLOYMENT, USER_DEPLOYMENT } from './context.ts';
import type { serverBlueGreenMachine, WaitType } from './server-blue-green-machine.ts';

/** Where a deployment stands, per state of the blue/green machine, for "nothing is waiting" messages. */
const STANDING: Record<string, string> = {
  'deploying.provisioning': 'the replacement instances are still being provisioned',
  'deploying.installing': 'the revision is still being installed on the replacement instances',
  'deploying.readyWait': 'it is in its Ready wait, not its termination wait',
  'deploying.rerouting': 'traffic is being rerouted to the replacement instances',
  'deploying.blockingOriginals': 'traffic to the original instances is being blocked',
  'deploying.terminationWait': 'it is in its termination wait, not its Ready wait',
  'deploying.terminatingOriginals': 'the original instances are already being terminated',
  'rollingBack.reallowingOriginals': 'the rollback deployment is running',
  'rollingBack.blockingReplacements': 'the rollback deployment is running',
};

const WHAT: Record<WaitType, string> = {
  READY_WAIT: 'a Ready wait (deploymentReadyOption STOP_DEPLOYMENT) to end',
  TERMINATION_WAIT: 'a termination wait to end',
};

export function scheduleContinue(world: World, actor: Actor<typeof serverBlueGreenMachine>): void {
  for (const f of world.faults('ContinueDeployment')) {
    world.agenda.at(f.at, () => {
      const event = { type: 'CONTINUE', waitType: f.deploymentWaitType } as const;
      const snapshot = actor.getSnapshot();
      if (snapshot.status === 'active' && snapshot.can(event)) return actor.send(event);
      const value = snapshot.value;
      const state = typeof value === 'string' ? value : Object.entries(value).map(([k, v]) => `${k}.${String(v)}`)[0]!;
      const standing = snapshot.status === 'active' ? (STANDING[state] ?? 'it is not waiting') : 'the deployment has ended';
      world.event('note', `The user calls ContinueDeployment (${f.deploymentWaitType}), but nothing is waiting for ${WHAT[f.deploymentWaitType]}: ${standing}. Nothing changes`, {
        deploymentId: state.startsWith('rollingBack') ? ROLLBACK_DEPLOYMENT : snapshot.status === 'active' ? USER_DEPLOYMENT : undefined,
        rule: 'cd.continue-deployment',
      });
    });
  }
}
