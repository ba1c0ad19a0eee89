// The steps one Elastic Beanstalk instance goes through when it receives a
// version (reference §1.3–1.4), in the order of its lifecycle machine: optionally
// launch or leave the load balancer, the instance deployment workflow with its
// platform hooks, then attach and pass health checks. Faults decide which step fails.
import { EB_INSTANCE_WORKFLOW, EB_LIFECYCLE_STEPS, EB_RESTART_STEP, type WorkflowStepFact } from '../../aws/eb-facts.ts';
import { lifecycleOrder, type LifecycleId } from '../lifecycles/catalog.ts';
import type { Step } from '../steps.ts';
import type { World } from '../world.ts';
import type { TargetText } from '../trace-columns.ts';
import type { TargetIndex } from '../target-store.ts';

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

/** True when a health fault makes instance `id` fail checks that end at `end`. */
export function failsHealthChecks(world: World, id: TargetIndex, end: number): boolean {
  // Indexed look-ups, no closure: this runs for every instance's health check.
  return world.faultBy('BadVersion', end) !== undefined || world.faultBy('UnhealthyInstance', end, id) !== undefined;
}

/** The lifecycle machine of an instance deployed in `mode`. */
export function instanceLifecycle(mode: InstanceMode): LifecycleId {
  if (mode.detach) return 'ebInstanceRolling';
  if (!mode.launch) return 'ebInstanceInPlace';
  return mode.standby ? 'ebInstanceNewStandby' : 'ebInstanceNew';
}

const WORKFLOW_FACTS = new Map(EB_INSTANCE_WORKFLOW.map((f) => [f.name, f]));

/**
 * The steps for every instance deployed in one `mode`, in the order of its
 * lifecycle machine; callbacks get the instance id. `onHealthWait` runs whenever an
 * instance starts its health checks.
 */
export function instanceSteps(world: World, mode: InstanceMode, deploymentId: string, onHealthWait?: () => void): Step[] {
  const { timings, versions } = world.scenario;
  const to = versions.to;
  return lifecycleOrder(instanceLifecycle(mode)).map((name): Step => {
    switch (name) {
      case EB_LIFECYCLE_STEPS.launch:
        return { name, seconds: timings.launch, revision: to };
      case EB_LIFECYCLE_STEPS.deregister: {
        // An existing instance still runs the version it had before this deployment.
        const detached = world.idThen(` is detached from the load balancer; its open connections drain for ${timings.deregistration} s`);
        return {
          name,
          seconds: timings.deregistration,
          revision: versions.from,
          onStart: (id) => {
            world.setState(id, 'OutOfService');
            world.setRegistered(id, false);
            world.targetEvent('deregistered', detached, id, deploymentId, 'eb.rolling-batch');
          },
        };
      }
      case EB_LIFECYCLE_STEPS.register: {
        const attached = world.idThen(' is attached to the load balancer, which sends it traffic once it passes health checks');
        return {
          name,
          seconds: timings.registration,
          revision: to,
          onSuccess: (id) => {
            world.setRegistered(id, true);
            world.targetEvent('registered', attached, id, deploymentId, 'eb.health-checks');
          },
        };
      }
      case EB_LIFECYCLE_STEPS.healthCheck:
        return healthCheckStep(world, mode, deploymentId, onHealthWait);
      default:
        return workflowStep(world, mode, deploymentId, WORKFLOW_FACTS.get(name)!);
    }
  });
}

function workflowStep(world: World, mode: InstanceMode, deploymentId: string, fact: WorkflowStepFact): Step {
  const to = world.scenario.versions.to;
  const restart = fact.name === EB_RESTART_STEP;
  const restarts = world.idThen(` restarts its application on ${to} and stops serving until it is healthy again`);
  return {
    name: fact.name,
    seconds: world.scenario.timings.steps[fact.name] ?? fact.seconds,
    revision: to,
    onStart: restart
      ? (id) => {
          world.setVersion(id, to);
          if (!mode.launch && !mode.detach) {
            world.setState(id, 'OutOfService');
            world.setHealthy(id, false);
            world.targetEvent('health-changed', restarts, id, deploymentId, 'eb.all-at-once', false, 'allAtOnceRestart');
          }
        }
      : undefined,
    // A step no fault names cannot fail: it gets no failure check at all.
    ...(world.faults('HookFailure').some((f) => f.event === fact.name)
      ? {
          failure: (_start: number, end: number, id: TargetIndex) => {
            for (const f of world.faultsOn('HookFailure', id)) {
              if (f.event === fact.name && (f.at ?? 0) <= end) return { reason: `${fact.name} failed: the command returned an error` };
            }
            return undefined;
          },
        }
      : {}),
  };
}

function healthCheckStep(world: World, mode: InstanceMode, deploymentId: string, onHealthWait: (() => void) | undefined): Step {
  const { timings, versions } = world.scenario;
  const to = versions.to;
  // A single-instance environment has no load balancer: the instance's health is
  // Elastic Beanstalk's own health reporting, not load balancer checks (reference §1.1).
  const single = world.scenario.elasticBeanstalk?.environmentType === 'SingleInstance';
  const standby = `; it runs ${to} and waits for the environment to switch to it`;
  const inService = ` and is InService on ${to}`;
  const passedChecks = ` passed ${timings.healthyThreshold} health checks ${timings.healthCheckInterval} s apart`;
  // The messages, written from the instance's id when the trace is read.
  const passed = (then: string): TargetText =>
    single ? (id) => `Elastic Beanstalk's health reporting finds ${id} healthy${then}` : world.idThen(passedChecks + then);
  const passedStandby = passed(standby);
  const passedInService = passed(inService);
  return {
    name: EB_LIFECYCLE_STEPS.healthCheck,
    seconds: timings.healthCheckInterval * timings.healthyThreshold,
    revision: to,
    onStart: onHealthWait,
    // No health fault in the scenario, no check: nothing to ask per instance.
    ...(world.faults('BadVersion').length > 0 || world.faults('UnhealthyInstance').length > 0
      ? {
          failure: (_start: number, end: number, id: TargetIndex) =>
            failsHealthChecks(world, id, end) ? { reason: `${world.idAt(id)} never passed its health checks`, seconds: Infinity } : undefined,
        }
      : {}),
    onSuccess: (id) => {
      world.setHealthy(id, true);
      world.setLastSuccessfulRevision(id, to);
      const rule = single ? ('eb.single-instance' as const) : ('eb.health-checks' as const);
      if (mode.standby) {
        world.targetEvent('health-changed', passedStandby, id, deploymentId, rule, true);
        return;
      }
      world.setState(id, 'InService');
      world.targetEvent('health-changed', passedInService, id, deploymentId, rule, true);
    },
  };
}
