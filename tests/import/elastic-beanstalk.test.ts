// Elastic Beanstalk: .ebextensions option_settings in both forms, precedence
// ([EB] command-options.md), the options deploysim reads with AWS's ranges
// (reference §1.2), .platform/hooks in a source bundle (reference §1.4), and the
// environment's settings from CloudFormation and describe-configuration-settings.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EB_INSTANCE_WORKFLOW } from '../../src/aws/eb-facts.ts';
import { importFiles } from '../../src/import/import.ts';
import { bundle, imported, loose, noted, problems } from './helpers.ts';

const config = (text: string, name = '.ebextensions/01.config') => loose({ [name]: text });

describe('.ebextensions option_settings', () => {
  const mapForm = [
    'option_settings:',
    '  aws:elasticbeanstalk:command:',
    '    DeploymentPolicy: RollingWithAdditionalBatch',
    '    BatchSizeType: Percentage',
    '    BatchSize: 25',
    '    Timeout: "1200"',
    '    IgnoreHealthCheck: "true"',
    '  aws:autoscaling:asg:',
    '    MinSize: 8',
    '    MaxSize: 12',
  ].join('\n');
  const listForm = [
    'option_settings:',
    '  - namespace: aws:elasticbeanstalk:command',
    '    option_name: DeploymentPolicy',
    '    value: RollingWithAdditionalBatch',
    '  - namespace: aws:elasticbeanstalk:command',
    '    option_name: BatchSizeType',
    '    value: Percentage',
    '  - namespace: aws:elasticbeanstalk:command',
    '    option_name: BatchSize',
    '    value: 25',
    '  - namespace: aws:elasticbeanstalk:command',
    '    option_name: Timeout',
    '    value: 1200',
    '  - namespace: aws:elasticbeanstalk:command',
    '    option_name: IgnoreHealthCheck',
    '    value: true',
    '  - namespace: aws:autoscaling:asg',
    '    option_name: MinSize',
    '    value: 8',
    '  - namespace: aws:autoscaling:asg',
    '    option_name: MaxSize',
    '    value: "12"',
  ].join('\n');
  const expected = { DeploymentPolicy: 'RollingWithAdditionalBatch', BatchSizeType: 'Percentage', BatchSize: 25, Timeout: 1200, IgnoreHealthCheck: true, instances: 8, MaxSize: 12 };

  it('reads the shorthand map form', () => {
    expect(imported(config(mapForm)).elasticBeanstalk).toEqual(expected);
  });

  it('reads the standard list form to the same settings', () => {
    expect(imported(config(listForm)).elasticBeanstalk).toEqual(expected);
  });

  it('reads a JSON configuration file', () => {
    const json = JSON.stringify({ option_settings: [{ namespace: 'aws:elasticbeanstalk:command', option_name: 'DeploymentPolicy', value: 'Immutable' }] });
    expect(imported(config(json)).elasticBeanstalk).toMatchObject({ DeploymentPolicy: 'Immutable', instances: 1 });
  });

  it('applies configuration files in alphabetical order: the later one wins and says so', () => {
    const files = loose({
      '.ebextensions/02-late.config': 'option_settings:\n  aws:elasticbeanstalk:command:\n    DeploymentPolicy: Immutable\n',
      '.ebextensions/01-early.config': 'option_settings:\n  aws:elasticbeanstalk:command:\n    DeploymentPolicy: Rolling\n  aws:autoscaling:asg:\n    MinSize: 2\n',
    });
    const r = importFiles(files);
    expect(r.ok && r.scenario.elasticBeanstalk).toMatchObject({ DeploymentPolicy: 'Immutable' });
    expect(r.notes.some((n) => n.file === '.ebextensions/02-late.config' && /overrides the value in \.ebextensions\/01-early\.config:3:23/.test(n.message))).toBe(true);
  });

  it.each([
    ['    BatchSize: two', '.ebextensions/01.config:3:16: must be a whole number (got "two")'],
    ['    Timeout: 3601', '.ebextensions/01.config:3:14: must be 1–3600 seconds (got 3601)'],
    ['    IgnoreHealthCheck: maybe', '.ebextensions/01.config:3:24: must be true or false (got "maybe")'],
    ['    DeploymentPolicy: BlueGreen', '.ebextensions/01.config:3:23: "BlueGreen" is not allowed; expected one of: AllAtOnce, Rolling, RollingWithAdditionalBatch, Immutable, TrafficSplitting'],
    ['    DeploymentPolicy: Rollling', '.ebextensions/01.config:3:23: "Rollling" is not allowed (did you mean "Rolling"?); expected one of: AllAtOnce, Rolling, RollingWithAdditionalBatch, Immutable, TrafficSplitting'],
    ['    BatchSise: 2', '.ebextensions/01.config:3:16: aws:elasticbeanstalk:command has no option "BatchSise" (did you mean "BatchSize"?); its options are: DeploymentPolicy, BatchSizeType, BatchSize, Timeout, IgnoreHealthCheck'],
  ])('rejects %j at its line and column', (line, problem) => {
    expect(problems(config(`option_settings:\n  aws:elasticbeanstalk:command:\n${line}\n`))).toEqual([problem]);
  });

  it('checks AWS\'s cross-field rules too, at the setting that breaks them', () => {
    const p = problems(config('option_settings:\n  aws:elasticbeanstalk:command:\n    DeploymentPolicy: Rolling\n  aws:elasticbeanstalk:environment:\n    EnvironmentType: SingleInstance\n'));
    expect(p).toEqual(['.ebextensions/01.config:3:23: Rolling needs a load-balanced environment; this environment is SingleInstance (scenario field /elasticBeanstalk/DeploymentPolicy)']);
    const fixed = problems(config('option_settings:\n  aws:elasticbeanstalk:command:\n    BatchSizeType: Fixed\n    BatchSize: 9\n  aws:autoscaling:asg:\n    MinSize: 2\n    MaxSize: 6\n'));
    expect(fixed).toEqual(['.ebextensions/01.config:4:16: must be ≤ MaxSize (6) when BatchSizeType is Fixed (got 9) (scenario field /elasticBeanstalk/BatchSize)']);
  });

  it('TrafficSplitting needs an Application Load Balancer (reference §1.1)', () => {
    const head = 'option_settings:\n  aws:elasticbeanstalk:command:\n    DeploymentPolicy: TrafficSplitting\n';
    expect(problems(config(`${head}  aws:elasticbeanstalk:environment:\n    LoadBalancerType: classic\n`))).toEqual([
      '.ebextensions/01.config:5:23: TrafficSplitting needs an Application Load Balancer; LoadBalancerType is classic (set it to application)',
    ]);
    const r = importFiles(config(head));
    expect(noted(r, 'assumed')).toContain('option_settings.aws:elasticbeanstalk:command.DeploymentPolicy');
  });

  it('reads the traffic-splitting options and the default process\'s health checks', () => {
    const s = imported(
      config(
        'option_settings:\n  aws:elasticbeanstalk:trafficsplitting:\n    NewVersionPercent: 15\n    EvaluationTime: 7\n  aws:elasticbeanstalk:environment:process:default:\n    HealthCheckInterval: 10\n    HealthyThresholdCount: 2\n    UnhealthyThresholdCount: 4\n    DeregistrationDelay: 45\n',
      ),
    );
    expect(s.elasticBeanstalk).toMatchObject({ NewVersionPercent: 15, EvaluationTime: 7 });
    expect(s.timings).toEqual({ healthCheckInterval: 10, healthyThreshold: 2, unhealthyThreshold: 4, deregistration: 45 });
  });

  it('runs one instance in a SingleInstance environment whatever MinSize says', () => {
    const s = imported(config('option_settings:\n  aws:elasticbeanstalk:environment:\n    EnvironmentType: SingleInstance\n  aws:autoscaling:asg:\n    MinSize: 3\n'));
    expect(s.elasticBeanstalk).toMatchObject({ environmentType: 'SingleInstance', instances: 1 });
  });

  it('lists every setting and key it does not model as ignored', () => {
    const r = importFiles(
      config(
        [
          'packages: {yum: {jq: []}}',
          'groups: {app: {}}',
          'users: {app: {}}',
          'sources: {/tmp: "https://example.com/x.zip"}',
          'files: {/tmp/x: {content: x}}',
          'services: {sysvinit: {}}',
          'Resources: {Queue: {Type: "AWS::SQS::Queue"}}',
          'Outputs: {Q: {Value: x}}',
          'option_settings:',
          '  aws:autoscaling:asg:',
          '    Availability Zones: Any 2',
          '    Custom Availability Zones: eu-west-1a',
          '    Cooldown: 300',
          '    EnableCapacityRebalancing: true',
          '  aws:elasticbeanstalk:environment:',
          '    ServiceRole: aws-elasticbeanstalk-service-role',
          '    LoadBalancerIsShared: false',
          '  aws:elasticbeanstalk:environment:process:default:',
          '    HealthCheckPath: /health',
          '    HealthCheckTimeout: 5',
          '    MatcherHTTPCode: 200',
          '    Port: 80',
          '    Protocol: HTTP',
          '    StickinessEnabled: false',
          '    StickinessLBCookieDuration: 100',
          '    StickinessType: lb_cookie',
          '  aws:elasticbeanstalk:application:environment:',
          '    SECRET: x',
          '  aws:ec2:instances:',
          '    InstanceTypes: t3.micro',
        ].join('\n'),
      ),
    );
    const ignored = noted(r, 'ignored').map((s) => s.replace(/^option_settings\./, ''));
    expect(ignored.sort()).toEqual(
      [
        'Outputs', 'Resources', 'files', 'groups', 'packages', 'services', 'sources', 'users',
        'aws:autoscaling:asg.Availability Zones', 'aws:autoscaling:asg.Custom Availability Zones', 'aws:autoscaling:asg.Cooldown', 'aws:autoscaling:asg.EnableCapacityRebalancing',
        'aws:elasticbeanstalk:environment.ServiceRole', 'aws:elasticbeanstalk:environment.LoadBalancerIsShared',
        ...['HealthCheckPath', 'HealthCheckTimeout', 'MatcherHTTPCode', 'Port', 'Protocol', 'StickinessEnabled', 'StickinessLBCookieDuration', 'StickinessType'].map((o) => `aws:elasticbeanstalk:environment:process:default.${o}`),
        'aws:elasticbeanstalk:application:environment.SECRET',
        'aws:ec2:instances.InstanceTypes',
      ].sort(),
    );
  });

  it('notes a setting for a named resource (resource_name) as ignored', () => {
    const r = importFiles(config('option_settings:\n  - namespace: aws:autoscaling:asg\n    option_name: MinSize\n    value: 4\n    resource_name: Other\n'));
    expect(noted(r, 'ignored')).toEqual(['option_settings[0].value']);
  });

  it('rejects unknown configuration keys and a list entry without option_name', () => {
    expect(problems(config('option_setting:\n  x: y\n'))[0]).toMatch(/^\.ebextensions\/01\.config:1:1: unknown key "option_setting" .*did you mean "option_settings"/);
    expect(problems(config('option_settings:\n  - namespace: aws:elasticbeanstalk:command\n    value: Rolling\n'))).toEqual(['.ebextensions/01.config:2:5: option_name is required']);
  });
});

