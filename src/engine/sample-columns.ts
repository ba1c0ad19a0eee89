// The trace's samples (in-service counts and traffic per version, one per time
// slice that changed them) kept as columns while the simulation runs: a one at a
// time rollout of 100,000 instances records 200,001 of them, three objects each,
// alive through the whole run (see trace-columns.ts for why that costs). The
// records are built, with their null prototypes and key order, when the trace's
// `samples` are first read (src/trace/lazy.ts).
import type { TraceSample } from '../trace/types.ts';
import type { LazyList } from '../trace/lazy.ts';
import { sameCounts, versionRecord } from '../trace/percent.ts';
import { FIRST_CAPACITY, StringTable, time } from './trace-columns.ts';
import { addChunk, chunkState, settleChunks } from './column-chunks.ts';

interface RowArrays {
  [field: string]: Float64Array<ArrayBuffer> | Int32Array<ArrayBuffer>;
  t: Float64Array<ArrayBuffer>;
  unserved: Float64Array<ArrayBuffer>;
  inServiceAt: Int32Array<ArrayBuffer>;
  trafficAt: Int32Array<ArrayBuffer>;
}

interface EntryArrays {
  [field: string]: Float64Array<ArrayBuffer> | Int32Array<ArrayBuffer>;
  version: Int32Array<ArrayBuffer>;
  value: Float64Array<ArrayBuffer>;
}

/** Samples in recording order, which is time order. */
export class SampleColumns implements LazyList<TraceSample> {
  length = 0;
  private t = new Float64Array(FIRST_CAPACITY);
  private unserved = new Float64Array(FIRST_CAPACITY);
  /** Where sample i's in-service entries start; its traffic entries start at `trafficAt[i]` and end where sample i + 1's start. */
  private inServiceAt = new Int32Array(FIRST_CAPACITY);
  private trafficAt = new Int32Array(FIRST_CAPACITY);
  /** Entries (version, number) of every sample, in the records' key order. */
  private entries = 0;
  private version = new Int32Array(FIRST_CAPACITY);
  private value = new Float64Array(FIRST_CAPACITY);
  private readonly versions = new StringTable();
  /** Test-listener routing (ECS), a copy per sample that has it: rare. */
  private readonly testTraffic = new Map<number, Record<string, number>>();
  /**
   * Rows and entries are recorded in chunks, joined when first read (column-chunks.ts).
   * One sample's entries are never split between chunks (a new entry chunk starts
   * with the sample), so the last sample, which `repeats` reads, is whole in the
   * current ones.
   */
  private readonly chunks = chunkState<RowArrays>();
  private readonly entryChunks = chunkState<EntryArrays>();

  /**
   * Records a sample at `t` unless it repeats the last one (same counts, traffic,
   * test traffic and unserved share, in any key order). In service: the first
   * `n` of `keys` and `counts`; traffic: the first `m` of `versions` and `shares`.
   */
  add(t: number, keys: readonly string[], counts: readonly number[], n: number, versions: readonly string[], shares: readonly number[], m: number, testTraffic: Record<string, number> | undefined, unserved: number): void {
    const last = this.length - 1;
    if (last >= 0 && this.repeats(last, keys, counts, n, versions, shares, m, testTraffic, unserved)) return;
    const i = this.length;
    if (i === this.chunks.capacity) this.useRows(addChunk(this.chunks, this.rows()));
    if (this.entries + n + m > this.entryChunks.capacity) this.enlargeEntries(n + m);
    const j = i - this.chunks.base;
    this.t[j] = t;
    this.unserved[j] = unserved;
    this.inServiceAt[j] = this.entries;
    for (let k = 0; k < n; k++) this.entry(keys[k]!, counts[k]!);
    this.trafficAt[j] = this.entries;
    for (let k = 0; k < m; k++) this.entry(versions[k]!, shares[k]!);
    if (testTraffic) this.testTraffic.set(i, Object.assign(versionRecord(), testTraffic));
    this.length = i + 1;
  }

