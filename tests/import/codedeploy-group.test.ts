// CodeDeploy deployment groups and configurations from CloudFormation (YAML with
// short-form tags, or JSON) and from `aws deploy get-deployment-group` /
// `get-deployment-config` ([API] codedeploy service-2.json; reference §2.3–2.4).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/import/import.ts';
import { imported, loose, noted, problems } from './helpers.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const yamlTemplate = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Prefix:
    Type: String
    Default: api
Resources:
  App:
    Type: AWS::CodeDeploy::Application
    Properties:
      ComputePlatform: Lambda
  Canary:
    Type: AWS::CodeDeploy::DeploymentConfig
    Properties:
      DeploymentConfigName: !Sub "\${Prefix}-canary-20-every-5"
      ComputePlatform: Lambda
      TrafficRoutingConfig:
        Type: TimeBasedCanary
        TimeBasedCanary:
          CanaryPercentage: 20
          CanaryInterval: 5
  Group:
    Type: AWS::CodeDeploy::DeploymentGroup
    Properties:
      ApplicationName: !Ref App
      DeploymentConfigName: !Ref Canary
      ServiceRoleArn: !GetAtt Role.Arn
      DeploymentStyle:
        DeploymentType: BLUE_GREEN
        DeploymentOption: WITH_TRAFFIC_CONTROL
      AutoRollbackConfiguration:
        Enabled: "true"
        Events: [DEPLOYMENT_FAILURE, DEPLOYMENT_STOP_ON_REQUEST]
`;

const jsonTemplate = JSON.stringify({
  AWSTemplateFormatVersion: '2010-09-09',
  Parameters: { Prefix: { Type: 'String', Default: 'api' } },
  Resources: {
    App: { Type: 'AWS::CodeDeploy::Application', Properties: { ComputePlatform: 'Lambda' } },
    Canary: {
      Type: 'AWS::CodeDeploy::DeploymentConfig',
      Properties: {
        DeploymentConfigName: { 'Fn::Sub': '${Prefix}-canary-20-every-5' },
        ComputePlatform: 'Lambda',
        TrafficRoutingConfig: { Type: 'TimeBasedCanary', TimeBasedCanary: { CanaryPercentage: 20, CanaryInterval: 5 } },
      },
    },
    Group: {
      Type: 'AWS::CodeDeploy::DeploymentGroup',
      Properties: {
        ApplicationName: { Ref: 'App' },
        DeploymentConfigName: { Ref: 'Canary' },
        ServiceRoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] },
        DeploymentStyle: { DeploymentType: 'BLUE_GREEN', DeploymentOption: 'WITH_TRAFFIC_CONTROL' },
        AutoRollbackConfiguration: { Enabled: true, Events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_REQUEST'] },
      },
    },
  },
}, null, 2);

const lambdaAppSpec = 'version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n      Properties:\n        Name: api\n        Alias: live\n        CurrentVersion: "4"\n        TargetVersion: "5"\n';

describe('CloudFormation', () => {
  const expected = {
    computePlatform: 'Lambda',
    deploymentType: 'BLUE_GREEN',
    autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_REQUEST'] },
    deploymentConfigName: 'api-canary-20-every-5',
    customDeploymentConfig: { trafficRoutingConfig: { type: 'TimeBasedCanary', timeBasedCanary: { canaryPercentage: 20, canaryInterval: 5 } } },
  };

  it('reads a YAML template with short-form tags: the group, its application\'s platform and the custom configuration it refers to', () => {
    const s = imported(loose({ 'template.yaml': yamlTemplate, 'appspec.yml': lambdaAppSpec }));
    expect(s.codeDeploy).toEqual(expected);
    expect(s.versions).toEqual({ from: '4', to: '5' });
  });

  it('reads the same template written in JSON to the same scenario', () => {
    const fromYaml = imported(loose({ 'template.yaml': yamlTemplate }));
    const fromJson = imported(loose({ 'template.json': jsonTemplate }));
    expect(fromJson.codeDeploy).toEqual(fromYaml.codeDeploy);
    expect(fromJson.codeDeploy).toEqual(expected);
  });

  it('notes what it evaluated, what it could not, and what it ignores', () => {
    const r = importFiles(loose({ 'template.yaml': yamlTemplate }));
    expect(noted(r, 'assumed')).toContain('Resources.Canary.Properties.DeploymentConfigName');
    expect(noted(r, 'ignored')).toEqual(['Resources.Group.Properties.ServiceRoleArn']);
  });

  it('rejects an unknown property, a wrong enum and a wrong type, each at its line and column', () => {
    const broken = yamlTemplate
      .replace('ServiceRoleArn:', 'ServiceRole:')
      .replace('DeploymentType: BLUE_GREEN', 'DeploymentType: BLUEGREEN')
      .replace('CanaryInterval: 5', 'CanaryInterval: five');
    expect(problems(loose({ 'template.yaml': broken }))).toEqual([
      'template.yaml:20:27: must be a whole number minutes (got "five")',
      'template.yaml:26:7: unknown key "ServiceRole" in a deployment group; expected one of: DeploymentConfigName, AutoRollbackConfiguration, DeploymentStyle, BlueGreenDeploymentConfiguration, LoadBalancerInfo, Deployment, AlarmConfiguration, AutoScalingGroups, Ec2TagFilters, Ec2TagSet, OnPremisesInstanceTagFilters, OnPremisesTagSet, ECSServices, TriggerConfigurations, OutdatedInstancesStrategy, TerminationHookEnabled, ServiceRoleArn, Tags, ApplicationName, DeploymentGroupName, DeploymentGroupId, TargetRevision, LastSuccessfulDeployment, LastAttemptedDeployment',
      'template.yaml:28:25: "BLUEGREEN" is not allowed (did you mean "BLUE_GREEN"?); expected one of: IN_PLACE, BLUE_GREEN',
    ]);
  });

  it('rejects a deployment group that names a configuration the files do not define', () => {
    const p = problems(loose({ 'template.yaml': yamlTemplate.replace('DeploymentConfigName: !Ref Canary', 'DeploymentConfigName: my-config') }));
    expect(p[0]).toMatch(/^template\.yaml:25:29: names the deployment configuration "my-config", which the imported files do not define; add the output of `aws deploy get-deployment-config --deployment-config-name my-config`/);
  });

  it('rejects an AppSpec file for another compute platform than the deployment group\'s', () => {
    const serverAppSpec = 'version: 0.0\nos: linux\n';
    expect(problems(loose({ 'appspec.yml': serverAppSpec, 'template.yaml': yamlTemplate }))).toEqual(['template.yaml:24:7: the deployment group is for Lambda, but the AppSpec file is for Server']);
  });

  it('maps Deployment.IgnoreApplicationStopFailures, the load balancer and the blue/green options', () => {
    const server = `Resources:
  Group:
    Type: AWS::CodeDeploy::DeploymentGroup
    Properties:
      ApplicationName: orders
      ServiceRoleArn: arn:aws:iam::1:role/x
      DeploymentConfigName: CodeDeployDefault.HalfAtATime
      Deployment:
        IgnoreApplicationStopFailures: true
        Revision: {RevisionType: S3}
      DeploymentStyle: {DeploymentType: BLUE_GREEN, DeploymentOption: WITH_TRAFFIC_CONTROL}
      LoadBalancerInfo:
        ElbInfoList: [{Name: classic-lb}]
      BlueGreenDeploymentConfiguration:
        DeploymentReadyOption: {ActionOnTimeout: STOP_DEPLOYMENT, WaitTimeInMinutes: 30}
        TerminateBlueInstancesOnDeploymentSuccess: {Action: KEEP_ALIVE}
        GreenFleetProvisioningOption: {Action: DISCOVER_EXISTING}
