// What the two Server orchestrators share when they run on the world: ending the
// user's deployment with its summary and the rollback decision, starting and
// ending the rollback deployment d-2, why a stop cuts work short, and running the
// actor with the timed inputs (alarms, StopDeployment, terminations) scheduled.
import type { AnyActorRef } from 'xstate';
import type { RuleId } from '../../aws/rules.ts';
import type { UndocumentedId } from '../../aws/undocumented.ts';
import type { DeploymentStatus } from '../../trace/types.ts';
import type { World } from '../world.ts';
import { ROLLBACK_DEPLOYMENT, USER_DEPLOYMENT } from './context.ts';
import { scheduleControls } from './controls.ts';
import { decideRollback, type Trigger } from './rollback-rules.ts';
import type { Rollout } from './rollout.ts';
import type { CodeDeploySettings } from '../../scenario/types.ts';

/** Ends d-1 with `status`, says why, and (after a failure or a stop) whether a rollback follows. */
export function endUserDeployment(
  world: World,
  cd: CodeDeploySettings,
  status: DeploymentStatus,
  summary: string,
  o: { trigger?: Trigger | undefined; rule?: RuleId | undefined; rollbackImpossible?: string | undefined } = {},
): void {
  world.endDeployment(USER_DEPLOYMENT, status);
  world.event('deployment-ended', `Deployment ${USER_DEPLOYMENT} ${status}${summary ? `: ${summary}` : ''}`, { deploymentId: USER_DEPLOYMENT, rule: o.rule });
  if (!o.trigger) return;
  const d = decideRollback(cd, o.trigger);
  if (d.rollback && o.rollbackImpossible) {
    world.event('note', `No automatic rollback: ${d.why}, but ${o.rollbackImpossible}`, { deploymentId: USER_DEPLOYMENT, rule: 'cd.rollback-blue-green' });
    return;
  }
  world.event('note', d.rollback ? `Automatic rollback follows: ${d.why}` : `No automatic rollback: ${d.why}`, {
    deploymentId: USER_DEPLOYMENT,
    rule: 'cd.rollback-triggers',
    undocumented: d.undocumented,
  });
}

/** Creates the rollback deployment d-2 (a new deployment, reference §2.4) and its 'rollback' phase. */
export function startRollback(world: World, revision: string, message: string, undocumented?: UndocumentedId): void {
  world.startDeployment(ROLLBACK_DEPLOYMENT, 'codeDeployRollback', revision);
  world.openPhase({ deploymentId: ROLLBACK_DEPLOYMENT, kind: 'rollback', name: 'Rollback' });
  world.event('rollback-started', message, { deploymentId: ROLLBACK_DEPLOYMENT, rule: 'cd.rollback-new-deployment', undocumented });
}

/** Ends d-2; a failed or stopped rollback is not rolled back in turn. */
export function endRollback(world: World, status: DeploymentStatus, summary: string, o: { rule?: RuleId; undocumented?: UndocumentedId } = {}): void {
  world.endDeployment(ROLLBACK_DEPLOYMENT, status);
  world.event('deployment-ended', `Rollback deployment ${ROLLBACK_DEPLOYMENT} ${status}: ${summary}`, {
    deploymentId: ROLLBACK_DEPLOYMENT,
    rule: o.rule,
    undocumented: status === 'Succeeded' ? o.undocumented : 'rollbackOfRollback',
  });
}

/**
 * Schedules the timed inputs, starts the actor and runs simulated time to the end.
 * `rollout` is the rollout going on, if any, which an instance terminated from
 * outside leaves. Both Server machines name their top states alike: 'deploying'
 * belongs to d-1, 'rollingBack' to the rollback d-2.
 */
export function runServer(
  world: World,
  actor: AnyActorRef,
  o: { changed: () => boolean; rollout: () => Rollout | undefined },
): void {
  scheduleControls(world, {
    actor,
    running: () => {
      const snapshot = actor.getSnapshot() as { status: string; value: unknown };
      if (snapshot.status !== 'active') return undefined;
      const top = typeof snapshot.value === 'string' ? snapshot.value : Object.keys(snapshot.value as object)[0]!;
      return top === 'deploying' ? USER_DEPLOYMENT : top === 'rollingBack' ? ROLLBACK_DEPLOYMENT : undefined;
    },
    changed: o.changed,
    terminated: (id) => {
      const current = o.rollout();
      if (current?.running(id)) world.event('lifecycle-event-failed', `${world.idAt(id)}'s deployment fails: the instance was terminated mid-deployment`, { target: id, rule: 'cd.hook-failure' });
      current?.terminated(id, `${world.idAt(id)} was terminated`);
    },
  });
  actor.start();
  world.run();
}
