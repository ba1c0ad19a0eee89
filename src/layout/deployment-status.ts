// A deployment's status as AWS would report it at time t, derived from the trace.
// While a deployment runs its status is InProgress, except during a blue/green
// Ready wait: AWS lists `Ready` among the deployment statuses (reference §2.4,
// [API] `DeploymentStatus`) and the replacements wait with status Ready for
// `ContinueDeployment` (§2.3, [API] `DeploymentReadyOption`, `ContinueDeployment`:
// "can start as soon as all instances have a status of Ready"). The wait is read
// from the trace's "Ready wait" phase, never from message text.
import type { DeploymentStatus, TracePhase } from '../trace/types.ts';

/** The phase name (a contract, docs/trace.md) of the wait for ContinueDeployment. */
export const READY_WAIT = 'Ready wait';

/** The status to show at t for a deployment still running at t (not ended yet). */
export function runningStatus(phases: readonly TracePhase[], deploymentId: string, t: number): DeploymentStatus {
  const waiting = phases.some((p) => p.deploymentId === deploymentId && p.name === READY_WAIT && p.start <= t && t < p.end);
  return waiting ? 'Ready' : 'InProgress';
}
