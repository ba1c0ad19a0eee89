// The engine's simulated clock: a priority queue of callbacks ordered by time, then
// by the order they were scheduled (so equal times run first-in, first-out and the
// run is deterministic). The engine never reads the wall clock. Entries can be
// cancelled (a state that is left cancels its timers): a cancelled entry neither
// runs nor advances the clock.

export interface Entry {
  t: number;
  seq: number;
  run: () => void;
  cancelled?: boolean;
}

export class Agenda {
  private heap: Entry[] = [];
  private seq = 0;
  now = 0;

  /** Schedules `run` at absolute simulated time `t` (never in the past). */
  at(t: number, run: () => void): Entry {
    const entry: Entry = { t: Math.max(t, this.now), seq: this.seq++, run };
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(entry, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = entry;
    return entry;
  }

  after(seconds: number, run: () => void): Entry {
    return this.at(this.now + seconds, run);
  }

  /** Cancels a scheduled entry; it is dropped when it reaches the top. */
  cancel(entry: Entry): void {
    entry.cancelled = true;
  }

  /** Drops everything scheduled (a finished deployment's leftover timers must not advance the clock). */
  clear(): void {
    this.heap.length = 0;
  }

  get empty(): boolean {
    this.dropCancelled();
    return this.heap.length === 0;
  }

  /** Time of the next entry, or undefined when nothing is scheduled. */
  peekTime(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.t;
  }

  /** Runs the earliest entry; returns false when nothing was scheduled. */
  step(): boolean {
    this.dropCancelled();
    const top = this.pop();
    if (!top) return false;
    this.now = top.t;
    top.run();
    return true;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0]!.cancelled) this.pop();
  }

  private pop(): Entry | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (!top || !last || heap.length === 0) return top;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && before(heap[r]!, heap[l]!) ? r : l;
      if (!before(heap[child]!, last)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}

function before(a: Entry, b: Entry): boolean {
  return a.t < b.t || (a.t === b.t && a.seq < b.seq);
}
