// The capacity charts: whole-number ticks for counts (never 0.5 instances); Lambda
// and ECS show traffic weights per version in percent, not "1 in service"; every
// band carries its version's name, so colour is not the only cue.
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/views/capacity-charts/index.ts';
import { cleanup, indexOf, mount, settle } from './fixtures.ts';

afterEach(cleanup);

const ticks = (root: ShadowRoot, kind: string) => [...root.querySelectorAll(`figure.${kind} g.y .tick text`)].map((t) => t.textContent);
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const chips = (root: ShadowRoot, kind: string) => [...root.querySelectorAll(`figure.${kind} .chip`)].map(text);

describe('capacity-charts', () => {
  it('counts in service with whole-number ticks only, even for one instance', async () => {
    for (const instances of [1, 2, 3, 7]) {
      const index = indexOf({ platform: 'ElasticBeanstalk', elasticBeanstalk: { instances, DeploymentPolicy: 'AllAtOnce' } });
      const el = mount('capacity-charts', { index, t: 5 });
      await settle(el);
      const values = ticks(el.shadowRoot!, 'capacity');
      expect(values.length).toBeGreaterThan(1);
      for (const v of values) expect(Number.isInteger(Number(v!.replace(/,/g, ''))), `${instances} instances: tick ${v}`).toBe(true);
      expect(Number(values.at(-1)!.replace(/,/g, ''))).toBeGreaterThanOrEqual(instances);
      el.remove();
    }
  });

  it('groups the count ticks of a large fleet ("1,500", not "1500")', async () => {
    const index = indexOf({ platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 1500, MaxSize: 1500, DeploymentPolicy: 'AllAtOnce' } });
    const el = mount('capacity-charts', { index, t: 5 });
    await settle(el);
    const values = ticks(el.shadowRoot!, 'capacity');
    expect(values).toContain('1,000');
    expect(values.at(-1)).toMatch(/^\d,\d{3}$/);
    expect(values.filter((v) => /^\d{4,}$/.test(v ?? ''))).toEqual([]);
  });

  it('Lambda: one chart of the alias\'s traffic weights in percent, no "in service" count', async () => {
    const index = indexOf({ platform: 'CodeDeploy', codeDeploy: { computePlatform: 'Lambda', deploymentConfigName: 'CodeDeployDefault.LambdaLinear10PercentEvery1Minute' } });
    const el = mount('capacity-charts', { index, t: 200 });
    await settle(el);
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll('figure')].map((f) => f.className)).toEqual(['chart traffic']);
    expect(root.querySelector('figure.capacity')).toBeNull();
    expect(text(root.querySelector('figure.traffic .title'))).toBe('Traffic weights (alias)');
    expect(chips(root, 'traffic')).toEqual([expect.stringMatching(/^v1 \d+%$/), expect.stringMatching(/^v2 \d+%$/)]);
    expect(ticks(root, 'traffic')).toEqual(['0%', '50%', '100%']);
    expect(root.textContent).not.toMatch(/in service/i);
    expect([...root.querySelectorAll('figure.traffic text.band-name')].map((t) => t.textContent).sort()).toEqual(['v1', 'v2']);
  });

  it('ECS: production and test listener weights in percent, no task-set count', async () => {
    const index = indexOf({ platform: 'CodeDeploy', codeDeploy: { computePlatform: 'ECS', deploymentConfigName: 'CodeDeployDefault.ECSCanary10Percent5Minutes' } });
    const canary = index.trace.samples.find((s) => s.traffic.v2 === 10)!.t;
    const el = mount('capacity-charts', { index, t: canary + 1 });
    await settle(el);
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll('figure')].map((f) => f.className)).toEqual(['chart traffic', 'chart test']);
    expect(chips(root, 'traffic')).toEqual(['v1 90%', 'v2 10%']);
    expect(text(root.querySelector('figure.test .title'))).toBe('Traffic weights (test listener)');
    expect(chips(root, 'test')).toEqual(['v2 100%']);
    expect(ticks(root, 'test')).toEqual(['0%', '50%', '100%']);
    expect(root.textContent).not.toMatch(/in service/i);
  });
});
