// CodeDeploy deployments: Server in-place and blue/green, Lambda and ECS traffic shifting.
import type { Outcome } from '../../trace/types.ts';
import type { World } from '../world.ts';

export function simulateCodeDeploy(_world: World): Outcome {
  throw new Error('CodeDeploy is not simulated yet');
}
