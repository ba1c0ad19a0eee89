// The version-1 way of running a CodeDeploy deployment, kept while each family
// moves to its own statechart: a platform driver (callbacks) bound to the shared
// orchestrator machine. Schedules the timed inputs (alarms, StopDeployment,
// terminations) and runs simulated time to the end.
import type { AnyActorRef } from 'xstate';
import { machineActor } from '../run-machine.ts';
import type { Outcome } from '../../trace/types.ts';
import type { World } from '../world.ts';
import { contextOf, USER_DEPLOYMENT } from './context.ts';
import { scheduleControls } from './controls.ts';
import { deploymentMachine } from './deployment-machine.ts';
import type { Driver, Send } from './driver.ts';
import { decideRollback, type Trigger } from './rollback-rules.ts';
import { serverInPlace } from './server-in-place.ts';
import { serverBlueGreen } from './server-blue-green.ts';

export function simulateWithDriver(world: World): Outcome {
  const ctx = contextOf(world);
  const { cd, to } = ctx;
  let actor: AnyActorRef | undefined;
  const send: Send = (event) => actor?.send(event);
  // Lambda and ECS run on their own statechart (traffic/simulate.ts).
  const driver: Driver = cd.deploymentType === 'BLUE_GREEN' ? serverBlueGreen(ctx, send) : serverInPlace(ctx, send);
  let outcome: Outcome = 'Failed';
  const machine = deploymentMachine.provide({
    actions: {
      deploy: () => {
        world.startDeployment(USER_DEPLOYMENT, 'user', to);
        world.event('deployment-started', driver.intro, { deploymentId: USER_DEPLOYMENT });
        driver.deploy();
      },
      stopInFlight: (_, { trigger }) => driver.stop(stopReason(trigger)),
      endDeployment: (_, { status, trigger }) => {
        world.endDeployment(USER_DEPLOYMENT, status);
        const summary = driver.summary(status);
        world.event('deployment-ended', `Deployment ${USER_DEPLOYMENT} ${status}${summary ? `: ${summary}` : ''}`, { deploymentId: USER_DEPLOYMENT });
        if (trigger) {
          const d = decideRollback(cd, trigger);
          world.event('note', d.rollback ? `Automatic rollback follows: ${d.why}` : `No automatic rollback: ${d.why}`, {
            deploymentId: USER_DEPLOYMENT,
            ...(d.undocumented ? { undocumented: d.undocumented } : {}),
          });
        }
      },
      rollBack: () => driver.rollBack(),
      stopRollback: () => driver.stopRollback('the rollback deployment was stopped'),
      finish: (_, p) => {
        outcome = p.outcome;
        // What is left on the agenda belongs to runs that were cut short; it must
        // not stretch the trace past the deployment's end.
        world.agenda.clear();
      },
    },
  });
  actor = machineActor(world, machine, { cd });
  const a = actor;
  scheduleControls(world, {
    actor: a,
    running: () => {
      const snapshot = a.getSnapshot();
      if (snapshot.status !== 'active') return undefined;
      return snapshot.value === 'deploying' ? USER_DEPLOYMENT : 'd-2';
    },
    changed: () => driver.changed(),
    ...(driver.terminated ? { terminated: (id: string) => driver.terminated!(id) } : {}),
  });
  actor.start();
  world.run();
  return outcome;
}

function stopReason(trigger: Trigger): string {
  switch (trigger.kind) {
    case 'alarm':
      return 'Stopped: a CloudWatch alarm stopped the deployment';
    case 'request':
      return 'Stopped: the user called StopDeployment';
    case 'readyTimeout':
      return 'Stopped: nobody continued the deployment within the wait time';
    case 'failure':
      return 'the deployment failed';
  }
}
