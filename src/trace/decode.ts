// Reads a trace from parsed JSON: the compact form `deploysim run --json` writes
// ("encoding": "columns", see encode.ts and docs/trace.md) or the object form
// (`--expanded`, and every trace written before the compact form existed), back
// into the Trace the engine produced. A trace file is user input: anything
// malformed is refused with a TraceFormatError naming the field, never a crash
// further on. Pure: no Node APIs.
import type { Scenario } from '../scenario/types.ts';
import { absentCell, TABLES, TARGET_PLACEHOLDER, TRACE_ENCODING, type ColumnKind, type ColumnSpec, type TableSpec } from './columns.ts';
import { TRACE_SCHEMA_VERSION, type Outcome, type Trace } from './types.ts';

export class TraceFormatError extends Error {
  override name = 'TraceFormatError';
  constructor(
    /** Where the problem is, e.g. `spans.status[12]` or `spans[12].status`. */
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

const OUTCOMES: readonly Outcome[] = ['Succeeded', 'Failed', 'Stopped', 'RolledBack'];

/** Lists that stay objects in both forms. */
const ROWS = {
  deployments: {
    id: { kind: 'string' },
    creator: { kind: 'string', values: ['user', 'codeDeployRollback'] },
    status: { kind: 'string', values: ['Created', 'Queued', 'InProgress', 'Baking', 'Succeeded', 'Failed', 'Stopped', 'Ready'] },
    start: { kind: 'number' },
    end: { kind: 'number' },
    revision: { kind: 'string' },
  },
  machines: {
    t: { kind: 'number' },
    machine: { kind: 'string' },
    state: { kind: 'string' },
  },
} as const satisfies Record<string, TableSpec>;

type Json = Record<string, unknown>;

/** Where a value is: a path, or how to spell it out (built only when something is wrong there). */
type Where = string | (() => string);

const spelt = (where: Where): string => (typeof where === 'string' ? where : where());

function fail(where: Where, problem: string): never {
  throw new TraceFormatError(spelt(where), problem);
}

/** A short rendering of a wrong value for an error message. */
function shown(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

function object(value: unknown, field: Where): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(field, `is ${shown(value)}; expected an object`);
  return value as Json;
}

function array(value: unknown, field: Where): unknown[] {
  if (!Array.isArray(value)) fail(field, `is ${shown(value)}; expected a list`);
  return value;
}

function finite(value: unknown, field: Where): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(field, `is ${shown(value)}; expected a number`);
  return value;
}

function text(value: unknown, spec: ColumnSpec, field: Where): string {
  if (typeof value !== 'string') fail(field, `is ${shown(value)}; expected a string`);
  if (spec.values && !spec.values.includes(value)) fail(field, `is ${shown(value)}; expected one of ${spec.values.join(', ')}`);
  return value;
}

/** Per-version numbers, as an object without a prototype (version names are user text). */
function record(value: unknown, field: Where): Record<string, number> {
  const source = object(value, field);
  const out = Object.create(null) as Record<string, number>;
  for (const key of Object.keys(source)) {
    const v = source[key];
    out[key] = typeof v === 'number' && Number.isFinite(v) ? v : finite(v, `${spelt(field)}.${key}`);
  }
  return out;
}

/** A time cell: seconds after `from`, or `[t]`, the time itself. */
function time(from: number, raw: unknown, field: Where): number {
  if (Array.isArray(raw)) {
    if (raw.length !== 1) fail(field, `is ${shown(raw)}; expected a number of seconds, or [the time itself]`);
    return finite(raw[0], `${spelt(field)}[0]`);
  }
  return from + finite(raw, field);
}

/** What the decoder knows while reading: the dictionary and the target ids. */
interface Context {
  strings: readonly string[];
  ids: readonly string[];
  known: ReadonlySet<string>;
}

function row(value: unknown, field: Where, size: number): number {
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) >= size) {
    fail(field, `is ${shown(value)}; expected a row number from 0 to ${size - 1}`);
  }
  return value as number;
}

// ---------------------------------------------------------------------------
// The object form: lists of objects, checked field by field.

