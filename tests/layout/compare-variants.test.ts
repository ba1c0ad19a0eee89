// Variant scenarios for the compare view: which fields change for each strategy
// (and nothing else), and invalid variants reported with the validator's path.
import { describe, expect, it } from 'vitest';
import { EB_POLICIES } from '../../src/aws/eb-facts.ts';
import { configNamesFor } from '../../src/aws/codedeploy-facts.ts';
import {
  defaultPicks,
  deriveVariant,
  familyOf,
  strategiesFor,
  strategyById,
  variantFor,
  type Strategy,
} from '../../src/layout/compare-variants.ts';
import { readScenario, scenario, shippedScenarios } from '../helpers.ts';

type Raw = Record<string, any>;
const by = (id: string): Strategy => strategyById(id)!;

const ebRaw = (eb: Raw, extra: Raw = {}): Raw => ({
  name: 'fleet of 6',
  description: 'd',
  platform: 'ElasticBeanstalk',
  versions: { from: 'v1', to: 'v2' },
  elasticBeanstalk: { instances: 6, ...eb },
  faults: [{ type: 'UnhealthyInstance', target: 'i-3', at: 30 }],
  timings: { launch: 50 },
  ...extra,
});

/** Everything but the strategy's own block and the name. */
const rest = (raw: Raw) => {
  const { name: _n, elasticBeanstalk: _e, codeDeploy: _c, ...others } = raw;
  return others;
};

describe('strategies per family', () => {
  it('Elastic Beanstalk: every policy, in the order of AWS\'s comparison table', () => {
    expect(strategiesFor('ElasticBeanstalk').map((s) => s.family === 'ElasticBeanstalk' && s.policy)).toEqual([...EB_POLICIES]);
  });

  it('CodeDeploy Server: in-place and blue/green with each Server configuration', () => {
    const s = strategiesFor('Server');
    expect(s).toHaveLength(6);
    expect(s.filter((x) => x.family === 'Server' && x.deploymentType === 'IN_PLACE').map((x) => x.family === 'Server' && x.config)).toEqual(configNamesFor('Server'));
    expect(s.filter((x) => x.family === 'Server' && x.deploymentType === 'BLUE_GREEN')).toHaveLength(3);
  });

  it('Lambda and ECS: their canary, linear and all-at-once configurations', () => {
    expect(strategiesFor('Lambda').map((s) => s.family !== 'ElasticBeanstalk' && s.family !== 'Server' && s.config)).toEqual(configNamesFor('Lambda'));
    expect(strategiesFor('ECS').map((s) => s.label)).toContain('ECSLinear10PercentEvery3Minutes');
  });

  it('the first pick starts with the current strategy, three in all', () => {
    const base = scenario(ebRaw({ DeploymentPolicy: 'Immutable' }));
    expect(defaultPicks(base)).toEqual(['eb:Immutable', 'eb:TrafficSplitting', 'eb:BlueGreen']);
  });
});

