// Writes a value as JSON text in chunks, byte for byte what JSON.stringify(value)
// returns, so a trace of any size never has to exist as one string (V8 caps a
// string at about 512 MB, and a 100,000-instance trace comes near it). The top
// levels (the trace object, its tables and their columns, or its lists) are
// walked here; below them, arrays go through JSON.stringify a slice at a time.

/** Where the text goes; a returned promise is awaited before the next chunk (backpressure). */
export type ChunkSink = (chunk: string) => void | Promise<void>;

/** Chunks of about this many characters are handed to the sink. */
export const CHUNK_CHARS = 1 << 16;

/** Elements of an array handed to JSON.stringify at once, below the walked levels. */
export const SLICE = 256;

/** `levels`: how deep the objects go whose members are walked one by one (2 for lists of objects, 3 for tables of columns). */
export async function writeJson(value: unknown, sink: ChunkSink, chunkChars: number = CHUNK_CHARS, levels = 2): Promise<void> {
  let buffer = '';
  for (const piece of jsonPieces(value, levels)) {
    buffer += piece;
    if (buffer.length >= chunkChars) {
      await sink(buffer);
      buffer = '';
    }
  }
  if (buffer.length > 0) await sink(buffer);
}

/** The pieces of JSON.stringify(value), walking `levels` levels of arrays and plain objects. */
export function* jsonPieces(value: unknown, levels: number): Generator<string> {
  if (levels <= 0 || typeof value !== 'object' || value === null || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  if (Array.isArray(value) && levels === 1) {
    // The elements are leaves: a slice of them at a time, so a column of a million numbers is not a million pieces.
    yield '[';
    for (let i = 0; i < value.length; i += SLICE) yield (i > 0 ? ',' : '') + JSON.stringify(value.slice(i, i + SLICE)).slice(1, -1);
    yield ']';
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      // JSON.stringify writes null for what it cannot represent inside an array.
      yield* omitted(value[i]) ? ['null'] : jsonPieces(value[i], levels - 1);
    }
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  for (const [key, child] of Object.entries(value)) {
    if (omitted(child)) continue; // and leaves such fields out of an object
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    yield* jsonPieces(child, levels - 1);
    first = false;
  }
  yield '}';
}

function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
