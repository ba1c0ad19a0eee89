// The trace contract (schemaVersion 1): what `deploysim run --json` prints and what
// the views and graders read. Times are seconds from the start of the first
// deployment. Add optional fields if needed; never rename these.
import type { Scenario } from '../scenario/types.ts';

export const TRACE_SCHEMA_VERSION = 1;

export type Outcome = 'Succeeded' | 'Failed' | 'Stopped' | 'RolledBack';

/** AWS's deployment statuses (CodeDeploy's list; EB uses the same words here). */
export type DeploymentStatus = 'Created' | 'Queued' | 'InProgress' | 'Baking' | 'Succeeded' | 'Failed' | 'Stopped' | 'Ready';

export type Creator = 'user' | 'codeDeployRollback';

export interface TraceDeployment {
  id: string;
  creator: Creator;
  status: DeploymentStatus;
  start: number;
  end: number;
  /** The application version (revision) this deployment installs. */
  revision: string;
}

export type TargetKind = 'instance' | 'task-set' | 'lambda-alias';

/**
 * Which fleet a target belongs to, for grouping lanes:
 * original fleet, RollingWithAdditionalBatch's extra batch, Immutable/TrafficSplitting's
 * temporary group, a blue/green second environment, CodeDeploy replacements, ECS task sets, Lambda aliases.
 */
export type TargetGroup =
  | 'original'
  | 'additional-batch'
  | 'temporary'
  | 'green-environment'
  | 'replacement'
  | 'task-set'
  | 'alias';

export interface TraceTarget {
  id: string;
  kind: TargetKind;
  group: TargetGroup;
  launchedAt: number;
  /** Short human label, e.g. "replacement task set". */
  label?: string;
}

export type SpanStatus = 'Succeeded' | 'Failed' | 'Skipped';

export interface TraceSpan {
  target: string;
  name: string;
  start: number;
  end: number;
  status: SpanStatus;
  deploymentId: string;
  /** Whose scripts or bundle this step ran (the revision label). */
  revision: string;
  /** Why a span failed or was skipped, in AWS's words where AWS has them (e.g. an error code). */
  reason?: string;
}

export type TraceEventType =
  | 'deployment-started'
  | 'deployment-ended'
  | 'batch-started'
  | 'batch-ended'
  | 'instance-launched'
  | 'instance-terminated'
  | 'deregistered'
  | 'registered'
  | 'health-changed'
  | 'traffic-shifted'
  | 'fault-injected'
  | 'rollback-started'
  | 'cname-swapped'
  | 'lifecycle-event-failed'
  | 'alarm'
  | 'deployment-stopped'
  | 'wait-started'
  | 'note';

export interface TraceEvent {
  t: number;
  type: TraceEventType;
  message: string;
  target?: string;
  deploymentId?: string;
  /** Set when the step follows a behaviour AWS does not document: the id of the choice in src/aws/undocumented.ts. */
  undocumented?: string;
}

export interface TraceSample {
  t: number;
  /** Targets in service (receiving production traffic) per version. */
  inService: Record<string, number>;
  /** Production traffic in percent per version; sums to 100 while anything serves, empty when nothing does. */
  traffic: Record<string, number>;
  /** ECS test-listener routing, kept apart from production traffic. */
  testTraffic?: Record<string, number>;
}

export type TargetState = 'InService' | 'OutOfService' | 'Terminated';

export interface FinalTarget {
  id: string;
  version: string;
  state: TargetState;
  healthy: boolean;
}

export interface Trace {
  schemaVersion: typeof TRACE_SCHEMA_VERSION;
  scenario: Scenario;
  outcome: Outcome;
  durationSeconds: number;
  deployments: TraceDeployment[];
  targets: TraceTarget[];
  spans: TraceSpan[];
  events: TraceEvent[];
  samples: TraceSample[];
  final: {
    targets: FinalTarget[];
    traffic: Record<string, number>;
  };
}
