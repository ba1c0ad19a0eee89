// Metrics of one run, computed from its trace alone (never typed in), so
// strategies can be compared side by side on the same fleet and faults. Every
// definition is in docs/metrics.md; a metric that does not apply is null.
import type { Outcome, Trace } from '../trace/types.ts';

export interface RunMetrics {
  name: string;
  strategy: string;
  outcome: Outcome;
  durationSeconds: number;
  /** Fewest targets in service at any moment (instances; ECS task sets count as one each); null for Lambda. */
  minInService: number | null;
  /** minInService as a percentage of the fleet before the deployment, one decimal. */
  minInServicePercent: number | null;
  /** Seconds during which production traffic reached more than one version. */
  mixedVersionSeconds: number;
  /** Most targets alive (launched, not terminated) at once; null for Lambda. */
  peakTargets: number | null;
  /** Target-seconds alive beyond the original fleet: the cost of extra batches, new groups, second environments; null for Lambda. */
  extraInstanceSeconds: number | null;
  /** Highest share (percent) of production traffic the new version served while it was failing; null when it never failed. */
  failingShare: number | null;
  /** Seconds from the new version's first failure until the previous version served all production traffic again; null when it never failed or was never restored. */
  restoreSeconds: number | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function describeStrategy(trace: Trace): string {
  const s = trace.scenario;
  if (s.elasticBeanstalk) {
    const eb = s.elasticBeanstalk;
    const batches = eb.DeploymentPolicy === 'Rolling' || eb.DeploymentPolicy === 'RollingWithAdditionalBatch' ? ` (${eb.BatchSizeType} ${eb.BatchSize})` : '';
    return `Elastic Beanstalk ${eb.DeploymentPolicy}${batches}`;
  }
  const cd = s.codeDeploy!;
  const type = cd.computePlatform === 'Server' ? ` ${cd.deploymentType}` : '';
  return `CodeDeploy ${cd.computePlatform}${type} ${cd.deploymentConfigName}`;
}

export function computeMetrics(trace: Trace): RunMetrics {
  const end = trace.durationSeconds;
  const lambda = trace.scenario.codeDeploy?.computePlatform === 'Lambda';
  const { from, to } = trace.scenario.versions;

  // The fleet before the deployment: targets present at t = 0 that serve.
  const first = trace.samples[0];
  const fleet = first ? Object.values(first.inService).reduce((a, b) => a + b, 0) : 0;

  let minInService = Infinity;
  let mixed = 0;
  for (let i = 0; i < trace.samples.length; i++) {
    const s = trace.samples[i]!;
    const next = i + 1 < trace.samples.length ? trace.samples[i + 1]!.t : end;
    let serving = 0;
    for (const n of Object.values(s.inService)) serving += n;
    minInService = Math.min(minInService, serving);
    if (Object.keys(s.traffic).length > 1) mixed += Math.max(0, next - s.t);
  }

  // Targets alive over time, replayed from the changes (a target's first change adds it).
  const alive = new Map<string, boolean>();
  let live = 0;
  let peak = 0;
  let extra = 0;
  let lastT = 0;
  for (const c of trace.changes) {
    if (c.t > lastT) {
      extra += Math.max(0, live - fleet) * (c.t - lastT);
      lastT = c.t;
    }
    const was = alive.get(c.target);
    const isAlive = c.state === undefined ? (was ?? true) : c.state !== 'Terminated';
    if (was !== isAlive) {
      live += (isAlive ? 1 : 0) - (was ? 1 : 0);
      alive.set(c.target, isAlive);
    }
    peak = Math.max(peak, live);
  }
  extra += Math.max(0, live - fleet) * Math.max(0, end - lastT);

  // The new version is failing from the first sign of it: a lifecycle event that
  // fails, a target losing its health, or a CloudWatch alarm. A stop by request is
  // not a failure of the version.
  let failedAt = Infinity;
  for (const e of trace.events) {
    const sign = e.type === 'lifecycle-event-failed' || (e.type === 'alarm' && e.deploymentId !== undefined) || (e.type === 'health-changed' && e.healthy === false);
    if (sign) {
      failedAt = e.t;
      break;
    }
  }
  let failingShare: number | null = null;
  let restoreSeconds: number | null = null;
  if (failedAt < Infinity) {
    failingShare = 0;
    for (let i = 0; i < trace.samples.length; i++) {
      const s = trace.samples[i]!;
      const last = i + 1 === trace.samples.length;
      // The stretches of time in effect at the failure (up to the instant it happened) and after it count.
      if (!last && trace.samples[i + 1]!.t < failedAt) continue;
      failingShare = Math.max(failingShare, s.traffic[to] ?? 0);
      // Restored at the first moment from the failure on when the previous version has all traffic.
      const inEffectFromFailure = last || trace.samples[i + 1]!.t > failedAt;
      if (restoreSeconds === null && inEffectFromFailure && (s.traffic[from] ?? 0) === 100) restoreSeconds = Math.max(0, s.t - failedAt);
    }
  }

  return {
    name: trace.scenario.name,
    strategy: describeStrategy(trace),
    outcome: trace.outcome,
    durationSeconds: end,
    minInService: lambda ? null : minInService === Infinity ? 0 : minInService,
    minInServicePercent: lambda || fleet === 0 ? null : round1(((minInService === Infinity ? 0 : minInService) / fleet) * 100),
    mixedVersionSeconds: round1(mixed),
    peakTargets: lambda ? null : peak,
    extraInstanceSeconds: lambda ? null : round1(extra),
    failingShare: failingShare === null ? null : round1(failingShare),
    restoreSeconds: restoreSeconds === null ? null : round1(restoreSeconds),
  };
}
