// Compare view: the strategies a scenario can be compared with, and each variant
// scenario derived from the current one (same fleet, timings, versions and
// faults; only the strategy's own fields change). Pure: the raw JSON in, a new
// raw JSON plus the list of fields that changed out, validated with the scenario
// validator so an invalid variant (Rolling on a SingleInstance environment, a
// ContinueDeployment on an in-place deployment) is reported, never simulated.
import { EB_POLICIES } from '../aws/eb-facts.ts';
import { configNamesFor } from '../aws/codedeploy-facts.ts';
import { validateScenario, type Problem } from '../scenario/validate.ts';
import type { DeploymentPolicy, DeploymentType, Scenario } from '../scenario/types.ts';

/** Strategies are compared within one family: they share targets and faults. */
export type Family = 'ElasticBeanstalk' | 'Server' | 'Lambda' | 'ECS';

export type Strategy =
  | { id: string; family: 'ElasticBeanstalk'; label: string; policy: DeploymentPolicy }
  | { id: string; family: 'Server'; label: string; deploymentType: DeploymentType; config: string }
  | { id: string; family: 'Lambda' | 'ECS'; label: string; config: string };

export const MIN_STRATEGIES = 2;
export const MAX_STRATEGIES = 6;

type Raw = Record<string, unknown>;
const obj = (x: unknown): Raw => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Raw) : {});

export function familyOf(scenario: Scenario): Family {
  return scenario.platform === 'ElasticBeanstalk' ? 'ElasticBeanstalk' : scenario.codeDeploy!.computePlatform;
}

const EB_LABEL: Record<DeploymentPolicy, string> = {
  AllAtOnce: 'AllAtOnce',
  Rolling: 'Rolling',
  RollingWithAdditionalBatch: 'RollingWithAdditionalBatch',
  Immutable: 'Immutable',
  TrafficSplitting: 'TrafficSplitting',
  BlueGreen: 'Blue/green (CNAME swap)',
};

/** Every strategy of a family, in AWS's order (EB's comparison table; CodeDeploy's configuration list). */
export function strategiesFor(family: Family): Strategy[] {
  if (family === 'ElasticBeanstalk') return EB_POLICIES.map((policy) => ({ id: `eb:${policy}`, family, label: EB_LABEL[policy], policy }));
  if (family === 'Server') {
    return (['IN_PLACE', 'BLUE_GREEN'] as const).flatMap((deploymentType) =>
      configNamesFor('Server').map((config) => ({
        id: `server:${deploymentType}:${config}`,
        family,
        label: `${deploymentType === 'IN_PLACE' ? 'In-place' : 'Blue/green'} ${config.replace('CodeDeployDefault.', '')}`,
        deploymentType,
        config,
      })),
    );
  }
  return configNamesFor(family).map((config) => ({ id: `${family.toLowerCase()}:${config}`, family, label: config.replace('CodeDeployDefault.', ''), config }));
}

/** The current scenario's own strategy, when it is one of the catalogue's. */
export function currentStrategyId(scenario: Scenario): string | undefined {
  const family = familyOf(scenario);
  return strategiesFor(family).find((s) => sameStrategy(s, scenario))?.id;
}

function sameStrategy(s: Strategy, scenario: Scenario): boolean {
  if (s.family === 'ElasticBeanstalk') return scenario.elasticBeanstalk?.DeploymentPolicy === s.policy;
  const cd = scenario.codeDeploy;
  if (!cd || cd.customDeploymentConfig) return false;
  if (s.family === 'Server') return cd.deploymentType === s.deploymentType && cd.deploymentConfigName === s.config;
  return cd.deploymentConfigName === s.config;
}

/**
 * The first pick: the current strategy and the next ones in the catalogue, three
 * in all, so the view opens with something to compare.
 */
