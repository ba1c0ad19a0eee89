// 100000 → "100,000". Not toLocaleString: its first call loads ICU's locale data,
// which costs the CLI tens of milliseconds at start-up.
export function thousands(n: number): string {
  if (n < 1000 && n > -1000 && Number.isInteger(n)) return String(n); // most counts: no split, no regex
  const [whole, fraction] = String(n).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
