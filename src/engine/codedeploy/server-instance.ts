// One EC2 instance going through its lifecycle events in a Server deployment:
// what each event does to the instance (leaving and joining the load balancer,
// installing the revision), how the load balancer health wait fails, and what the
// instance's health is afterwards (healthy when its last deployment succeeded).
import { ALLOW_TRAFFIC_HEALTH_WAIT_SECONDS } from '../../aws/codedeploy-facts.ts';
import { runProgram, type StepProgram, type StepResult } from '../steps.ts';
import type { RunRef } from '../step-runs.ts';
import type { World } from '../world.ts';
import type { RuleId } from '../../aws/rules.ts';
import type { TargetGroup } from '../../trace/types.ts';
import type { CdContext } from './context.ts';
import { LifecycleSteps, type Effects, type Plan } from './lifecycle.ts';
import type { TargetText } from '../trace-columns.ts';
import type { TargetIndex } from '../target-store.ts';

/** Adds `count` instances running `version` (the originals) or nothing yet (replacements). */
export function addInstances(ctx: CdContext, count: number, group: TargetGroup, version: string): TargetIndex[] {
  const serving = version !== '';
  return ctx.world.addInstances(count, { group, pool: group, version, state: serving ? 'InService' : 'OutOfService', healthy: serving, registered: ctx.cd.loadBalancer ? serving : undefined });
}

/** What the events do to an instance, for every instance of one deployment (callbacks get the instance). */
function effects(ctx: CdContext, plan: Plan): Effects {
  const { world, cd } = ctx;
  // The AllowTraffic message, made once per version: the id plus this, written when
  // the trace is read.
  let servesVersion: string | undefined;
  let serves: TargetText = (id) => id;
  const servesText = (version: string) => {
    if (version !== servesVersion) {
      servesVersion = version;
      serves = world.idThen(` is registered with the load balancer and passes its health checks (AllowTraffic): it serves ${version}`);
    }
    return serves;
  };
  const deregistered = world.idThen(' is deregistered from the load balancer (BlockTraffic): it stops receiving traffic while connections drain');
  const unhealthy = (end: number, id: TargetIndex) => plan.revision === ctx.to && world.faultBy('UnhealthyInstance', end, id) !== undefined;
  const e: Effects = {
    Install: { onStart: (id) => world.setVersion(id, plan.revision) },
    BlockTraffic: {
      // An instance that is not registered (a replacement that never received
      // traffic, in a blue/green rollback) has nothing to leave.
      onStart: (id) => {
        if (world.registeredOf(id) !== true) return;
        world.setState(id, 'OutOfService');
        world.setRegistered(id, false);
        world.targetEvent('deregistered', deregistered, id, plan.deploymentId);
      },
    },
    AllowTraffic: {
      // An instance still registered (an original that never stopped serving, in a
      // blue/green rollback) keeps serving as it was.
      onSuccess: (id) => {
        if (world.registeredOf(id) === true) return;
        world.setState(id, 'InService');
        world.setRegistered(id, true);
        world.targetEvent('registered', servesText(world.versionOf(id)), id, plan.deploymentId);
      },
      // The load balancer waits up to an hour for the instance to become healthy (reference §2.4).
      // No UnhealthyInstance fault, no check: nothing to ask per instance.
      ...(world.faults('UnhealthyInstance').length > 0
        ? {
            failure: (_start: number, end: number, id: TargetIndex) =>
              unhealthy(end, id) ? { reason: `${world.idAt(id)} did not become healthy in the load balancer within ${ALLOW_TRAFFIC_HEALTH_WAIT_SECONDS} s`, seconds: ALLOW_TRAFFIC_HEALTH_WAIT_SECONDS } : undefined,
          }
        : {}),
    },
  };
  if (!cd.loadBalancer) {
    // Without a load balancer the instance serves whenever its application runs.
    e.ApplicationStop = {
      onStart: (id) => {
        if (world.stateOf(id) !== 'InService') return;
        world.setState(id, 'OutOfService');
        // It stops serving; its CodeDeploy health (whether its last deployment succeeded) is unchanged.
        world.event('health-changed', `${world.idAt(id)} stops its application (ApplicationStop) and serves nothing until ApplicationStart`, {
          target: id,
          deploymentId: plan.deploymentId,
          undocumented: 'noLoadBalancerServing',
          healthy: world.healthyOf(id),
        });
      },
    };
    e.ApplicationStart = { onSuccess: (id) => world.setState(id, 'InService') };
    // No load balancer health check: an unhealthy instance fails its ValidateService hook.
    e.ValidateService = { failure: (_s, end, id) => (unhealthy(end, id) ? { reason: `ScriptFailed: ValidateService found ${world.idAt(id)} unhealthy` } : undefined) };
  }
  return e;
}

/**
 * Runs `events` on the instances of one deployment, each when `run(id)` is called,
 * with one shared step list and program (no closures per instance). On success an
 * instance is healthy and `plan.revision` becomes its last successful revision; on
 * failure it is unhealthy and stays as the failed event left it. `done` hears each
 * instance's result.
 */
export class ServerInstances implements StepProgram {
  readonly world: World;
  readonly deploymentId: string;
  private readonly steps: LifecycleSteps;

  constructor(
    ctx: CdContext,
    events: readonly string[],
    private readonly plan: Plan,
    private readonly done: (id: TargetIndex, ok: boolean) => void,
  ) {
    this.world = ctx.world;
    this.deploymentId = plan.deploymentId;
    this.steps = new LifecycleSteps(ctx, events, plan, effects(ctx, plan));
  }

  run(id: TargetIndex): RunRef {
    return runProgram(this, id, this.steps.of(id));
  }

  onEnd(result: StepResult, id: TargetIndex): void {
    const { world, plan } = this;
    if (result.ok) {
      // Only a deployment that left the revision on the instance makes it the last
      // successful one (not, say, blocking traffic to an original in blue/green).
      if (world.versionOf(id) === plan.revision) world.setLastSuccessfulRevision(id, plan.revision);
      world.setHealthy(id, true);
    } else {
      world.setHealthy(id, false);
      if (!result.cancelled) {
        world.event('lifecycle-event-failed', `${result.failedStep} failed on ${world.idAt(id)} (${result.reason}); the instance's deployment fails and it counts as unhealthy`, {
          target: id,
          deploymentId: plan.deploymentId,
          rule: failureRule(result.failedStep, result.reason),
        });
      }
    }
    this.done(id, result.ok);
  }
}

/** The rule behind a lifecycle event's failure: the hook timeout, the load balancer's health wait, or a failing hook. */
function failureRule(step: string | undefined, reason: string | undefined): RuleId {
  if (reason?.startsWith('ScriptTimedOut')) return 'cd.hook-timeout';
  if (step === 'AllowTraffic') return 'cd.allow-traffic-health-wait';
  return 'cd.hook-failure';
}

/** Says up front that ignoreApplicationStopFailures is on, when it is. */
export function announceIgnoredStopFailures(ctx: CdContext, deploymentId: string): void {
  if (!ctx.cd.ignoreApplicationStopFailures) return;
  ctx.world.event('note', 'ignoreApplicationStopFailures is true: a failure in ApplicationStop, BeforeBlockTraffic or AfterBlockTraffic does not fail the instance', {
    deploymentId,
    rule: 'cd.ignore-application-stop-failures',
  });
}
