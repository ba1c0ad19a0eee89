// Small hand-made version-2 traces that carry phases, rules and changes as the
// contract (src/trace/types.ts) says, so the layout is tested against the
// contract and not against whatever today's engine happens to emit.
import type { Trace, TraceChange, TraceSpan } from '../../src/trace/types.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { validateScenario } from '../../src/scenario/validate.ts';

// Not tests/helpers.ts: that one reads files with node:fs, and the browser tests use these fixtures too.
function scenario(raw: Record<string, unknown>): Scenario {
  const v = validateScenario({ name: 'fixture', description: 'fixture', ...raw });
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.scenario;
}

const full = (t: number, target: string, version: string, registered?: boolean): TraceChange => ({
  t, target, version, state: version ? 'InService' : 'OutOfService', healthy: version !== '', ...(registered === undefined ? {} : { registered }),
});

function ebSpans(target: string, from: number, healthEnd: number, failed = false): TraceSpan[] {
  const s = (name: string, start: number, end: number, status: TraceSpan['status'] = 'Succeeded', reason?: string): TraceSpan => ({
    target, name, start, end, status, deploymentId: 'd-1', revision: 'v2', ...(reason ? { reason } : {}),
  });
  return [
    s('deregister', from, from + 20),
    s('download', from + 20, from + 28),
    s('procfile', from + 28, from + 33),
    s('register', from + 33, from + 38),
    failed ? s('health-check', from + 38, healthEnd, 'Failed', 'did not pass health checks within the timeout') : s('health-check', from + 38, healthEnd),
  ];
}

/**
 * Elastic Beanstalk Rolling, 4 instances in batches of 2, Timeout 600: i-3 never
 * passes its health checks, so batch 2 waits 840 s (600 + 240) and the deployment fails.
 */
export function rollingFixture(): Trace {
  const sc = scenario({
    platform: 'ElasticBeanstalk',
    elasticBeanstalk: { instances: 4, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2, Timeout: 600 },
    faults: [{ type: 'UnhealthyInstance', target: 'i-3' }],
  });
  const end = 121 + 840;
  const changes: TraceChange[] = [
    ...['i-1', 'i-2', 'i-3', 'i-4'].map((id) => full(0, id, 'v1', true)),
    ...['i-1', 'i-2'].flatMap((target): TraceChange[] => [
      { t: 0, target, state: 'OutOfService', registered: false },
      { t: 28, target, version: 'v2' },
      { t: 38, target, registered: true },
      { t: 83, target, state: 'InService' },
    ]),
    ...['i-3', 'i-4'].flatMap((target): TraceChange[] => [
      { t: 83, target, state: 'OutOfService', registered: false },
      { t: 111, target, version: 'v2' },
      { t: 121, target, registered: true },
    ]),
    { t: 166, target: 'i-4', state: 'InService' } as TraceChange,
    { t: end, target: 'i-3', healthy: false },
  ].sort((a, b) => a.t - b.t);
  return {
    schemaVersion: 2,
    scenario: sc,
    outcome: 'Failed',
    durationSeconds: end,
    deployments: [{ id: 'd-1', creator: 'user', status: 'Failed', start: 0, end, revision: 'v2' }],
    targets: ['i-1', 'i-2', 'i-3', 'i-4'].map((id) => ({ id, kind: 'instance', group: 'original', launchedAt: 0 })),
    spans: [...ebSpans('i-1', 0, 83), ...ebSpans('i-2', 0, 83), ...ebSpans('i-3', 83, end, true), ...ebSpans('i-4', 83, 166)],
    events: [
      { t: 0, type: 'deployment-started', message: 'd-1 starts', deploymentId: 'd-1', rule: 'eb.rolling-batch' },
      { t: 0, type: 'batch-started', message: 'Batch 1 of 2', deploymentId: 'd-1', rule: 'eb.rolling-batch' },
      { t: 83, type: 'batch-started', message: 'Batch 2 of 2', deploymentId: 'd-1', rule: 'eb.rolling-batch' },
      { t: 121, type: 'wait-started', message: 'waiting', deploymentId: 'd-1', end, rule: 'eb.timeout' },
      { t: end, type: 'health-changed', message: 'i-3 unhealthy', target: 'i-3', healthy: false, deploymentId: 'd-1' },
      { t: end, type: 'deployment-ended', message: 'd-1 failed', deploymentId: 'd-1', rule: 'eb.rolling-failure' },
    ],
    samples: [
      { t: 0, inService: { v1: 2 }, traffic: { v1: 100 } },
      { t: 83, inService: { v2: 2 }, traffic: { v2: 100 } },
      { t: 166, inService: { v2: 3 }, traffic: { v2: 100 } },
    ],
    phases: [
      { deploymentId: 'd-1', kind: 'batch', name: 'Batch 1 of 2', start: 0, end: 83, targets: ['i-1', 'i-2'] },
      { deploymentId: 'd-1', kind: 'batch', name: 'Batch 2 of 2', start: 83, end, targets: ['i-3', 'i-4'] },
      { deploymentId: 'd-1', kind: 'wait', name: 'Health check Timeout', start: 121, end, deadline: end, targets: ['i-3', 'i-4'] },
    ],
    changes,
    machines: [
      { t: 0, machine: 'ebRolling', state: 'deployingBatch' },
      { t: end, machine: 'ebRolling', state: 'failed' },
    ],
    final: {
      targets: [
        { id: 'i-1', version: 'v2', state: 'InService', healthy: true },
        { id: 'i-2', version: 'v2', state: 'InService', healthy: true },
        { id: 'i-3', version: 'v2', state: 'OutOfService', healthy: false },
        { id: 'i-4', version: 'v2', state: 'InService', healthy: true },
      ],
      traffic: { v2: 100 },
    },
  };
}

