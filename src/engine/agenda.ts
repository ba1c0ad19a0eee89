// The engine's simulated clock: a queue of callbacks ordered by time, then by the
// order they were scheduled (so equal times run first-in, first-out and the run is
// deterministic). The engine never reads the wall clock. Entries can be cancelled
// (a state that is left cancels its timers): a cancelled entry neither runs nor
// advances the clock.
//
// Why buckets: a fleet moves in lockstep, so thousands of entries share a time (every
// instance of a batch ends a step at the same second). Entries are kept in one FIFO
// bucket per distinct time, and only the buckets sit in a binary heap by time: adding
// or running an entry is O(1) plus O(log distinct times), with no comparisons between
// entries: scheduling order is the bucket's order (FIFO).
// Finding the bucket of a time: a scan of the heap while it holds few buckets (one at
// a time rollouts: every step ends at its own time, and a Map that grows and shrinks
// by one entry per step reallocates its table each time), a Map once it holds many.
// Drained buckets are recycled with their item arrays.

/** Something scheduled by `at`. The agenda keeps its time in the bucket it waits in, not in the entry. */
export interface Entry {
  run: () => void;
  readonly cancelled?: boolean | undefined;
}

/**
 * Runs what the agenda holds as numbers: the rows of the world's step runs
 * (step-runs.ts), scheduled by `scheduleRow` so that a waiting run costs the agenda
 * a small integer, not an object of its own.
 */
export interface RowRunner {
  runRow(row: number): void;
}

/** An entry made by `at`: its callback, and whether it was cancelled. */
interface OwnEntry extends Entry {
  cancelled: boolean;
}

/**
 * The entries due at one time, in scheduling order: `items[head…size)`; `head` is the
 * next to run. `size`, not the array's length, says where they end, so a recycled
 * bucket keeps its array as it is (setting an array's length is a runtime call, and
 * a one at a time rollout recycles a bucket at every step).
 */
interface Bucket {
  t: number;
  /** Entries, or rows for the RowRunner (never cancelled here: a cut-short run ignores its turn). */
  items: (Entry | number | undefined)[];
  head: number;
  size: number;
}

export class Agenda {
  /** One bucket per distinct time that has entries: a binary min-heap by time. */
  private heap: Bucket[] = [];
  /** Buckets by time, kept only while the heap is large (see findBucket). */
  private buckets: Map<number, Bucket> | undefined;
  /** Drained buckets, ready for reuse. */
  private readonly spare: Bucket[] = [];
  /** How many spare buckets keep an item array longer than SPARE_ITEMS. */
  private largeSpares = 0;
  /** The bucket entries were last added to: lockstep fleets add many at one time in a row. */
  private last: Bucket | undefined;
  now = 0;

  constructor(private readonly rows?: RowRunner) {}

  /** Schedules `run` at absolute simulated time `t` (never in the past). */
  at(t: number, run: () => void): Entry {
    const entry: OwnEntry = { run, cancelled: false };
    this.add(entry, t);
    return entry;
  }

  after(seconds: number, run: () => void): Entry {
    return this.at(this.now + seconds, run);
  }

  /** Schedules row `row` of the RowRunner at `t` (never in the past): it runs in its turn, as an entry would. */
  scheduleRow(row: number, t: number): void {
    this.add(row, t);
  }

  private add(entry: Entry | number, t: number): void {
    const time = t < this.now ? this.now : t;
    let bucket = this.last;
    if (bucket === undefined || bucket.t !== time) {
      bucket = this.findBucket(time);
      if (bucket === undefined) {
        bucket = this.spare.pop() ?? { t: 0, items: [], head: 0, size: 0 };
        if (bucket.items.length > SPARE_ITEMS) this.largeSpares--;
        bucket.t = time;
        pushBucket(this.heap, bucket);
        if (this.buckets !== undefined) this.buckets.set(time, bucket);
        else if (this.heap.length > MAP_ABOVE) this.buckets = new Map(this.heap.map((b) => [b.t, b]));
      }
      this.last = bucket;
    }
    if (bucket.size < bucket.items.length) bucket.items[bucket.size++] = entry;
    else {
      bucket.items.push(entry);
      bucket.size++;
    }
  }

