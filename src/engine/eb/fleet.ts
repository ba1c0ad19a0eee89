// Operations on groups of Elastic Beanstalk instances that the orchestrator
// machines ask for: deploy a group (in parallel), terminate a group, re-attach
// instances after an abort. Each reports back once every instance is done.
import type { PhaseRef } from '../phase-columns.ts';
import { EB_LIFECYCLE_STEPS, EB_TIMEOUT_EXTRA_SECONDS } from '../../aws/eb-facts.ts';
import type { ElasticBeanstalkSettings } from '../../scenario/types.ts';
import type { TargetGroup } from '../../trace/types.ts';
import { runProgram, runSteps, type Step, type StepProgram, type StepResult } from '../steps.ts';
import type { RunRef } from '../step-runs.ts';
import type { World } from '../world.ts';
import type { RuleId } from '../../aws/rules.ts';
import { listTargets } from '../narration.ts';
import type { TargetIndex } from '../target-store.ts';
import { failsHealthChecks, instanceSteps, type InstanceMode } from './instance-steps.ts';
import type { TargetText } from '../trace-columns.ts';
import { OrderedByTarget } from '../by-target.ts';

export interface GroupResult {
  ok: boolean;
  /** Every failure was a health check that timed out. */
  healthOnly: boolean;
  failed: TargetIndex[];
  /** Some instance was cut short from outside (abort, termination of the group). */
  interrupted: boolean;
}

export class Fleet {
  /**
   * Instance runs in progress, by instance, so aborts and terminations can cut them
   * short; by the instance's index, not hashed (a Map of 100,000 fresh ids was a
   * twentieth of an Immutable run).
   */
  readonly active: OrderedByTarget<RunRef>;
  /** Termination step lists by version, without and with leaving the load balancer first (see terminationSteps). */
  private readonly termination = [new Map<string, readonly Step[]>(), new Map<string, readonly Step[]>()];

  constructor(
    readonly world: World,
    readonly eb: ElasticBeanstalkSettings,
    readonly deploymentId: string,
  ) {
    this.active = new OrderedByTarget(world);
  }

  get effectiveTimeout(): number {
    return this.eb.Timeout + EB_TIMEOUT_EXTRA_SECONDS;
  }

  /** Adds the instances running the old version before the deployment. */
  addOriginals(): TargetIndex[] {
    return this.world.addInstances(this.eb.instances, { group: 'original', pool: 'original', version: this.world.scenario.versions.from, state: 'InService', healthy: true, registered: this.behindLoadBalancer(true) });
  }

  /** Load balancer membership of a new target, in a load-balanced environment only (no object per instance). */
  private behindLoadBalancer(registered: boolean): boolean | undefined {
    return this.eb.environmentType === 'LoadBalanced' ? registered : undefined;
  }

  /**
   * Launches `count` new instances into `group`/`pool` and deploys the new version to
   * them; `label` names the group in the narration, `rule` is the AWS rule that launches them.
   */
  launch(count: number, to: { group: TargetGroup; pool: string; label: string; rule: RuleId }, onDone: (r: GroupResult) => void): TargetIndex[] {
    const { group, pool, label, rule } = to;
    // Made once: each message is the id plus this, written when the trace is read.
    const launched = this.world.idThen(` is launched into the ${groupName(group)}`);
    const ids = this.world.addInstances(count, { group, pool, version: '', state: 'OutOfService', healthy: false, registered: this.behindLoadBalancer(false) });
    this.world.targetEvents('instance-launched', launched, ids, this.deploymentId, rule);
    // A single-instance environment has no load balancer: a new instance waits on standby
    // unless it is a whole environment of its own (blue/green).
    const standby = this.eb.environmentType === 'SingleInstance' && group !== 'green-environment';
    this.deploy(ids, { launch: true, detach: false, standby }, label, onDone);
    return ids;
  }

