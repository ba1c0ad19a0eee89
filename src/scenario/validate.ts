// Turns untrusted input (text or parsed JSON) into a Scenario with every default
// filled, or into a list of problems, each with the JSON Pointer and what was
// expected. Depth and non-finite numbers are checked first (preflight.ts), then
// structure by the JSON Schema (Ajv, precompiled by `npm run schema`), then AWS's
// cross-field rules (rules.ts).
import type { ErrorObject } from 'ajv';
import { jsonSyntaxError } from './json-text.ts';
import { validate as check } from './schema-validator.generated.js';
import { withDefaults } from './defaults.ts';
import { LIMITS } from './limits.ts';
import { ancestors, childPointer } from './pointer.ts';
import { preflight } from './preflight.ts';
import { quote } from './problem-text.ts';
import { awsRules } from './rules.ts';
import { questionRules } from './question-rules.ts';
import { suggest } from './suggest.ts';
import { thousands } from './thousands.ts';
import type { Scenario } from './types.ts';

export { formatProblem, formatProblems } from './problem-text.ts';
export { suggest } from './suggest.ts';

export interface Problem {
  /** JSON Pointer into the scenario, '' for the whole document. */
  path: string;
  message: string;
}

export type Validation = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

const BYTE_ORDER_MARK = '\ufeff';

/**
 * Parses JSON text first, reporting syntax errors with line and column. The one
 * place text becomes data, for the CLI and the app alike: a leading byte-order
 * mark (which editors on Windows write) is not part of the JSON.
 */
export function validateText(input: string): Validation {
  if (input.length > LIMITS.textChars) {
    return { ok: false, problems: [{ path: '', message: `is too large: ${thousands(input.length)} characters; a scenario file may hold at most ${thousands(LIMITS.textChars)}` }] };
  }
  const text = input.startsWith(BYTE_ORDER_MARK) ? input.slice(1) : input;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: [{ path: '', message: describeSyntaxError(text, err) }] };
  }
  return validateScenario(data);
}

export function validateScenario(data: unknown): Validation {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, problems: [{ path: '', message: 'a scenario must be a JSON object' }] };
  }
  const early = preflight(data);
  if (early.halt) return { ok: false, problems: early.problems };
  const structural = check(data) ? [] : dedupe((check.errors ?? []).flatMap(describe));
  // AWS's rules do arithmetic on the numbers: with Infinity their messages would mislead.
  const flagged = new Set(early.problems.map((p) => p.path));
  const problems =
    early.problems.length > 0
      ? [...early.problems, ...structural.filter((p) => !flagged.has(p.path))]
      : [...structural, ...rulesBeside(structural, data as Record<string, any>)];
  if (problems.length > 0) return { ok: false, problems };
  const scenario = withDefaults(data as Record<string, any>);
  const unanswerable = questionRules(scenario);
  if (unanswerable.length > 0) return { ok: false, problems: unanswerable };
  return { ok: true, scenario };
}

/**
 * AWS's rules, reported beside the structural problems so a user sees every problem
 * at once. On structurally broken input a rule may misfire; its problems are kept
 * only where no structural problem already names the same field.
 */
function rulesBeside(structural: Problem[], data: Record<string, any>): Problem[] {
  let found: Problem[];
  try {
    found = awsRules(data);
  } catch {
    return structural.length > 0 ? [] : [{ path: '', message: 'the scenario could not be checked; fix the problems above first' }];
  }
  if (structural.length === 0) return found;
  // Sets, not a scan per pair: a hostile file has thousands of each.
  const taken = new Set(structural.map((p) => p.path));
  const containing = new Set(structural.flatMap((p) => ancestors(p.path)));
  return found.filter((p) => !taken.has(p.path) && !containing.has(p.path) && !ancestors(p.path).some((a) => taken.has(a)));
}

function describe(e: ErrorObject): Problem[] {
  const path = e.instancePath;
  const p = e.params as Record<string, any>;
  switch (e.keyword) {
    case 'required':
      return [{ path: childPointer(path, p.missingProperty), message: 'is required' }];
    case 'additionalProperties': {
      const allowed = Object.keys((e.parentSchema as any)?.properties ?? {});
      const hint = suggest(p.additionalProperty, allowed);
      return [
        {
          path: childPointer(path, p.additionalProperty),
          message: `unknown field${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of: ${allowed.join(', ')}`,
        },
      ];
    }
    case 'enum': {
      const allowed: unknown[] = p.allowedValues;
      const hint = typeof e.data === 'string' ? suggest(e.data, allowed.map(String)) : undefined;
      return [
        {
          path,
          message: `${quote(e.data)} is not allowed${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of: ${allowed.join(', ')}`,
        },
      ];
    }
    case 'minimum':
      return [{ path, message: `must be ≥ ${p.limit} (got ${quote(e.data)})` }];
    case 'maximum':
      return [{ path, message: `must be ≤ ${p.limit} (got ${quote(e.data)})` }];
    case 'maxItems':
      return [{ path, message: `may list at most ${p.limit} items (got ${(e.data as unknown[]).length})` }];
    case 'maxProperties':
      return [{ path, message: `may name at most ${p.limit} fields (got ${Object.keys(e.data as object).length})` }];
    case 'type':
      return [{ path, message: `must be ${article(p.type)} (got ${quote(e.data)})` }];
    case 'minLength':
      return [{ path, message: 'must not be empty' }];
    case 'uniqueItems':
      return [{ path, message: `must not list the same value twice (items ${p.j} and ${p.i})` }];
    case 'discriminator':
      if (p.error === 'mapping') {
        const kinds = ((e.parentSchema as any)?.oneOf ?? []).map((s: any) => s.properties.type.const);
        const hint = suggest(String(p.tagValue), kinds);
        return [
          {
            path: `${path}/type`,
            message: `unknown fault type ${quote(p.tagValue)}${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of: ${kinds.join(', ')}`,
          },
        ];
      }
      return [{ path: `${path}/type`, message: 'must be a string naming the fault type' }];
    case 'oneOf':
      return []; // the branch's own errors say what is wrong
    case 'pattern':
      return [{ path, message: 'must not be empty or contain spaces' }];
    default:
      return [{ path, message: e.message ?? 'is invalid' }];
  }
}

function article(type: string): string {
  const names: Record<string, string> = {
    integer: 'a whole number',
    number: 'a number',
    string: 'a string',
    boolean: 'true or false',
    object: 'an object',
    array: 'a list',
  };
  return names[type] ?? type;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\n${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** JSON.parse does not say where every error is (src/scenario/json-text.ts does). */
function describeSyntaxError(text: string, err: unknown): string {
  const first = jsonSyntaxError(text);
  if (!first) return `not valid JSON: ${err instanceof Error ? err.message : String(err)}`;
  const before = text.slice(0, first.offset).split('\n');
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  return `not valid JSON at line ${line}, column ${column}: ${first.what}`;
}
