// Every target lifecycle as a statechart, built from the AWS facts (reference
// §1.4, §2.1–2.2): the CodeDeploy lifecycles per compute platform and the Elastic
// Beanstalk instance workflow in each of its variants. `lifecycleOrder` is what
// the engine runs; it is compiled from the machine once per process. Each
// machine is built the first time it is read: a run needs one or two of the
// twelve, and building them all cost the simulation worker a few hundred ms of
// its start on a loaded machine (issue 10).
import type { AnyStateMachine } from 'xstate';
import {
  ECS_EVENTS,
  IGNORABLE_STOP_EVENTS,
  LAMBDA_EVENTS,
  LAST_REVISION_EVENTS,
  RESERVED_EVENTS,
  SERVER_ALLOW_TRAFFIC_EVENTS,
  SERVER_BLOCK_TRAFFIC_EVENTS,
  SERVER_BLUE_GREEN_ORIGINAL_EVENTS,
  SERVER_BLUE_GREEN_REPLACEMENT_EVENTS,
  SERVER_IN_PLACE_EVENTS,
  SERVER_IN_PLACE_LB_EVENTS,
} from '../../aws/codedeploy-facts.ts';
import { EB_INSTANCE_WORKFLOW, EB_LIFECYCLE_STEPS } from '../../aws/eb-facts.ts';
import { compileOrder } from './compile.ts';
import { lifecycleMachine } from './lifecycle-machine.ts';

const serverOptions = (description: string) => ({
  description,
  ignorable: IGNORABLE_STOP_EVENTS,
  skippable: LAST_REVISION_EVENTS,
  reserved: RESERVED_EVENTS,
});

const workflow = EB_INSTANCE_WORKFLOW.map((s) => s.name);
const { launch, deregister, register, healthCheck } = EB_LIFECYCLE_STEPS;

const BUILDERS = {
  codeDeployServerInPlace: () => lifecycleMachine('codeDeployServerInPlace', SERVER_IN_PLACE_EVENTS, serverOptions('CodeDeploy EC2/on-premises in-place, one instance, no load balancer')),
  codeDeployServerInPlaceLoadBalancer: () => lifecycleMachine(
    'codeDeployServerInPlaceLoadBalancer',
    SERVER_IN_PLACE_LB_EVENTS,
    serverOptions('CodeDeploy EC2/on-premises in-place, one instance behind a load balancer'),
  ),
  codeDeployServerReplacement: () => lifecycleMachine(
    'codeDeployServerReplacement',
    SERVER_BLUE_GREEN_REPLACEMENT_EVENTS,
    serverOptions('CodeDeploy EC2 blue/green, one replacement instance: install, then traffic is allowed when rerouting reaches it'),
  ),
  codeDeployServerOriginal: () => lifecycleMachine(
    'codeDeployServerOriginal',
    SERVER_BLUE_GREEN_ORIGINAL_EVENTS,
    serverOptions('CodeDeploy EC2 blue/green, one original instance: traffic is blocked once the replacements serve'),
  ),
  codeDeployServerRollbackOriginal: () => lifecycleMachine(
    'codeDeployServerRollbackOriginal',
    SERVER_ALLOW_TRAFFIC_EVENTS,
    serverOptions('CodeDeploy EC2 blue/green rollback, one original instance: traffic is allowed again'),
  ),
  codeDeployServerRollbackReplacement: () => lifecycleMachine(
    'codeDeployServerRollbackReplacement',
    SERVER_BLOCK_TRAFFIC_EVENTS,
    serverOptions('CodeDeploy EC2 blue/green rollback, one replacement instance: traffic is blocked'),
  ),
  codeDeployLambda: () => lifecycleMachine('codeDeployLambda', LAMBDA_EVENTS, { description: 'CodeDeploy Lambda, the function alias', reserved: RESERVED_EVENTS }),
  codeDeployEcs: () => lifecycleMachine('codeDeployEcs', ECS_EVENTS, { description: 'CodeDeploy ECS, the replacement task set', reserved: RESERVED_EVENTS }),
  ebInstanceRolling: () => lifecycleMachine('ebInstanceRolling', [deregister, ...workflow, register, healthCheck], {
    description: 'Elastic Beanstalk, an existing instance in a Rolling batch: detached, deployed, attached, health-checked',
  }),
  ebInstanceInPlace: () => lifecycleMachine('ebInstanceInPlace', [...workflow, healthCheck], {
    description: 'Elastic Beanstalk, an existing instance deployed where it stands (AllAtOnce): the application restarts, then health checks',
  }),
  ebInstanceNew: () => lifecycleMachine('ebInstanceNew', [launch, ...workflow, register, healthCheck], {
    description: 'Elastic Beanstalk, a new instance (additional batch, temporary group, green environment): launched, deployed, attached, health-checked',
  }),
  ebInstanceNewStandby: () => lifecycleMachine('ebInstanceNewStandby', [launch, ...workflow, healthCheck], {
    description: 'Elastic Beanstalk, a new instance in a single-instance environment (no load balancer): launched, deployed, health-checked',
  }),
} satisfies Record<string, () => AnyStateMachine>;

export type LifecycleId = keyof typeof BUILDERS;

/** Every lifecycle machine by id, each built when first read (then kept). */
export const LIFECYCLES = {} as Readonly<Record<LifecycleId, AnyStateMachine>>;
for (const id of Object.keys(BUILDERS) as LifecycleId[]) {
  Object.defineProperty(LIFECYCLES, id, {
    enumerable: true,
    get() {
      const machine = BUILDERS[id]();
      Object.defineProperty(LIFECYCLES, id, { value: machine, enumerable: true });
      return machine;
    },
    configurable: true,
  });
}

const compiled = new Map<LifecycleId, readonly string[]>();

/** The lifecycle events of `id` in the order the engine runs them, compiled from its machine. */
export function lifecycleOrder(id: LifecycleId): readonly string[] {
  let order = compiled.get(id);
  if (!order) compiled.set(id, (order = Object.freeze(compileOrder(LIFECYCLES[id]))));
  return order;
}
