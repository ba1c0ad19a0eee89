// Timed inputs that act on a running CodeDeploy deployment: a CloudWatch alarm
// going into ALARM, the user calling StopDeployment, an instance terminated from
// outside. Each takes effect at its `at` and changes only what comes after.
import type { AnyActorRef } from 'xstate';
import type { World } from '../world.ts';
import type { TargetIndex } from '../target-store.ts';
import { terminationTarget } from '../termination-fault.ts';

/** What the controls need from a running CodeDeploy simulation. */
export interface Controlled {
  /** The orchestrator: receives STOP events. */
  actor: AnyActorRef;
  /** The id of the deployment in progress (user's or rollback), or undefined once everything has ended. */
  running(): string | undefined;
  /** Whether any target has changed yet (a rollback has something to restore). */
  changed(): boolean;
  /** An instance was terminated from outside (Server only). */
  terminated?(id: TargetIndex): void;
}

export function scheduleControls(world: World, driver: Controlled): void {
  const { actor, running } = driver;
  for (const f of world.faults('Alarm')) {
    world.agenda.at(f.at, () => {
      // "CloudWatch alarm HighErrors goes into ALARM", or, unnamed, "A CloudWatch alarm of the deployment group goes into ALARM".
      const alarm = f.alarmName ? `CloudWatch alarm ${f.alarmName}` : 'A CloudWatch alarm of the deployment group';
      const id = running();
      if (!id) return world.event('alarm', `${alarm} goes into ALARM at ${f.at} s, after the deployment ended: nothing to stop`);
      world.event('alarm', `${alarm} goes into ALARM: CodeDeploy stops deployment ${id}`, { deploymentId: id, rule: 'cd.alarm-stops' });
      actor.send({ type: 'STOP', trigger: { kind: 'alarm', changed: driver.changed() } });
    });
  }
  for (const f of world.faults('StopDeployment')) {
    world.agenda.at(f.at, () => {
      const id = running();
      if (!id) return world.event('deployment-stopped', `StopDeployment at ${f.at} s arrives after the deployment ended: nothing to stop`);
      const flag = f.autoRollbackEnabled === undefined ? '' : ` with autoRollbackEnabled ${f.autoRollbackEnabled}`;
      world.event('deployment-stopped', `The user calls StopDeployment${flag}: deployment ${id} stops`, { deploymentId: id, rule: 'cd.stop-deployment' });
      actor.send({
        type: 'STOP',
        trigger: { kind: 'request', changed: driver.changed(), ...(f.autoRollbackEnabled === undefined ? {} : { autoRollbackEnabled: f.autoRollbackEnabled }) },
      });
    });
  }
  for (const f of world.faults('InstanceTerminated')) {
    world.agenda.at(f.at, () => {
      const i = terminationTarget(world, f);
      if (i === undefined) return;
      world.setState(i, 'Terminated');
      world.setHealthy(i, false);
      world.event('instance-terminated', `${f.target} is gone; Auto Scaling does not replace it within this simulation`, { target: i, undocumented: 'terminatedNotReplaced' });
      driver.terminated?.(i);
    });
  }
}