describe('deriveVariant: only the strategy\'s fields change', () => {
  it('Elastic Beanstalk: DeploymentPolicy changes; fleet, timings, versions and faults stay', () => {
    const raw = ebRaw({ DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2 });
    const v = deriveVariant(raw, scenario(raw), by('eb:Immutable'));
    expect(v.raw.elasticBeanstalk).toEqual({ instances: 6, DeploymentPolicy: 'Immutable', BatchSizeType: 'Fixed', BatchSize: 2 });
    expect(rest(v.raw)).toEqual(rest(raw));
    expect(v.changes).toEqual(['DeploymentPolicy: Rolling → Immutable']);
    expect(v.raw.name).toBe('Immutable: fleet of 6');
  });

  it('a rolling policy on a scenario without a batch size gets three batches, and says so', () => {
    const raw = ebRaw({ DeploymentPolicy: 'AllAtOnce' });
    const v = deriveVariant(raw, scenario(raw), by('eb:RollingWithAdditionalBatch'));
    expect(v.raw.elasticBeanstalk).toMatchObject({ DeploymentPolicy: 'RollingWithAdditionalBatch', BatchSizeType: 'Fixed', BatchSize: 2 });
    expect(v.changes).toEqual(['DeploymentPolicy: AllAtOnce → RollingWithAdditionalBatch', 'BatchSizeType: (default) → Fixed', 'BatchSize: (default) → 2']);
  });

  it('the scenario\'s own batch size is kept for a rolling policy', () => {
    const raw = ebRaw({ DeploymentPolicy: 'AllAtOnce', BatchSizeType: 'Percentage', BatchSize: 50 });
    const v = deriveVariant(raw, scenario(raw), by('eb:Rolling'));
    expect(v.raw.elasticBeanstalk).toMatchObject({ BatchSizeType: 'Percentage', BatchSize: 50 });
    expect(v.changes).toHaveLength(1);
  });

  it('the current strategy changes nothing but the name', () => {
    const raw = ebRaw({ DeploymentPolicy: 'Rolling', BatchSize: 30 });
    const v = deriveVariant(raw, scenario(raw), by('eb:Rolling'));
    expect(v.changes).toEqual([]);
    expect({ ...v.raw, name: raw.name }).toEqual(raw);
  });

  it('never changes the scenario it derives from', () => {
    const raw = ebRaw({ DeploymentPolicy: 'AllAtOnce' }, { questions: [{ id: 'q', at: 0, ask: 'outcome' }] });
    const copy = structuredClone(raw);
    deriveVariant(raw, scenario(raw), by('eb:Rolling'));
    expect(raw).toEqual(copy);
  });

  it('drops questions: they ask about the current scenario', () => {
    const raw = ebRaw({ DeploymentPolicy: 'AllAtOnce' }, { questions: [{ id: 'q', at: 0, ask: 'outcome' }] });
    const v = deriveVariant(raw, scenario(raw), by('eb:Immutable'));
    expect(v.raw.questions).toBeUndefined();
    expect(v.changes).toContain('questions removed');
  });

  it('Server in-place → blue/green: deploymentType, and a load balancer where there was none', () => {
    const raw: Raw = { name: 's', platform: 'CodeDeploy', codeDeploy: { computePlatform: 'Server', instances: 4, loadBalancer: false, deploymentConfigName: 'CodeDeployDefault.OneAtATime' } };
    const v = variantFor(raw, scenario(raw), by('server:BLUE_GREEN:CodeDeployDefault.HalfAtATime'));
    expect(v.raw.codeDeploy).toEqual({ computePlatform: 'Server', instances: 4, loadBalancer: true, deploymentType: 'BLUE_GREEN', deploymentConfigName: 'CodeDeployDefault.HalfAtATime' });
    expect(v.ok).toBe(true);
  });

  it('Server blue/green → in-place: the blue/green configuration goes (the validator rejects it on IN_PLACE)', () => {
    const raw = readScenario('codedeploy/server-blue-green.json') as Raw;
    const v = variantFor(raw, scenario(raw), by('server:IN_PLACE:CodeDeployDefault.AllAtOnce'));
    expect((v.raw.codeDeploy as Raw).blueGreenDeploymentConfiguration).toBeUndefined();
    expect(v.changes).toContain('blueGreenDeploymentConfiguration removed');
    expect(v.ok).toBe(true);
  });

  it('Lambda: a custom configuration is replaced by the predefined one', () => {
    const raw = readScenario('codedeploy/lambda-custom-canary.json') as Raw;
    const v = variantFor(raw, scenario(raw), by('lambda:CodeDeployDefault.LambdaLinear10PercentEvery1Minute'));
    expect((v.raw.codeDeploy as Raw).customDeploymentConfig).toBeUndefined();
    expect((v.raw.codeDeploy as Raw).deploymentConfigName).toBe('CodeDeployDefault.LambdaLinear10PercentEvery1Minute');
    expect(v.ok && v.scenario.codeDeploy!.deploymentConfigName).toBe('CodeDeployDefault.LambdaLinear10PercentEvery1Minute');
  });
});

describe('variantFor: an invalid variant is reported, not run', () => {
  it('Rolling on a SingleInstance environment: the validator names the rule and the path', () => {
    const raw = readScenario('elastic-beanstalk/immutable-single-instance.json') as Raw;
    const v = variantFor(raw, scenario(raw), by('eb:Rolling'));
    expect(v.ok).toBe(false);
    expect(!v.ok && v.problems.map((p) => p.path)).toContain('/elasticBeanstalk/DeploymentPolicy');
    expect(!v.ok && v.problems[0]!.message).toMatch(/load-balanced/);
  });

  it('a SwapEnvironmentCNAMEs input makes every policy but BlueGreen invalid', () => {
    const raw = readScenario('elastic-beanstalk/blue-green-swap-back.json') as Raw;
    const base = scenario(raw);
    const results = strategiesFor('ElasticBeanstalk').map((s) => [s.id, variantFor(raw, base, s).ok]);
    expect(Object.fromEntries(results)).toMatchObject({ 'eb:BlueGreen': true, 'eb:Rolling': false, 'eb:Immutable': false });
  });

  it('every shipped scenario × every strategy of its family: valid, or problems with a path; faults kept', () => {
    let valid = 0;
    for (const file of shippedScenarios()) {
      const raw = readScenario(file) as Raw;
      const base = scenario(raw);
      for (const s of strategiesFor(familyOf(base))) {
        const v = variantFor(raw, base, s);
        if (v.ok) {
          valid++;
          expect(v.scenario.faults, `${file} as ${s.id}`).toEqual(base.faults);
          expect(v.scenario.versions).toEqual(base.versions);
          expect(v.scenario.timings).toEqual(base.timings);
        } else expect(v.problems.length, `${file} as ${s.id}`).toBeGreaterThan(0);
      }
    }
    expect(valid).toBeGreaterThan(100);
  });
});

describe('strategy labels in the compare view\'s label column', () => {
  it('break where a word starts, so labels that differ only at the end stay apart', async () => {
    const { wrapLabel } = await import('../../src/layout/strip.ts');
    expect(wrapLabel('Rolling', 26)).toEqual(['Rolling']);
    expect(wrapLabel('LambdaCanary10Percent5Minutes', 26)).toEqual(['LambdaCanary10Percent', '5Minutes']);
    expect(wrapLabel('LambdaCanary10Percent15Minutes', 26)).toEqual(['LambdaCanary10Percent', '15Minutes']);
    expect(wrapLabel('LambdaLinear10PercentEvery10Minutes', 26)).toEqual(['LambdaLinear10PercentEvery', '10Minutes']);
    expect(wrapLabel('x'.repeat(60), 26)).toEqual(['x'.repeat(26), `${'x'.repeat(25)}…`]);
  });
});