describe('a source bundle', () => {
  const deployConfig = 'option_settings:\n  aws:elasticbeanstalk:command:\n    DeploymentPolicy: Immutable\n  aws:autoscaling:asg:\n    MinSize: 2\n';

  it('runs the workflow steps it has something for; the others take 0 s (reference §1.4)', () => {
    const s = imported(
      bundle('app', {
        '.ebextensions/01.config': deployConfig,
        '.ebextensions/02.config': 'container_commands:\n  01_migrate: {command: migrate}\n',
        '.platform/hooks/predeploy/01.sh': '#!/bin/sh\n',
        'app.py': 'print(1)\n',
      }),
    );
    expect(s.timings.steps).toEqual({ commands: 0, prebuild: 0, postdeploy: 0 });
    // The steps that keep their duration are real workflow steps.
    const names = EB_INSTANCE_WORKFLOW.map((w) => w.name);
    for (const step of Object.keys(s.timings.steps)) expect(names).toContain(step);
  });

  it('reads .platform/hooks alone as an Elastic Beanstalk bundle', () => {
    const s = imported(bundle('app', { '.platform/hooks/postdeploy/notify.sh': '#!/bin/sh\n' }));
    expect(s.platform).toBe('ElasticBeanstalk');
    expect(s.timings.steps).toEqual({ commands: 0, container_commands: 0, prebuild: 0, predeploy: 0 });
  });

  it('keeps the default step durations for loose configuration files: the rest of the bundle is unknown', () => {
    expect(imported(config(deployConfig)).timings).toBeUndefined();
  });
});

