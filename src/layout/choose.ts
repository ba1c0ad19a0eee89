// "Help me choose": which strategies meet the constraints a learner ticks. Each
// constraint says where its verdict comes from — AWS's own comparison table
// (reference §1.1), the scenario validator (AWS's rules), or a measurement of
// the simulated trace (src/metrics) — and every verdict carries its reason.
// Pure: the candidates' measurements are made in src/app/choose-session.ts.
import { ebComparisonRow } from '../aws/eb-comparison.ts';
import type { RunMetrics } from '../metrics/metrics.ts';
import type { Strategy } from './compare-variants.ts';
import type { Fault } from '../scenario/types.ts';

export type ConstraintId = 'noCapacityLoss' | 'noDnsChange' | 'singleInstance' | 'cheapest' | 'fastestRollback';
export type VerdictSource = 'AWS table' | 'AWS docs' | 'validator' | 'measured' | 'AWS table + measured';

/**
 * What "fastest rollback" injects into a second run of every strategy, in place of
 * the scenario's faults: the new version is bad from the start (every target running
 * it fails its health checks and its validation hooks), so each strategy's own
 * detection and rollback rules decide (src/app/choose-session.ts, failingRaw).
 */
export const ROLLBACK_PROBE_FAULT = { type: 'BadVersion', at: 0 } as const satisfies Fault;

/** The probe in words, for the view: what was injected and how it is measured. */
export const ROLLBACK_PROBE_TEXT =
  'Measured on a second run of each strategy with one fault, BadVersion at 0 s, in place of the scenario\'s faults: the new version is bad from the start, ' +
  'so every target running it fails its health checks and its validation hooks (CodeDeploy Server: ValidateService, which runs before AllowTraffic). ' +
  'CodeDeploy runs with automatic rollback on DEPLOYMENT_FAILURE. Each strategy\'s own checks and rollback rules then decide how long until the previous version serves all production traffic again; 0 s means it never lost it.';

export interface Constraint {
  id: ConstraintId;
  label: string;
  /** How it is judged, in words, for the view. */
  how: string;
}

export const CONSTRAINTS: readonly Constraint[] = [
  { id: 'noCapacityLoss', label: 'No capacity loss', how: 'measured: the lowest in-service capacity never drops below 100 % of the fleet' },
  { id: 'noDnsChange', label: 'No DNS change', how: 'AWS\'s comparison table for Elastic Beanstalk (§1.1); for CodeDeploy, AWS\'s docs: traffic moves through the load balancer, the Lambda alias or the ECS listeners' },
  { id: 'singleInstance', label: 'Single-instance environment', how: 'validator: the strategy on a one-instance (SingleInstance) environment passes AWS\'s rules' },
  { id: 'cheapest', label: 'Cheapest', how: 'measured: the fewest extra instance-minutes among these strategies' },
  { id: 'fastestRollback', label: 'Fastest rollback', how: 'AWS\'s table: not "Manual redeploy"; then measured with the new version bad from the start (a BadVersion fault at 0 s; CodeDeploy: automatic rollback on DEPLOYMENT_FAILURE): quickest to give the previous version all traffic again' },
];

export interface Candidate {
  strategy: Strategy;
  /** Measured on the current scenario; undefined when the variant did not run. */
  metrics?: RunMetrics;
  /** Why the variant did not run (first problem), if it did not. */
  notRun?: string;
  /** The validator's verdict on a single-instance environment; undefined where it does not apply (Lambda, ECS). */
  singleInstance?: { ok: true } | { ok: false; reason: string };
  /** Measured with the new version failing; undefined when that run did not run. */
  failing?: RunMetrics;
}

export interface Verdict {
  ok: boolean;
  source: VerdictSource;
  why: string;
}

const minutes = (s: number) => `${(s / 60).toFixed(1)} instance-min`;

