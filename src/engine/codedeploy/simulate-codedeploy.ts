// Simulates one CodeDeploy deployment: each deployment family has its own
// orchestrator statechart and entry point.
import type { Outcome } from '../../trace/types.ts';
import type { World } from '../world.ts';
import { simulateWithDriver } from './run-driver.ts';
import { simulateTrafficShifting as runTrafficShifting } from './traffic/simulate.ts';

export function simulateCodeDeploy(world: World): Outcome {
  const cd = world.scenario.codeDeploy!;
  if (cd.computePlatform !== 'Server') return simulateTrafficShifting(world);
  return cd.deploymentType === 'BLUE_GREEN' ? simulateServerBlueGreen(world) : simulateServerInPlace(world);
}

/** Lambda and ECS: traffic shifting. */
function simulateTrafficShifting(world: World): Outcome {
  return runTrafficShifting(world);
}

function simulateServerBlueGreen(world: World): Outcome {
  return simulateWithDriver(world);
}

function simulateServerInPlace(world: World): Outcome {
  return simulateWithDriver(world);
}