  /**
   * Deploys the new version to `ids` at once and reports when every one has finished.
   * The group's wait for health ("Health check Timeout") is a phase from the moment
   * the first instance starts its health checks; its deadline is the batch's
   * Timeout + 240 s (reference §1.2).
   */
  deploy(ids: readonly TargetIndex[], mode: InstanceMode, label: string, onDone: (r: GroupResult) => void): void {
    const failed: TargetIndex[] = [];
    let healthOnly = true;
    let interrupted = false;
    let left = ids.length;
    if (left === 0) {
      this.world.agenda.at(this.world.now, () => onDone({ ok: true, healthOnly: false, failed, interrupted }));
      return;
    }
    const deadline = this.world.now + this.effectiveTimeout;
    let wait: PhaseRef | undefined;
    let waiting = false;
    let done = false;
    // Opened once every instance that starts its checks now has done so, so the narration
    // of those instances stays together.
    const waitForHealth = () => {
      if (waiting) return;
      waiting = true;
      this.world.agenda.at(this.world.now, () => {
        if (done) return;
        wait = this.world.openPhase({ deploymentId: this.deploymentId, kind: 'wait', name: 'Health check Timeout', targets: ids, deadline });
        this.world.event(
          'wait-started',
          `${label}: Elastic Beanstalk waits for ${listTargets(ids, this.world)} to become healthy, giving up ${this.effectiveTimeout} s after it started (Timeout ${this.eb.Timeout} s + ${EB_TIMEOUT_EXTRA_SECONDS} s)`,
          { deploymentId: this.deploymentId, rule: 'eb.timeout', end: deadline },
        );
      });
    };
    const steps = instanceSteps(this.world, mode, this.deploymentId, waitForHealth);
    // One program for the whole group: no closures per instance.
    const program: StepProgram = {
      world: this.world,
      deploymentId: this.deploymentId,
      deadline,
      deadlineReason: (step) =>
        step === EB_LIFECYCLE_STEPS.healthCheck
          ? `not healthy within Timeout (${this.eb.Timeout} s + ${EB_TIMEOUT_EXTRA_SECONDS} s)`
          : `${step} did not finish within Timeout (${this.eb.Timeout} s + ${EB_TIMEOUT_EXTRA_SECONDS} s)`,
      onEnd: (result, id) => {
        this.active.delete(id);
        if (!result.ok) {
          failed.push(id);
          if (result.failedStep !== EB_LIFECYCLE_STEPS.healthCheck || result.cancelled) healthOnly = false;
          if (result.cancelled) interrupted = true;
          this.instanceFailed(id, result);
        }
        if (--left === 0) {
          done = true;
          this.world.closePhase(wait);
          onDone({ ok: failed.length === 0, healthOnly: failed.length > 0 && healthOnly, failed, interrupted });
        }
      },
    };
    // An index loop: this runs once per group, unoptimized at first, where for…of allocates per instance.
    for (let k = 0; k < ids.length; k++) this.active.set(ids[k]!, runProgram(program, ids[k]!, steps));
  }

  private instanceFailed(id: TargetIndex, result: StepResult): void {
    if (this.world.stateOf(id) === 'Terminated' || result.cancelled) return;
    this.world.setHealthy(id, false);
    if (result.failedStep === EB_LIFECYCLE_STEPS.healthCheck) {
      this.world.event('health-changed', `${this.world.idAt(id)} is unhealthy: ${result.reason}`, { target: id, deploymentId: this.deploymentId, healthy: false, rule: 'eb.timeout' });
    } else {
      this.world.event('health-changed', `${this.world.idAt(id)} is unhealthy: ${result.reason}`, {
        target: id,
        deploymentId: this.deploymentId,
        healthy: false,
        undocumented: 'failedInstanceState',
        ...(result.timedOut ? { rule: 'eb.timeout' as const } : {}),
      });
      // A failed instance that had already left the load balancer stays out; see failedInstanceState.
    }
  }

