// Time columns of the compact trace hold differences (the start of a span as
// seconds after the previous span's start). A reader adds them up in ordinary
// double arithmetic, so the writer must pick each difference d such that
// `from + d === to` holds exactly: `to - from` nearly always does, when rounding
// makes it miss a neighbouring double usually does, and for the rare pair no
// double can (the sums step over `to`) the cell holds the time itself, as `[to]`.

const view = new DataView(new ArrayBuffer(8));

/** The double `steps` representable values away from x (towards larger magnitudes when positive). */
function stepped(x: number, steps: number): number {
  view.setFloat64(0, x);
  view.setBigInt64(0, view.getBigInt64(0) + BigInt(steps));
  return view.getFloat64(0);
}

/** A d with `from + d === to` in double arithmetic, or undefined if there is none nearby. */
export function exactDelta(from: number, to: number): number | undefined {
  const d = to - from;
  if (from + d === to) return d;
  if (d === 0) return undefined;
  for (const steps of [1, -1, 2, -2, 3, -3]) {
    const c = stepped(d, steps);
    if (from + c === to) return c;
  }
  return undefined;
}

/** The cell of a time column: the difference from `from`, or `[to]` when no difference adds up exactly. */
export function timeCell(from: number, to: number): number | [number] {
  return exactDelta(from, to) ?? [to];
}
