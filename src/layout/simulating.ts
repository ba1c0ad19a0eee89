// What the page says while a large share link is simulated off the main thread
// (src/app/off-thread.ts), before its index arrives: the scenario's name and
// fleet are known from the link at once, so the header and the now line say
// what is coming instead of "No scenario loaded" over empty views.
import { thousands } from '../scenario/thousands.ts';

/** A scenario being simulated: its name (user text) and fleet size, read from the link before validation finishes. */
export interface Simulating {
  name: string;
  instances: number;
}

/**
 * "Simulating 5,000 instances…", the one wording the header and the now line share.
 * `thousands`, not toLocaleString: the page's first toLocaleString starts ICU's number
 * formatting, 65–75 ms of the main thread just while the worker's answer comes in.
 */
export function simulatingText(s: Simulating): string {
  return `Simulating ${thousands(s.instances)} instance${s.instances === 1 ? '' : 's'}…`;
}