  /** Writes one entry; add has made room for it in the current entry chunk. */
  private entry(version: string, value: number): void {
    const e = this.entries;
    const b = this.entryChunks.base;
    this.version[e - b] = this.versions.of(version);
    this.value[e - b] = value;
    this.entries = e + 1;
  }

  private rows(): RowArrays {
    return { t: this.t, unserved: this.unserved, inServiceAt: this.inServiceAt, trafficAt: this.trafficAt };
  }

  /** A new entry chunk starting at the next entry, for a sample of `needed` entries; the current one keeps the entries it holds. */
  private enlargeEntries(needed: number): void {
    const used = this.entries - this.entryChunks.base;
    const full: EntryArrays = { version: this.version.subarray(0, used), value: this.value.subarray(0, used) };
    this.useEntries(addChunk(this.entryChunks, full, this.entries, needed));
  }

  private useRows(a: RowArrays): void {
    ({ t: this.t, unserved: this.unserved, inServiceAt: this.inServiceAt, trafficAt: this.trafficAt } = a);
  }

  private useEntries(a: EntryArrays): void {
    ({ version: this.version, value: this.value } = a);
  }

  /** The chunks joined into exact-length arrays, when first read. */
  private settle(): void {
    const rows = settleChunks(this.chunks, this.rows(), this.length);
    if (rows !== undefined) this.useRows(rows);
    const entries = settleChunks(this.entryChunks, { version: this.version, value: this.value }, this.entries);
    if (entries !== undefined) this.useEntries(entries);
  }

  /** Entries [from, to) hold exactly the first `n` of `keys` with these values (order aside). */
  private holds(from: number, to: number, keys: readonly string[], values: readonly number[], n: number): boolean {
    if (to - from !== n) return false;
    // The last sample's entries are in the current entry chunk.
    const b = this.entryChunks.base;
    for (let k = 0; k < n; k++) {
      const v = this.versions.of(keys[k]!);
      let e = from;
      while (e < to && this.version[e - b] !== v) e++;
      if (e === to || this.value[e - b] !== values[k]) return false;
    }
    return true;
  }

  private repeats(i: number, keys: readonly string[], counts: readonly number[], n: number, versions: readonly string[], shares: readonly number[], m: number, testTraffic: Record<string, number> | undefined, unserved: number): boolean {
    // The last sample is in the current row chunk.
    const j = i - this.chunks.base;
    return (
      this.unserved[j] === unserved &&
      sameCounts(this.testTraffic.get(i), testTraffic) &&
      this.holds(this.inServiceAt[j]!, this.trafficAt[j]!, keys, counts, n) &&
      this.holds(this.trafficAt[j]!, this.entries, versions, shares, m)
    );
  }

  /** The time of the last sample, or undefined when there is none. */
  lastTime(): number | undefined {
    return this.length > 0 ? this.t[this.length - 1 - this.chunks.base] : undefined;
  }

  /** The samples as objects (LazyList). */
  list(): TraceSample[] {
    this.settle();
    const out = new Array<TraceSample>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.object(i);
    return out;
  }

  /** Sample `i` as a fresh object (LazyList). */
  at(i: number): TraceSample | undefined {
    if (i < 0 || i >= this.length) return undefined;
    this.settle();
    return this.object(i);
  }

  private record(from: number, to: number): Record<string, number> {
    const r = versionRecord();
    for (let e = from; e < to; e++) r[this.versions.list[this.version[e]!]!] = time(this.value[e]!);
    return r;
  }

  /** One sample; fields in the contract's order (t, inService, traffic, testTraffic, unserved). */
  private object(i: number): TraceSample {
    const end = i + 1 < this.length ? this.inServiceAt[i + 1]! : this.entries;
    const s: TraceSample = { t: time(this.t[i]!), inService: this.record(this.inServiceAt[i]!, this.trafficAt[i]!), traffic: this.record(this.trafficAt[i]!, end) };
    const test = this.testTraffic.get(i);
    // A copy each time: every read of an unbuilt sample is a fresh object.
    if (test) s.testTraffic = Object.assign(versionRecord(), test);
    const unserved = this.unserved[i]!;
    if (unserved > 0) s.unserved = time(unserved);
    return s;
  }
}
