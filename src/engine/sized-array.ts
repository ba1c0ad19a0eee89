// An array made at its length without `new Array(n)`. Why: optimized code that has
// only made small arrays with `new Array(n)` deoptimizes ("out of bounds") the first
// time n is large, so a 100,000-instance run after warm-ups at 10,000 ran the rest of
// the loop that made it (adding the instances) unoptimized. Setting `length` is one
// runtime call at any size; the array has fast (holey) elements, not a dictionary.
export function sizedArray<T>(length: number): T[] {
  const a: T[] = [];
  a.length = length;
  return a;
}
