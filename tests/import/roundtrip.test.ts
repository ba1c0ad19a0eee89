// Round trip: importing a shipped example and simulating it gives the hook order AWS
// documents (reference §2.1–2.2, §1.4) and the expected outcome; removing a script
// from the bundle fails the deployment the way CodeDeploy would (ScriptMissing).
// The shipped scenario files are exactly what the import produces today.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ECS_EVENTS, LAMBDA_EVENTS, SERVER_IN_PLACE_LB_EVENTS } from '../../src/aws/codedeploy-facts.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { importFiles } from '../../src/import/import.ts';
import type { ImportFile } from '../../src/import/types.ts';
import { validateScenario } from '../../src/scenario/validate.ts';
import { checkTrace } from '../../src/trace/check.ts';
import type { Trace } from '../../src/trace/types.ts';
import { folder, REPO } from './helpers.ts';

const EXAMPLES = ['ec2-appspec', 'lambda-appspec', 'ecs-appspec', 'eb-rolling', 'cloudformation-deployment-group'];

function runImported(files: ImportFile[]): Trace {
  const r = importFiles(files);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n'));
  const v = validateScenario(r.scenario);
  if (!v.ok) throw new Error('imported scenario does not validate');
  return simulate(v.scenario);
}

const example = (name: string) => folder(`scenarios/imported/${name}`);
const order = (t: Trace, target: string) => t.spans.filter((s) => s.target === target && s.deploymentId === 'd-1').map((s) => s.name);

describe('shipped import examples', () => {
  it.each(EXAMPLES)('%s: the shipped scenario file is what the import produces (npx tsx scripts/write-imported.ts)', (name) => {
    const r = importFiles(example(name));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const shipped = JSON.parse(readFileSync(join(REPO, `scenarios/imported/${name}.json`), 'utf8'));
    expect(shipped).toEqual({ $schema: '../scenario.schema.json', ...r.scenario });
  });

  it('EC2 appspec with a script for every hook: every instance runs the full in-place order behind a load balancer, and the deployment succeeds', () => {
    const t = runImported(example('ec2-appspec'));
    expect(t.outcome).toBe('Succeeded');
    expect(checkTrace(t)).toEqual([]);
    for (const target of ['i-1', 'i-2', 'i-3']) expect(order(t, target)).toEqual([...SERVER_IN_PLACE_LB_EVENTS]);
    // OneAtATime: i-2 starts only after i-1 ends.
    const end1 = Math.max(...t.spans.filter((s) => s.target === 'i-1').map((s) => s.end));
    expect(Math.min(...t.spans.filter((s) => s.target === 'i-2').map((s) => s.start))).toBeGreaterThanOrEqual(end1);
  });

  it('EC2 appspec whose AfterInstall script is missing from the bundle: i-1 fails AfterInstall with ScriptMissing and the deployment stops there', () => {
    const files = example('ec2-appspec').filter((f) => f.rel !== 'scripts/configure_app.sh');
    const t = runImported(files);
    expect(t.outcome).toBe('Failed');
    const i1 = t.spans.filter((s) => s.target === 'i-1');
    expect(i1.map((s) => s.name)).toEqual(SERVER_IN_PLACE_LB_EVENTS.slice(0, SERVER_IN_PLACE_LB_EVENTS.indexOf('AfterInstall') + 1));
    expect(i1.at(-1)).toMatchObject({ name: 'AfterInstall', status: 'Failed' });
    expect(t.spans.some((s) => s.target === 'i-2')).toBe(false);
  });

  it('the same missing script with the CloudFormation group: automatic rollback on DEPLOYMENT_FAILURE redeploys the old version', () => {
    const files = [...example('ec2-appspec').filter((f) => f.rel !== 'scripts/configure_app.sh'), ...example('cloudformation-deployment-group')];
    const t = runImported(files);
    expect(t.outcome).toBe('RolledBack');
    expect(t.deployments.map((d) => d.id)).toEqual(['d-1', 'd-2']);
  });

  it('Lambda appspec: Start, the two hooks around AllowTraffic, End; the alias ends on TargetVersion', () => {
    const t = runImported(example('lambda-appspec'));
    expect(t.outcome).toBe('Succeeded');
    expect(order(t, 'alias:live')).toEqual([...LAMBDA_EVENTS]);
    expect(t.scenario.versions).toEqual({ from: '7', to: '8' });
  });

  it('ECS appspec: the replacement task set runs every ECS lifecycle event in order', () => {
    const t = runImported(example('ecs-appspec'));
    expect(t.outcome).toBe('Succeeded');
    expect(order(t, 'replacement-task-set')).toEqual([...ECS_EVENTS]);
  });

  it('.ebextensions rolling config: 6 instances in 3 batches of 2; the steps with nothing to run take no time', () => {
    const t = runImported(example('eb-rolling'));
    expect(t.outcome).toBe('Succeeded');
    // Instances that start together form a batch (the engine's phases are not emitted on this branch yet).
    const starts = new Map<number, string[]>();
    for (const target of ['i-1', 'i-2', 'i-3', 'i-4', 'i-5', 'i-6']) {
      const start = Math.min(...t.spans.filter((s) => s.target === target).map((s) => s.start));
      starts.set(start, [...(starts.get(start) ?? []), target]);
    }
    expect([...starts.entries()].sort((a, b) => a[0] - b[0]).map(([, targets]) => targets)).toEqual([['i-1', 'i-2'], ['i-3', 'i-4'], ['i-5', 'i-6']]);
    const i1 = t.spans.filter((s) => s.target === 'i-1');
    const duration = (name: string) => i1.filter((s) => s.name === name).reduce((a, s) => a + s.end - s.start, 0);
    expect(duration('prebuild')).toBe(0);
    expect(duration('commands')).toBe(0);
    expect(duration('predeploy')).toBeGreaterThan(0);
    expect(duration('container_commands')).toBeGreaterThan(0);
  });
});
