import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/layout/frame.ts';
import { lifecycleFor, lifecycleTable, spanStatusAt } from '../../src/layout/lifecycle.ts';
import { lifecycleOrder } from '../../src/engine/lifecycles/catalog.ts';
import { lambdaRollbackFixture, readyWaitFixture, rollingFixture } from './fixtures.ts';
import { run, SCENARIO_DIR, shippedScenarios } from '../helpers.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateText } from '../../src/scenario/validate.ts';
import { simulate } from '../../src/engine/simulate.ts';

describe('lifecycleTable', () => {
  it('lists the whole lifecycle in order: done, in progress and pending rows as of t', () => {
    const index = buildIndex(rollingFixture());
    const [section] = lifecycleTable(index, 2, 100); // i-3 at 100 s: deregister (83–103 s) runs
    expect(section!.lifecycle).toBe('ebInstanceRolling');
    expect(section!.rows.map((r) => r.event)).toEqual(lifecycleOrder('ebInstanceRolling'));
    expect(section!.rows[0]).toEqual({ event: 'deregister', status: 'InProgress', start: 83, duration: 17, revision: 'v2' });
    expect(section!.rows[1]).toEqual({ event: 'download', status: 'Pending' });
  });

  it('shows the failed event with its error and, once the deployment ended, events never run', () => {
    const index = buildIndex(rollingFixture());
    const [section] = lifecycleTable(index, 2, 961);
    const health = section!.rows.find((r) => r.event === 'health-check')!;
    expect(health).toMatchObject({ status: 'Failed', start: 121, duration: 840, errorCode: 'did not pass health checks within the timeout' });
    // The fixture's spans leave out some workflow steps: the deployment is over, so they are "Not run", not Pending.
    expect(section!.rows.find((r) => r.event === 'commands')!.status).toBe('Not run');
  });

  it('keeps Skipped as the trace says (ApplicationStop has no last revision)', () => {
    const index = buildIndex(readyWaitFixture());
    const [section] = lifecycleTable(index, 1, 200);
    expect(section!.lifecycle).toBe('codeDeployServerReplacement');
    expect(section!.rows.find((r) => r.event === 'ApplicationStop')!.status).toBe('Skipped');
    expect(section!.rows.find((r) => r.event === 'BeforeAllowTraffic')!.status).toBe('Pending');
    // The original instance's lifecycle has not started: every row Pending.
    const [original] = lifecycleTable(index, 0, 200);
    expect(original!.rows.every((r) => r.status === 'Pending')).toBe(true);
    expect(original!.lifecycle).toBe('codeDeployServerOriginal');
  });

  it('a rollback deployment appears only where it runs events; the Lambda alias follows its lifecycle', () => {
    const index = buildIndex(lambdaRollbackFixture());
    const sections = lifecycleTable(index, 0, 300);
    expect(sections.map((s) => s.deployment.id)).toEqual(['d-1']);
    expect(sections[0]!.rows.map((r) => `${r.event}:${r.status}`)).toEqual([
      'Start:Succeeded', 'BeforeAllowTraffic:Succeeded', 'AllowTraffic:Succeeded', 'AfterAllowTraffic:Not run', 'End:Not run',
    ]);
  });

  it('maps blue/green rollback deployments to the rollback lifecycles', () => {
    const trace = run({ platform: 'CodeDeploy', codeDeploy: { computePlatform: 'Server', deploymentType: 'BLUE_GREEN', instances: 2, loadBalancer: true } });
    const [original, replacement] = [trace.targets.find((t) => t.group === 'original')!, trace.targets.find((t) => t.group === 'replacement')!];
    const rollback = { ...trace.deployments[0]!, creator: 'codeDeployRollback' as const };
    expect(lifecycleFor(trace.scenario, original, rollback)).toBe('codeDeployServerRollbackOriginal');
    expect(lifecycleFor(trace.scenario, replacement, rollback)).toBe('codeDeployServerRollbackReplacement');
  });

  it('gives every shipped-style trace a table whose rows carry real statuses', () => {
    const trace = run({ platform: 'CodeDeploy', codeDeploy: { computePlatform: 'Server', deploymentConfigName: 'CodeDeployDefault.OneAtATime', instances: 3, loadBalancer: true } });
    const index = buildIndex(trace);
    const [section] = lifecycleTable(index, 0, index.duration);
    expect(section!.rows.map((r) => r.event)).toEqual(lifecycleOrder('codeDeployServerInPlaceLoadBalancer'));
    expect(section!.rows.every((r) => r.status === 'Succeeded' || r.status === 'Skipped')).toBe(true);
  });

  it('reads span status as of t', () => {
    const span = { target: 'x', name: 'Install', start: 10, end: 20, status: 'Failed' as const, deploymentId: 'd-1', revision: 'v2' };
    expect([5, 10, 15, 20].map((t) => spanStatusAt(span, t))).toEqual(['Pending', 'InProgress', 'InProgress', 'Failed']);
  });
});

describe('lifecycleTable on every shipped scenario', () => {
  // One test per scenario, so a growing library does not run into the per-test timeout.
  it.each(shippedScenarios())('at the end of %s: every span is a row, and no event is still Pending or InProgress', (file) => {
    const v = validateText(readFileSync(join(SCENARIO_DIR, file), 'utf8'));
    if (!v.ok) return;
    const index = buildIndex(simulate(v.scenario));
    index.targets.forEach((target, i) => {
      const sections = lifecycleTable(index, i, index.duration);
      const rows = sections.reduce((n, s) => n + s.rows.filter((r) => r.start !== undefined).length, 0);
      expect(rows, `${file} ${target.id}`).toBe(index.spansByTarget[i]!.length);
      for (const s of sections) for (const r of s.rows) expect(['Pending', 'InProgress'], `${file} ${target.id} ${r.event}`).not.toContain(r.status);
    });
  });
});
