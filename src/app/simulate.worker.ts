// Simulates a scenario and builds its frame index off the main thread, so that a
// large share link never blocks the page for the length of a simulation (issue
// 10: no main-thread task over 200 ms). The index travels packed into typed
// columns (src/app/index-packet.ts), moved rather than copied.
import { simulate } from '../engine/simulate.ts';
import { validateScenario } from '../scenario/validate.ts';
import { buildIndex } from '../layout/frame.ts';
import type { OffThreadReply } from './off-thread.ts';
import { packetBuffers, packIndex } from './index-packet.ts';

self.onmessage = (e: MessageEvent<unknown>) => {
  let reply: OffThreadReply;
  let transfer: ArrayBuffer[] = [];
  const v = validateScenario(e.data);
  if (!v.ok) reply = { ok: false, detail: 'invalid' };
  else {
    try {
      const packet = packIndex(buildIndex(simulate(v.scenario)));
      reply = { ok: true, packet };
      transfer = packetBuffers(packet);
    } catch (err) {
      reply = { ok: false, detail: err instanceof Error ? err.message : String(err) };
    }
  }
  self.postMessage(reply, { transfer });
};
