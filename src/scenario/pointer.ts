// JSON Pointers (RFC 6901), the form of every problem's path.

/** One reference token: `~` becomes `~0` and `/` becomes `~1`. */
export function escapeToken(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The pointer to `key` inside the value at `parent`. */
export function childPointer(parent: string, key: string | number): string {
  return `${parent}/${escapeToken(key)}`;
}

/** The pointers that contain `pointer`, outermost first: '/a/b' → ['', '/a']. */
export function ancestors(pointer: string): string[] {
  const found: string[] = [];
  for (let i = pointer.indexOf('/'); i !== -1; i = pointer.indexOf('/', i + 1)) found.push(pointer.slice(0, i));
  return found;
}