/**
 * Lambda canary 10 % for 5 minutes: the alarm fires at 300 s, inside the canary
 * interval; the rollback deployment d-2 puts the alias back on v1 at the trace's
 * last instant (300 s).
 */
export function lambdaRollbackFixture(): Trace {
  const sc = scenario({
    platform: 'CodeDeploy',
    codeDeploy: {
      computePlatform: 'Lambda',
      deploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
      autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_STOP_ON_ALARM'] },
    },
    faults: [{ type: 'Alarm', at: 300 }],
  });
  const span = (name: string, start: number, end: number, deploymentId = 'd-1', revision = 'v2'): TraceSpan => ({
    target: 'alias:live', name, start, end, status: 'Succeeded', deploymentId, revision,
  });
  return {
    schemaVersion: 2,
    scenario: sc,
    outcome: 'RolledBack',
    durationSeconds: 300,
    deployments: [
      { id: 'd-1', creator: 'user', status: 'Stopped', start: 0, end: 300, revision: 'v2' },
      { id: 'd-2', creator: 'codeDeployRollback', status: 'Succeeded', start: 300, end: 300, revision: 'v1' },
    ],
    targets: [{ id: 'alias:live', kind: 'lambda-alias', group: 'alias', launchedAt: 0, label: 'function alias "live"' }],
    spans: [span('Start', 0, 1), span('BeforeAllowTraffic', 1, 6), span('AllowTraffic', 6, 300)],
    events: [
      { t: 0, type: 'deployment-started', message: 'd-1 starts', deploymentId: 'd-1' },
      { t: 6, type: 'traffic-shifted', message: '10 %', deploymentId: 'd-1', rule: 'cd.hooks-lambda' },
      { t: 6, type: 'wait-started', message: 'canary', deploymentId: 'd-1', end: 306 },
      { t: 300, type: 'alarm', message: 'alarm', deploymentId: 'd-1' },
      { t: 300, type: 'rollback-started', message: 'd-2', deploymentId: 'd-2' },
      { t: 300, type: 'traffic-shifted', message: '0 %', deploymentId: 'd-2' },
      { t: 300, type: 'deployment-ended', message: 'd-2 succeeded', deploymentId: 'd-2' },
    ],
    samples: [
      { t: 0, inService: { v1: 1 }, traffic: { v1: 100 } },
      { t: 6, inService: { v1: 1 }, traffic: { v1: 90, v2: 10 } },
      { t: 300, inService: { v1: 1 }, traffic: { v1: 100 } },
    ],
    phases: [
      { deploymentId: 'd-1', kind: 'traffic-shift', name: 'Canary', start: 6, end: 300 },
      { deploymentId: 'd-1', kind: 'wait', name: 'Canary interval', start: 6, end: 300, deadline: 306 },
      { deploymentId: 'd-2', kind: 'rollback', name: 'Rollback', start: 300, end: 300 },
    ],
    changes: [{ t: 0, target: 'alias:live', version: 'v1', state: 'InService', healthy: true }],
    machines: [
      { t: 0, machine: 'codeDeployDeployment', state: 'deploying' },
      { t: 300, machine: 'codeDeployDeployment', state: 'rolledBack' },
    ],
    final: { targets: [{ id: 'alias:live', version: 'v1', state: 'InService', healthy: true }], traffic: { v1: 100 } },
  };
}

