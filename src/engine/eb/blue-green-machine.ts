// The orchestrator of Elastic Beanstalk blue/green: a second (green) environment
// runs the new version; after testing, the user swaps the environments' CNAMEs,
// and clients move over as DNS caches expire. Rollback is swapping back.
import { setup } from 'xstate';
import type { DeploymentStatus } from '../../trace/types.ts';

export type BlueGreenEvent =
  | { type: 'GROUP_HEALTHY' }
  | { type: 'GROUP_FAILED' }
  | { type: 'WAIT_DONE' }
  | { type: 'DNS_DONE' }
  | { type: 'ABORT' };

export const blueGreenMachine = setup({
  types: { events: {} as BlueGreenEvent },
  actions: {
    createGreen: () => {},
    startTesting: () => {},
    swap: (_, _params: { back: boolean }) => {},
    stopInFlight: () => {},
    end: (_, _params: { status: DeploymentStatus; rolledBack: boolean }) => {},
  },
}).createMachine({
  id: 'ebBlueGreen',
  initial: 'creatingGreen',
  states: {
    creatingGreen: {
      entry: 'createGreen',
      on: { GROUP_HEALTHY: 'testing', GROUP_FAILED: 'failed', ABORT: { target: 'stopped', actions: 'stopInFlight' } },
    },
    testing: {
      entry: 'startTesting',
      on: { WAIT_DONE: 'swapping', ABORT: 'stopped' },
    },
    swapping: {
      entry: { type: 'swap', params: { back: false } },
      on: { DNS_DONE: 'succeeded', ABORT: 'swappingBack' },
    },
    swappingBack: {
      entry: { type: 'swap', params: { back: true } },
      on: { DNS_DONE: 'rolledBack' },
    },
    succeeded: { type: 'final', entry: { type: 'end', params: { status: 'Succeeded', rolledBack: false } } },
    failed: { type: 'final', entry: { type: 'end', params: { status: 'Failed', rolledBack: false } } },
    stopped: { type: 'final', entry: { type: 'end', params: { status: 'Stopped', rolledBack: false } } },
    rolledBack: { type: 'final', entry: { type: 'end', params: { status: 'Stopped', rolledBack: true } } },
  },
});
