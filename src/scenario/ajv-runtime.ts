// The two helpers Ajv's standalone validator (schema-validator.generated.js)
// calls at run time. Ajv ships them as CommonJS, whose default export Node and the
// bundlers disagree on, so the generator points the validator here instead.
// Both only ever see parsed JSON no deeper than LIMITS.depth.

/** Length in Unicode code points, as JSON Schema's minLength and maxLength count. */
export function ucs2length(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}

/** Deep equality of JSON values (for `const`, `enum` and `uniqueItems`). */
export function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => equal(item, b[i]));
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  const other = b as Record<string, unknown>;
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(other, k) && equal((a as Record<string, unknown>)[k], other[k]));
}
