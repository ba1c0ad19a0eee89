// "Help me choose", the measuring half: every strategy of the current scenario's
// family is run as a variant (same fleet, timings, faults), once as it is and
// once with the new version bad from the start (what "fastest rollback"
// measures), and checked by the validator on a single-instance environment. src/layout/choose.ts judges the results.
import { strategiesFor, familyOf, deriveVariant, type Strategy } from '../layout/compare-variants.ts';
import { ROLLBACK_PROBE_FAULT, type Candidate } from '../layout/choose.ts';
import { validateScenario } from '../scenario/validate.ts';
import type { Scenario } from '../scenario/types.ts';
import { runStrategy } from './compare-session.ts';

type Raw = Record<string, unknown>;

/** The scenario on one instance: EB's SingleInstance environment, or a one-instance Server deployment group. */
export function singleInstanceRaw(raw: Raw, strategy: Strategy): Raw | undefined {
  if (strategy.family === 'Lambda' || strategy.family === 'ECS') return undefined;
  const key = strategy.family === 'ElasticBeanstalk' ? 'elasticBeanstalk' : 'codeDeploy';
  const block = { ...(raw[key] as Raw | undefined), instances: 1 } as Raw;
  if (strategy.family === 'ElasticBeanstalk') block.environmentType = 'SingleInstance';
  // Faults that name other instances would fail validation for a reason that is not the strategy's.
  return { ...raw, [key]: block, faults: [] };
}

/**
 * The same scenario with the new version bad from the start (ROLLBACK_PROBE_FAULT,
 * in place of the scenario's faults) and, for CodeDeploy, automatic rollback on
 * DEPLOYMENT_FAILURE. Bad from the start, not from its first production traffic:
 * CodeDeploy with a load balancer runs ValidateService before AllowTraffic, so a
 * version turning bad only once it serves would fail no validation on AllAtOnce,
 * HalfAtATime or blue/green and could never be rolled back. From the start, each
 * strategy's own checks (health checks, validation hooks) and its own rollback
 * rules decide how fast the previous version has all traffic again.
 */
export function failingRaw(raw: Raw, strategy: Strategy): Raw {
  const out: Raw = { ...raw, faults: [{ ...ROLLBACK_PROBE_FAULT }] };
  if (strategy.family !== 'ElasticBeanstalk') out.codeDeploy = { ...(raw.codeDeploy as Raw | undefined), autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE'] } };
  return out;
}

export function measureCandidates(raw: Raw, base: Scenario): Candidate[] {
  return strategiesFor(familyOf(base)).map((strategy) => {
    const run = runStrategy(raw, base, strategy);
    const candidate: Candidate = { strategy };
    if (run.metrics) candidate.metrics = run.metrics;
    else candidate.notRun = run.problems?.[0] ? `${run.problems[0].path || '/'} ${run.problems[0].message}` : 'invalid';
    const failing = runStrategy(failingRaw(raw, strategy), base, strategy);
    if (failing.metrics) candidate.failing = failing.metrics;
    const single = singleInstanceRaw(raw, strategy);
    if (single) {
      const v = validateScenario(deriveVariant(single, base, strategy).raw);
      candidate.singleInstance = v.ok ? { ok: true } : { ok: false, reason: v.problems[0]!.message };
    }
    return candidate;
  });
}