  /** Deregisters (when in service) and terminates `ids`, then reports. */
  terminate(ids: readonly TargetIndex[], why: string, rule: RuleId, onDone: () => void): void {
    let left = ids.length;
    if (left === 0) {
      this.world.agenda.at(this.world.now, onDone);
      return;
    }
    const terminated = this.world.idThen(` is terminated: ${why}`);
    // Made once for the group, not per instance.
    const because = { rule };
    const program: StepProgram = {
      world: this.world,
      deploymentId: this.deploymentId,
      onEnd: (_result, id) => {
        this.markTerminated(id, terminated, because);
        if (--left === 0) onDone();
      },
    };
    const world = this.world;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      // A single-instance environment has no load balancer to leave.
      runProgram(program, id, this.terminationSteps(world.versionOf(id), world.stateOf(id) === 'InService' && world.registeredOf(id) !== undefined));
    }
  }

  /** The steps of terminating an instance running `version`, leaving the load balancer first when it is in service behind one; shared per version. */
  private terminationSteps(version: string, deregister: boolean): readonly Step[] {
    const byVersion = this.termination[deregister ? 1 : 0]!;
    let steps = byVersion.get(version);
    if (steps === undefined) byVersion.set(version, (steps = this.newTerminationSteps(version, deregister)));
    return steps;
  }

  /**
   * terminationSteps' list, made once per version: apart from it because the closures
   * made here would have V8 allocate a context at each call of terminationSteps,
   * which runs for every instance terminated.
   */
  private newTerminationSteps(version: string, deregister: boolean): readonly Step[] {
    const { timings } = this.world.scenario;
    const list: Step[] = [];
    if (deregister) {
      const detached = this.world.idThen(` is detached from the load balancer before it is terminated; its connections drain for ${timings.deregistration} s`);
      list.push({
        name: EB_LIFECYCLE_STEPS.deregister,
        seconds: timings.deregistration,
        revision: version,
        onStart: (id) => {
          this.world.setState(id, 'OutOfService');
          this.world.setRegistered(id, false);
          this.world.targetEvent('deregistered', detached, id, this.deploymentId, 'eb.health-checks');
        },
      });
    }
    list.push({ name: EB_LIFECYCLE_STEPS.terminate, seconds: timings.termination, revision: version });
    return Object.freeze(list);
  }

  markTerminated(id: TargetIndex, message: string | TargetText, why: { rule?: RuleId; undocumented?: 'terminatedNotReplaced' }): void {
    this.world.setState(id, 'Terminated');
    this.world.setHealthy(id, false);
    // No extras object per terminated instance.
    this.world.targetEvent('instance-terminated', message, id, this.deploymentId, why.rule, undefined, why.undocumented);
  }

  /** Cuts every instance run short now; returns the instances that were mid-deployment. */
  cancelInFlight(reason: string): TargetIndex[] {
    const runs = this.active.inOrder();
    this.active.clear();
    const stepRuns = this.world.stepRuns;
    for (const run of runs) stepRuns.cancel(run, reason);
    return runs.map((r) => stepRuns.target(r));
  }

  /** Stops every instance mid-deployment now; detached ones are attached again (see abortInFlight). */
  stopInFlight(reason: string): void {
    const stopped = this.cancelInFlight(reason);
    const { timings } = this.world.scenario;
    for (const id of stopped) {
      const t = this.world.targetAt(id);
      if (t.state !== 'OutOfService' || t.version === '') continue;
      runSteps({
        world: this.world,
        target: id,
        deploymentId: this.deploymentId,
        steps: [
          // Back behind the load balancer (a single-instance environment has none).
          ...(t.registered === undefined
            ? []
            : [{ name: EB_LIFECYCLE_STEPS.register, seconds: timings.registration, revision: t.version, onSuccess: () => this.world.setRegistered(id, true) }]),
          {
            name: EB_LIFECYCLE_STEPS.healthCheck,
            seconds: timings.healthCheckInterval * timings.healthyThreshold,
            revision: t.version,
            failure: (_s, end) =>
              t.version === this.world.scenario.versions.to && failsHealthChecks(this.world, id, end)
                ? { reason: `${t.id} never passed its health checks`, seconds: this.effectiveTimeout }
                : undefined,
            onSuccess: () => {
              this.world.setState(id, 'InService');
              this.world.setHealthy(id, true);
              this.world.event('health-changed', `${t.id} is back in service, running ${t.version}`, { target: id, deploymentId: this.deploymentId, healthy: true });
            },
          },
        ],
        onEnd: () => {},
      });
    }
  }
}

export function groupName(group: TargetGroup): string {
  switch (group) {
    case 'additional-batch':
      return 'additional batch';
    case 'temporary':
      return 'temporary Auto Scaling group';
    case 'green-environment':
      return 'green environment';
    default:
      return `${group} group`;
  }
}
