// Health faults that strike instances already in service: from the fault's `at`,
// the instance fails its health checks, and after UnhealthyThresholdCount failed
// checks it stops serving (the load balancer takes it out; a single-instance
// environment has no load balancer, so its one instance just fails its requests).
// Instances still deploying meet the same fault in their own health-check step.
import type { TargetIndex } from '../target-store.ts';
import type { World } from '../world.ts';
import type { Fleet } from './fleet.ts';

/** What the driver of a policy wants to hear about instances that stop being healthy or serving. */
export interface HealthWatch {
  unhealthy?(id: TargetIndex): void;
  outOfService?(id: TargetIndex): void;
}

export function scheduleHealthFaults(world: World, fleet: Fleet, watch: HealthWatch): void {
  const { to } = world.scenario.versions;
  const { healthCheckInterval, unhealthyThreshold } = world.scenario.timings;
  const single = world.scenario.elasticBeanstalk?.environmentType === 'SingleInstance';
  const strike = (targets: readonly TargetIndex[], why: string) => {
    for (const i of targets) {
      const t = world.targetAt(i);
      if (t.state !== 'InService' || t.version !== to || !t.healthy) continue;
      const id = t.id;
      world.setHealthy(i, false);
      world.event('health-changed', `${id} starts failing health checks (${why})`, { target: i, deploymentId: fleet.deploymentId, healthy: false });
      watch.unhealthy?.(i);
      world.agenda.after(healthCheckInterval * unhealthyThreshold, () => {
        if (world.stateOf(i) !== 'InService' || world.healthyOf(i)) return;
        world.setState(i, 'OutOfService');
        world.event(
          'health-changed',
          single
            ? `${id} is still unhealthy: with no load balancer in front of it, its requests fail`
            : `After ${unhealthyThreshold} failed checks the load balancer stops sending ${id} traffic`,
          { target: i, deploymentId: fleet.deploymentId, healthy: false, rule: single ? 'eb.single-instance' : 'eb.health-checks' },
        );
        watch.outOfService?.(i);
      });
    }
  };
  for (const f of world.faults('UnhealthyInstance')) {
    if ((f.at ?? 0) > 0)
      world.agenda.at(f.at!, () => {
        const t = world.targets.get(f.target);
        if (t) strike([t.index], `fault injected at ${f.at} s`);
      });
  }
  for (const f of world.faults('BadVersion')) {
    if ((f.at ?? 0) > 0) world.agenda.at(f.at!, () => strike(Array.from({ length: world.targetCount }, (_, i) => i), `${to} is a bad version`));
  }
}
