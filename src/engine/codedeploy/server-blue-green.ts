// Server blue/green (reference §2.1, §2.3–2.4): replacement instances (ids continue
// after the originals) install the revision under the deployment configuration's
// rules; then traffic is rerouted: replacements run the AllowTraffic hooks, the
// originals the BlockTraffic hooks, in the configuration's pattern; the originals
// are terminated after the wait or kept alive. A rollback (d-2) re-allows traffic
// to the originals that still exist and blocks it on the replacements.
import { lifecycleOrder } from '../lifecycles/catalog.ts';
import type { DeploymentStatus } from '../../trace/types.ts';
import { minutes, ROLLBACK_DEPLOYMENT, USER_DEPLOYMENT, type CdContext } from './context.ts';
import { listIds, plural } from '../narration.ts';
import type { Driver, Send } from './driver.ts';
import { Rollout, type RolloutResult } from './rollout.ts';
import { addInstances, runInstance } from './server-instance.ts';
import { describeSchedule, explainRollout, scheduleFor } from './server-schedule.ts';

// A replacement's lifecycle runs in two parts: the install, then (when rerouting reaches it) the AllowTraffic hooks.
const REPLACEMENT_EVENTS = lifecycleOrder('codeDeployServerReplacement');
const SERVER_BLUE_GREEN_INSTALL_EVENTS = REPLACEMENT_EVENTS.slice(0, REPLACEMENT_EVENTS.indexOf('BeforeAllowTraffic'));
const REROUTE_EVENTS = REPLACEMENT_EVENTS.slice(SERVER_BLUE_GREEN_INSTALL_EVENTS.length);
const SERVER_BLUE_GREEN_ORIGINAL_EVENTS = lifecycleOrder('codeDeployServerOriginal');
const SERVER_ALLOW_TRAFFIC_EVENTS = lifecycleOrder('codeDeployServerRollbackOriginal');
const SERVER_BLOCK_TRAFFIC_EVENTS = lifecycleOrder('codeDeployServerRollbackReplacement');

