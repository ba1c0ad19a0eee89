// Where things are in JSON text, for the two jobs JSON.parse cannot do: saying
// where the first syntax error is (V8 names no position for some errors, e.g. a
// stray token where a value belongs), and finding a document's top-level members,
// so that an edit rewrites one of them and keeps the rest of the user's text as
// written (src/app/edit-text.ts). A strict scanner (RFC 8259: no comments, no
// trailing commas) of its own rather than a JSON library, which would be a tenth
// of the page's first load (issue 10: at most 150 kB gzipped). Error words are
// the ones JSON editors use ("value expected", "comma expected").

/** The first syntax error: where (a UTF-16 offset into the text) and what. */
export interface JsonSyntaxError {
  offset: number;
  what: string;
}

/** A top-level member: its key, where it starts (the key's opening quote), and where its value is. */
export interface JsonMember {
  key: string;
  offset: number;
  valueOffset: number;
  valueLength: number;
}

/** A document that is one object: where its braces are, and its members in text order. */
export interface JsonObjectOutline {
  offset: number;
  length: number;
  members: JsonMember[];
}

/** A JSON number, matched where the scanner is (sticky). */
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Stop {
  constructor(readonly offset: number, readonly what: string) {}
}

/** Scans `text` as one JSON value; records the members of the outermost object. Throws Stop at the first error. */
class Scanner {
  i = 0;
  readonly members: JsonMember[] = [];
  /** Where the document's value starts and ends (its whitespace around it left out). */
  valueStart = 0;
  valueEnd = 0;

  constructor(private readonly s: string) {}

  document(): void {
    this.ws();
    this.valueStart = this.i;
    this.value(0);
    this.valueEnd = this.i;
    this.ws();
    if (this.i < this.s.length) this.stop('end of file expected');
  }

  private stop(what: string, at = this.i): never {
    throw new Stop(at, what);
  }

  /** JSON's four whitespace characters; a comment is an error. */
  private ws(): void {
    const s = this.s;
    for (;;) {
      const c = s.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else if (c === 47 && (s[this.i + 1] === '/' || s[this.i + 1] === '*')) this.stop('invalid comment token');
      else return;
    }
  }

  private value(depth: number): void {
    const c = this.s[this.i];
    if (c === '{') this.object(depth);
    else if (c === '[') this.array(depth);
    else if (c === '"') this.string();
    else if (c === 't') this.word('true');
    else if (c === 'f') this.word('false');
    else if (c === 'n') this.word('null');
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) this.number();
    else if (c === undefined || c === '}' || c === ']' || c === ',' || c === ':') this.stop('value expected');
    else this.stop('invalid symbol');
  }

  private object(depth: number): void {
    const s = this.s;
    this.i++;
    this.ws();
    if (s[this.i] === '}') return void this.i++;
    for (;;) {
      this.ws();
      if (s[this.i] !== '"') this.stop('property name expected');
      const keyAt = this.i;
      this.string();
      const key = JSON.parse(s.slice(keyAt, this.i)) as string;
      this.ws();
      if (s[this.i] !== ':') this.stop('colon expected');
      this.i++;
      this.ws();
      const valueAt = this.i;
      this.value(depth + 1);
      if (depth === 0) this.members.push({ key, offset: keyAt, valueOffset: valueAt, valueLength: this.i - valueAt });
      this.ws();
      const c = s[this.i];
      if (c === ',') this.i++;
      else if (c === '}') return void this.i++;
      else this.stop(c === undefined ? 'close brace expected' : 'comma expected');
    }
  }

  private array(depth: number): void {
    const s = this.s;
    this.i++;
    this.ws();
    if (s[this.i] === ']') return void this.i++;
    for (;;) {
      this.ws();
      this.value(depth + 1);
      this.ws();
      const c = s[this.i];
      if (c === ',') this.i++;
      else if (c === ']') return void this.i++;
      else this.stop(c === undefined ? 'close bracket expected' : 'comma expected');
    }
  }

  private string(): void {
    const s = this.s;
    this.i++;
    for (;;) {
      const c = s.charCodeAt(this.i);
      if (Number.isNaN(c) || c === 10 || c === 13) this.stop('unexpected end of string');
      if (c === 34) return void this.i++;
      if (c === 92) {
        const e = s[this.i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(this.i + 2, this.i + 6))) this.stop('invalid unicode');
          this.i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) this.i += 2;
        else this.stop('invalid escape character');
      } else if (c < 32) this.stop('invalid character');
      else this.i++;
    }
  }

  private number(): void {
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.s);
    // A sign, point or exponent without its digits.
    if (!m || /[.eE]/.test(this.s.charAt(this.i + m[0].length))) this.stop('invalid number format');
    this.i += m[0].length;
  }

  private word(w: string): void {
    if (!this.s.startsWith(w, this.i) || /^[\w$]/.test(this.s.charAt(this.i + w.length))) this.stop('invalid symbol');
    this.i += w.length;
  }
}

function scan(text: string): { scanner: Scanner; error?: JsonSyntaxError } | undefined {
  const scanner = new Scanner(text);
  try {
    scanner.document();
    return { scanner };
  } catch (e) {
    if (e instanceof Stop) return { scanner, error: { offset: e.offset, what: e.what } };
    if (e instanceof RangeError) return undefined; // nesting deeper than the stack: nothing to say beyond JSON.parse's words
    throw e;
  }
}

/** The first syntax error in `text`, or undefined when it is valid JSON (or too deeply nested to scan). */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  return scan(text)?.error;
}

/** The outline of `text` when it is valid JSON whose value is an object; undefined otherwise. */
export function jsonObjectOutline(text: string): JsonObjectOutline | undefined {
  const r = scan(text);
  if (!r || r.error) return undefined;
  const { valueStart, valueEnd, members } = r.scanner;
  return text[valueStart] === '{' ? { offset: valueStart, length: valueEnd - valueStart, members } : undefined;
}
