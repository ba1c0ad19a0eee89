// The steps one Elastic Beanstalk instance goes through when it receives a
// version (reference §1.3–1.4): optionally launch or leave the load balancer,
// the instance deployment workflow with its platform hooks, then attach and pass
// health checks. Faults decide which step fails.
import { EB_INSTANCE_WORKFLOW, EB_LIFECYCLE_STEPS, EB_RESTART_STEP } from '../../aws/eb-facts.ts';
import type { Step } from '../steps.ts';
import type { World } from '../world.ts';

export interface InstanceMode {
  /** A new instance: launched first, attached after the workflow. */
  launch: boolean;
  /** An existing instance detached from the load balancer first (Rolling policies). */
  detach: boolean;
  /**
   * A new instance in a SingleInstance environment: no load balancer to attach to, and
   * it takes traffic only when the environment cuts over to it (singleInstanceCutover).
   */
  standby?: boolean;
}

/** True when a health fault makes `id` fail checks that end at `end`. */
export function failsHealthChecks(world: World, id: string, end: number): boolean {
  return (
    world.faults('BadVersion').some((f) => (f.at ?? 0) <= end) ||
    world.faults('UnhealthyInstance').some((f) => f.target === id && (f.at ?? 0) <= end)
  );
}

/** The steps for every instance deployed in one `mode`; callbacks get the instance id. */
export function instanceSteps(world: World, mode: InstanceMode, deploymentId: string): Step[] {
  const { timings, versions } = world.scenario;
  const to = versions.to;
  const steps: Step[] = [];
  if (mode.launch) {
    steps.push({ name: EB_LIFECYCLE_STEPS.launch, seconds: timings.launch, revision: to });
  }
  if (mode.detach) {
    // An existing instance still runs the version it had before this deployment.
    const from = versions.from;
    steps.push({
      name: EB_LIFECYCLE_STEPS.deregister,
      seconds: timings.deregistration,
      revision: from,
      onStart: (id) => {
        world.setState(id, 'OutOfService');
        world.event('deregistered', `${id} is detached from the load balancer; its open connections drain for ${timings.deregistration} s`, { target: id, deploymentId });
      },
    });
  }
  for (const fact of EB_INSTANCE_WORKFLOW) {
    const restart = fact.name === EB_RESTART_STEP;
    steps.push({
      name: fact.name,
      seconds: timings.steps[fact.name] ?? fact.seconds,
      revision: to,
      onStart: restart
        ? (id) => {
            world.setVersion(id, to);
            if (!mode.launch && !mode.detach) {
              world.setState(id, 'OutOfService');
              world.event('health-changed', `${id} restarts its application on ${to} and stops serving until it passes health checks`, {
                target: id,
                deploymentId,
                undocumented: 'allAtOnceRestart',
              });
            }
          }
        : undefined,
      failure: (_start, end, id) => {
        const hit = world
          .faults('HookFailure')
          .find((f) => f.event === fact.name && (f.target === undefined || f.target === id) && (f.at ?? 0) <= end);
        return hit ? { reason: `${fact.name} failed: the command returned an error` } : undefined;
      },
    });
  }
  if ((mode.launch && !mode.standby) || mode.detach) {
    steps.push({
      name: EB_LIFECYCLE_STEPS.register,
      seconds: timings.registration,
      revision: to,
      onSuccess: (id) =>
        world.event('registered', `${id} is attached to the load balancer, which sends it traffic once it passes health checks`, { target: id, deploymentId }),
    });
  }
  const checks = timings.healthCheckInterval * timings.healthyThreshold;
  steps.push({
    name: EB_LIFECYCLE_STEPS.healthCheck,
    seconds: checks,
    revision: to,
    failure: (_start, end, id) =>
      failsHealthChecks(world, id, end) ? { reason: `${id} never passed its health checks`, seconds: Infinity } : undefined,
    onSuccess: (id) => {
      world.setHealthy(id, true);
      world.target(id).lastSuccessfulRevision = to;
      const passed = `${id} passed ${timings.healthyThreshold} health checks ${timings.healthCheckInterval} s apart`;
      if (mode.standby) {
        world.event('health-changed', `${passed}; it runs ${to} and waits for the environment to switch to it`, { target: id, deploymentId });
        return;
      }
      world.setState(id, 'InService');
      world.event('health-changed', `${passed} and is InService on ${to}`, { target: id, deploymentId });
    },
  });
  return steps;
}
