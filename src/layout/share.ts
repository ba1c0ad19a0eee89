// Share links: the scenario and the current time in the URL's hash.
// "#s=<base64url JSON>&t=<seconds>" for any scenario, "#scenario=<library id>&t=…"
// for an unchanged library scenario.
import { thousands } from '../scenario/thousands.ts';

export interface ShareState {
  scenarioId?: string;
  scenarioText?: string;
  t?: number;
  /** Which faults (by position) the learner injected, so a shared link labels them as injected. */
  injected?: number[];
  /** Quiz mode (src/app/quiz-mode.ts): `&quiz=1`. */
  quiz?: boolean;
  /** Presenter mode (src/app/presenter.ts): `&presenter=1`. */
  presenter?: boolean;
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(b64: string): string {
  const bin = atob(b64.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new TextDecoder().decode(bytes);
}

export function encodeShare(state: ShareState): string {
  const params = new URLSearchParams();
  if (state.scenarioId) params.set('scenario', state.scenarioId);
  else if (state.scenarioText !== undefined) params.set('s', toBase64Url(state.scenarioText));
  if (state.t !== undefined) params.set('t', String(Math.round(state.t * 10) / 10));
  if (state.scenarioText !== undefined && state.injected?.length) params.set('i', state.injected.join(','));
  if (state.quiz) params.set('quiz', '1');
  if (state.presenter) params.set('presenter', '1');
  return `#${params.toString()}`;
}

/** Never throws: a damaged hash gives what could be read plus an error. */
export function decodeShare(hash: string): ShareState & { error?: string } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const out: ShareState & { error?: string } = {};
  const id = params.get('scenario');
  if (id) out.scenarioId = id;
  const s = params.get('s');
  if (s) {
    try {
      out.scenarioText = fromBase64Url(s);
    } catch {
      out.error = 'The scenario in this link is damaged and could not be read.';
    }
  }
  const t = Number(params.get('t'));
  if (params.has('t') && Number.isFinite(t) && t >= 0) out.t = t;
  const injected = (params.get('i') ?? '').split(',').filter((x) => /^\d{1,6}$/.test(x)).map(Number);
  if (injected.length) out.injected = injected;
  if (params.get('quiz') === '1') out.quiz = true;
  if (params.get('presenter') === '1') out.presenter = true;
  return out;
}

/**
 * The largest fleet the app draws: 5,000 instances (up to 10,000 targets when a
 * deployment doubles the fleet). The engine and the CLI take up to
 * LIMITS.instances; a shared link above this is refused before it is simulated,
 * so it cannot freeze the tab.
 */
export const APP_MAX_INSTANCES = 5_000;

/** Why a shared scenario is too large for the app, or undefined. Never throws. */
export function oversizedFleet(text: string, what = 'The scenario in this link'): string | undefined {
  let data: any;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined; // validation reports unreadable text
  }
  const section = data?.elasticBeanstalk ?? data?.codeDeploy;
  const instances = typeof section === 'object' && section !== null ? Number(section.instances) : 0;
  if (!(instances > APP_MAX_INSTANCES)) return undefined;
  return `${what} has ${thousands(instances)} instances; the app draws at most ${thousands(APP_MAX_INSTANCES)}, so it is not opened. Run it with the CLI (deploysim run), which takes larger fleets.`;
}
