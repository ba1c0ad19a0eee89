// Simulates one Elastic Beanstalk application deployment: sets up the running
// fleet, picks the driver of the policy's orchestrator machine (one per family),
// feeds it the user's inputs (AbortEnvironmentUpdate, SwapEnvironmentCNAMEs) and
// the faults, and runs simulated time to the end.
import type { Outcome } from '../../trace/types.ts';
import type { World } from '../world.ts';
import { Fleet } from './fleet.ts';
import { terminationTarget } from '../termination-fault.ts';
import { scheduleHealthFaults } from './health-faults.ts';
import { DEPLOYMENT_ID, type Driver, type DriverContext, type End } from './driver.ts';
import { rollingDriver } from './rolling-driver.ts';
import { newGroupDriver } from './new-group-driver.ts';
import { blueGreenDriver } from './blue-green-driver.ts';

export function simulateElasticBeanstalk(world: World): Outcome {
  const eb = world.scenario.elasticBeanstalk!;
  const fleet = new Fleet(world, eb, DEPLOYMENT_ID);
  const originals = fleet.addOriginals();
  world.startDeployment(DEPLOYMENT_ID, 'user', world.scenario.versions.to);
  let outcome: Outcome = 'Succeeded';
  const end: End = (status, rolledBack, summary, rule) => {
    world.endDeployment(DEPLOYMENT_ID, status);
    outcome = status === 'Succeeded' ? 'Succeeded' : rolledBack ? 'RolledBack' : status === 'Failed' ? 'Failed' : 'Stopped';
    world.event('deployment-ended', `Deployment ${status}: ${summary}`, { deploymentId: DEPLOYMENT_ID, rule });
  };

  const context: DriverContext = { world, fleet, eb, originals, end };
  const policy = eb.DeploymentPolicy;
  const driver: Driver =
    policy === 'Immutable' || policy === 'TrafficSplitting' ? newGroupDriver(context) : policy === 'BlueGreen' ? blueGreenDriver(context) : rollingDriver(context);
  scheduleInputs(world, fleet, driver);
  announceStandingFaults(world);
  scheduleHealthFaults(world, fleet, driver);

  driver.actor.start();
  world.run();
  return outcome;
}

/** The user's calls and the instance terminations, each at its `at`; the machine decides what they do. */
function scheduleInputs(world: World, fleet: Fleet, driver: Driver): void {
  const active = () => driver.actor.getSnapshot().status === 'active';
  for (const f of world.faults('AbortDeployment')) {
    world.agenda.at(f.at, () => {
      if (!active()) return world.event('fault-injected', `AbortEnvironmentUpdate at ${f.at} s: the deployment had already ended, so there is nothing to abort`);
      world.event('fault-injected', 'The user calls AbortEnvironmentUpdate', { deploymentId: DEPLOYMENT_ID });
      driver.actor.send({ type: 'ABORT' });
    });
  }
  for (const f of world.faults('SwapEnvironmentCNAMEs')) {
    world.agenda.at(f.at, () => {
      if (!active()) return world.event('fault-injected', `SwapEnvironmentCNAMEs at ${f.at} s: the deployment had already ended; deploysim simulates the deployment only, so this swap is not simulated`);
      world.event('fault-injected', 'The user calls SwapEnvironmentCNAMEs', { deploymentId: DEPLOYMENT_ID });
      driver.actor.send({ type: 'SWAP' });
    });
  }
  for (const f of world.faults('InstanceTerminated')) {
    world.agenda.at(f.at, () => {
      const i = terminationTarget(world, f);
      if (i === undefined) return;
      const run = fleet.active.get(i);
      if (run !== undefined) world.stepRuns.cancel(run, 'the instance was terminated');
      fleet.markTerminated(i, `${f.target} is gone`, { undocumented: 'terminatedNotReplaced' });
      driver.unhealthy?.(i);
      driver.outOfService?.(i);
    });
  }
}

/** Says, when each takes effect, which standing faults the scenario injects (the timed ones narrate themselves). */
function announceStandingFaults(world: World): void {
  const { to } = world.scenario.versions;
  for (const f of world.scenario.faults) {
    const at = f.at ?? 0;
    let message: string | undefined;
    if (f.type === 'UnhealthyInstance') message = `Fault: from now on ${f.target} fails its health checks whenever it runs ${to}`;
    else if (f.type === 'BadVersion') message = `Fault: ${to} is a bad version; every instance running it fails its health checks from now on`;
    else if (f.type === 'HookFailure') message = `Fault: the ${f.event} step will fail on ${f.target ?? 'every instance'}`;
    if (message) world.agenda.at(at, () => world.event('fault-injected', message, f.type === 'UnhealthyInstance' ? { target: f.target } : {}));
  }
}
