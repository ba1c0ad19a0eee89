// Typed-array columns that grow by adding chunks instead of copying into arrays
// twice or four times as large. Why: at 100,000 instances the spans alone are over
// a million rows; growing by copying allocated about two and a half times the final
// size (each larger array, zero-filled, while the old one is still alive) and copied
// the rows again at every step, and V8 answers every 64 MB of such external memory
// with a young-generation GC and a major one. Chunks allocate about what is recorded
// and copy nothing while the run goes; the columns join them into exact-length
// arrays once, when they are first read (after `simulate` has returned).
export type Typed = Float64Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>;

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
 * then by LARGEST_CHUNK rows at a time.
 */
export function nextChunk<C extends ChunkArrays>(full: C, capacity: number): C {
  const rows = Math.min(capacity * 3, LARGEST_CHUNK);
  const out: ChunkArrays = {};
  for (const key of Object.keys(full)) out[key] = like(full[key]!, rows);
  return out as C;
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
