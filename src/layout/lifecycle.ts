// The lifecycle event table of one target as of the playhead, like the
// CodeDeploy console's: every event of the target's lifecycle in order with its
// status (Pending, InProgress, Succeeded, Failed, Skipped), start, duration,
// error code and the revision whose script ran. Pending rows come from the
// lifecycle machines' order (`lifecycleOrder`), the rest from spans.
import { lifecycleOrder, type LifecycleId } from '../engine/lifecycles/catalog.ts';
import type { Scenario } from '../scenario/types.ts';
import type { TraceDeployment, TraceSpan, TraceTarget } from '../trace/types.ts';
import type { TraceIndex } from './frame.ts';

/** AWS's lifecycle event statuses; "Not run" marks an event its deployment ended without reaching. */
export type EventStatus = 'Pending' | 'InProgress' | 'Succeeded' | 'Failed' | 'Skipped' | 'Not run';

export interface LifecycleRow {
  event: string;
  status: EventStatus;
  start?: number;
  /** Seconds run so far (InProgress) or in all. */
  duration?: number;
  errorCode?: string;
  revision?: string;
}

export interface LifecycleSection {
  deployment: TraceDeployment;
  /** The lifecycle machine the rows follow, when the target has one in this deployment. */
  lifecycle: LifecycleId | undefined;
  rows: LifecycleRow[];
}

/** A span's status as of t. */
export function spanStatusAt(span: TraceSpan, t: number): EventStatus {
  if (span.start > t) return 'Pending';
  if (t < span.end) return 'InProgress';
  return span.status;
}

/** Which lifecycle machine a target runs in a deployment (undefined: it runs none, e.g. an original task set). */
export function lifecycleFor(scenario: Scenario, target: TraceTarget, deployment: TraceDeployment): LifecycleId | undefined {
  const rollback = deployment.creator === 'codeDeployRollback';
  const eb = scenario.elasticBeanstalk;
  if (scenario.platform === 'ElasticBeanstalk' && eb) {
    if (target.group === 'original') {
      if (eb.DeploymentPolicy === 'AllAtOnce') return 'ebInstanceInPlace';
      if (eb.DeploymentPolicy === 'Rolling' || eb.DeploymentPolicy === 'RollingWithAdditionalBatch') return 'ebInstanceRolling';
      return undefined;
    }
    return eb.environmentType === 'SingleInstance' ? 'ebInstanceNewStandby' : 'ebInstanceNew';
  }
  const cd = scenario.codeDeploy;
  if (!cd) return undefined;
  switch (cd.computePlatform) {
    case 'Lambda':
      return rollback ? undefined : 'codeDeployLambda';
    case 'ECS':
      return !rollback && target.group === 'replacement' ? 'codeDeployEcs' : undefined;
    case 'Server':
      if (cd.deploymentType === 'IN_PLACE') return cd.loadBalancer ? 'codeDeployServerInPlaceLoadBalancer' : 'codeDeployServerInPlace';
      if (target.group === 'replacement') return rollback ? 'codeDeployServerRollbackReplacement' : 'codeDeployServerReplacement';
      return rollback ? 'codeDeployServerRollbackOriginal' : 'codeDeployServerOriginal';
  }
}

function row(span: TraceSpan, t: number): LifecycleRow {
  const status = spanStatusAt(span, t);
  const r: LifecycleRow = { event: span.name, status };
  if (status === 'Pending') return r;
  r.start = span.start;
  r.duration = Math.min(span.end, t) - span.start;
  r.revision = span.revision;
  if (span.reason && (status === 'Failed' || status === 'Skipped')) r.errorCode = span.reason;
  return r;
}

/**
 * One section per deployment that has started by t and concerns the target (it
 * has a lifecycle in it or spans in it). Events in lifecycle order; a span the
 * order does not name (a launch before CodeDeploy's events) keeps its place by time.
 */
export function lifecycleTable(index: TraceIndex, targetIndex: number, t: number): LifecycleSection[] {
  const target = index.targets[targetIndex]!;
  const spans = index.spansByTarget[targetIndex]!;
  const sections: LifecycleSection[] = [];
  for (const d of index.trace.deployments) {
    if (d.start > t) continue;
    const own = spans.filter((s) => s.deploymentId === d.id);
    const lifecycle = lifecycleFor(index.trace.scenario, target, d);
    // A rollback deployment concerns a target only if it runs events on it.
    if (own.length === 0 && (d.creator === 'codeDeployRollback' || !lifecycle)) continue;
    const order = lifecycle ? lifecycleOrder(lifecycle) : [];
    const used = new Set<TraceSpan>();
    const rows: LifecycleRow[] = [];
    const ended = t >= d.end;
    for (const name of order) {
      const span = own.find((s) => s.name === name && !used.has(s));
      if (span) {
        used.add(span);
        rows.push(row(span, t));
      } else rows.push({ event: name, status: ended ? 'Not run' : 'Pending' });
    }
    // Spans outside the order (or repeated): inserted before the first row that starts after them.
    for (const span of own) {
      if (used.has(span)) continue;
      const r = row(span, t);
      const at = rows.findIndex((x) => x.start !== undefined && x.start > span.start);
      if (at < 0) rows.push(r);
      else rows.splice(at, 0, r);
    }
    sections.push({ deployment: d, lifecycle, rows });
  }
  return sections;
}
