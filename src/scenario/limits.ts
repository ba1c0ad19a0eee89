// The largest scenario deploysim accepts, as data: the JSON Schema's maximums
// (schema.ts), the README's "Limits" table and the tests all read this module.
// Simulated time costs nothing (the engine jumps from event to event), so the time
// bounds only keep numbers meaningful; what costs is targets and faults, bounded so
// the largest allowed scenario simulates in seconds. AWS's own ranges (Timeout,
// EvaluationTime, percentages, …) stay in src/aws and are not repeated here.
import { thousands } from './thousands.ts';

/** Seconds in 7 days: the bound of every time in seconds (fault `at`, timings, swapAfter, dnsTtl). */
export const MAX_SECONDS = 7 * 24 * 60 * 60;

export const LIMITS = {
  /** Instances in a fleet (Elastic Beanstalk, CodeDeploy Server); also MaxSize, BatchSize and HOST_COUNT. */
  instances: 100_000,
  /** Injected faults in one scenario. */
  faults: 1_000,
  /** Quiz questions in one scenario. */
  questions: 100,
  /** Any time given in seconds. */
  seconds: MAX_SECONDS,
  /** Any time given in minutes (CodeDeploy intervals and waits without an AWS maximum). */
  minutes: MAX_SECONDS / 60,
  /** Health checks to become healthy or be taken out of service. */
  healthChecks: 100,
  /** Names in timings.steps. */
  stepNames: 100,
  /** Files named in `source.files` (what `deploysim import` read). */
  sourceFiles: 100,
  /** Characters of one path in `source.files`. */
  sourcePathChars: 1_000,
  /** Nesting of arrays and objects; a valid scenario needs 5. */
  depth: 64,
  /**
   * Values (numbers, strings, booleans, nulls, lists, objects) in one document. The
   * largest valid scenario holds about 10,000; this leaves room to list the problems
   * of a file with 100,000 bad faults while bounding the work and memory of checking.
   */
  values: 250_000,
  /** Characters of JSON text (about 16 MB). */
  textChars: 16_000_000,
} as const;

/** How problems are shown: this many are listed, then "… and N more problems". */
export const PROBLEMS_SHOWN = 20;

/** Values quoted in a problem message are shortened past this many characters. */
export const QUOTED_VALUE_CHARS = 60;

/**
 * The README's "Limits" table, row by row (a test checks the README holds each row),
 * so the documented limits cannot drift from the enforced ones.
 */
export const LIMIT_ROWS: readonly (readonly [what: string, limit: string])[] = [
  ['`elasticBeanstalk.instances`, `MaxSize`, `BatchSize` (Fixed); `codeDeploy.instances`; `minimumHealthyHosts.value`', `${thousands(LIMITS.instances)}`],
  ['`faults`', `${thousands(LIMITS.faults)} faults`],
  ['`questions`', `${thousands(LIMITS.questions)} questions`],
  ['every time in seconds: fault `at`, `timings.*`, `timings.steps.*`, `swapAfter`, `dnsTtl`', `${thousands(LIMITS.seconds)} s (7 days)`],
  ['`canaryInterval`, `linearInterval`, `waitTimeInMinutes`', `${thousands(LIMITS.minutes)} minutes (7 days)`],
  ['`timings.healthyThreshold`, `timings.unhealthyThreshold`', `${thousands(LIMITS.healthChecks)} checks`],
  ['names in `timings.steps`', `${thousands(LIMITS.stepNames)}`],
  ['`source.files`', `${thousands(LIMITS.sourceFiles)} files of ${thousands(LIMITS.sourcePathChars)} characters each`],
  ['nesting of lists and objects', `${LIMITS.depth} levels`],
  ['values in one file (numbers, strings, lists, objects, …)', `${thousands(LIMITS.values)}`],
  ['size of a file', `${thousands(LIMITS.textChars)} characters`],
  ['numbers', 'finite (`1e309` is refused)'],
];
