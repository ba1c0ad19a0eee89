// Lambda (reference §2.2, §3): one function alias moves from the original version
// to the new one. BeforeAllowTraffic runs before any traffic shifts, AllowTraffic
// shifts the alias weights per the configuration, AfterAllowTraffic runs once all
// traffic has shifted. Rollback points the alias back at the original version.
import { LAMBDA_ALIAS_TARGET } from '../../aws/codedeploy-facts.ts';
import { lifecycleOrder } from '../lifecycles/catalog.ts';
import { runSteps, type StepRun } from '../steps.ts';
import { USER_DEPLOYMENT, type CdContext } from './context.ts';
import type { Driver, Send } from './driver.ts';
import { eventSeconds, lifecycleSteps } from './lifecycle.ts';
import { describeTraffic, Shifter, trafficConfigOf } from './traffic-shifting.ts';

export function lambdaDeployment(ctx: CdContext, send: Send): Driver {
  const { world, cd, from, to } = ctx;
  const alias = LAMBDA_ALIAS_TARGET;
  const id = USER_DEPLOYMENT;
  world.addTarget({ id: alias, kind: 'lambda-alias', group: 'alias', pool: 'alias', version: from, state: 'InService', healthy: true, label: 'function alias "live"' });
  const share = { value: 0 };
  // The alias routes invocations by weight, whatever else is running (reference §3).
  world.traffic = () => (share.value >= 100 ? { [to]: 100 } : share.value <= 0 ? { [from]: 100 } : { [from]: 100 - share.value, [to]: share.value });
  const config = trafficConfigOf(cd);
  const shifter = new Shifter(world, share, config, (percent, last) =>
    world.event(
      'traffic-shifted',
      last && percent === 100
        ? `The alias now sends 100% of invocations to ${to}`
        : `The alias now sends ${percent}% of invocations to ${to} and ${100 - percent}% to ${from} (AdditionalVersionWeights ${percent / 100})`,
      { target: alias, deploymentId: id, ...(config.kind === 'Linear' && percent === config.percentage ? { undocumented: 'linearFirstIncrement' as const } : {}) },
    ),
  );
  let run: StepRun | undefined;
  const split = () => (share.value <= 0 ? `the alias still points at ${from}` : share.value >= 100 ? `the alias points at ${to}` : `the alias stays split: ${100 - share.value}% of invocations to ${from}, ${share.value}% to ${to}`);

  return {
    intro: `Lambda deployment of ${to} through the alias "live" with ${cd.deploymentConfigName}: ${describeTraffic(config)}`,
    deploy() {
      const steps = lifecycleSteps(ctx, alias, lifecycleOrder('codeDeployLambda'), { deploymentId: id, revision: to }, {
        AllowTraffic: {
          seconds: shifter.span + eventSeconds(ctx, 'AllowTraffic'),
          onStart: () => shifter.start(() => world.setVersion(alias, to)),
        },
      });
      run = runSteps({
        world,
        target: alias,
        deploymentId: id,
        steps,
        onEnd: (r) => {
          if (r.ok) return send({ type: 'SUCCEEDED' });
          if (r.cancelled) return;
          shifter.stop();
          world.event('lifecycle-event-failed', `${r.failedStep} failed (${r.reason})`, { target: alias, deploymentId: id });
          send({ type: 'FAILED', trigger: { kind: 'failure', changed: share.value > 0 } });
        },
      });
      world.event('note', `AllowTraffic lasts ${eventSeconds(ctx, 'AllowTraffic')} s after the last shift`, { deploymentId: id, undocumented: 'trafficEventEnd' });
    },
    stop(reason) {
      shifter.stop();
      if (run && !run.finished) world.event('note', 'The lifecycle event in progress ends now as Failed; the alias keeps its current weights', { deploymentId: id, undocumented: 'stopInFlight' });
      run?.cancel(reason);
    },
    rollBack() {
      shifter.set(0);
      world.setVersion(alias, from);
      world.event('rollback-started', `Automatic rollback: CodeDeploy points the alias "live" back at ${from}, which gets 100% of invocations again`, { target: alias, deploymentId: id });
      world.agenda.at(world.now, () => send({ type: 'ROLLBACK_DONE', ok: true }));
    },
    stopRollback() {},
    changed: () => share.value > 0,
    summary: (status) => (status === 'Succeeded' ? `the alias "live" points at ${to}` : split()),
  };
}
