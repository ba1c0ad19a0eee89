// Typed-array columns that grow by adding chunks instead of copying into arrays
// twice or four times as large. Why: at 100,000 instances the spans alone are over
// a million rows; growing by copying allocated about two and a half times the final
// size (each larger array, zero-filled, while the old one is still alive) and copied
// the rows again at every step, and V8 answers every 64 MB of such external memory
// with a young-generation GC and a major one. Chunks allocate about what is recorded
// and copy nothing while the run goes; the columns join them into exact-length
// arrays once, when they are first read (after `simulate` has returned).
export type Typed = Float64Array<ArrayBuffer> | Float32Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>;

/** A columns object's arrays by field name (all of one chunk's rows). */
export type ChunkArrays = Record<string, Typed>;

/** Rows of the first chunk. */
export const FIRST_CHUNK = 4096;

/** Rows of the largest chunk: a few MB per column set, so the last chunk's slack stays small. */
const LARGEST_CHUNK = 1 << 16;

function like<T extends Typed>(a: T, rows: number): T {
  return new (a.constructor as new (n: number) => T)(rows);
}

/**
 * Fresh arrays like `full`'s (same fields and types) for the chunk after `capacity`
 * rows: the capacity grows fourfold while small (as many chunks as the old copies),
 * then by LARGEST_CHUNK rows at a time; at least `needed` rows.
 */
export function nextChunk<C extends ChunkArrays>(full: C, capacity: number, needed = 0): C {
  const rows = Math.max(Math.min(capacity * 3, LARGEST_CHUNK), needed);
  const out: ChunkArrays = {};
  for (const key of Object.keys(full)) out[key] = like(full[key]!, rows);
  return out as C;
}

/**
 * Where a columns object is in its chunks: the filled ones (each full to its arrays'
 * length), the first row of the current one, and the rows there is room for. Plain
 * data, so columns sent to another thread (ColumnsData) keep it.
 */
export interface ChunkState<C extends ChunkArrays> {
  filled: C[];
  base: number;
  capacity: number;
}

export function chunkState<C extends ChunkArrays>(): ChunkState<C> {
  return { filled: [], base: 0, capacity: FIRST_CHUNK };
}

/**
 * Keeps `full`, the current chunk, as it is (nothing is copied) and returns the
 * arrays of the next, which starts at row `at` (default: the capacity; earlier when
 * `full` is cut short) with room for at least `needed` rows.
 */
export function addChunk<C extends ChunkArrays>(s: ChunkState<C>, full: C, at = s.capacity, needed = 0): C {
  s.filled.push(full);
  const next = nextChunk(full, s.capacity, needed);
  s.base = at;
  s.capacity = at + next[Object.keys(next)[0]!]!.length;
  return next;
}

/**
 * The chunks and the current one (rows up to `length` in all) joined into
 * exact-length arrays, or undefined when there is only the current one. Columns call
 * it when first read: every reader comes through it.
 */
export function settleChunks<C extends ChunkArrays>(s: ChunkState<C>, current: C, length: number): C | undefined {
  if (s.filled.length === 0) return undefined;
  const joined = joinChunks(s.filled, current, length);
  s.filled = [];
  s.base = 0;
  s.capacity = length;
  return joined;
}

/**
 * The filled chunks (each full to its arrays' length) and the current one (its rows
 * up to `length` in all), joined field by field into arrays of exactly `length` rows.
 */
export function joinChunks<C extends ChunkArrays>(filled: readonly C[], current: C, length: number): C {
  const out: ChunkArrays = {};
  for (const key of Object.keys(current)) {
    const last = current[key]!;
    const joined = like(last, length);
    let at = 0;
    for (const chunk of filled) {
      const a = chunk[key]!;
      joined.set(a, at);
      at += a.length;
    }
    joined.set(last.subarray(0, length - at), at);
    out[key] = joined;
  }
  return out as C;
}
