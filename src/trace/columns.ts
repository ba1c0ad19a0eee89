// The compact ("columns") encoding of a trace, as data: which lists become
// tables, and how each field is written in its column. encode.ts and decode.ts
// both walk these specs, and docs/trace.md documents them table by table; a new
// trace field needs a line here (the round-trip tests fail until it has one).
import type { PhaseKind, SpanStatus, TargetGroup, TargetKind, TargetState, TraceEventType } from './types.ts';

export const TRACE_ENCODING = 'columns';

/** Stands for the row's target in a `message` column's text. */
export const TARGET_PLACEHOLDER = '{target}';

/**
 * How one field is written in its column:
 * - `string`: an index into the trace's `strings` dictionary;
 * - `id`: the string itself (target ids, unique per row);
 * - `target`: a target's row in the `targets` table, as the difference from the
 *   previous row's target in the same column (from 0 for the first);
 * - `start`: seconds after the previous row's value in the same column (from 0 for the first row);
 * - `sinceStart`: seconds after the same row's `start`;
 *   (in both, a one-element list `[t]` holds the time itself, written where no
 *   difference adds up to it exactly in double arithmetic: rare);
 * - `number`: the number itself;
 * - `flag`: 1 for true, 0 for false;
 * - `record`: the object itself (per-version counts and percentages);
 * - `targets`: a list of target rows, each as the difference from the one before it in the list (from 0 for the first);
 * - `message`: an index into `strings` of a text in which `{target}` stands for the
 *   row's target, or the text itself as a string.
 * An optional field a row lacks is -1 in `string`, `message` and `flag` columns
 * (never negative otherwise) and null in the others; a column no row has is left out.
 */
export type ColumnKind = 'string' | 'id' | 'target' | 'start' | 'sinceStart' | 'number' | 'flag' | 'record' | 'targets' | 'message';

export interface ColumnSpec {
  kind: ColumnKind;
  optional?: boolean;
  /** The values a `string` field may take (an enum of the trace contract). */
  values?: readonly string[];
}

/** What an optional field a row lacks is written as: -1 where a value is never negative, null elsewhere. */
export function absentCell(kind: ColumnKind): -1 | null {
  return kind === 'string' || kind === 'message' || kind === 'flag' ? -1 : null;
}

/** Field name → how it is written, in the order the fields appear in a row. */
export type TableSpec = Readonly<Record<string, ColumnSpec>>;

// Compile-time completeness: each list must name every member of its union.
type Exactly<U extends string, L extends readonly string[]> = [U] extends [L[number]] ? L : never;
const list = <U extends string>() => <L extends readonly U[]>(values: Exactly<U, L>): readonly string[] => values;

export const TARGET_KINDS = list<TargetKind>()(['instance', 'task-set', 'lambda-alias'] as const);
export const TARGET_GROUPS = list<TargetGroup>()(['original', 'additional-batch', 'temporary', 'green-environment', 'replacement', 'task-set', 'alias'] as const);
export const SPAN_STATUSES = list<SpanStatus>()(['Succeeded', 'Failed', 'Skipped'] as const);
export const TARGET_STATES = list<TargetState>()(['InService', 'OutOfService', 'Terminated'] as const);
export const PHASE_KINDS = list<PhaseKind>()(['batch', 'wait', 'traffic-shift', 'rollback'] as const);
export const EVENT_TYPES = list<TraceEventType>()([
  'deployment-started',
  'deployment-ended',
  'batch-started',
  'batch-ended',
  'instance-launched',
  'instance-terminated',
  'deregistered',
  'registered',
  'health-changed',
  'traffic-shifted',
  'fault-injected',
  'rollback-started',
  'cname-swapped',
  'lifecycle-event-failed',
  'alarm',
  'deployment-stopped',
  'wait-started',
  'note',
] as const);

/** The lists written as tables, and their columns. */
export const TABLES = {
  targets: {
    id: { kind: 'id' },
    kind: { kind: 'string', values: TARGET_KINDS },
    group: { kind: 'string', values: TARGET_GROUPS },
    launchedAt: { kind: 'number' },
    label: { kind: 'string', optional: true },
  },
  spans: {
    target: { kind: 'target' },
    name: { kind: 'string' },
    start: { kind: 'start' },
    end: { kind: 'sinceStart' },
    status: { kind: 'string', values: SPAN_STATUSES },
    deploymentId: { kind: 'string' },
    revision: { kind: 'string' },
    reason: { kind: 'message', optional: true },
  },
  events: {
    t: { kind: 'start' },
    type: { kind: 'string', values: EVENT_TYPES },
    message: { kind: 'message' },
    target: { kind: 'target', optional: true },
    deploymentId: { kind: 'string', optional: true },
    undocumented: { kind: 'string', optional: true },
    rule: { kind: 'string', optional: true },
    healthy: { kind: 'flag', optional: true },
    end: { kind: 'number', optional: true },
  },
  samples: {
    t: { kind: 'start' },
    inService: { kind: 'record' },
    traffic: { kind: 'record' },
    testTraffic: { kind: 'record', optional: true },
    unserved: { kind: 'number', optional: true },
  },
  phases: {
    deploymentId: { kind: 'string' },
    kind: { kind: 'string', values: PHASE_KINDS },
    name: { kind: 'string' },
    start: { kind: 'number' },
    end: { kind: 'sinceStart' },
    targets: { kind: 'targets', optional: true },
    deadline: { kind: 'number', optional: true },
  },
  changes: {
    t: { kind: 'start' },
    target: { kind: 'target' },
    version: { kind: 'string', optional: true },
    state: { kind: 'string', optional: true, values: TARGET_STATES },
    healthy: { kind: 'flag', optional: true },
    registered: { kind: 'flag', optional: true },
  },
  finalTargets: {
    id: { kind: 'target' },
    version: { kind: 'string' },
    state: { kind: 'string', values: TARGET_STATES },
    healthy: { kind: 'flag' },
  },
} as const satisfies Record<string, TableSpec>;

/** The column form of a list: one array per field, all of the same length. */
export type Table = Record<string, unknown[]>;
