// Health faults that strike instances already in service: from the fault's `at`,
// the instance fails its health checks, and after UnhealthyThresholdCount failed
// checks it stops serving (the load balancer takes it out; a single-instance
// environment has no load balancer, so its one instance just fails its requests).
// Instances still deploying meet the same fault in their own health-check step.
import type { World } from '../world.ts';
import type { Fleet } from './fleet.ts';

/** What the driver of a policy wants to hear about instances that stop being healthy or serving. */
export interface HealthWatch {
  unhealthy?(id: string): void;
  outOfService?(id: string): void;
}

export function scheduleHealthFaults(world: World, fleet: Fleet, watch: HealthWatch): void {
  const { to } = world.scenario.versions;
  const { healthCheckInterval, unhealthyThreshold } = world.scenario.timings;
  const single = world.scenario.elasticBeanstalk?.environmentType === 'SingleInstance';
  const strike = (ids: string[], why: string) => {
    for (const id of ids) {
      const t = world.target(id);
      if (t.state !== 'InService' || t.version !== to || !t.healthy) continue;
      world.setHealthy(id, false);
      world.event('health-changed', `${id} starts failing health checks (${why})`, { target: id, deploymentId: fleet.deploymentId, healthy: false });
      watch.unhealthy?.(id);
      world.agenda.after(healthCheckInterval * unhealthyThreshold, () => {
        if (world.target(id).state !== 'InService' || world.target(id).healthy) return;
        world.setState(id, 'OutOfService');
        world.event(
          'health-changed',
          single
            ? `${id} is still unhealthy: with no load balancer in front of it, its requests fail`
            : `After ${unhealthyThreshold} failed checks the load balancer stops sending ${id} traffic`,
          { target: id, deploymentId: fleet.deploymentId, healthy: false, rule: single ? 'eb.single-instance' : 'eb.health-checks' },
        );
        watch.outOfService?.(id);
      });
    }
  };
  for (const f of world.faults('UnhealthyInstance')) {
    if ((f.at ?? 0) > 0) world.agenda.at(f.at!, () => world.targets.has(f.target) && strike([f.target], `fault injected at ${f.at} s`));
  }
  for (const f of world.faults('BadVersion')) {
    if ((f.at ?? 0) > 0) world.agenda.at(f.at!, () => strike([...world.targets.keys()], `${to} is a bad version`));
  }
}
