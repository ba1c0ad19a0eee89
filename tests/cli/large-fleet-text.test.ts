// Counts in the narration and the text report are grouped ("5,000 instances"), as
// the views print them; instance ids ("i-5000") and AWS's own values are not.
import { describe, expect, it } from 'vitest';
import { formatTrace } from '../../src/cli/format-text.ts';
import { listIds, plural } from '../../src/engine/narration.ts';
import { eb, run } from '../helpers.ts';

describe('counts of a large fleet', () => {
  it('are grouped by the narration helpers', () => {
    expect(plural(5000, 'instance')).toBe('5,000 instances');
    expect(plural(1, 'instance')).toBe('1 instance');
    expect(listIds(Array.from({ length: 1500 }, (_, i) => `i-${i + 1}`))).toBe('i-1 … i-1500 (1,500 instances)');
  });

  it('are grouped in a blue/green deployment and its report, ids are not', () => {
    const trace = run({
      platform: 'CodeDeploy',
      codeDeploy: { computePlatform: 'Server', deploymentType: 'BLUE_GREEN', deploymentConfigName: 'CodeDeployDefault.HalfAtATime', instances: 5000, loadBalancer: true },
    });
    const messages = trace.events.map((e) => e.message);
    expect(messages[0]).toMatch(/^Blue\/green deployment of v2: 5,000 replacement instances .* at most 2,500 instances of 5,000 at a time, and at least 2,500 must succeed/);
    expect(messages).toContain('Rerouting succeeded: traffic reached all 5,000 replacements');
    expect(trace.phases.map((p) => p.name)).toContain('Batch 1 of 2');
    const text = formatTrace(trace);
    expect(text).toMatch(`Outcome: Succeeded after 1:06:18 (3,978 s of simulated time)`);
    expect(text).toMatch('Provisioning replacement instances (i-5001 … i-10000, 5,000 targets) [batch]');
    expect(text).toMatch('(also i-2 … i-5000: 4,999 more)');
    expect(text).toMatch(/v2 +InService +healthy +5,000 × i-5001, i-5002, i-5003, i-5004, i-5005 … i-10000/);
  });

  it('are grouped in an Elastic Beanstalk rolling deployment', () => {
    const trace = eb({ instances: 5000, MaxSize: 10000, DeploymentPolicy: 'RollingWithAdditionalBatch', BatchSizeType: 'Fixed', BatchSize: 1500 });
    expect(trace.events[0]!.message).toBe('RollingWithAdditionalBatch deployment of v2 to 5,000 instances in batches of 1,500, after launching an additional batch of 1,500 so capacity never drops');
    expect(formatTrace(trace).split('\n')[1]).toBe('Elastic Beanstalk · RollingWithAdditionalBatch · LoadBalanced · 5,000 instances · v1 → v2');
  });

  it('are grouped in the names of one at a time batches', () => {
    const trace = run({
      platform: 'CodeDeploy',
      codeDeploy: { computePlatform: 'Server', deploymentType: 'IN_PLACE', deploymentConfigName: 'CodeDeployDefault.OneAtATime', instances: 1200, loadBalancer: true },
    });
    const names = trace.phases.map((p) => p.name);
    expect(names).toContain('Batch 999 of 1,200');
    expect(names).toContain('Batch 1,200 of 1,200');
    const started = trace.events.filter((e) => e.type === 'batch-started').map((e) => e.message);
    expect(started).toHaveLength(1200);
    expect(started[0]).toBe('Batch 1: CodeDeploy deploys v2 to i-1 (at least 1,199 must stay healthy)');
    expect(started.at(-1)).toBe('Batch 1,200: CodeDeploy deploys v2 to i-1200 (at least 1,199 must stay healthy)');
  });
});
