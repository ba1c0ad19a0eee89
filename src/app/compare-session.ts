// Session logic of the compare view, pure and testable in Node: build the runs
// (one variant scenario per picked strategy, validated, simulated, measured),
// and fork all of them when a fault is injected at the shared playhead. Each run
// keeps its own injected faults, since one run may refuse a fault another takes
// (its deployment is already over). Reuses session.ts and layout/fork.ts.
import { simulate } from '../engine/simulate.ts';
import { computeMetrics, type RunMetrics } from '../metrics/metrics.ts';
import { buildIndex, nextEventTime, previousEventTime, type TraceIndex } from '../layout/frame.ts';
import { strategyById, variantFor, type Strategy, type Variant } from '../layout/compare-variants.ts';
import type { Injection } from '../layout/fork.ts';
import type { Fault, Scenario } from '../scenario/types.ts';
import type { Problem } from '../scenario/validate.ts';
import { faultsOf, planInjection, reportInjection } from './session.ts';

type Raw = Record<string, unknown>;

export interface CompareRun {
  strategy: Strategy;
  /** The fields that differ from the current scenario, in words. */
  changes: string[];
  /** Faults injected in the compare view, after the scenario's own. */
  injected: Fault[];
  /** Present when the variant validated and simulated. */
  index?: TraceIndex;
  metrics?: RunMetrics;
  /** Why the variant is not run: the validator's problems, or the engine's error. */
  problems?: Problem[];
}

function withInjected(raw: Raw, injected: readonly Fault[]): Raw {
  return injected.length ? { ...raw, faults: [...faultsOf(raw), ...injected] } : raw;
}

/** Simulates one strategy over the current scenario plus the faults injected in this view. */
export function runStrategy(raw: Raw, base: Scenario, strategy: Strategy, injected: readonly Fault[] = []): CompareRun {
  const variant: Variant = variantFor(withInjected(raw, injected), base, strategy);
  const run: CompareRun = { strategy, changes: variant.changes, injected: [...injected] };
  if (!variant.ok) return { ...run, problems: variant.problems };
  try {
    const index = buildIndex(simulate(variant.scenario));
    return { ...run, index, metrics: computeMetrics(index.trace) };
  } catch (e) {
    return { ...run, problems: [{ path: '', message: `the engine could not simulate it: ${e instanceof Error ? e.message : String(e)}` }] };
  }
}

/** The runs for the picked strategy ids (unknown ids are skipped). */
export function buildRuns(raw: Raw, base: Scenario, ids: readonly string[]): CompareRun[] {
  return ids.flatMap((id) => {
    const s = strategyById(id);
    return s ? [runStrategy(raw, base, s)] : [];
  });
}

export interface ForkAll {
  runs: CompareRun[];
  /** Per run (same order): what the fault changed, or why that run refused it; undefined for a run that is not simulated. */
  reports: (Injection | undefined)[];
}

/**
 * Injects `fault` into every run: each run checks it against its own trace
 * (session.planInjection → fork.checkFault), re-simulates when accepted and
 * reports what changed (fork.compareForks).
 */
export function injectAll(raw: Raw, base: Scenario, runs: readonly CompareRun[], fault: Fault): ForkAll {
  const out: CompareRun[] = [];
  const reports: (Injection | undefined)[] = [];
  for (const run of runs) {
    if (!run.index) {
      out.push(run);
      reports.push(undefined);
      continue;
    }
    const list = { raw: withInjected(raw, run.injected), userFaults: new Set<number>() };
    const plan = planInjection(run.index, list, fault);
    if (!plan.ok) {
      out.push(run);
      reports.push(plan.refused);
      continue;
    }
    const next = runStrategy(raw, base, run.strategy, [...run.injected, fault]);
    out.push(next);
    reports.push(next.index ? reportInjection(run.index.trace, next.index.trace, fault, faultsOf(raw).length + run.injected.length) : undefined);
  }
  return { runs: out, reports };
}

/** Runs without the faults injected in this view. */
export function clearInjected(raw: Raw, base: Scenario, runs: readonly CompareRun[]): CompareRun[] {
  return runs.map((r) => (r.injected.length ? runStrategy(raw, base, r.strategy) : r));
}

/** The shared time axis: the longest run decides. */
export function sharedDuration(runs: readonly CompareRun[]): number {
  return Math.max(0, ...runs.map((r) => r.index?.duration ?? 0));
}

/** Next and previous event over all runs: the nearest stop any of them has. */
export function nextEventOfAll(runs: readonly CompareRun[], t: number): number {
  const all = runs.flatMap((r) => (r.index ? [nextEventTime(r.index, t)] : []));
  return all.length ? Math.min(...all.filter((x) => x > t + 1e-6), sharedDuration(runs)) : t;
}

export function previousEventOfAll(runs: readonly CompareRun[], t: number): number {
  const all = runs.flatMap((r) => (r.index ? [previousEventTime(r.index, t)] : []));
  return all.length ? Math.max(...all.filter((x) => x < t - 1e-6), 0) : 0;
}