function judge(c: Candidate, id: ConstraintId, all: readonly Candidate[]): Verdict {
  const s = c.strategy;
  switch (id) {
    case 'noDnsChange': {
      if (s.family !== 'ElasticBeanstalk') return { ok: true, source: 'AWS docs', why: s.family === 'Lambda' ? 'the alias shifts traffic' : s.family === 'ECS' ? 'the listeners shift traffic' : 'the load balancer reroutes traffic' };
      const row = ebComparisonRow(s.policy)!;
      return { ok: row.noDnsChange, source: 'AWS table', why: row.noDnsChange ? 'No DNS change: Yes' : 'No DNS change: No (CNAME swap)' };
    }
    case 'singleInstance': {
      if (!c.singleInstance) return { ok: true, source: 'validator', why: 'no instances: does not apply' };
      return c.singleInstance.ok ? { ok: true, source: 'validator', why: 'valid on one instance' } : { ok: false, source: 'validator', why: c.singleInstance.reason };
    }
    case 'noCapacityLoss': {
      if (!c.metrics) return { ok: false, source: 'measured', why: `not run: ${c.notRun ?? 'invalid'}` };
      const p = c.metrics.minInServicePercent;
      if (p === null) return { ok: true, source: 'measured', why: 'no capacity: an alias routes traffic' };
      return { ok: p >= 100, source: 'measured', why: `lowest in service ${c.metrics.minInService} (${p} %)` };
    }
    case 'cheapest': {
      if (!c.metrics) return { ok: false, source: 'measured', why: `not run: ${c.notRun ?? 'invalid'}` };
      const cost = (m: RunMetrics) => m.extraInstanceSeconds ?? 0;
      const best = Math.min(...all.flatMap((x) => (x.metrics ? [cost(x.metrics)] : [])));
      const mine = cost(c.metrics);
      return { ok: mine <= best, source: 'measured', why: `${minutes(mine)} extra${mine <= best ? '' : ` (cheapest: ${minutes(best)})`}` };
    }
    case 'fastestRollback': {
      const row = s.family === 'ElasticBeanstalk' ? ebComparisonRow(s.policy)! : undefined;
      const source: VerdictSource = row ? 'AWS table + measured' : 'measured';
      if (row?.rollback === MANUAL) return { ok: false, source, why: `AWS: ${MANUAL}` };
      const m = c.failing;
      if (!m) return { ok: false, source, why: `not run: ${c.notRun ?? 'invalid'}` };
      const aws = row ? `AWS: ${row.rollback}; ` : '';
      const ended = `${m.outcome === 'RolledBack' ? 'rolled back' : `deployment ${m.outcome.toLowerCase()}`}; `;
      if (m.restoreSeconds === null) return { ok: false, source, why: `${aws}${ended}never restored` };
      const best = Math.min(...all.flatMap((x) => (automatic(x) && x.failing?.restoreSeconds != null ? [x.failing.restoreSeconds] : [])));
      const restored = m.restoreSeconds === 0 ? 'the previous version never lost its traffic' : `restored after ${Math.round(m.restoreSeconds)} s`;
      return { ok: m.restoreSeconds <= best, source, why: `${aws}${ended}${restored}` };
    }
  }
}

const MANUAL = 'Manual redeploy';
/** AWS's table says how a failed Elastic Beanstalk deployment is rolled back; "Manual redeploy" is no rollback of its own. */
const automatic = (c: Candidate) => c.strategy.family !== 'ElasticBeanstalk' || ebComparisonRow(c.strategy.policy)!.rollback !== MANUAL;

export interface Choice {
  candidate: Candidate;
  verdicts: Partial<Record<ConstraintId, Verdict>>;
  /** Meets every ticked constraint. */
  qualifies: boolean;
}

/** Every candidate with its verdict on each ticked constraint; the survivors qualify. */
export function choose(candidates: readonly Candidate[], ticked: ReadonlySet<ConstraintId>): Choice[] {
  return candidates.map((candidate) => {
    const verdicts: Partial<Record<ConstraintId, Verdict>> = {};
    for (const c of CONSTRAINTS) if (ticked.has(c.id)) verdicts[c.id] = judge(candidate, c.id, candidates);
    return { candidate, verdicts, qualifies: Object.values(verdicts).every((v) => v.ok) };
  });
}

