// What the page says while a large share link is simulated off the main thread
// (src/app/off-thread.ts), before its index arrives: the scenario's name and
// fleet are known from the link at once, so the header and the now line say
// what is coming instead of "No scenario loaded" over empty views.

/** A scenario being simulated: its name (user text) and fleet size, read from the link before validation finishes. */
export interface Simulating {
  name: string;
  instances: number;
}

/** "Simulating 5,000 instances…", the one wording the header and the now line share. */
export function simulatingText(s: Simulating): string {
  return `Simulating ${s.instances.toLocaleString('en')} instance${s.instances === 1 ? '' : 's'}…`;
}
