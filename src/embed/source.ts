// Where an embedded simulator's scenario comes from, and turning its text into
// a trace index or an error the element shows (never a blank box). Pure apart
// from `fetchScenarioText`, which is the element's only network access.
import { validateText, type Problem } from '../scenario/validate.ts';
import { simulate } from '../engine/simulate.ts';
import { buildIndex, type TraceIndex } from '../layout/frame.ts';
import { oversizedFleet } from '../layout/share.ts';

export interface EmbedError { title: string; problems?: Problem[]; detail?: string }
export type Loaded = { ok: true; index: TraceIndex } | { ok: false; error: EmbedError };

/** Validates (problems with their paths), refuses fleets too large to draw, then simulates. */
export function loadScenarioText(text: string, from: string): Loaded {
  const oversized = oversizedFleet(text, `The scenario from ${from}`);
  if (oversized) return { ok: false, error: { title: 'This scenario is too large to draw here.', detail: oversized } };
  const v = validateText(text);
  if (!v.ok) return { ok: false, error: { title: `The scenario from ${from} has problems.`, problems: v.problems } };
  try {
    return { ok: true, index: buildIndex(simulate(v.scenario)) };
  } catch (e) {
    return { ok: false, error: { title: `The engine could not simulate the scenario from ${from}.`, detail: e instanceof Error ? e.message : String(e) } };
  }
}

/** Fetches a scenario; a network failure or an HTTP error becomes an EmbedError. */
export async function fetchScenarioText(url: string, signal?: AbortSignal): Promise<{ ok: true; text: string } | { ok: false; error: EmbedError }> {
  let response: Response;
  try {
    response = await fetch(url, signal ? { signal } : {});
  } catch (e) {
    return {
      ok: false,
      error: {
        title: `The scenario at ${url} could not be loaded.`,
        detail: `${e instanceof Error ? e.message : String(e)}. A scenario on another site must be served with CORS (Access-Control-Allow-Origin); or put it inline in a <script type="application/json"> inside the element.`,
      },
    };
  }
  if (!response.ok) return { ok: false, error: { title: `The scenario at ${url} could not be loaded.`, detail: `The server answered ${response.status} ${response.statusText}`.trim() + '.' } };
  // Many servers answer a wrong path with their HTML home page and 200 (single-page fallbacks).
  if (/text\/html/i.test(response.headers.get('content-type') ?? '')) {
    return { ok: false, error: { title: `The scenario at ${url} could not be loaded.`, detail: 'The server answered with an HTML page, not a scenario JSON file: is the URL right?' } };
  }
  return { ok: true, text: await response.text() };
}

/**
 * The `time` attribute: simulated seconds, as a share link's `t` (a number ≥ 0;
 * later than the end means the end). Anything else is reported, and 0 is used.
 */
export function parseTime(value: string | null): { t: number; problem?: string } {
  if (value === null || value.trim() === '') return { t: 0 };
  const t = Number(value);
  if (Number.isFinite(t) && t >= 0) return { t };
  return { t: 0, problem: `time="${value}" is not a number of seconds ≥ 0, so the simulator starts at 0:00.` };
}
