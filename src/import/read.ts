// Typed reads of parsed values: each either returns the value or reports a
// problem at the value's line and column and returns undefined. Unknown keys are
// problems (with a "did you mean"), settings deploysim does not model are notes.
import { suggest } from '../scenario/validate.ts';
import type { Source } from './located-yaml.ts';
import { Report } from './report.ts';
import type { Path } from './types.ts';

/** Returned by a resolver for an intrinsic function deploysim cannot evaluate (already noted). */
export const UNRESOLVED = Symbol('unresolved');

export interface Ctx {
  r: Report;
  src: Source;
  /** CloudFormation: evaluates intrinsic functions (Ref to a parameter's Default, Fn::Sub, …). */
  resolve?: (value: unknown, path: Path) => unknown;
  /** Numbers and booleans may be written as strings (CloudFormation, Elastic Beanstalk option values). */
  lenient?: boolean;
}

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function value(c: Ctx, v: unknown, path: Path): unknown {
  return c.resolve ? c.resolve(v, path) : v;
}

function got(v: unknown): string {
  if (v === null) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (isObj(v)) {
    const keys = Object.keys(v);
    return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::')) ? `${keys[0]}` : 'a map';
  }
  return JSON.stringify(v);
}

export function obj(c: Ctx, v: unknown, path: Path, what = 'a map'): Obj | undefined {
  const x = value(c, v, path);
  if (x === UNRESOLVED) return undefined;
  if (isObj(x)) return x;
  c.r.error(c.src.at(path), `must be ${what} (got ${got(x)})`);
  return undefined;
}

export function list(c: Ctx, v: unknown, path: Path): unknown[] | undefined {
  const x = value(c, v, path);
  if (x === UNRESOLVED) return undefined;
  if (Array.isArray(x)) return x;
  c.r.error(c.src.at(path), `must be a list (got ${got(x)})`);
  return undefined;
}

export function str(c: Ctx, v: unknown, path: Path): string | undefined {
  const x = value(c, v, path);
  if (x === UNRESOLVED) return undefined;
  if (typeof x === 'string' && x.trim() !== '') return x;
  if (c.lenient && typeof x === 'number') return String(x);
  c.r.error(c.src.at(path), `must be a non-empty string (got ${got(x)})`);
  return undefined;
}

export function int(c: Ctx, v: unknown, path: Path, range: { min?: number; max?: number } = {}, unit = ''): number | undefined {
  let x = value(c, v, path);
  if (x === UNRESOLVED) return undefined;
  if (c.lenient && typeof x === 'string' && /^\s*-?\d+\s*$/.test(x)) x = Number(x);
  if (typeof x !== 'number' || !Number.isInteger(x)) {
    c.r.error(c.src.at(path), `must be a whole number${unit} (got ${got(x)})`);
    return undefined;
  }
  if ((range.min !== undefined && x < range.min) || (range.max !== undefined && x > range.max)) {
    const bounds = range.max === undefined ? `at least ${range.min}` : range.min === undefined ? `at most ${range.max}` : `${range.min}–${range.max}`;
    c.r.error(c.src.at(path), `must be ${bounds}${unit} (got ${x})`);
    return undefined;
  }
  return x;
}

export function bool(c: Ctx, v: unknown, path: Path): boolean | undefined {
  const x = value(c, v, path);
  if (x === UNRESOLVED) return undefined;
  if (typeof x === 'boolean') return x;
  if (c.lenient && typeof x === 'string' && /^(true|false)$/i.test(x)) return x.toLowerCase() === 'true';
  c.r.error(c.src.at(path), `must be true or false (got ${got(x)})`);
  return undefined;
}

export function oneOf<T extends string>(c: Ctx, v: unknown, path: Path, allowed: readonly T[]): T | undefined {
  const x = value(c, v, path);
  if (x === UNRESOLVED) return undefined;
  if (typeof x === 'string' && (allowed as readonly string[]).includes(x)) return x as T;
  const hint = typeof x === 'string' ? suggest(x, allowed) : undefined;
  c.r.error(c.src.at(path), `${got(x)} is not allowed${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of: ${allowed.join(', ')}`);
  return undefined;
}

export interface KeySpec {
  /** Keys the importer reads. */
  known: readonly string[];
  /** Keys AWS accepts that deploysim does not model, each with why. */
  ignored?: Readonly<Record<string, string>>;
  /** Keys read silently because they identify rather than configure (names, ids, timestamps). */
  metadata?: readonly string[];
  /** Report unknown keys as notes rather than problems (AWS's own output may grow new fields). */
  unknownIsNote?: boolean;
}

/** Checks a map's keys: unknown ones are problems at the key, ignored ones are notes. */
export function checkKeys(c: Ctx, o: Obj, path: Path, spec: KeySpec, where: string): void {
  const allowed = [...spec.known, ...Object.keys(spec.ignored ?? {}), ...(spec.metadata ?? [])];
  for (const key of Object.keys(o)) {
    if (spec.known.includes(key) || spec.metadata?.includes(key)) continue;
    const why = spec.ignored?.[key];
    if (why !== undefined) {
      c.r.note('ignored', c.src, [...path, key], why);
      continue;
    }
    if (spec.unknownIsNote) {
      c.r.note('ignored', c.src, [...path, key], `not a field deploysim knows in ${where}`);
      continue;
    }
    const hint = suggest(key, allowed);
    c.r.error(c.src.keyAt([...path, key]), `unknown key "${key}" in ${where}${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of: ${allowed.join(', ')}`);
  }
}
