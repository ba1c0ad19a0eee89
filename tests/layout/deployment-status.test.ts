// The status shown at the playhead: InProgress while a deployment runs, `Ready`
// during its Ready wait (reference §2.3/§2.4: AWS's deployment status while the
// replacements wait for ContinueDeployment), the recorded status once it ended.
import { describe, expect, it } from 'vitest';
import { buildIndex, deploymentsAt } from '../../src/layout/frame.ts';
import { runningStatus } from '../../src/layout/deployment-status.ts';
import { readScenario, run } from '../helpers.ts';
import { readyWaitFixture } from './fixtures.ts';

describe('runningStatus', () => {
  const phases = readyWaitFixture().phases;

  it('is Ready inside the Ready wait of that deployment and InProgress around it', () => {
    expect(runningStatus(phases, 'd-1', 119)).toBe('InProgress');
    expect(runningStatus(phases, 'd-1', 120)).toBe('Ready');
    expect(runningStatus(phases, 'd-1', 719)).toBe('Ready');
    expect(runningStatus(phases, 'd-1', 720)).toBe('InProgress');
  });

  it('reads only the deployment it is asked about', () => {
    expect(runningStatus(phases, 'd-2', 300)).toBe('InProgress');
  });
});

describe('deploymentsAt during a Ready wait', () => {
  it('shows Ready while the wait runs out, then the recorded Stopped at its end', () => {
    const index = buildIndex(readyWaitFixture());
    expect(deploymentsAt(index, 60)[0]!.status).toBe('InProgress');
    expect(deploymentsAt(index, 300)[0]!.status).toBe('Ready');
    expect(deploymentsAt(index, 720)[0]!.status).toBe('Stopped');
  });

  it('shows Ready from the engine\'s own Ready wait until ContinueDeployment ends it, then InProgress while traffic is rerouted', () => {
    const trace = run(readScenario('codedeploy/server-blue-green-continue-ready-wait.json') as Record<string, unknown>);
    const wait = trace.phases.find((p) => p.name === 'Ready wait')!;
    expect(wait.end).toBe(600); // ContinueDeployment at 600 s ends it
    const index = buildIndex(trace);
    expect(deploymentsAt(index, wait.start - 1)[0]!.status).toBe('InProgress');
    expect(deploymentsAt(index, (wait.start + wait.end) / 2)[0]!.status).toBe('Ready');
    expect(deploymentsAt(index, wait.end)[0]!.status).toBe('InProgress');
    expect(deploymentsAt(index, index.duration)[0]!.status).toBe('Succeeded');
  });
});
