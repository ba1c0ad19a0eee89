// Time columns of the compact trace hold differences (the start of a span as
// seconds after the previous span's start). A reader adds them up in ordinary
// double arithmetic, so the writer must pick each difference d such that
// `from + d === to` holds exactly: `to - from` nearly always does, and when
// rounding makes it miss, a neighbouring double does.

const view = new DataView(new ArrayBuffer(8));

/** The double `steps` representable values above (or below, when negative) x. */
function stepped(x: number, steps: number): number {
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0);
  // Doubles of one sign are ordered like their bit patterns (negative ones in reverse).
  view.setBigInt64(0, bits + BigInt(x < 0 || Object.is(x, -0) ? -steps : steps));
  return view.getFloat64(0);
}

/** A d with `from + d === to` in double arithmetic; throws if there is none nearby. */
export function exactDelta(from: number, to: number): number {
  const d = to - from;
  if (from + d === to) return d;
  for (const steps of [1, -1, 2, -2, 3, -3]) {
    const c = stepped(d, steps);
    if (from + c === to) return c;
  }
  throw new Error(`cannot write ${to} exactly as a difference from ${from}`);
}
