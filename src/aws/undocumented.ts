// Every behaviour the simulator needs where AWS's documentation is silent
// (reference: shared/reference/aws-deployments.md, entries marked UNDOCUMENTED).
// Each choice lives here once; event messages quote `says` so a learner always
// knows when they are looking at deploysim's choice rather than AWS's documented rule.

export interface UndocumentedChoice {
  /** What AWS leaves open. */
  question: string;
  /** What deploysim does, as the narration says it. */
  says: string;
}

export const UNDOCUMENTED = {
  percentageRounding: {
    question: 'How a Percentage BatchSize is rounded to whole instances.',
    says: 'AWS does not document the rounding; deploysim rounds up, with at least 1 instance per batch',
  },
  additionalBatchOnFailure: {
    question: 'What happens to the additional batch when a RollingWithAdditionalBatch deployment fails.',
    says: 'AWS does not document this; deploysim keeps the additional batch running and leaves the fleet as it stands',
  },
  failedInstanceState: {
    question: 'What state an instance is left in when a command fails on it.',
    says: 'AWS does not document this; deploysim leaves the instance out of service, running whichever version it had started when the command failed',
  },
  abortInFlight: {
    question: 'What happens to instances that are mid-deployment when the update is aborted.',
    says: 'AWS only says instances keep whichever version they have; deploysim stops each in-flight step at once and re-attaches detached instances to the load balancer',
  },
  terminatedNotReplaced: {
    question: 'Whether Auto Scaling replaces an instance terminated during a deployment before the deployment ends.',
    says: 'AWS does not document the timing; deploysim does not replace it within the simulated deployment',
  },
  dnsPropagation: {
    question: 'How quickly clients move after a CNAME swap.',
    says: 'DNS caches expire at different moments within the TTL; deploysim moves 95% of the clients evenly over one TTL, in tenths',
  },
  dnsTail: {
    question: 'How many clients keep reaching the old environment after the TTL, and for how long (AWS warns that some resolvers keep old records past the TTL).',
    says: 'AWS does not say how many or how long; deploysim keeps the last 5% of clients on the old record until 3 TTLs after the swap',
  },
  swapBeforeGreenReady: {
    question: 'What a SwapEnvironmentCNAMEs does while the green environment is still being created.',
    says: 'deploysim makes no swap until the green environment is ready: it would send clients to an environment with nothing in service',
  },
  untestedSwapSkipped: {
    question: 'What the user does when the green environment stops serving during testing.',
    says: "deploysim's simulated user does not make the planned swap, so the blue environment keeps every client (an explicit SwapEnvironmentCNAMEs input still swaps)",
  },
  allAtOnceRestart: {
    question: 'When an AllAtOnce instance stops serving.',
    says: 'AWS says instances are briefly out of service while the application restarts; deploysim takes each one out of service from the moment its Procfile processes restart until it passes health checks',
  },
  singleInstanceCutover: {
    question: 'How a single-instance environment (no load balancer) moves traffic to the new instance during Immutable.',
    says: 'the guide does not describe the switch; deploysim moves all traffic from the old instance to the new one at once, when the new one is healthy',
  },
  blueGreenRollbackOrder: {
    question: 'In a CodeDeploy blue/green rollback, whether originals are re-allowed before replacements are blocked.',
    says: 'AWS does not document the order; deploysim re-allows traffic to the original instances first, which keeps capacity',
  },
  halfAtATimeSingleInstance: {
    question: 'How CodeDeployDefault.HalfAtATime deploys a single instance, where half rounded down is zero.',
    says: 'AWS does not document a one-instance group; deploysim deploys to that one instance and requires it to succeed',
  },
  stopInFlight: {
    question: 'What happens to lifecycle events in progress when a CodeDeploy deployment is stopped (alarm or StopDeployment).',
    says: 'AWS does not document this; deploysim ends each event in progress at once as Failed, runs nothing further, and leaves every target as it stands',
  },
  stopRollbackFlag: {
    question: "Whether StopDeployment's own autoRollbackEnabled or the group's DEPLOYMENT_STOP_ON_REQUEST decides a rollback.",
    says: "AWS does not document the precedence; deploysim lets StopDeployment's autoRollbackEnabled decide when it is given, otherwise the group's autoRollbackConfiguration",
  },
  rollbackTargets: {
    question: 'Which instances a Server rollback deployment redeploys the last known good revision to.',
    says: 'AWS does not document the set; deploysim redeploys to every instance of the deployment group, with the same deployment configuration and scheduling order',
  },
  rollbackNothingChanged: {
    question: 'Whether a deployment that failed before any target changed is rolled back.',
    says: 'AWS does not document this; deploysim starts no rollback because nothing was changed',
  },
  rollbackOfRollback: {
    question: 'What happens when the rollback deployment itself fails or is stopped.',
    says: 'AWS does not document this; deploysim does not roll back a rollback: the fleet stays as the rollback left it',
  },
  terminatedPending: {
    question: 'What CodeDeploy does with an instance terminated before its turn in a deployment.',
    says: 'AWS does not document this; deploysim drops it from the deployment without counting it as failed (the minimum healthy count, fixed at the start, still applies)',
  },
  noLoadBalancerServing: {
    question: 'When an instance without a load balancer stops and starts serving during an in-place deployment.',
    says: 'AWS does not document this; deploysim takes the instance out of service from ApplicationStop until ApplicationStart has run',
  },
  readyTimeout: {
    question: 'Whether a blue/green deployment stopped because its Ready wait ran out (STOP_DEPLOYMENT, nobody called ContinueDeployment) is rolled back.',
    says: 'AWS documents the stop, not a rollback; deploysim starts none: traffic never left the original instances, so there is nothing to route back',
  },
  rerouteCustom: {
    question: 'How a blue/green deployment with a custom (minimum healthy hosts) configuration reroutes traffic, and when that rerouting succeeds.',
    says: 'AWS documents rerouting rules for the predefined configurations only; deploysim reroutes to as many replacements at a time as the minimum healthy hosts allows and requires every one to receive traffic',
  },
  rerouteTargets: {
    question: 'Which replacement instances a blue/green deployment reroutes traffic to when some failed their install.',
    says: 'AWS does not document this; deploysim reroutes only to the replacements whose install succeeded and that still run, and applies the rerouting rule to those',
  },
  blockOriginalsPace: {
    question: 'How many original instances run the BlockTraffic hooks at once in a blue/green deployment.',
    says: 'AWS does not document the pace; deploysim blocks the originals with the same parallelism as the rerouting, stopping at the first one that fails to deregister',
  },
  rollbackUnchangedTargets: {
    question: 'In a blue/green rollback, what AllowTraffic does on an original that never stopped serving, and BlockTraffic on a replacement that never received traffic.',
    says: 'AWS says the originals run the AllowTraffic hooks again and the replacements the BlockTraffic hooks; deploysim runs them on every instance that still runs, and an instance already in the state the hook brings about stays as it is',
  },
  terminatedReplacement: {
    question: 'What happens to a replacement instance terminated before its install.',
    says: 'AWS does not document this; deploysim counts its deployment as failed, under the configuration\'s rule',
  },
  blueGreenRollbackReplacements: {
    question: 'What happens to Server blue/green replacement instances after a rollback.',
    says: 'AWS does not document this; deploysim leaves them running, blocked from the load balancer',
  },
  trafficRollbackEvents: {
    question: 'Which lifecycle events a Lambda or ECS rollback deployment runs, and how long it takes.',
    says: "AWS documents what a rollback restores, not its events; deploysim's rollback deployment runs AllowTraffic only: all traffic moves back at once when it starts, and it lasts AllowTraffic's own duration (timings.steps.AllowTraffic)",
  },
  linearFirstIncrement: {
    question: 'When the first increment of a linear traffic-shifting configuration moves.',
    says: 'AWS does not say; deploysim shifts the first increment when AllowTraffic starts, like a canary, then one more every interval',
  },
  trafficEventEnd: {
    question: 'How long AllowTraffic lasts on Lambda and ECS after the last traffic shift.',
    says: "deploysim's choice: AllowTraffic ends the event's own duration (timings.steps.AllowTraffic) after the last shift",
  },
} as const satisfies Record<string, UndocumentedChoice>;

export type UndocumentedId = keyof typeof UNDOCUMENTED;