function knownTarget(value: unknown, field: Where, ctx: Context): string {
  if (typeof value !== 'string') fail(field, `is ${shown(value)}; expected a target id`);
  if (!ctx.known.has(value)) fail(field, `names ${shown(value)}, which is not in the trace's targets`);
  return value;
}

function checked(kind: ColumnKind, spec: ColumnSpec, value: unknown, field: Where, ctx: Context): unknown {
  switch (kind) {
    case 'string':
    case 'id':
    case 'message':
      return text(value, spec, field);
    case 'target':
      return knownTarget(value, field, ctx);
    case 'flag':
      if (typeof value !== 'boolean') fail(field, `is ${shown(value)}; expected true or false`);
      return value;
    case 'record':
      return record(value, field);
    case 'targets':
      return array(value, field).map((v, i) => knownTarget(v, () => `${spelt(field)}[${i}]`, ctx));
    default:
      return finite(value, field);
  }
}

function objectRows(value: unknown, spec: TableSpec, field: string, ctx: Context): Json[] {
  const fields = Object.entries(spec);
  return array(value, field).map((raw, i) => {
    const source = object(raw, () => `${field}[${i}]`);
    const out: Json = {};
    for (const [name, col] of fields) {
      const v = source[name];
      const at = () => `${field}[${i}].${name}`;
      if (v === undefined) {
        if (!col.optional) fail(at, 'is missing');
        continue;
      }
      out[name] = checked(col.kind, col, v, at, ctx);
    }
    return out;
  });
}

// ---------------------------------------------------------------------------
// The compact form: one array per field, all of one length.

function columnRows(value: unknown, spec: TableSpec, field: string, ctx: Context): Json[] {
  const table = object(value, field);
  const fields = Object.entries(spec);
  let length: number | undefined;
  for (const [name, col] of fields) {
    if (table[name] === undefined) {
      if (!col.optional) fail(`${field}.${name}`, 'is missing (every table has a column for each required field)');
      continue;
    }
    const column = array(table[name], `${field}.${name}`);
    length ??= column.length;
    if (column.length !== length) fail(`${field}.${name}`, `has ${column.length} rows, but ${field}.${fields.find(([n]) => table[n] !== undefined)![0]} has ${length}`);
  }
  const count = length ?? 0;
  const values: Record<string, unknown[]> = {};
  // Messages last: their `{target}` needs the row's target.
  const order = [...fields.filter(([, c]) => c.kind !== 'message'), ...fields.filter(([, c]) => c.kind === 'message')];
  for (const [name, col] of order) {
    const column = table[name] as unknown[] | undefined;
    const out = new Array<unknown>(count);
    values[name] = out;
    if (column === undefined) continue;
    const absent = absentCell(col.kind);
    let previous = 0;
    // Fast checks inline; a cell's path is only spelt out when it is wrong.
    const at = (i: number) => `${field}.${name}[${i}]`;
    const index = (raw: unknown, size: number, i: number): number =>
      typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw < size ? raw : row(raw, at(i), size);
    const number = (raw: unknown, i: number): number => (typeof raw === 'number' && Number.isFinite(raw) ? raw : finite(raw, at(i)));
    for (let i = 0; i < count; i++) {
      const raw = column[i];
      if (col.optional && raw === absent) continue;
      switch (col.kind) {
        case 'string': {
          const v = ctx.strings[index(raw, ctx.strings.length, i)]!;
          out[i] = col.values && !col.values.includes(v) ? text(v, col, at(i)) : v;
          break;
        }
        case 'id':
          out[i] = typeof raw === 'string' ? raw : text(raw, col, at(i));
          break;
        case 'target':
          previous = index(previous + number(raw, i), ctx.ids.length, i);
          out[i] = ctx.ids[previous];
          break;
        case 'start':
          out[i] = previous = typeof raw === 'number' ? previous + number(raw, i) : time(previous, raw, at(i));
          break;
        case 'sinceStart': {
          const start = values.start![i] as number;
          out[i] = typeof raw === 'number' ? start + number(raw, i) : time(start, raw, at(i));
          break;
        }
        case 'flag':
          if (raw !== 0 && raw !== 1) fail(at(i), `is ${shown(raw)}; expected 1 (true) or 0 (false)`);
          out[i] = raw === 1;
          break;
        case 'record':
          out[i] = record(raw, at(i));
          break;
        case 'targets': {
          let before = 0;
          out[i] = array(raw, at(i)).map((d, j) => {
            const where = () => `${at(i)}[${j}]`;
            before = row(before + finite(d, where), where, ctx.ids.length);
            return ctx.ids[before];
          });
          break;
        }
        case 'message': {
          if (typeof raw === 'string') {
            out[i] = raw;
            break;
          }
          const template = ctx.strings[index(raw, ctx.strings.length, i)]!;
          const target = values.target?.[i] as string | undefined;
          out[i] = target === undefined || !template.includes(TARGET_PLACEHOLDER) ? template : template.split(TARGET_PLACEHOLDER).join(target);
          break;
        }
        default:
          out[i] = number(raw, i);
      }
    }
  }
  const names = fields.map(([name]) => name);
  const columns = names.map((name) => values[name]!);
  const rows = new Array<Json>(count);
  for (let i = 0; i < count; i++) {
    const r: Json = {};
    for (let k = 0; k < names.length; k++) {
      const v = columns[k]![i];
      if (v !== undefined) r[names[k]!] = v;
    }
    rows[i] = r;
  }
  return rows;
}

