// What `npm run bench` measured, process by process: written at the end of its rounds
// so that how the figures are summed up can be looked at again (bench/estimators.ts)
// without timing anything twice.
import { join } from 'node:path';
import { BENCH_OUT } from './engine-bundle.ts';

/** One process's figures (bench/measure.mjs prints them as one JSON line), or why it failed. */
export interface Result {
  ms?: number;
  cpuMs?: number;
  peakRssMB?: number;
  heapWithTraceMB?: number;
  readMs?: number;
  heapReadMB?: number;
  error?: string;
  eventsPerSecond?: number;
}

/** The wall times (ms) of `results`, or undefined when a process failed (no ratio can be taken). */
export function timesOf(results: readonly Result[]): number[] | undefined {
  return results.every((r) => r.ms !== undefined) ? results.map((r) => r.ms!) : undefined;
}

/** A case's processes, in round order; "before" is the engine before trace version 2. */
export interface Samples {
  oneK: { now: Result[]; before: Result[] };
  tenK: { now: Result[]; before: Result[] };
  /** The 100k timing processes (round k's follows tenK.now[k]). */
  timed: Result[];
}

export interface SamplesFile {
  node: string;
  /** When the rounds ended (ISO 8601). */
  finished: string;
  /** By case id (bench/cases.mjs). */
  cases: Record<string, Samples>;
}

/** Where the last run's samples are (next to the bundles, never committed). */
export const SAMPLES_FILE = join(BENCH_OUT, 'engine-samples.json');

/** Where each run's samples are kept, by when its rounds ended (`finished`): the runs of a machine, side by side. */
export function runSamplesFile(finished: string): string {
  return join(BENCH_OUT, 'runs', `engine-samples-${finished.replace(/[:.]/g, '-')}.json`);
}
