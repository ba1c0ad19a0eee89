import { describe, expect, it } from 'vitest';
import { formatDuration, formatTime, upperBound } from '../../src/layout/time.ts';
import { timeTicks } from '../../src/layout/ticks.ts';
import { decodeShare, encodeShare } from '../../src/layout/share.ts';
import { groupLibrary, strategyOf } from '../../src/layout/library.ts';
import { advance, gapAround } from '../../src/layout/playback.ts';
import { actionFault, describeFault, injectOptions, targetFault } from '../../src/layout/faults.ts';
import { familiesOf, stepColor, versionColor, OKABE_ITO } from '../../src/layout/palette.ts';
import { stepFact, taggedSteps } from '../../src/aws/step-kinds.ts';
import { EVENTS_BY_PLATFORM } from '../../src/aws/codedeploy-facts.ts';
import { EB_FAILABLE_STEPS } from '../../src/aws/eb-facts.ts';
import { buildIndex } from '../../src/layout/frame.ts';
import { run, scenario } from '../helpers.ts';

describe('time', () => {
  it('formats simulated seconds as a clock', () => {
    expect(formatTime(0)).toBe('0:00');
    expect(formatTime(943)).toBe('15:43');
    expect(formatTime(3967)).toBe('1:06:07');
    expect(formatDuration(1800)).toBe('30 min');
    expect(formatDuration(45)).toBe('45 s');
  });

  it('binary-searches sorted items', () => {
    const xs = [0, 0, 5, 10];
    expect(upperBound(xs, 0, (x) => x)).toBe(2);
    expect(upperBound(xs, 7, (x) => x)).toBe(3);
    expect(upperBound(xs, -1, (x) => x)).toBe(0);
  });

  it('puts round ticks on the time axis', () => {
    expect(timeTicks(943, 700)).toEqual([0, 120, 240, 360, 480, 600, 720, 840]);
    expect(timeTicks(60, 700).length).toBeLessThanOrEqual(11);
  });
});

describe('share links', () => {
  it('round-trips a scenario (including non-ASCII text) and a time', () => {
    const text = JSON.stringify({ name: 'Canary — 30 min', x: 'ü' });
    const back = decodeShare(encodeShare({ scenarioText: text, t: 123.45 }));
    expect(back.scenarioText).toBe(text);
    expect(back.t).toBe(123.5);
  });

  it('names a library scenario by its id', () => {
    expect(decodeShare(encodeShare({ scenarioId: 'elastic-beanstalk/rolling', t: 5 }))).toEqual({ scenarioId: 'elastic-beanstalk/rolling', t: 5 });
  });

  it('never throws on a damaged link', () => {
    const r = decodeShare('#s=%%%not-base64&t=-4');
    expect(r.error).toBeDefined();
    expect(r.t).toBeUndefined();
  });
});

