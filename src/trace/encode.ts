// The trace as `deploysim run --json` writes it: the long per-target lists
// (targets, spans, events, samples, phases, changes, final targets) become column
// tables over one string dictionary, times become differences (docs/trace.md,
// "The compact encoding"). Pure: no Node APIs; decodeTrace gives back the exact
// Trace this was made from.
import { absentCell, TABLES, TARGET_PLACEHOLDER, TRACE_ENCODING, type ColumnKind, type Table, type TableSpec } from './columns.ts';
import { timeCell } from './exact-delta.ts';
import { rowsOf, type Rows } from './lazy.ts';
import type { Trace, TraceDeployment, TraceMachineState } from './types.ts';

/** What the CLI writes for a trace (with `questions` added for a quiz). */
export interface CompactTrace {
  schemaVersion: Trace['schemaVersion'];
  encoding: typeof TRACE_ENCODING;
  scenario: Trace['scenario'];
  outcome: Trace['outcome'];
  durationSeconds: number;
  deployments: TraceDeployment[];
  /** Every string a `string` or `message` column points into, in order of first use. */
  strings: string[];
  targets: Table;
  spans: Table;
  events: Table;
  samples: Table;
  phases: Table;
  changes: Table;
  machines: TraceMachineState[];
  final: { targets: Table; traffic: Record<string, number> };
}

/** The fields of the row being coded that a coder may read besides its own value. */
interface RowFields {
  start: unknown;
  target: unknown;
}

export function encodeTrace(trace: Trace): CompactTrace {
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  const string = (s: string): number => {
    let i = indexOf.get(s);
    if (i === undefined) indexOf.set(s, (i = strings.push(s) - 1));
    return i;
  };
  const rowOf = new Map<string, number>();
  trace.targets.forEach((t, i) => rowOf.set(t.id, i));
  const target = (id: string): number => {
    const row = rowOf.get(id);
    if (row === undefined) throw new Error(`the trace names target "${id}", which is not in its targets`);
    return row;
  };
  const message = (text: string, id: string | undefined): number | string => {
    if (id === undefined) return string(text);
    // The placeholder cannot overlap itself, so without one in the text the
    // template always expands back to it; with one, check, or write the text as itself.
    if (!text.includes(TARGET_PLACEHOLDER)) return string(id === '' ? text : text.replaceAll(id, TARGET_PLACEHOLDER));
    const template = id === '' ? text : text.replaceAll(id, TARGET_PLACEHOLDER);
    // split/join, not replaceAll: an id may hold `$&`, which replaceAll would expand.
    return template.split(TARGET_PLACEHOLDER).join(id) === text ? string(template) : text;
  };

  const targetRows = (ids: readonly string[]): number[] => {
    let before = 0;
    return ids.map((id) => {
      const row = target(id);
      const d = row - before;
      before = row;
      return d;
    });
  };

  /** How one column codes a present value; chosen once per column, with the column's running state. */
  const coder = (kind: ColumnKind): ((value: unknown, row: RowFields) => unknown) => {
    let previous = 0;
    switch (kind) {
      case 'string':
        return (value) => string(value as string);
      case 'target':
        return (value) => {
          const at = target(value as string);
          const d = at - previous;
          previous = at;
          return d;
        };
      case 'start':
        return (value) => {
          const cell = timeCell(previous, value as number);
          previous = value as number;
          return cell;
        };
      case 'sinceStart':
        return (value, row) => timeCell(row.start as number, value as number);
      case 'flag':
        return (value) => (value ? 1 : 0);
      case 'targets':
        return (value) => targetRows(value as string[]);
      case 'message':
        return (value, row) => message(value as string, row.target as string | undefined);
      default: // id, number, record: the value itself
        return (value) => value;
    }
  };

  // Each row is read once (a list the trace has not built yet, spans or changes, is
  // read from its columns one short-lived row at a time: src/trace/lazy.ts) into one
  // plain array per field; then the fields are coded column after column, so strings
  // enter the dictionary in the documented order (column by column).
  const table = (rows: Rows<object>, spec: TableSpec): Table => {
    const n = rows.length;
    const fields = Object.keys(spec);
    const raw = fields.map(() => new Array<unknown>(n));
    for (let i = 0; i < n; i++) {
      const row = rows.at(i) as Record<string, unknown>;
      for (let f = 0; f < fields.length; f++) raw[f]![i] = row[fields[f]!];
    }
    // What `sinceStart` and `message` coders read beside the value: the row's start and target.
    const startColumn = raw[fields.indexOf('start')];
    const targetColumn = raw[fields.indexOf('target')];
    const view: RowFields = { start: undefined, target: undefined };
    const columns: Table = {};
    for (let f = 0; f < fields.length; f++) {
      const col = spec[fields[f]!]!;
      const values = raw[f]!;
      // Coded in place, but for the columns other coders still read.
      const out = values === startColumn || values === targetColumn ? new Array<unknown>(n) : values;
      const code = coder(col.kind);
      const absent = absentCell(col.kind);
      let any = false;
      for (let i = 0; i < n; i++) {
        const value = values[i];
        if (value === undefined) out[i] = absent;
        else {
          any = true;
          view.start = startColumn?.[i];
          view.target = targetColumn?.[i];
          out[i] = code(value, view);
        }
      }
      // An optional field no row has is left out altogether.
      if (!col.optional || any) columns[fields[f]!] = out;
    }
    return columns;
  };

  const targets = table(trace.targets, TABLES.targets);
  const spans = table(rowsOf(trace, 'spans'), TABLES.spans);
  const events = table(rowsOf(trace, 'events'), TABLES.events);
  const samples = table(rowsOf(trace, 'samples'), TABLES.samples);
  const phases = table(trace.phases, TABLES.phases);
  const changes = table(rowsOf(trace, 'changes'), TABLES.changes);
  const finalTargets = table(trace.final.targets, TABLES.finalTargets);
  return {
    schemaVersion: trace.schemaVersion,
    encoding: TRACE_ENCODING,
    scenario: trace.scenario,
    outcome: trace.outcome,
    durationSeconds: trace.durationSeconds,
    deployments: trace.deployments,
    strings,
    targets,
    spans,
    events,
    samples,
    phases,
    changes,
    machines: trace.machines,
    final: { targets: finalTargets, traffic: trace.final.traffic },
  };
}
