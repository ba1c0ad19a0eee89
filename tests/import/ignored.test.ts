// Settings deploysim does not model are never dropped silently: the ones not covered
// by the per-format tests, each listed as ignored with its path.
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/import/import.ts';
import { loose, noted } from './helpers.ts';

const lambdaAppSpec = 'version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n      Properties: {Name: f, Alias: live, CurrentVersion: "1", TargetVersion: "2"}\n';

describe('ignored settings', () => {
  it('CloudFormation: the environment\'s platform, tier, role and tags; the application\'s tags; a deployment\'s description', () => {
    const template = `Resources:
  Env:
    Type: AWS::ElasticBeanstalk::Environment
    Properties:
      ApplicationName: shop
      PlatformArn: arn:aws:elasticbeanstalk:eu-west-1::platform/Python
      Tier: {Name: WebServer, Type: Standard}
      OperationsRole: arn:aws:iam::1:role/ops
      Tags: [{Key: team, Value: web}]
      OptionSettings: []
`;
    expect(noted(importFiles(loose({ 'env.yaml': template })), 'ignored')).toEqual(
      ['PlatformArn', 'Tier', 'OperationsRole', 'Tags'].map((k) => `Resources.Env.Properties.${k}`),
    );
    const cd = `Resources:
  App:
    Type: AWS::CodeDeploy::Application
    Properties: {ComputePlatform: Server, Tags: [{Key: team, Value: web}]}
  Group:
    Type: AWS::CodeDeploy::DeploymentGroup
    Properties:
      ApplicationName: !Ref App
      Deployment: {Description: nightly}
`;
    expect(noted(importFiles(loose({ 'cd.yaml': cd })), 'ignored')).toEqual(['Resources.App.Properties.Tags', 'Resources.Group.Properties.Deployment.Description']);
  });

  it('a second AppSpec resource, and a second deployment group', () => {
    const two = lambdaAppSpec + '  - other:\n      Type: AWS::Lambda::Function\n      Properties: {Name: g, Alias: live, CurrentVersion: "1", TargetVersion: "2"}\n';
    expect(noted(importFiles(loose({ 'appspec.yml': two })), 'ignored')).toEqual(['Resources[1]']);
    const groups = 'Resources:\n  A:\n    Type: AWS::CodeDeploy::DeploymentGroup\n    Properties: {ApplicationName: a}\n  B:\n    Type: AWS::CodeDeploy::DeploymentGroup\n    Properties: {ApplicationName: b}\n';
    expect(noted(importFiles(loose({ 'g.yaml': groups })), 'ignored')).toEqual(['Resources.B.Properties']);
  });

  it('blue/green options on a group that is not blue/green, and configuration fields of the other platform family', () => {
    const group = JSON.stringify({
      deploymentGroupInfo: {
        computePlatform: 'Server',
        deploymentStyle: { deploymentType: 'IN_PLACE', deploymentOption: 'WITHOUT_TRAFFIC_CONTROL' },
        blueGreenDeploymentConfiguration: { terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 60 } },
      },
    });
    expect(noted(importFiles(loose({ 'g.json': group })), 'ignored')).toEqual(['deploymentGroupInfo.blueGreenDeploymentConfiguration']);

    const lambdaConfig = JSON.stringify({ deploymentConfigInfo: { deploymentConfigName: 'mine', computePlatform: 'Lambda', minimumHealthyHosts: { type: 'FLEET_PERCENT', value: 0 }, trafficRoutingConfig: { type: 'AllAtOnce' } } });
    const r = importFiles(loose({ 'c.json': lambdaConfig, 'appspec.yml': lambdaAppSpec }));
    expect(r.ok && r.scenario.codeDeploy).toEqual({ computePlatform: 'Lambda', deploymentConfigName: 'mine', customDeploymentConfig: { trafficRoutingConfig: { type: 'AllAtOnce' } } });
    expect(noted(r, 'ignored')).toEqual(['deploymentConfigInfo.minimumHealthyHosts']);

    const serverConfig = JSON.stringify({ deploymentConfigInfo: { deploymentConfigName: 'mine', computePlatform: 'Server', minimumHealthyHosts: { type: 'HOST_COUNT', value: 1 }, trafficRoutingConfig: { type: 'AllAtOnce' } } });
    expect(noted(importFiles(loose({ 'c.json': serverConfig })), 'ignored')).toEqual(['deploymentConfigInfo.trafficRoutingConfig']);
  });

  it('a deployment configuration the deployment group does not use', () => {
    const group = JSON.stringify({ deploymentGroupInfo: { computePlatform: 'Server', deploymentConfigName: 'CodeDeployDefault.AllAtOnce' } });
    const config = JSON.stringify({ deploymentConfigInfo: { deploymentConfigName: 'unused', computePlatform: 'Server', minimumHealthyHosts: { type: 'HOST_COUNT', value: 1 } } });
    const r = importFiles(loose({ 'g.json': group, 'c.json': config }));
    expect(r.ok && r.scenario.codeDeploy).toMatchObject({ deploymentConfigName: 'CodeDeployDefault.AllAtOnce' });
    expect(noted(r, 'ignored')).toEqual(['deploymentConfigInfo']);
  });
});

describe('malformed files through the importer', () => {
  it('names the file, line and column of a YAML syntax error in any format', () => {
    const r = importFiles(loose({ '.ebextensions/01.config': 'option_settings:\n  aws:elasticbeanstalk:command:\n    DeploymentPolicy: [Rolling\n' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ file: '.ebextensions/01.config', line: 4, column: 1 });
    expect(r.problems[0]!.message).toMatch(/^not valid YAML or JSON: /);
  });
});
