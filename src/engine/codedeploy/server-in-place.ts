// Server in-place (reference §2.1, §2.3): every instance of the group runs the
// lifecycle events in turn, scheduled by minimum healthy hosts. A rollback is a new
// deployment (d-2) of the last known good revision with the same events and rules.
import { lifecycleOrder } from '../lifecycles/catalog.ts';
import type { DeploymentStatus } from '../../trace/types.ts';
import { ROLLBACK_DEPLOYMENT, USER_DEPLOYMENT, type CdContext } from './context.ts';
import { plural } from '../narration.ts';
import type { Driver, Send } from './driver.ts';
import { Rollout, type RolloutResult } from './rollout.ts';
import { addInstances, runInstance } from './server-instance.ts';
import { describeSchedule, explainRollout, scheduleFor, schedulingOrder } from './server-schedule.ts';

export function serverInPlace(ctx: CdContext, send: Send): Driver {
  const { world, cd, from, to } = ctx;
  const ids = addInstances(ctx, cd.instances, 'original', from);
  const schedule = scheduleFor(cd, ids.length);
  const events = lifecycleOrder(cd.loadBalancer ? 'codeDeployServerInPlaceLoadBalancer' : 'codeDeployServerInPlace');
  let current: Rollout | undefined;
  let result: RolloutResult | undefined;
  let order: string[] = [];
  let touched = false;

  const rollout = (deploymentId: string, revision: string, done: (r: RolloutResult) => void): Rollout => {
    order = schedulingOrder(world, ids, revision);
    const r = new Rollout({
      world,
      ids: order,
      minimumHealthy: schedule.minimumHealthy,
      requiredSuccesses: schedule.requiredSuccesses,
      run: (id, finished) => runInstance(ctx, id, events, { deploymentId, revision }, finished),
      onStart: (id) => {
        touched = true;
        world.event('note', `${id}: CodeDeploy starts deploying ${revision} to this instance`, { target: id, deploymentId });
      },
      onDone: done,
    });
    current = r;
    return r;
  };

  return {
    intro:
      `In-place deployment of ${to} to ${plural(ids.length, 'instance')}${cd.loadBalancer ? ' behind a load balancer' : ' (no load balancer)'} with ${describeSchedule(cd, schedule, ids.length)}`,
    deploy() {
      if (schedule.undocumented) world.event('note', `How ${cd.deploymentConfigName} treats a one-instance group`, { deploymentId: USER_DEPLOYMENT, undocumented: schedule.undocumented });
      if (schedule.impossible) {
        world.event('note', `The minimum cannot be met: ${schedule.impossible}. The deployment fails before any instance changes`, { deploymentId: USER_DEPLOYMENT });
        world.agenda.at(world.now, () => send({ type: 'FAILED', trigger: { kind: 'failure', changed: false } }));
        return;
      }
      rollout(USER_DEPLOYMENT, to, (r) => {
        result = r;
        send(r.ok ? { type: 'SUCCEEDED' } : { type: 'FAILED', trigger: { kind: 'failure', changed: touched } });
      }).start();
    },
    stop(reason) {
      if (current?.active) world.event('note', 'Lifecycle events in progress end now as Failed; nothing further runs', { deploymentId: USER_DEPLOYMENT, undocumented: 'stopInFlight' });
      current?.stop(reason);
    },
    rollBack() {
      world.startDeployment(ROLLBACK_DEPLOYMENT, 'codeDeployRollback', from);
      world.event(
        'rollback-started',
        `Automatic rollback: CodeDeploy creates a new deployment, ${ROLLBACK_DEPLOYMENT}, of the last known good revision ${from}, with the same lifecycle events and deployment configuration`,
        { deploymentId: ROLLBACK_DEPLOYMENT, undocumented: 'rollbackTargets' },
      );
      rollout(ROLLBACK_DEPLOYMENT, from, (r) => {
        world.endDeployment(ROLLBACK_DEPLOYMENT, r.ok ? 'Succeeded' : 'Failed');
        world.event(
          'deployment-ended',
          `Rollback deployment ${ROLLBACK_DEPLOYMENT} ${r.ok ? 'Succeeded' : 'Failed'}: ${explainRollout(cd, schedule, r, from, order[order.length - 1])}`,
          { deploymentId: ROLLBACK_DEPLOYMENT, ...(r.ok ? {} : { undocumented: 'rollbackOfRollback' as const }) },
        );
        send({ type: 'ROLLBACK_DONE', ok: r.ok });
      }).start();
    },
    stopRollback(reason) {
      current?.stop(reason);
      world.endDeployment(ROLLBACK_DEPLOYMENT, 'Stopped');
      world.event('deployment-ended', `Rollback deployment ${ROLLBACK_DEPLOYMENT} Stopped: instances stay as they are`, { deploymentId: ROLLBACK_DEPLOYMENT, undocumented: 'rollbackOfRollback' });
    },
    changed: () => touched,
    summary(status: DeploymentStatus) {
      if (status === 'Stopped') return `${countOn(ctx, ids, to)} of ${ids.length} instances run ${to}, the rest keep ${from}`;
      if (!result) return schedule.impossible ? `the minimum healthy hosts cannot be met; no instance changed` : '';
      return explainRollout(cd, schedule, result, to, order[order.length - 1]);
    },
    terminated(id) {
      if (current?.running(id)) world.event('lifecycle-event-failed', `${id}'s deployment fails: the instance was terminated mid-deployment`, { target: id });
      if (current?.terminated(id, `${id} was terminated`) === 'dropped') {
        world.event('note', `${id} was waiting for its turn; CodeDeploy drops it from the deployment`, { target: id, undocumented: 'terminatedPending' });
      }
    },
  };
}

function countOn(ctx: CdContext, ids: readonly string[], version: string): number {
  let n = 0;
  for (const id of ids) {
    const t = ctx.world.target(id);
    if (t.state !== 'Terminated' && t.version === version) n++;
  }
  return n;
}
