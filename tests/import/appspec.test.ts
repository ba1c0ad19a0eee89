// AppSpec files for EC2/On-premises, Lambda and ECS (reference §2.1–2.2, [CD]
// reference-appspec-file-structure*.md, the agent's parser): hooks with scripts keep
// their event's duration, hooks without scripts run no operation, and everything AWS
// rejects is a problem at its line and column.
import { describe, expect, it } from 'vitest';
import { CODEDEPLOY_EVENT_SECONDS } from '../../src/aws/codedeploy-facts.ts';
import { importFiles } from '../../src/import/import.ts';
import { bundle, imported, loose, noted, problems } from './helpers.ts';

const server = (hooks: string, head = 'version: 0.0\nos: linux\n') => loose({ 'appspec.yml': `${head}hooks:\n${hooks}` });

describe('EC2/On-premises AppSpec', () => {
  it('runs the scripts of the hooks it lists and no operation for the others', () => {
    const s = imported(server('  AfterInstall:\n    - location: scripts/a.sh\n      timeout: 180\n  ValidateService:\n    - location: scripts/v.sh\n'));
    expect(s.platform).toBe('CodeDeploy');
    expect(s.codeDeploy).toMatchObject({ computePlatform: 'Server', deploymentConfigName: 'CodeDeployDefault.OneAtATime', instances: 3 });
    expect(s.timings.steps).toEqual({
      AfterInstall: CODEDEPLOY_EVENT_SECONDS.AfterInstall,
      ValidateService: CODEDEPLOY_EVENT_SECONDS.ValidateService,
      ApplicationStop: 0,
      BeforeInstall: 0,
      ApplicationStart: 0,
      BeforeBlockTraffic: 0,
      AfterBlockTraffic: 0,
      BeforeAllowTraffic: 0,
      AfterAllowTraffic: 0,
    });
    // No traffic hooks: nothing suggests a load balancer.
    expect(s.codeDeploy.loadBalancer).toBeUndefined();
  });

  it('never lets a hook take longer than its scripts may run', () => {
    const files = server('  ValidateService:\n    - location: v.sh\n      timeout: 4\n    - location: w.sh\n      timeout: 3\n');
    expect(imported(files).timings.steps.ValidateService).toBe(7);
    // The engine's ScriptTimedOut does not know a script's own timeout: said once.
    expect(noted(importFiles(files), 'ignored')).toEqual(['hooks.ValidateService[0].timeout']);
  });

  it('assumes a load balancer when the AppSpec hooks traffic events and no deployment group says otherwise', () => {
    const r = importFiles(server('  BeforeAllowTraffic:\n    - location: warm.sh\n'));
    expect(r.ok && r.scenario.codeDeploy).toMatchObject({ loadBalancer: true });
    expect(noted(r, 'assumed')).toContain('hooks.BeforeAllowTraffic');
  });

  it('notes that ApplicationStop runs the previous revision\'s scripts', () => {
    const r = importFiles(server('  ApplicationStop:\n    - location: stop.sh\n'));
    expect(noted(r, 'assumed')).toContain('hooks.ApplicationStop');
  });

  it.each([
    ['Install', 4, 3, /Install is reserved for CodeDeploy and cannot run scripts/],
    ['DownloadBundle', 4, 3, /DownloadBundle is reserved/],
    ['AllowTraffic', 4, 3, /AllowTraffic is reserved/],
    ['AfterAllowTestTraffic', 4, 3, /AfterAllowTestTraffic is not a hook of an EC2\/On-premises deployment/],
    ['AfterInstal', 4, 3, /"AfterInstal" is not a lifecycle event \(did you mean "AfterInstall"\?\)/],
  ])('rejects %s as a hook, at its line and column', (event, line, column, message) => {
    const p = problems(server(`  ${event}:\n    - location: x.sh\n`));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(new RegExp(`^appspec.yml:${line}:${column}: `));
    expect(p[0]).toMatch(message);
  });

  it.each([
    ['version: "0.0"\nos: linux\n', 'appspec.yml:1:10: version must be 0.0, the only AppSpec version (got "0.0", a string: write it unquoted)'],
    ['version: 1.0\nos: linux\n', 'appspec.yml:1:10: version must be 0.0, the only AppSpec version (got 1)'],
    ['os: linux\n', 'appspec.yml:1:1: version is required: the only allowed value is 0.0'],
    ['version: 0.0\nos: macos\n', 'appspec.yml:2:5: os must be linux or windows (got "macos")'],
    ['version: 0.0\n', 'appspec.yml:1:1: os is required for an EC2/On-premises AppSpec file: linux or windows'],
  ])('rejects a wrong header %j', (head, problem) => {
    expect(problems(server('  AfterInstall:\n    - location: a.sh\n', head))).toEqual([problem]);
  });

  it.each([
    ['    - location: a.sh\n      timeout: three\n', 'appspec.yml:6:16: must be a whole number seconds (got "three")'],
    ['    - location: a.sh\n      timeout: 0\n', 'appspec.yml:6:16: must be at least 1 seconds (got 0)'],
    ['    - timeout: 30\n', 'appspec.yml:5:7: a script needs a location: the path of the script in the revision'],
    ['    - location: a.sh\n      timout: 30\n', 'appspec.yml:6:7: unknown key "timout" in a script of AfterInstall (did you mean "timeout"?); expected one of: location, timeout, runas, sudo'],
    ['    location: a.sh\n', 'appspec.yml:5:5: must be a list (got a map)'],
    ['    - location: [a.sh]\n', 'appspec.yml:5:17: must be a non-empty string (got a list)'],
  ])('rejects a wrong script entry %j', (scripts, problem) => {
    expect(problems(server(`  AfterInstall:\n${scripts}`))).toEqual([problem]);
  });

  it('allows at most 3600 s for all the scripts of one event (reference §2.1)', () => {
    const p = problems(server('  BeforeInstall:\n    - location: a.sh\n      timeout: 3000\n    - location: b.sh\n      timeout: 601\n'));
    expect(p).toEqual(["appspec.yml:4:3: the timeouts of BeforeInstall's scripts add up to 3601 s; CodeDeploy allows at most 3600 s for all scripts of one lifecycle event"]);
    // The limit is on the timeouts specified: scripts that leave theirs at the default are accepted.
    expect(problems(server('  BeforeInstall:\n    - location: a.sh\n    - location: b.sh\n'))).toEqual([]);
    expect(problems(server('  BeforeInstall:\n    - location: a.sh\n      timeout: 3600\n'))).toEqual([]);
  });

  it('rejects unknown top-level keys with a suggestion', () => {
    expect(problems(loose({ 'appspec.yml': 'version: 0.0\nos: linux\nhook:\n  AfterInstall: []\n' }))).toEqual([
      'appspec.yml:3:1: unknown key "hook" in an EC2/On-premises AppSpec file (did you mean "hooks"?); expected one of: version, os, hooks, files, permissions, file_exists_behavior',
    ]);
  });

  it('lists every setting it does not model as ignored, with its path', () => {
    const r = importFiles(
      loose({
        'appspec.yml': [
          'version: 0.0',
          'os: linux',
          'files:',
          '  - source: /',
          '    destination: /srv/app',
          'permissions:',
          '  - object: /srv/app',
          '    owner: app',
          'file_exists_behavior: RETAIN',
          'hooks:',
          '  AfterInstall:',
          '    - location: a.sh',
          '      runas: app',
          '      sudo: true',
        ].join('\n'),
      }),
    );
    expect(noted(r, 'ignored').sort()).toEqual(['file_exists_behavior', 'files', 'hooks.AfterInstall[0].runas', 'hooks.AfterInstall[0].sudo', 'permissions']);
    expect(r.notes.find((n) => n.setting === 'permissions')).toMatchObject({ line: 6, column: 1 });
  });

  it('says runas does nothing on Windows', () => {
    const r = importFiles(server('  AfterInstall:\n    - location: a.ps1\n      runas: admin\n', 'version: 0.0\nos: windows\n'));
    expect(r.notes.find((n) => n.setting === 'hooks.AfterInstall[0].runas')!.message).toMatch(/Windows ignores it/);
  });

  it('fails a hook with ScriptMissing when its script is not in the source bundle', () => {
    const files = bundle('app', {
      'appspec.yml': 'version: 0.0\nos: linux\nhooks:\n  ApplicationStop:\n    - location: scripts/gone.sh\n  AfterInstall:\n    - location: scripts/missing.sh\n  ApplicationStart:\n    - location: /scripts/start.sh\n',
      'scripts/start.sh': '#!/bin/sh\n',
    });
    const r = importFiles(files);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // AfterInstall fails; ApplicationStop runs the previous revision's scripts, so it is only noted.
    expect(r.scenario.faults).toEqual([{ type: 'HookFailure', event: 'AfterInstall', errorCode: 'ScriptMissing' }]);
    expect(r.notes.some((n) => n.setting === 'hooks.ApplicationStop[0].location' && /next deployment/.test(n.message))).toBe(true);
  });
});

