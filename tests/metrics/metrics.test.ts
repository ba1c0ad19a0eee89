// Metrics against hand-checked scenarios (docs/metrics.md).
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/metrics.ts';
import { eb, run } from '../helpers.ts';

const lambda = (config: string, faults: unknown[] = []) =>
  run({ platform: 'CodeDeploy', codeDeploy: { computePlatform: 'Lambda', deploymentConfigName: config, autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_STOP_ON_ALARM'] } }, faults });

describe('deployment metrics', () => {
  it('Rolling, fixed batches of 2 of 6: never fewer than 4 in service (66.7%), no extra instances', () => {
    const m = computeMetrics(eb({ instances: 6, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2 }));
    expect(m.minInService).toBe(4);
    expect(m.minInServicePercent).toBe(66.7);
    expect(m.peakTargets).toBe(6);
    expect(m.extraInstanceSeconds).toBe(0);
    expect(m.failingShare).toBeNull();
    expect(m.strategy).toBe('Elastic Beanstalk Rolling (Fixed 2)');
  });

  it('RollingWithAdditionalBatch never drops below 100% and pays for the extra batch', () => {
    const m = computeMetrics(eb({ instances: 6, DeploymentPolicy: 'RollingWithAdditionalBatch', BatchSizeType: 'Fixed', BatchSize: 2 }));
    expect(m.minInServicePercent).toBe(100);
    expect(m.peakTargets).toBe(8);
    expect(m.extraInstanceSeconds).toBeGreaterThan(0);
  });

  it('AllAtOnce drops to 0 in service', () => {
    const m = computeMetrics(eb({ instances: 4, DeploymentPolicy: 'AllAtOnce' }));
    expect(m.minInService).toBe(0);
    expect(m.minInServicePercent).toBe(0);
    expect(m.mixedVersionSeconds).toBe(0);
  });

  it('Immutable doubles the fleet for a while', () => {
    const m = computeMetrics(eb({ instances: 4, DeploymentPolicy: 'Immutable' }));
    expect(m.peakTargets).toBe(8);
    expect(m.minInServicePercent).toBe(100);
  });

  it('a Lambda canary of 10% for 5 minutes mixes versions for exactly 300 s; capacity does not apply', () => {
    const m = computeMetrics(lambda('CodeDeployDefault.LambdaCanary10Percent5Minutes'));
    expect(m.mixedVersionSeconds).toBe(300);
    expect(m.minInService).toBeNull();
    expect(m.peakTargets).toBeNull();
    expect(m.extraInstanceSeconds).toBeNull();
  });

  it('an alarm during a 10% canary: the failing version had 10% of traffic, restored at once by the rollback', () => {
    const m = computeMetrics(lambda('CodeDeployDefault.LambdaCanary10Percent10Minutes', [{ type: 'Alarm', at: 120 }]));
    expect(m.outcome).toBe('RolledBack');
    expect(m.failingShare).toBe(10);
    expect(m.restoreSeconds).toBe(0);
  });

  it('a stop by request is not a failure of the version', () => {
    const m = computeMetrics(lambda('CodeDeployDefault.LambdaCanary10Percent10Minutes', [{ type: 'StopDeployment', at: 120 }]));
    expect(m.outcome).toBe('Stopped');
    expect(m.failingShare).toBeNull();
    expect(m.restoreSeconds).toBeNull();
  });
});