export function serverBlueGreen(ctx: CdContext, send: Send): Driver {
  const { world, cd, from, to } = ctx;
  const bg = cd.blueGreenDeploymentConfiguration!;
  const originals = addInstances(ctx, cd.instances, 'original', from);
  const schedule = scheduleFor(cd, originals.length);
  let replacements: string[] = [];
  let current: Rollout | undefined;
  let touched = false;
  let failure = '';
  let timer = 0;
  const copy = bg.greenFleetProvisioningOption.action === 'COPY_AUTO_SCALING_GROUP';
  const terminate = bg.terminateBlueInstancesOnDeploymentSuccess;
  const ready = bg.deploymentReadyOption;

  const live = (ids: readonly string[]) => ids.filter((x) => world.target(x).state !== 'Terminated');

  /** Runs `events` on `ids` with the configuration's pattern of parallelism; every one must succeed. */
  const phase = (ids: string[], events: readonly string[], deploymentId: string, revision: string, done: (r: RolloutResult) => void) => {
    const parallel = Math.max(1, Math.min(ids.length, schedule.maxParallel));
    current = new Rollout({
      world,
      ids,
      minimumHealthy: ids.length - parallel,
      requiredSuccesses: ids.length,
      failFast: true,
      isHealthy: () => true,
      run: (id, finished) => runInstance(ctx, id, events, { deploymentId, revision }, finished),
      onDone: done,
    });
    current.start();
  };

  const fail = (why: string) => {
    failure = why;
    send({ type: 'FAILED', trigger: { kind: 'failure', changed: touched } });
  };

  const install = () => {
    current = new Rollout({
      world,
      ids: replacements,
      minimumHealthy: schedule.minimumHealthy,
      requiredSuccesses: schedule.requiredSuccesses,
      // Fresh replacements have never failed a deployment: they count as healthy.
      isHealthy: () => true,
      run: (id, finished) => runInstance(ctx, id, SERVER_BLUE_GREEN_INSTALL_EVENTS, { deploymentId: USER_DEPLOYMENT, revision: to }, finished),
      onDone: (r) => {
        if (!r.ok) return fail(`${explainRollout(cd, schedule, r, to, replacements[replacements.length - 1])}; traffic never left the original instances`);
        if (ready.actionOnTimeout === 'STOP_DEPLOYMENT') {
          world.event('wait-started', `The replacement environment is ready (status Ready): traffic is rerouted only when someone continues the deployment, within ${minutes(ready.waitTimeInMinutes)}`, { deploymentId: USER_DEPLOYMENT, undocumented: 'readyTimeout' });
          const mine = ++timer;
          world.agenda.after(ready.waitTimeInMinutes * 60, () => mine === timer && send({ type: 'STOP', trigger: { kind: 'readyTimeout', changed: touched } }));
          return;
        }
        reroute();
      },
    });
    current.start();
  };

  const reroute = () => {
    const ok = live(replacements).filter((x) => world.target(x).healthy);
    world.event('batch-started', `Rerouting traffic: ${listIds(ok)} run the AllowTraffic hooks and join the load balancer, then the original instances are blocked`, { deploymentId: USER_DEPLOYMENT });
    phase(ok, REROUTE_EVENTS, USER_DEPLOYMENT, to, (r) => {
      if (!r.ok) return fail(`AllowTraffic did not complete on ${listIds(r.failed)}`);
      phase(live(originals), SERVER_BLUE_GREEN_ORIGINAL_EVENTS, USER_DEPLOYMENT, to, (b) => {
        // If any original instance fails to deregister, the whole deployment fails (reference §2.3).
        if (!b.ok) return fail(`${listIds(b.failed)} did not leave the load balancer, and one original failing to deregister fails the whole deployment`);
        finishOriginals();
      });
    });
  };

  const finishOriginals = () => {
    if (terminate.action === 'KEEP_ALIVE') {
      world.event('note', 'KEEP_ALIVE: the original instances keep running, deregistered from the load balancer', { deploymentId: USER_DEPLOYMENT });
      return send({ type: 'SUCCEEDED' });
    }
    world.event('wait-started', `Traffic is on the replacements; the original instances are terminated after ${minutes(terminate.terminationWaitTimeInMinutes)}`, { deploymentId: USER_DEPLOYMENT });
    const mine = ++timer;
    world.agenda.after(terminate.terminationWaitTimeInMinutes * 60, () => {
      if (mine !== timer) return;
      const victims = live(originals);
      world.agenda.after(world.scenario.timings.termination, () => {
        if (mine !== timer) return;
        for (const x of victims) {
          world.setState(x, 'Terminated');
          world.setHealthy(x, false);
          world.event('instance-terminated', `${x} (an original instance, ${from}) is terminated`, { target: x, deploymentId: USER_DEPLOYMENT });
        }
        send({ type: 'SUCCEEDED' });
      });
    });
  };

  const serving = () => {
    const by: Record<string, number> = {};
    for (const x of [...originals, ...replacements]) {
      const t = world.target(x);
      if (t.state === 'InService') by[t.version] = (by[t.version] ?? 0) + 1;
    }
    const parts = Object.entries(by).map(([v, n]) => `${plural(n, 'instance')} on ${v}`);
    return parts.length ? `in service: ${parts.join(', ')}` : 'no instance is in service';
  };

  return {
    intro:
      `Blue/green deployment of ${to}: ${plural(originals.length, 'replacement instance')} ${copy ? 'launched by copying the Auto Scaling group' : 'discovered among existing instances'}, deployed with ${describeSchedule(cd, schedule, originals.length)}; ` +
      `then traffic is rerouted${ready.actionOnTimeout === 'STOP_DEPLOYMENT' ? ' once the deployment is continued' : ''} and the originals are ${terminate.action === 'TERMINATE' ? `terminated after ${minutes(terminate.terminationWaitTimeInMinutes)}` : 'kept alive'}`,
    deploy() {
      if (schedule.impossible) {
        world.event('note', `The minimum cannot be met: ${schedule.impossible}. The deployment fails before any instance changes`, { deploymentId: USER_DEPLOYMENT });
        world.agenda.at(world.now, () => fail('the minimum healthy hosts cannot be met; no instance changed'));
        return;
      }
      if (schedule.undocumented) world.event('note', `How ${cd.deploymentConfigName} treats a one-instance group`, { deploymentId: USER_DEPLOYMENT, undocumented: schedule.undocumented });
      touched = true;
      replacements = addInstances(ctx, originals.length, 'replacement', '');
      if (copy) {
        for (const x of replacements) world.event('instance-launched', `${x} is launched into the replacement environment (a copy of the Auto Scaling group)`, { target: x, deploymentId: USER_DEPLOYMENT });
        const mine = ++timer;
        world.agenda.after(world.scenario.timings.launch, () => mine === timer && install());
      } else {
        world.event('note', `CodeDeploy uses the existing instances ${listIds(replacements)} as the replacement environment`, { deploymentId: USER_DEPLOYMENT });
        install();
      }
    },
    stop(reason) {
      timer++;
      if (current?.active) world.event('note', 'Lifecycle events in progress end now as Failed; nothing further runs', { deploymentId: USER_DEPLOYMENT, undocumented: 'stopInFlight' });
      current?.stop(reason);
    },
    rollBack() {
      world.startDeployment(ROLLBACK_DEPLOYMENT, 'codeDeployRollback', from);
      const back = live(originals);
      world.event(
        'rollback-started',
        `Automatic rollback: a new deployment, ${ROLLBACK_DEPLOYMENT}, routes traffic back to the original instances (${from}) and blocks it on the replacements`,
        { deploymentId: ROLLBACK_DEPLOYMENT, undocumented: 'blueGreenRollbackOrder' },
      );
      const end = (ok: boolean, why: string) => {
        world.endDeployment(ROLLBACK_DEPLOYMENT, ok ? 'Succeeded' : 'Failed');
        world.event('deployment-ended', `Rollback deployment ${ROLLBACK_DEPLOYMENT} ${ok ? 'Succeeded' : 'Failed'}: ${why}`, {
          deploymentId: ROLLBACK_DEPLOYMENT,
          ...(ok ? { undocumented: 'blueGreenRollbackReplacements' as const } : { undocumented: 'rollbackOfRollback' as const }),
        });
        send({ type: 'ROLLBACK_DONE', ok });
      };
      if (back.length === 0) {
        world.agenda.at(world.now, () => end(false, 'the original instances are terminated, so traffic cannot be routed back to them'));
        return;
      }
      phase(back, SERVER_ALLOW_TRAFFIC_EVENTS, ROLLBACK_DEPLOYMENT, from, (a) => {
        if (!a.ok) return end(false, `AllowTraffic did not complete on ${listIds(a.failed)}`);
        phase(live(replacements), SERVER_BLOCK_TRAFFIC_EVENTS, ROLLBACK_DEPLOYMENT, from, (b) =>
          end(b.ok, b.ok ? `the original instances serve ${from} again; the replacements stay running, blocked from the load balancer` : `${listIds(b.failed)} could not be blocked`),
        );
      });
    },
    stopRollback(reason) {
      current?.stop(reason);
      world.endDeployment(ROLLBACK_DEPLOYMENT, 'Stopped');
      world.event('deployment-ended', `Rollback deployment ${ROLLBACK_DEPLOYMENT} Stopped: instances stay as they are (${serving()})`, { deploymentId: ROLLBACK_DEPLOYMENT, undocumented: 'rollbackOfRollback' });
    },
    changed: () => touched,
    summary(status: DeploymentStatus) {
      if (status === 'Succeeded') {
        const n = live(replacements).filter((x) => world.target(x).state === 'InService').length;
        return `${plural(n, 'replacement instance')} serve${n === 1 ? 's' : ''} ${to}; the original instances are ${terminate.action === 'TERMINATE' ? 'terminated' : 'kept alive, out of service'}`;
      }
      if (status === 'Failed') return `${failure}; ${serving()}`;
      return serving();
    },
    terminated(id) {
      if (current?.running(id)) world.event('lifecycle-event-failed', `${id}'s deployment fails: the instance was terminated mid-deployment`, { target: id });
      if (current?.terminated(id, `${id} was terminated`) === 'dropped') {
        world.event('note', `${id} was waiting for its turn; CodeDeploy drops it from the deployment`, { target: id, undocumented: 'terminatedPending' });
      }
    },
  };
}