describe('Lambda AppSpec', () => {
  const lambda = (props: string, hooks = 'Hooks:\n  - BeforeAllowTraffic: pre\n') =>
    loose({ 'appspec.yml': `version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n      Properties:\n${props}${hooks}` });
  const props = '        Name: checkout\n        Alias: live\n        CurrentVersion: "1"\n        TargetVersion: "2"\n';

  it('shifts the alias from CurrentVersion to TargetVersion; hooks without functions take 0 s', () => {
    const s = imported(lambda(props));
    expect(s.versions).toEqual({ from: '1', to: '2' });
    expect(s.codeDeploy).toEqual({ computePlatform: 'Lambda', deploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce' });
    expect(s.timings.steps).toEqual({ BeforeAllowTraffic: CODEDEPLOY_EVENT_SECONDS.BeforeAllowTraffic, AfterAllowTraffic: 0 });
  });

  it('accepts the lower-case spelling of the AWS reference', () => {
    const s = imported(loose({ 'appspec.json': JSON.stringify({ version: 0.0, resources: [{ f: { type: 'AWS::Lambda::Function', properties: { name: 'f', alias: 'a', currentversion: 3, targetversion: 4 } } }], hooks: [{ AfterAllowTraffic: 'post' }] }) }));
    expect(s.versions).toEqual({ from: '3', to: '4' });
  });

  it.each([
    ['AfterInstall', /AfterInstall is not a hook of a Lambda deployment; its hooks are: BeforeAllowTraffic, AfterAllowTraffic/],
    ['AllowTraffic', /AllowTraffic is reserved for CodeDeploy/],
  ])('rejects %s as a Lambda hook', (event, message) => {
    const p = problems(lambda(props, `Hooks:\n  - ${event}: fn\n`));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^appspec.yml:11:5: /);
    expect(p[0]).toMatch(message);
  });

  it('requires the four properties and two different versions', () => {
    expect(problems(lambda('        Name: f\n        Alias: live\n        CurrentVersion: "1"\n'))).toEqual(['appspec.yml:6:9: TargetVersion is required for a Lambda deployment']);
    expect(problems(lambda('        Name: f\n        Alias: live\n        CurrentVersion: "1"\n        TargetVersion: 1\n'))).toEqual(['appspec.yml:9:24: TargetVersion must differ from CurrentVersion (both are 1)']);
  });

  it('rejects a resource type CodeDeploy does not deploy', () => {
    expect(problems(loose({ 'appspec.yml': 'version: 0.0\nResources:\n  - fn:\n      Type: AWS::S3::Bucket\n      Properties: {}\n' }))).toEqual([
      'appspec.yml:4:13: Type must be AWS::Lambda::Function or AWS::ECS::Service (got "AWS::S3::Bucket")',
    ]);
  });
});

describe('ECS AppSpec', () => {
  const ecs = (props: string, hooks = '') =>
    loose({ 'appspec.yaml': `version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n${props}${hooks}` });
  const props = '        TaskDefinition: arn:aws:ecs:us-east-1:1:task-definition/api:12\n        LoadBalancerInfo:\n          ContainerName: api\n          ContainerPort: 80\n';

  it('deploys the task definition as the new version; every hook it lists runs', () => {
    const s = imported(ecs(props, 'Hooks:\n  - AfterAllowTestTraffic: tests\n'));
    expect(s.versions).toEqual({ from: 'current', to: 'api:12' });
    expect(s.timings.steps).toEqual({ AfterAllowTestTraffic: 10, BeforeInstall: 0, AfterInstall: 0, BeforeAllowTraffic: 0, AfterAllowTraffic: 0 });
  });

  it('rejects a missing LoadBalancerInfo and a port that is not a number', () => {
    expect(problems(ecs('        TaskDefinition: arn:x:task-definition/api:1\n'))).toEqual(['appspec.yaml:6:9: LoadBalancerInfo is required: ContainerName and ContainerPort that receive the traffic']);
    expect(problems(ecs(props.replace('ContainerPort: 80', 'ContainerPort: eighty')))).toEqual(['appspec.yaml:9:26: must be a whole number (got "eighty")']);
  });

  it('rejects Server hooks and reserved ECS events', () => {
    expect(problems(ecs(props, 'Hooks:\n  - ValidateService: fn\n'))[0]).toMatch(/ValidateService is not a hook of an ECS deployment/);
    expect(problems(ecs(props, 'Hooks:\n  - AllowTestTraffic: fn\n'))[0]).toMatch(/AllowTestTraffic is reserved for CodeDeploy/);
  });

  it('lists PlatformVersion, NetworkConfiguration and CapacityProviderStrategy as ignored', () => {
    const r = importFiles(ecs(`${props}        PlatformVersion: LATEST\n        NetworkConfiguration: {AwsvpcConfiguration: {Subnets: [a]}}\n        CapacityProviderStrategy: []\n`));
    expect(noted(r, 'ignored').map((s) => s.split('.').pop())).toEqual(['PlatformVersion', 'NetworkConfiguration', 'CapacityProviderStrategy']);
  });
});

describe('one AppSpec file per deployment', () => {
  it('rejects a second one', () => {
    const p = problems(loose({ 'a/appspec.yml': 'version: 0.0\nos: linux\n', 'b/appspec.yml': 'version: 0.0\nos: linux\n' }));
    expect(p).toEqual(['b/appspec.yml:1:1: a deployment has one AppSpec file; a/appspec.yml is one already']);
  });
});
