// Invalid input gets a clear error for every problem, with the JSON path and what was expected.
import { describe, expect, it } from 'vitest';
import { validateText } from '../../src/scenario/validate.ts';
import { problems, scenario } from '../helpers.ts';

const base = { name: 'x', platform: 'ElasticBeanstalk' };
const ebWith = (settings: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  problems({ ...base, elasticBeanstalk: { instances: 4, ...settings }, ...extra });

describe('scenario validation', () => {
  it('fills every default the AWS way', () => {
    const s = scenario({ platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 3 } });
    expect(s.versions).toEqual({ from: 'v1', to: 'v2' });
    expect(s.elasticBeanstalk).toMatchObject({
      environmentType: 'LoadBalanced',
      DeploymentPolicy: 'AllAtOnce',
      BatchSizeType: 'Percentage',
      BatchSize: 100,
      Timeout: 600,
      IgnoreHealthCheck: false,
      NewVersionPercent: 10,
      EvaluationTime: 5,
    });
    expect(s.faults).toEqual([]);
    expect(s.timings).toMatchObject({ healthCheckInterval: 15, healthyThreshold: 3, unhealthyThreshold: 5, deregistration: 20 });
    expect(s.timings.steps.predeploy).toBeGreaterThan(0);
  });

  it('reports ranges with the path and the bound', () => {
    expect(ebWith({ BatchSize: 0 })).toContain('/elasticBeanstalk/BatchSize: must be ≥ 1 (got 0)');
    expect(ebWith({ Timeout: 4000 })).toContain('/elasticBeanstalk/Timeout: must be ≤ 3600 (got 4000)');
    expect(ebWith({ EvaluationTime: 2 })).toContain('/elasticBeanstalk/EvaluationTime: must be ≥ 3 (got 2)');
    expect(ebWith({ NewVersionPercent: 101 })).toContain('/elasticBeanstalk/NewVersionPercent: must be ≤ 100 (got 101)');
    expect(ebWith({ instances: 0 })).toContain('/elasticBeanstalk/instances: must be ≥ 1 (got 0)');
  });

  it('lists every problem at once', () => {
    const found = ebWith({ BatchSize: 0, Timeout: 0, IgnoreHealthCheck: 'yes' });
    expect(found).toHaveLength(3);
    expect(found).toContain('/elasticBeanstalk/IgnoreHealthCheck: must be true or false (got "yes")');
  });

  it('reports AWS rule violations beside structural problems, so every problem shows at once', () => {
    expect(ebWith({ instances: 1, environmentType: 'SingleInstance', DeploymentPolicy: 'Rolling', BatchSzie: 2 })).toEqual([
      expect.stringMatching(/^\/elasticBeanstalk\/BatchSzie: unknown field/),
      '/elasticBeanstalk/DeploymentPolicy: Rolling needs a load-balanced environment; this environment is SingleInstance',
    ]);
    // A rule about a field whose value is already wrong is not repeated.
    expect(ebWith({ instances: 'two', environmentType: 'SingleInstance' })).toEqual(['/elasticBeanstalk/instances: must be a whole number (got "two")']);
    // Nor a rule inside or around a field the schema already refused; a sibling's rule stays.
    expect(ebWith({}, { faults: [{ type: 'UnhealthyInstance', target: 'i-9', bogus: 1 }] })).toEqual([expect.stringMatching(/^\/faults\/0\/bogus: unknown field/), '/faults/0/target: no instance "i-9" in this deployment; expected i-1 … i-4 (4 running)']);
    expect(ebWith({}, { faults: [{ type: 'UnhealthyInstance', target: 'i-9' }, { type: 'UnhealthyInstance', target: 'i-1', at: -1 }] })).toEqual([
      '/faults/1/at: must be ≥ 0 (got -1)',
      '/faults/0/target: no instance "i-9" in this deployment; expected i-1 … i-4 (4 running)',
    ]);
  });

  it('rejects unknown fields, suggesting the likely spelling', () => {
    expect(ebWith({ BatchSzie: 2 })[0]).toMatch(/^\/elasticBeanstalk\/BatchSzie: unknown field \(did you mean "BatchSize"\?\)/);
    expect(problems({ ...base, elasticBeanstalk: { instances: 1 }, fault: [] })[0]).toMatch(/^\/fault: unknown field \(did you mean "faults"\?\)/);
  });

  it('rejects misspelt AWS names, suggesting AWS\'s spelling', () => {
    expect(ebWith({ DeploymentPolicy: 'rolling' })[0]).toMatch(/^\/elasticBeanstalk\/DeploymentPolicy: "rolling" is not allowed \(did you mean "Rolling"\?\); expected one of: AllAtOnce, Rolling/);
  });

  it('enforces AWS\'s own rules for environments and batch sizes', () => {
    expect(ebWith({ instances: 1, environmentType: 'SingleInstance', DeploymentPolicy: 'Rolling' })).toEqual([
      '/elasticBeanstalk/DeploymentPolicy: Rolling needs a load-balanced environment; this environment is SingleInstance',
    ]);
    expect(ebWith({ instances: 1, environmentType: 'SingleInstance', DeploymentPolicy: 'TrafficSplitting' })[0]).toMatch(/TrafficSplitting needs an Application Load Balancer/);
    expect(ebWith({ instances: 1, environmentType: 'SingleInstance', DeploymentPolicy: 'RollingWithAdditionalBatch' })).toHaveLength(1);
    expect(ebWith({ instances: 2, environmentType: 'SingleInstance' })).toEqual(['/elasticBeanstalk/instances: must be 1 in a SingleInstance environment (got 2)']);
    expect(ebWith({ BatchSizeType: 'Percentage', BatchSize: 150 })).toEqual(['/elasticBeanstalk/BatchSize: must be ≤ 100 when BatchSizeType is Percentage (got 150)']);
    expect(ebWith({ BatchSizeType: 'Fixed', BatchSize: 5, MaxSize: 4 })).toEqual(['/elasticBeanstalk/BatchSize: must be ≤ MaxSize (4) when BatchSizeType is Fixed (got 5)']);
    expect(ebWith({ instances: 1, environmentType: 'SingleInstance', DeploymentPolicy: 'Immutable' })).toEqual([]);
  });

  it('checks faults against the deployment', () => {
    expect(ebWith({}, { faults: [{ type: 'UnhealthyInstance', target: 'i-9' }] })).toEqual([
      '/faults/0/target: no instance "i-9" in this deployment; expected i-1 … i-4 (4 running)',
    ]);
    expect(ebWith({ DeploymentPolicy: 'Immutable' }, { faults: [{ type: 'UnhealthyInstance', target: 'i-8' }] })).toEqual([]);
    expect(ebWith({}, { faults: [{ type: 'HookFailure', event: 'predeploi' }] })[0]).toMatch(/^\/faults\/0\/event: "predeploi" is not an Elastic Beanstalk workflow step \(did you mean "predeploy"\?\)/);
    expect(ebWith({}, { faults: [{ type: 'Alarm', at: 5 }] })[0]).toMatch(/^\/faults\/0\/type: Alarm is a CodeDeploy input/);
    expect(ebWith({}, { faults: [{ type: 'ContinueDeployment', at: 5, deploymentWaitType: 'READY_WAIT' }] })[0]).toMatch(/^\/faults\/0\/type: ContinueDeployment is a CodeDeploy input/);
    expect(ebWith({ DeploymentPolicy: 'Rolling' }, { faults: [{ type: 'SwapEnvironmentCNAMEs', at: 5 }] })).toEqual([
      '/faults/0/type: SwapEnvironmentCNAMEs swaps the CNAMEs of a blue/green pair of environments; DeploymentPolicy is Rolling, not BlueGreen',
    ]);
    expect(ebWith({ DeploymentPolicy: 'BlueGreen' }, { faults: [{ type: 'SwapEnvironmentCNAMEs', at: 5 }] })).toEqual([]);
    expect(ebWith({}, { faults: [{ type: 'Explode' }] })[0]).toMatch(/^\/faults\/0\/type: unknown fault type "Explode"; expected one of: UnhealthyInstance, BadVersion/);
    expect(ebWith({}, { faults: [{ type: 'AbortDeployment' }] })).toEqual(['/faults/0/at: is required']);
  });

  it('needs the block that matches the platform, and two different versions', () => {
    expect(problems({ ...base })).toEqual(['/elasticBeanstalk: is required when platform is "ElasticBeanstalk"']);
    expect(problems({ name: 'x' })).toEqual(['/platform: is required']);
    expect(problems({ ...base, elasticBeanstalk: { instances: 1 }, versions: { from: 'a', to: 'a' } })).toEqual([
      '/versions/to: must differ from versions.from (both are "a")',
    ]);
  });

  it('reports JSON syntax errors with line and column', () => {
    const result = validateText('{\n  "name": "x",\n  "platform": \n}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/^not valid JSON at line 4, column 1/);
    const notObject = validateText('[1, 2]');
    expect(notObject.ok ? [] : notObject.problems.map((p) => p.message)).toEqual(['a scenario must be a JSON object']);
  });
});
