// Simulates one CodeDeploy deployment: each deployment family has its own
// orchestrator statechart and entry point.
import type { Outcome } from '../../trace/types.ts';
import type { World } from '../world.ts';
import { simulateTrafficShifting } from './traffic/simulate.ts';
import { simulateServerBlueGreen } from './server-blue-green.ts';
import { simulateServerInPlace } from './server-in-place.ts';

export function simulateCodeDeploy(world: World): Outcome {
  const cd = world.scenario.codeDeploy!;
  if (cd.computePlatform !== 'Server') return simulateTrafficShifting(world);
  return cd.deploymentType === 'BLUE_GREEN' ? simulateServerBlueGreen(world) : simulateServerInPlace(world);
}