  /** Cancels a scheduled entry; it is dropped when it reaches the front. */
  cancel(entry: Entry): void {
    (entry as OwnEntry).cancelled = true;
  }

  /** Drops everything scheduled (a finished deployment's leftover timers must not advance the clock). */
  clear(): void {
    this.heap = [];
    this.buckets = undefined;
    this.last = undefined;
  }

  /** The bucket of time `t`, if any: a scan while the heap is small, else the map. */
  private findBucket(t: number): Bucket | undefined {
    if (this.buckets !== undefined) return this.buckets.get(t);
    const heap = this.heap;
    for (let i = 0; i < heap.length; i++) if (heap[i]!.t === t) return heap[i];
    return undefined;
  }

  get empty(): boolean {
    return this.front() === undefined;
  }

  /** Time of the next entry, or undefined when nothing is scheduled. */
  peekTime(): number | undefined {
    return this.front()?.t;
  }

  /** Runs the earliest entry; returns false when nothing was scheduled. */
  step(): boolean {
    const bucket = this.front();
    if (bucket === undefined) return false;
    const entry = bucket.items[bucket.head]!;
    // Freed as it runs: a drained slot must not keep a finished run's closure alive.
    bucket.items[bucket.head++] = undefined;
    this.now = bucket.t;
    if (bucket.head === bucket.size) this.drop(bucket);
    if (typeof entry === 'number') this.rows!.runRow(entry);
    else entry.run();
    return true;
  }

  /** The earliest bucket with an entry to run, after dropping cancelled entries at the front. */
  private front(): Bucket | undefined {
    for (;;) {
      const bucket = this.heap[0];
      if (bucket === undefined) return undefined;
      const items = bucket.items;
      for (;;) {
        if (bucket.head === bucket.size) break;
        const entry = items[bucket.head]!;
        if (typeof entry === 'number' || !entry.cancelled) break;
        items[bucket.head++] = undefined;
      }
      if (bucket.head < bucket.size) return bucket;
      this.drop(bucket);
    }
  }

  /** Removes the earliest bucket (drained or about to be). */
  private drop(bucket: Bucket): void {
    if (this.last === bucket) this.last = undefined;
    popBucket(this.heap);
    if (this.buckets !== undefined) {
      this.buckets.delete(bucket.t);
      if (this.heap.length < MAP_BELOW) this.buckets = undefined;
    }
    if (this.spare.length < SPARE_BUCKETS) {
      // Every slot is empty by now (cleared as it ran or was dropped). A large array (a
      // whole fleet at one time) is kept for the fleet's next step, which has as many
      // entries: filling a kept array is a quarter of the cost of growing a new one
      // (copies, and new old-space arrays). A few of them at most.
      if (bucket.items.length > SPARE_ITEMS) {
        if (this.largeSpares < LARGE_SPARES) this.largeSpares++;
        else bucket.items = [];
      }
      bucket.head = 0;
      bucket.size = 0;
      this.spare.push(bucket);
    }
  }
}

/** Above this many buckets a Map finds them; below MAP_BELOW a scan does again (hysteresis: no flapping). */
const MAP_ABOVE = 16;
const MAP_BELOW = 8;
/** How many drained buckets are kept for reuse. */
const SPARE_BUCKETS = 64;
/** The longest item array a spare bucket keeps, except for LARGE_SPARES of them. */
const SPARE_ITEMS = 1024;
const LARGE_SPARES = 4;

function pushBucket(heap: Bucket[], bucket: Bucket): void {
  let i = heap.length;
  heap.push(bucket);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent]!.t <= bucket.t) break;
    heap[i] = heap[parent]!;
    i = parent;
  }
  heap[i] = bucket;
}

function popBucket(heap: Bucket[]): void {
  const last = heap.pop()!;
  const n = heap.length;
  if (n === 0) return;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const child = r < n && heap[r]!.t < heap[l]!.t ? r : l;
    if (heap[child]!.t >= last.t) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = last;
}
