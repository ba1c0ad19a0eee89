// How golden traces are stored: pretty JSON, one file per shipped scenario.
import type { Trace } from '../src/trace/types.ts';

export const GOLDEN_DIR = new URL('./golden/', import.meta.url).pathname;

export function goldenText(trace: Trace): string {
  return JSON.stringify(trace, null, 1) + '\n';
}
