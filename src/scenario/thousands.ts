// 100000 → "100,000". Not toLocaleString: its first call loads ICU's locale data,
// which costs the CLI tens of milliseconds at start-up.
export function thousands(n: number): string {
  const [whole, fraction] = String(n).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
