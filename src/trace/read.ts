// Loading a trace someone saved (`deploysim run --json > trace.json`, an exported
// trace): JSON text in, the Trace or one clear sentence out. Either form is read
// (compact or `--expanded`). Beyond the shape decodeTrace checks, the trace must
// be one a view can draw: its scenario valid and the trace consistent
// (checkTrace), as the CLI makes sure before it prints one. Pure, for the app and
// any tool that imports traces.
import { formatProblem, validateScenario } from '../scenario/validate.ts';
import { checkTrace } from './check.ts';
import { decodeTrace, TraceFormatError } from './decode.ts';
import type { Trace } from './types.ts';

export type ReadTrace = { ok: true; trace: Trace } | { ok: false; error: string };

export function readTrace(text: string): ReadTrace {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (err) {
    return { ok: false, error: `this is not a trace: it is not valid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  let trace: Trace;
  try {
    trace = decodeTrace(json);
  } catch (err) {
    if (err instanceof TraceFormatError) return { ok: false, error: `this is not a deploysim trace: ${err.message}` };
    throw err;
  }
  const scenario = validateScenario(trace.scenario);
  if (!scenario.ok) return { ok: false, error: `the trace's scenario is not valid: ${formatProblem(scenario.problems[0]!)}${more(scenario.problems.length)}` };
  const problems = checkTrace(trace);
  if (problems.length > 0) return { ok: false, error: `the trace does not hold together: ${problems[0]}${more(problems.length)}` };
  return { ok: true, trace };
}

const more = (count: number) => (count > 1 ? ` (and ${count - 1} more problem${count > 2 ? 's' : ''})` : '');