// ---------------------------------------------------------------------------

/** The Trace in `json` (parsed JSON of either form); throws TraceFormatError when malformed. */
export function decodeTrace(json: unknown): Trace {
  const root = object(json, 'trace');
  if (root.schemaVersion !== TRACE_SCHEMA_VERSION) fail('schemaVersion', `is ${shown(root.schemaVersion)}; expected ${TRACE_SCHEMA_VERSION} (this deploysim reads trace schemaVersion ${TRACE_SCHEMA_VERSION})`);
  const compact = root.encoding !== undefined;
  if (compact && root.encoding !== TRACE_ENCODING) fail('encoding', `is ${shown(root.encoding)}; expected "${TRACE_ENCODING}", or no encoding for the object form`);
  const strings = compact ? array(root.strings, 'strings').map((s, i) => text(s, {} as ColumnSpec, `strings[${i}]`)) : [];
  const ctx: Context = { strings, ids: [], known: new Set() };
  const list = (value: unknown, spec: TableSpec, field: string) => (compact ? columnRows : objectRows)(value, spec, field, ctx);

  const targets = list(root.targets, TABLES.targets, 'targets');
  const ids = targets.map((t) => t.id as string);
  const known = new Set<string>();
  for (const [i, id] of ids.entries()) {
    if (known.has(id)) fail(compact ? `targets.id[${i}]` : `targets[${i}].id`, `${shown(id)} is listed twice; target ids are unique`);
    known.add(id);
  }
  Object.assign(ctx, { ids, known });
  const final = object(root.final, 'final');
  const outcome = root.outcome;
  if (!OUTCOMES.includes(outcome as Outcome)) fail('outcome', `is ${shown(outcome)}; expected one of ${OUTCOMES.join(', ')}`);
  const trace = {
    schemaVersion: TRACE_SCHEMA_VERSION,
    scenario: object(root.scenario, 'scenario') as unknown as Scenario,
    outcome,
    durationSeconds: finite(root.durationSeconds, 'durationSeconds'),
    deployments: objectRows(root.deployments, ROWS.deployments, 'deployments', ctx),
    targets,
    spans: list(root.spans, TABLES.spans, 'spans'),
    events: list(root.events, TABLES.events, 'events'),
    samples: list(root.samples, TABLES.samples, 'samples'),
    phases: list(root.phases, TABLES.phases, 'phases'),
    changes: list(root.changes, TABLES.changes, 'changes'),
    machines: objectRows(root.machines, ROWS.machines, 'machines', ctx),
    final: { targets: list(final.targets, TABLES.finalTargets, 'final.targets'), traffic: record(final.traffic, 'final.traffic') },
  };
  return trace as unknown as Trace;
}
