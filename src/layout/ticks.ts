// Tick values for a time axis in seconds: round minutes and seconds.
const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];

export function timeTicks(duration: number, widthPx: number, minGapPx = 70): number[] {
  const max = Math.max(1, Math.floor(widthPx / minGapPx));
  const step = STEPS.find((s) => duration / s <= max) ?? Math.ceil(duration / max / 3600) * 3600;
  const ticks: number[] = [];
  for (let v = 0; v <= duration + 1e-9; v += step) ticks.push(v);
  return ticks;
}
