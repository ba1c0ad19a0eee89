// Simulates a scenario and builds its frame index off the main thread, so that a
// large share link never blocks the page for the length of a simulation (issue
// 10: no main-thread task over 200 ms). The index is posted back whole:
// structured cloning keeps its Maps and the spans its lists share.
import { simulate } from '../engine/simulate.ts';
import { validateScenario } from '../scenario/validate.ts';
import { buildIndex } from '../layout/frame.ts';
import type { OffThreadReply } from './off-thread.ts';

self.onmessage = (e: MessageEvent<unknown>) => {
  let reply: OffThreadReply;
  const v = validateScenario(e.data);
  if (!v.ok) reply = { ok: false, detail: 'invalid' };
  else {
    try {
      reply = { ok: true, index: buildIndex(simulate(v.scenario)) };
    } catch (err) {
      reply = { ok: false, detail: err instanceof Error ? err.message : String(err) };
    }
  }
  self.postMessage(reply);
};
