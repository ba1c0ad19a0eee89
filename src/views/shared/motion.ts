// prefers-reduced-motion, read once and kept current.
let reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
if (typeof matchMedia === 'function') {
  matchMedia('(prefers-reduced-motion: reduce)').addEventListener?.('change', (e) => {
    reduced = e.matches;
  });
}

export function reducedMotion(): boolean {
  return reduced;
}

/** Transition length in ms, 0 when the person asked for less motion. */
export function motionMs(ms: number): number {
  return reduced ? 0 : ms;
}
