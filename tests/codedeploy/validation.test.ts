// CodeDeploy scenario validation: invalid combinations get one clear problem each,
// naming the field and what is expected; defaults are filled per the reference.
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenario/validate.ts';
import { problems, readScenario, scenario, shippedScenarios } from '../helpers.ts';

const invalid = (codeDeploy: Record<string, unknown>, faults: unknown[] = []) =>
  problems({ name: 't', platform: 'CodeDeploy', codeDeploy, faults });

describe('invalid combinations', () => {
  it.each([
    [{ computePlatform: 'Lambda', deploymentType: 'IN_PLACE', deploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce' }, '/codeDeploy/deploymentType: Lambda deployments are always BLUE_GREEN; IN_PLACE exists only for Server'],
    [{ computePlatform: 'ECS', deploymentType: 'IN_PLACE', deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce' }, '/codeDeploy/deploymentType: ECS deployments are always BLUE_GREEN; IN_PLACE exists only for Server'],
    [{ computePlatform: 'Server', deploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce' }, /^\/codeDeploy\/deploymentConfigName: CodeDeployDefault.LambdaAllAtOnce is a Lambda configuration; this deployment's computePlatform is Server/],
    [{ computePlatform: 'ECS', deploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes' }, /is a Lambda configuration; .*expected one of: CodeDeployDefault.ECSCanary10Percent5Minutes/],
    [{ computePlatform: 'Lambda' }, /^\/codeDeploy\/deploymentConfigName: is required for Lambda/],
    [{ computePlatform: 'ECS', deploymentConfigName: 'CodeDeployDefault.ECSLinear10PercentEvery1Minute' }, /did you mean "CodeDeployDefault.ECSLinear10PercentEvery1Minutes"/],
    [{ deploymentType: 'BLUE_GREEN', loadBalancer: false }, /^\/codeDeploy\/loadBalancer: EC2 blue\/green deployments need a load balancer/],
    [{ computePlatform: 'Lambda', deploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce', instances: 3 }, /^\/codeDeploy\/instances: Lambda deployments have no instances/],
    [{ computePlatform: 'Lambda', deploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce', ignoreApplicationStopFailures: true }, /^\/codeDeploy\/ignoreApplicationStopFailures: exists only for Server/],
    [{ customDeploymentConfig: { trafficRoutingConfig: { type: 'AllAtOnce' } } }, /trafficRoutingConfig: traffic routing is for Lambda and ECS; a Server configuration sets minimumHealthyHosts/],
    [{ computePlatform: 'Lambda', customDeploymentConfig: { minimumHealthyHosts: { type: 'HOST_COUNT', value: 1 } } }, /minimum healthy hosts is for Server/],
    [{ customDeploymentConfig: { minimumHealthyHosts: { type: 'FLEET_PERCENT', value: 150 } } }, /FLEET_PERCENT is a percentage of the fleet: must be 0–100/],
    [{ deploymentConfigName: 'CodeDeployDefault.Mine', customDeploymentConfig: { minimumHealthyHosts: { type: 'HOST_COUNT', value: 1 } } }, /AWS reserves for predefined configurations/],
    [{ computePlatform: 'ECS', customDeploymentConfig: { trafficRoutingConfig: { type: 'TimeBasedCanary' } } }, /timeBasedCanary: is required when type is TimeBasedCanary/],
    [{ autoRollbackConfiguration: { enabled: true, events: [] } }, /automatic rollback is enabled but lists no events/],
    [{ blueGreenDeploymentConfiguration: { terminateBlueInstancesOnDeploymentSuccess: { action: 'KEEP_ALIVE' } } }, /blueGreenDeploymentConfiguration: applies to BLUE_GREEN deployments; this one is IN_PLACE/],
    [{ computePlatform: 'ECS', deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce', blueGreenDeploymentConfiguration: { terminateBlueInstancesOnDeploymentSuccess: { action: 'KEEP_ALIVE' } } }, /ECS removes the original task set/],
    [{ computePlatform: 'Lambda', deploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce', blueGreenDeploymentConfiguration: {} }, /Lambda deployments shift an alias/],
    [{ deploymentType: 'BLUE_GREEN', blueGreenDeploymentConfiguration: { deploymentReadyOption: { actionOnTimeout: 'STOP_DEPLOYMENT' } } }, /STOP_DEPLOYMENT needs a waitTimeInMinutes/],
  ])('%j', (settings, expected) => {
    const found = invalid(settings as Record<string, unknown>);
    expect(found.length).toBe(1);
    if (typeof expected === 'string') expect(found[0]).toBe(expected);
    else expect(found[0]).toMatch(expected);
  });

  it('a custom canary above 99% per increment is rejected by AWS\'s bounds', () => {
    const found = invalid({
      computePlatform: 'Lambda',
      customDeploymentConfig: { trafficRoutingConfig: { type: 'TimeBasedCanary', timeBasedCanary: { canaryPercentage: 100, canaryInterval: 5 } } },
    });
    expect(found).toEqual(['/codeDeploy/customDeploymentConfig/trafficRoutingConfig/timeBasedCanary/canaryPercentage: must be ≤ 99 (got 100)']);
  });
});

describe('faults', () => {
  it.each([
    [{}, { type: 'HookFailure', event: 'Install' }, /^\/faults\/0\/event: Install is reserved for CodeDeploy: no AppSpec script runs in it/],
    [{ loadBalancer: false }, { type: 'HookFailure', event: 'BeforeBlockTraffic' }, /^\/faults\/0\/event: BeforeBlockTraffic runs only when the instances sit behind a load balancer/],
    [{}, { type: 'HookFailure', event: 'AfterInstal' }, /did you mean "AfterInstall"/],
    [{ computePlatform: 'Lambda', deploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce' }, { type: 'HookFailure', event: 'AfterInstall' }, /is not a lifecycle event of a Lambda deployment; expected one of: BeforeAllowTraffic, AfterAllowTraffic/],
    [{ instances: 3 }, { type: 'HookFailure', target: 'i-4', event: 'AfterInstall' }, /^\/faults\/0\/target: no instance "i-4" in this deployment; expected i-1 … i-3/],
    [{ instances: 3, deploymentType: 'BLUE_GREEN' }, { type: 'UnhealthyInstance', target: 'i-7' }, /expected i-1 … i-6 \(i-1 … i-3 are the originals, i-4 … i-6 the replacements\)/],
    [{ computePlatform: 'ECS', deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce' }, { type: 'UnhealthyInstance', target: 'i-1' }, /UnhealthyInstance is about EC2 instances; an ECS deployment has none/],
    [{ computePlatform: 'ECS', deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce' }, { type: 'HookFailure', target: 'original-task-set', event: 'AfterInstall' }, /the original task set runs no hooks/],
    [{}, { type: 'AbortDeployment', at: 10 }, /AbortDeployment is an Elastic Beanstalk input; CodeDeploy deployments take StopDeployment/],
    [{}, { type: 'SwapEnvironmentCNAMEs', at: 10 }, /SwapEnvironmentCNAMEs is an Elastic Beanstalk input/],
    [{ deploymentType: 'IN_PLACE' }, { type: 'ContinueDeployment', at: 10, deploymentWaitType: 'READY_WAIT' }, /ContinueDeployment continues an EC2\/on-premises blue\/green deployment/],
    [{ deploymentType: 'BLUE_GREEN' }, { type: 'ContinueDeployment', at: 10 }, /^\/faults\/0\/deploymentWaitType: is required/],
  ])('%j %j', (settings, fault, expected) => {
    const found = invalid(settings as Record<string, unknown>, [fault]);
    expect(found.length).toBe(1);
    expect(found[0]).toMatch(expected);
  });
});

describe('defaults', () => {
  it('Server: IN_PLACE, CodeDeployDefault.OneAtATime, no load balancer, rollback off', () => {
    const s = scenario({ platform: 'CodeDeploy', codeDeploy: { instances: 2 } }).codeDeploy!;
    expect(s).toEqual({
      computePlatform: 'Server',
      deploymentType: 'IN_PLACE',
      deploymentConfigName: 'CodeDeployDefault.OneAtATime',
      instances: 2,
      loadBalancer: false,
      autoRollbackConfiguration: { enabled: false, events: [] },
      ignoreApplicationStopFailures: false,
    });
  });

  it('Server blue/green: a load balancer, CONTINUE_DEPLOYMENT, TERMINATE after 60 minutes, COPY_AUTO_SCALING_GROUP', () => {
    const s = scenario({ platform: 'CodeDeploy', codeDeploy: { deploymentType: 'BLUE_GREEN' } }).codeDeploy!;
    expect(s.loadBalancer).toBe(true);
    expect(s.blueGreenDeploymentConfiguration).toEqual({
      deploymentReadyOption: { actionOnTimeout: 'CONTINUE_DEPLOYMENT', waitTimeInMinutes: 0 },
      terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 60 },
      greenFleetProvisioningOption: { action: 'COPY_AUTO_SCALING_GROUP' },
    });
  });

  it('Lambda and ECS are BLUE_GREEN with no instances', () => {
    const l = scenario({ platform: 'CodeDeploy', codeDeploy: { computePlatform: 'Lambda', deploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce' } }).codeDeploy!;
    expect([l.deploymentType, l.instances, l.loadBalancer]).toEqual(['BLUE_GREEN', 0, false]);
    const e = scenario({ platform: 'CodeDeploy', codeDeploy: { computePlatform: 'ECS', deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce' } }).codeDeploy!;
    expect([e.deploymentType, e.instances, e.loadBalancer]).toEqual(['BLUE_GREEN', 0, true]);
  });

  it.each(shippedScenarios().filter((f) => f.startsWith('codedeploy/')))('%s: the filled scenario validates again to itself', (rel) => {
    const first = validateScenario(readScenario(rel));
    if (!first.ok) throw new Error(JSON.stringify(first.problems));
    const again = validateScenario(JSON.parse(JSON.stringify(first.scenario)));
    expect(again.ok && again.scenario).toEqual(first.scenario);
  });
});