describe('CloudFormation and describe-configuration-settings', () => {
  const template = (settings: string, more = '') =>
    `AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  Size:\n    Type: Number\n    Default: 5\nResources:\n  Env:\n    Type: AWS::ElasticBeanstalk::Environment\n    Properties:\n      ApplicationName: shop\n      SolutionStackName: "64bit Amazon Linux 2023 v4.3.1 running Python 3.11"\n${more}      OptionSettings:\n${settings}`;

  it('reads the environment\'s OptionSettings, evaluating !Ref to a parameter\'s Default', () => {
    const r = importFiles(
      loose({
        'env.yaml': template(
          '        - Namespace: aws:elasticbeanstalk:command\n          OptionName: DeploymentPolicy\n          Value: Rolling\n        - Namespace: aws:autoscaling:asg\n          OptionName: MinSize\n          Value: !Ref Size\n        - Namespace: aws:autoscaling:asg\n          OptionName: MaxSize\n          Value: !Sub "${Size}"\n',
        ),
      }),
    );
    expect(r.ok && r.scenario.elasticBeanstalk).toEqual({ DeploymentPolicy: 'Rolling', instances: 5, MaxSize: 5 });
    expect(noted(r, 'ignored')).toContain('Resources.Env.Properties.SolutionStackName');
    expect(noted(r, 'assumed')).toContain('Resources.Env.Properties.OptionSettings[1].Value');
  });

  it('ranks settings applied to the environment above .ebextensions, and a saved configuration between them', () => {
    const files = loose({
      'env.yaml': template(
        '        - Namespace: aws:elasticbeanstalk:command\n          OptionName: BatchSize\n          Value: "50"\n',
      ) + '  Saved:\n    Type: AWS::ElasticBeanstalk::ConfigurationTemplate\n    Properties:\n      ApplicationName: shop\n      OptionSettings:\n        - Namespace: aws:elasticbeanstalk:command\n          OptionName: BatchSize\n          Value: "40"\n        - Namespace: aws:elasticbeanstalk:command\n          OptionName: Timeout\n          Value: "900"\n',
      '.ebextensions/01.config': 'option_settings:\n  aws:elasticbeanstalk:command:\n    BatchSize: 10\n    Timeout: 300\n    DeploymentPolicy: Rolling\n  aws:autoscaling:asg:\n    MinSize: 4\n',
    });
    const r = importFiles(files);
    expect(r.ok && r.scenario.elasticBeanstalk).toEqual({ DeploymentPolicy: 'Rolling', BatchSize: 50, Timeout: 900, instances: 4 });
  });

  it('notes an intrinsic function it cannot evaluate and keeps the default', () => {
    const r = importFiles(loose({ 'env.yaml': template('        - Namespace: aws:elasticbeanstalk:command\n          OptionName: DeploymentPolicy\n          Value: !If [IsProd, Immutable, AllAtOnce]\n') }));
    expect(r.ok && r.scenario.elasticBeanstalk).toEqual({ instances: 1 });
    expect(r.notes.find((n) => n.setting === 'Resources.Env.Properties.OptionSettings[0].Value')!.message).toMatch(/Fn::If is evaluated when the stack is created/);
  });

  it('rejects an unknown property of the environment resource', () => {
    expect(problems(loose({ 'env.yaml': template('        []\n', '      Teir: {Name: WebServer}\n') }))[0]).toMatch(/^env\.yaml:12:7: unknown key "Teir" in AWS::ElasticBeanstalk::Environment \(did you mean "Tier"\?\)/);
  });

  it('reads describe-configuration-settings, noting what deploysim does not model and never rejecting what AWS printed', () => {
    const text = readFileSync(new URL('./fixtures/describe-configuration-settings.json', import.meta.url), 'utf8');
    const r = importFiles(loose({ 'settings.json': text }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.elasticBeanstalk).toEqual({
      MaxSize: 8,
      instances: 4,
      BatchSize: 50,
      BatchSizeType: 'Percentage',
      DeploymentPolicy: 'TrafficSplitting',
      IgnoreHealthCheck: false,
      Timeout: 600,
      environmentType: 'LoadBalanced',
      EvaluationTime: 10,
      NewVersionPercent: 20,
    });
    expect(r.scenario.timings).toEqual({ healthCheckInterval: 10 });
    // Every option deploysim does not read is listed, with where it is, including ones without a value.
    const messages = r.notes.filter((n) => n.kind === 'ignored').map((n) => n.message.split(':').slice(0, -1).join(':'));
    expect(messages).toEqual([
      'aws:autoscaling:asg Availability Zones',
      'aws:autoscaling:launchconfiguration InstanceType',
      'aws:autoscaling:launchconfiguration EC2KeyName',
      'aws:elasticbeanstalk:environment ServiceRole',
      'aws:elasticbeanstalk:environment ExternalExtensionsS3Bucket',
      'aws:autoscaling:scheduledaction MinSize',
    ]);
  });
});