export function defaultPicks(scenario: Scenario, count = 3): string[] {
  const all = strategiesFor(familyOf(scenario));
  const current = currentStrategyId(scenario);
  const start = Math.max(0, all.findIndex((s) => s.id === current));
  return Array.from({ length: Math.min(count, all.length) }, (_, k) => all[(start + k) % all.length]!.id);
}

export interface VariantSource {
  strategy: Strategy;
  raw: Raw;
  /** The fields that differ from the current scenario, in words ("DeploymentPolicy: AllAtOnce → Rolling"). */
  changes: string[];
}

export type Variant = VariantSource & ({ ok: true; scenario: Scenario } | { ok: false; problems: Problem[] });

const show = (v: unknown) => (v === undefined ? '(default)' : typeof v === 'string' ? v : JSON.stringify(v));

/**
 * The variant scenario for one strategy, derived from the current raw JSON and
 * its validated form (which knows the defaults, e.g. how many instances).
 * `questions` are dropped: they ask about the current scenario's targets and
 * timings, not the variant's.
 */
export function deriveVariant(raw: Raw, base: Scenario, strategy: Strategy): VariantSource {
  const out = structuredClone(raw);
  const changes: string[] = [];
  const set = (block: Raw, path: string, key: string, value: unknown) => {
    if (block[key] === value) return;
    changes.push(`${path}${key}: ${show(block[key])} → ${show(value)}`);
    block[key] = value;
  };
  const drop = (block: Raw, path: string, key: string) => {
    if (!(key in block)) return;
    changes.push(`${path}${key} removed`);
    delete block[key];
  };
  if (strategy.family === 'ElasticBeanstalk') {
    const eb = { ...obj(out.elasticBeanstalk) };
    set(eb, '', 'DeploymentPolicy', strategy.policy);
    const batched = strategy.policy === 'Rolling' || strategy.policy === 'RollingWithAdditionalBatch';
    // AWS's default batch is 100 %: a rolling deployment in one batch. When the
    // scenario names no batch size, compare with three batches (a simulator choice, listed in `changes`).
    if (batched && eb.BatchSize === undefined && eb.BatchSizeType === undefined) {
      const instances = base.elasticBeanstalk?.instances ?? 1;
      set(eb, '', 'BatchSizeType', 'Fixed');
      set(eb, '', 'BatchSize', Math.max(1, Math.ceil(instances / 3)));
    }
    out.elasticBeanstalk = eb;
  } else {
    const cd = { ...obj(out.codeDeploy) };
    if (strategy.family === 'Server') {
      set(cd, '', 'deploymentType', strategy.deploymentType);
      // EC2 blue/green reroutes through a load balancer (reference §2.3).
      if (strategy.deploymentType === 'BLUE_GREEN' && cd.loadBalancer === false) set(cd, '', 'loadBalancer', true);
      if (strategy.deploymentType === 'IN_PLACE') drop(cd, '', 'blueGreenDeploymentConfiguration');
    }
    drop(cd, '', 'customDeploymentConfig');
    set(cd, '', 'deploymentConfigName', strategy.config);
    out.codeDeploy = cd;
  }
  if ('questions' in out) {
    delete out.questions;
    changes.push('questions removed');
  }
  out.name = `${strategy.label}: ${String(raw.name ?? '')}`;
  return { strategy, raw: out, changes };
}

/** Derives and validates: an invalid variant carries its problems (path and reason) instead of a scenario. */
export function variantFor(raw: Raw, base: Scenario, strategy: Strategy): Variant {
  const source = deriveVariant(raw, base, strategy);
  const v = validateScenario(source.raw);
  return v.ok ? { ...source, ok: true, scenario: v.scenario } : { ...source, ok: false, problems: v.problems };
}

export function strategyById(id: string): Strategy | undefined {
  for (const family of ['ElasticBeanstalk', 'Server', 'Lambda', 'ECS'] as const) {
    const s = strategiesFor(family).find((x) => x.id === id);
    if (s) return s;
  }
  return undefined;
}
