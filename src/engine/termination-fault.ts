// An InstanceTerminated fault as it takes effect, the same on every platform that
// has instances (Elastic Beanstalk's inputs, CodeDeploy's controls): said in the
// same words, and acted on only while its instance runs. What the termination then
// does is the platform's.
import type { Fault } from '../scenario/types.ts';
import type { TargetIndex } from './target-store.ts';
import type { World } from './world.ts';

type InstanceTermination = Extract<Fault, { type: 'InstanceTerminated' }>;

/**
 * Says that fault `f` takes effect now and returns its instance; or says why nothing
 * happens (already terminated, or not launched yet) and returns undefined.
 */
export function terminationTarget(world: World, f: InstanceTermination): TargetIndex | undefined {
  const t = world.targets.get(f.target);
  if (!t || t.state === 'Terminated') {
    world.event('fault-injected', `${f.target} was to be terminated at ${f.at} s, but ${t ? 'it is already terminated' : 'it does not exist yet'}`);
    return undefined;
  }
  world.event('fault-injected', `${f.target} is terminated unexpectedly (for example by a failed EC2 host)`, { target: t.index });
  return t.index;
}
