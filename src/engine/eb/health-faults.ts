// Health faults that strike instances already in service: from the fault's `at`,
// the instance fails its health checks, and after UnhealthyThresholdCount failed
// checks the load balancer takes it out of service. (Instances still deploying
// meet the same fault in their own health-check step.)
import type { World } from '../world.ts';
import type { Fleet } from './fleet.ts';

export function scheduleHealthFaults(world: World, fleet: Fleet, onUnhealthy: (id: string) => void): void {
  const { to } = world.scenario.versions;
  const { healthCheckInterval, unhealthyThreshold } = world.scenario.timings;
  const strike = (ids: string[], why: string) => {
    for (const id of ids) {
      const t = world.target(id);
      if (t.state !== 'InService' || t.version !== to || !t.healthy) continue;
      world.setHealthy(id, false);
      world.event('health-changed', `${id} starts failing health checks (${why})`, { target: id, deploymentId: fleet.deploymentId });
      onUnhealthy(id);
      world.agenda.after(healthCheckInterval * unhealthyThreshold, () => {
        if (world.target(id).state !== 'InService' || world.target(id).healthy) return;
        world.setState(id, 'OutOfService');
        world.event('health-changed', `After ${unhealthyThreshold} failed checks the load balancer stops sending ${id} traffic`, { target: id, deploymentId: fleet.deploymentId });
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
