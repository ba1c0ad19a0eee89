// Loading a trace someone saved (`deploysim run --json > trace.json`, an exported
// trace): JSON text in, the Trace or one clear sentence out. Either form is read
// (compact or `--expanded`). Pure, for the app and any tool that imports traces.
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
  try {
    return { ok: true, trace: decodeTrace(json) };
  } catch (err) {
    if (err instanceof TraceFormatError) return { ok: false, error: `this is not a deploysim trace: ${err.message}` };
    throw err;
  }
}
