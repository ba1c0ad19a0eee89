// The trace contract (schemaVersion 2, documented in docs/trace.md): what
// `deploysim run --json` prints and what the views and graders read. Times are
// seconds from the start of the first deployment. Version 2 keeps every version-1
// field and adds phases, changes, machines and the rule behind events. Add
// optional fields if needed; never rename these.
import type { Scenario } from '../scenario/types.ts';
import type { RuleId } from '../aws/rules.ts';

export const TRACE_SCHEMA_VERSION = 2;

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
  /** The AWS rule the event applies: an id in the rules catalogue (src/aws/rules.ts, `deploysim rules --json`). */
  rule?: RuleId;
  /** health-changed: the target's health after the change. */
  healthy?: boolean;
  /** wait-started: when the wait ends (or gives up), if known when it starts. */
  end?: number;
}

export type PhaseKind = 'batch' | 'wait' | 'traffic-shift' | 'rollback';

/** A stretch of a deployment with a name in AWS's words: a batch, a wait, a traffic shift, a rollback. */
export interface TracePhase {
  deploymentId: string;
  kind: PhaseKind;
  /** e.g. "Batch 2 of 3", "EvaluationTime", "Canary interval", "Ready wait", "Termination wait". */
  name: string;
  start: number;
  end: number;
  /** The ids the phase acts on; always given for a batch. */
  targets?: string[];
  /** For a wait that may end early or time out: the time it would give up. */
  deadline?: number;
}

/**
 * One change of a target's observable state, emitted where the world changes it.
 * A target's first change (when it is added) carries every field; replaying the
 * changes in order reproduces `final.targets` exactly.
 */
export interface TraceChange {
  t: number;
  target: string;
  version?: string;
  state?: TargetState;
  healthy?: boolean;
  /** Load balancer (or listener) membership; absent for targets without one. */
  registered?: boolean;
}

/** An orchestrator machine entering a state (a dotted path), for the live statechart. */
export interface TraceMachineState {
  t: number;
  /** The machine's id, as listed by `deploysim machines --json`. */
  machine: string;
  state: string;
}

export interface TraceSample {
  t: number;
  /** Targets in service (receiving production traffic) per version. */
  inService: Record<string, number>;
  /** Production traffic in percent per version; sums to 100 while anything serves, empty when nothing does. */
  traffic: Record<string, number>;
  /** ECS test-listener routing, kept apart from production traffic. */
  testTraffic?: Record<string, number>;
  /**
   * Percent of production clients whose requests reach nothing that serves (EB
   * blue/green: DNS points them at an environment with nothing in service); they
   * get errors. When present, `traffic` sums to 100 minus this.
   */
  unserved?: number;
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
  phases: TracePhase[];
  changes: TraceChange[];
  machines: TraceMachineState[];
  final: {
    targets: FinalTarget[];
    traffic: Record<string, number>;
  };
}