/** EC2 blue/green, 1 original + 1 replacement, Ready wait of 10 minutes (STOP_DEPLOYMENT), nobody continues. */
export function readyWaitFixture(): Trace {
  const sc = scenario({
    platform: 'CodeDeploy',
    codeDeploy: {
      computePlatform: 'Server',
      deploymentType: 'BLUE_GREEN',
      deploymentConfigName: 'CodeDeployDefault.AllAtOnce',
      instances: 1,
      loadBalancer: true,
      blueGreenDeploymentConfiguration: {
        deploymentReadyOption: { actionOnTimeout: 'STOP_DEPLOYMENT', waitTimeInMinutes: 10 },
      },
    },
  });
  const span = (name: string, start: number, end: number, status: TraceSpan['status'] = 'Succeeded'): TraceSpan => ({
    target: 'i-2', name, start, end, status, deploymentId: 'd-1', revision: 'v2',
  });
  return {
    schemaVersion: 2,
    scenario: sc,
    outcome: 'Stopped',
    durationSeconds: 720,
    deployments: [{ id: 'd-1', creator: 'user', status: 'Stopped', start: 0, end: 720, revision: 'v2' }],
    targets: [
      { id: 'i-1', kind: 'instance', group: 'original', launchedAt: 0 },
      { id: 'i-2', kind: 'instance', group: 'replacement', launchedAt: 0 },
    ],
    spans: [span('Start', 60, 61), span('ApplicationStop', 61, 61, 'Skipped'), span('DownloadBundle', 61, 71), span('BeforeInstall', 71, 81), span('Install', 81, 91), span('AfterInstall', 91, 101), span('ApplicationStart', 101, 111), span('ValidateService', 111, 120)],
    events: [
      { t: 0, type: 'deployment-started', message: 'd-1', deploymentId: 'd-1' },
      { t: 120, type: 'wait-started', message: 'ready wait', deploymentId: 'd-1', end: 720 },
      { t: 720, type: 'deployment-stopped', message: 'stopped', deploymentId: 'd-1' },
      { t: 720, type: 'deployment-ended', message: 'd-1 Stopped', deploymentId: 'd-1' },
    ],
    samples: [{ t: 0, inService: { v1: 1 }, traffic: { v1: 100 } }],
    phases: [{ deploymentId: 'd-1', kind: 'wait', name: 'Ready wait', start: 120, end: 720, deadline: 720 }],
    changes: [
      full(0, 'i-1', 'v1', true),
      { t: 0, target: 'i-2', version: '', state: 'OutOfService', healthy: false, registered: false },
      { t: 81, target: 'i-2', version: 'v2' },
      { t: 120, target: 'i-2', healthy: true },
    ],
    machines: [
      { t: 0, machine: 'codeDeployServerBlueGreen', state: 'deployingReplacements' },
      { t: 120, machine: 'codeDeployServerBlueGreen', state: 'readyWait' },
      { t: 720, machine: 'codeDeployServerBlueGreen', state: 'stopped' },
    ],
    final: {
      targets: [
        { id: 'i-1', version: 'v1', state: 'InService', healthy: true },
        { id: 'i-2', version: 'v2', state: 'OutOfService', healthy: true },
      ],
      traffic: { v1: 100 },
    },
  };
}