describe('library', () => {
  it('groups by platform, then strategy, skipping the schema', () => {
    const groups = groupLibrary({
      '/scenarios/codedeploy/a.json': { name: 'A', platform: 'CodeDeploy', codeDeploy: { computePlatform: 'Lambda', deploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes' } },
      '/scenarios/elastic-beanstalk/b.json': { name: 'B', description: 'd', platform: 'ElasticBeanstalk', elasticBeanstalk: { DeploymentPolicy: 'Immutable' } },
      '/scenarios/elastic-beanstalk/c.json': { name: 'C', platform: 'ElasticBeanstalk', elasticBeanstalk: { DeploymentPolicy: 'Rolling' } },
      '/scenarios/scenario.schema.json': {},
    });
    expect(groups.map((g) => g.label)).toEqual(['Elastic Beanstalk', 'CodeDeploy']);
    expect(groups[0]!.strategies.map((s) => s.strategy)).toEqual(['Rolling', 'Immutable']);
    expect(groups[1]!.strategies[0]!.strategy).toBe('Lambda canary');
    expect(groups[0]!.strategies[1]!.entries[0]).toMatchObject({ id: 'elastic-beanstalk/b', description: 'd' });
  });

  it('names CodeDeploy strategies from the scenario', () => {
    expect(strategyOf({ platform: 'CodeDeploy', codeDeploy: { computePlatform: 'Server', deploymentType: 'BLUE_GREEN' } })).toBe('EC2/On-premises blue/green');
    expect(strategyOf({ platform: 'CodeDeploy', codeDeploy: { computePlatform: 'ECS', deploymentConfigName: 'Custom', customDeploymentConfig: { trafficRoutingConfig: { type: 'TimeBasedLinear' } } } })).toBe('ECS linear');
  });
});

describe('playback', () => {
  const index = buildIndex(run({ platform: 'CodeDeploy', codeDeploy: { computePlatform: 'Lambda', deploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent30Minutes' } }));

  it('plays at the chosen speed when nothing is waiting', () => {
    const a = advance(index, 0, 0.5, 2, false);
    expect(a.t).toBe(1);
    expect(a.fastForward).toBeUndefined();
  });

  it('fast-forwards a 30-minute canary wait in about two seconds, landing on its end', () => {
    const gap = gapAround(index, 600);
    expect(gap.to - gap.from).toBeGreaterThan(1500);
    let t = 600;
    let ticks = 0;
    while (t < gap.to && ticks < 1000) {
      const a = advance(index, t, 1 / 60, 1, true);
      expect(a.fastForward).toBeDefined();
      t = a.t;
      ticks++;
    }
    expect(t).toBe(gap.to);
    expect(ticks).toBeLessThan(150);
  });

  it('stops at the end', () => {
    expect(advance(index, index.duration - 0.01, 1, 10, false)).toMatchObject({ t: index.duration, ended: true });
  });
});

describe('faults', () => {
  it('offers EB steps and abort for Elastic Beanstalk', () => {
    const sc = scenario({ platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 2 } });
    const o = injectOptions(sc, undefined);
    expect(o.steps.length).toBeGreaterThan(3);
    expect(o.actions.map((a) => a.action)).toContain('AbortDeployment');
    expect(o.errorCodes).toHaveLength(0);
  });

  it('offers lifecycle events, error codes, alarm and stop for CodeDeploy', () => {
    const sc = scenario({ platform: 'CodeDeploy', codeDeploy: { computePlatform: 'Server', instances: 2 } });
    const o = injectOptions(sc, undefined);
    expect(o.steps).toContain('ValidateService');
    expect(o.steps).not.toContain('DownloadBundle');
    expect(o.errorCodes).toContain('ScriptFailed');
    expect(o.actions.map((a) => a.action)).toEqual(['Alarm', 'StopDeployment', 'StopDeploymentRollback']);
  });

  it('turns a choice into a fault at the playhead and says it in words', () => {
    const f = targetFault('HookFailure', 'i-2', 61.26, 'ValidateService', 'ScriptFailed');
    expect(f).toEqual({ type: 'HookFailure', target: 'i-2', event: 'ValidateService', errorCode: 'ScriptFailed', at: 61.3 });
    expect(describeFault(f)).toBe('ValidateService fails on i-2 (ScriptFailed) at 1:01');
    expect(actionFault('StopDeploymentRollback', 10)).toEqual({ type: 'StopDeployment', at: 10, autoRollbackEnabled: true });
  });
});

describe('palette and step kinds', () => {
  it('uses Okabe–Ito colours for versions', () => {
    expect(versionColor(['v1', 'v2'], 'v2')).toBe(OKABE_ITO[1]);
  });

  it('tags every lifecycle event and workflow step from the AWS facts', () => {
    const all = [...EVENTS_BY_PLATFORM.Server, ...EVENTS_BY_PLATFORM.ECS, ...EVENTS_BY_PLATFORM.Lambda, ...EB_FAILABLE_STEPS];
    for (const name of all) expect(taggedSteps()).toContain(name);
    expect(stepFact('health-check')).toEqual({ kind: 'check', family: 'health' });
    expect(stepFact('BlockTraffic').kind).toBe('drain');
    expect(stepFact('deregister').kind).toBe('drain');
    expect(stepFact('AllowTestTraffic').kind).toBe('join');
    expect(stepFact('postdeploy').kind).toBe('hook');
    expect(stepFact('buildfile').kind).toBe('workflow');
    expect(stepFact('BeforeInstall')).toEqual({ kind: 'hook', family: 'install' });
    expect(stepFact('Install').kind).toBe('reserved');
    expect(stepFact('launch').kind).toBe('launch');
  });

  it('colours each lifecycle family apart and lists the present families in lifecycle order', () => {
    expect(stepColor('BeforeBlockTraffic')).not.toBe(stepColor('BeforeAllowTraffic'));
    expect(stepColor('ApplicationStop')).not.toBe(stepColor('ApplicationStart'));
    expect(familiesOf(['AfterAllowTraffic', 'Start', 'BeforeInstall']).map((f) => f.family)).toEqual(['bracket', 'install', 'allow-traffic']);
  });
});
