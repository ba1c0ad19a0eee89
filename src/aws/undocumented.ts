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
  additionalBatchTermination: {
    question: 'Which instances RollingWithAdditionalBatch terminates when it completes.',
    says: 'AWS does not document which instances are removed; deploysim terminates the lowest-numbered instances, so the original instances i-1… go first',
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
    says: 'DNS caches expire at different moments within the TTL; deploysim moves clients evenly over one TTL, in tenths',
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
} as const satisfies Record<string, UndocumentedChoice>;

export type UndocumentedId = keyof typeof UNDOCUMENTED;