`;
    const r = importFiles(loose({ 'group.yaml': server }));
    expect(r.ok && r.scenario.codeDeploy).toEqual({
      computePlatform: 'Server',
      deploymentConfigName: 'CodeDeployDefault.HalfAtATime',
      ignoreApplicationStopFailures: true,
      deploymentType: 'BLUE_GREEN',
      loadBalancer: true,
      blueGreenDeploymentConfiguration: {
        deploymentReadyOption: { actionOnTimeout: 'STOP_DEPLOYMENT', waitTimeInMinutes: 30 },
        terminateBlueInstancesOnDeploymentSuccess: { action: 'KEEP_ALIVE' },
        greenFleetProvisioningOption: { action: 'DISCOVER_EXISTING' },
      },
      instances: 3,
    });
    expect(noted(r, 'ignored')).toEqual(['Resources.Group.Properties.ServiceRoleArn', 'Resources.Group.Properties.Deployment.Revision']);
  });

  it('says the traffic hooks do not run when an in-place group routes no traffic through its load balancer', () => {
    const group = 'Resources:\n  G:\n    Type: AWS::CodeDeploy::DeploymentGroup\n    Properties:\n      ApplicationName: a\n      ServiceRoleArn: r\n      DeploymentStyle: {DeploymentType: IN_PLACE, DeploymentOption: WITHOUT_TRAFFIC_CONTROL}\n      LoadBalancerInfo: {TargetGroupInfoList: [{Name: tg}]}\n';
    const r = importFiles(loose({ 'g.yaml': group, 'appspec.yml': 'version: 0.0\nos: linux\nhooks:\n  BeforeAllowTraffic:\n    - location: a.sh\n' }));
    expect(r.ok && r.scenario.codeDeploy).toMatchObject({ loadBalancer: false });
    expect(r.notes.some((n) => n.file === 'appspec.yml' && /BeforeAllowTraffic do not run/.test(n.message))).toBe(true);
  });

  it('rejects a template that mixes CodeDeploy and Elastic Beanstalk inputs', () => {
    const p = problems(loose({ 'template.yaml': yamlTemplate, '.ebextensions/a.config': 'option_settings: {}\n' }));
    expect(p[0]).toMatch(/describe both a CodeDeploy deployment .* and an Elastic Beanstalk environment/);
  });
});

describe('aws deploy get-deployment-group and get-deployment-config', () => {
  it('imports a Server blue/green group with its custom configuration', () => {
    const r = importFiles(loose({ 'group.json': fixture('get-deployment-group.json'), 'config.json': fixture('get-deployment-config.json') }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.codeDeploy).toEqual({
      computePlatform: 'Server',
      autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE'] },
      deploymentType: 'BLUE_GREEN',
      loadBalancer: true,
      blueGreenDeploymentConfiguration: {
        terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 5 },
        deploymentReadyOption: { actionOnTimeout: 'CONTINUE_DEPLOYMENT', waitTimeInMinutes: 0 },
        greenFleetProvisioningOption: { action: 'COPY_AUTO_SCALING_GROUP' },
      },
      deploymentConfigName: 'orders-two-healthy',
      customDeploymentConfig: { minimumHealthyHosts: { type: 'HOST_COUNT', value: 2 } },
      instances: 3,
    });
    expect(noted(r, 'ignored').sort()).toEqual(
      ['alarmConfiguration', 'autoScalingGroups', 'ec2TagFilters', 'onPremisesInstanceTagFilters', 'outdatedInstancesStrategy', 'serviceRoleArn', 'terminationHookEnabled', 'triggerConfigurations'].map((k) => `deploymentGroupInfo.${k}`).sort(),
    );
  });

  it('lists every deployment group setting deploysim does not model', () => {
    const info = JSON.parse(fixture('get-deployment-group.json'));
    Object.assign(info.deploymentGroupInfo, { ec2TagSet: {}, onPremisesTagSet: {}, ecsServices: [], tags: [] });
    const r = importFiles(loose({ 'group.json': JSON.stringify(info), 'config.json': fixture('get-deployment-config.json') }));
    expect(noted(r, 'ignored')).toEqual(expect.arrayContaining(['ec2TagSet', 'onPremisesTagSet', 'ecsServices', 'tags'].map((k) => `deploymentGroupInfo.${k}`)));
  });

  it('notes fields AWS added that deploysim does not know, instead of rejecting AWS\'s own output', () => {
    const info = JSON.parse(fixture('get-deployment-config.json'));
    info.deploymentConfigInfo.zonalConfig = { monitorDurationInSeconds: 60 };
    info.deploymentConfigInfo.brandNewField = true;
    const r = importFiles(loose({ 'config.json': JSON.stringify(info) }));
    expect(r.ok).toBe(true);
    expect(noted(r, 'ignored')).toEqual(['deploymentConfigInfo.zonalConfig', 'deploymentConfigInfo.brandNewField']);
  });

  it('rejects values AWS never returns, at their line and column', () => {
    const text = fixture('get-deployment-config.json').replace('"HOST_COUNT"', '"HOSTS"');
    expect(problems(loose({ 'config.json': text }))).toEqual(['config.json:6:21: "HOSTS" is not allowed; expected one of: HOST_COUNT, FLEET_PERCENT']);
  });

  it('a predefined configuration is used by its name', () => {
    const config = JSON.stringify({ deploymentConfigInfo: { deploymentConfigName: 'CodeDeployDefault.HalfAtATime', minimumHealthyHosts: { type: 'FLEET_PERCENT', value: 50 }, computePlatform: 'Server' } });
    const s = imported(loose({ 'config.json': config }));
    expect(s.codeDeploy).toEqual({ computePlatform: 'Server', deploymentConfigName: 'CodeDeployDefault.HalfAtATime', instances: 3 });
  });
});

describe('files the importer does not know', () => {
  it('rejects a named file that is none of the formats, and a folder with nothing to import', () => {
    expect(problems(loose({ 'notes.yaml': 'hello: world\n' }))[0]).toMatch(/^notes\.yaml:1:1: not a file deploysim can import; expected an AppSpec file/);
    expect(problems([{ path: 'app', rel: 'main.py', bundle: 'app' }])[0]).toMatch(/^app:1:1: nothing to import/);
  });
});
