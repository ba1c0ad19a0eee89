// Which targets a picker lists for what the user typed. Pure; linear in the number
// of targets (5,000 in well under a millisecond), and only the first `limit` matches
// are rendered, so a picker stays fast at 100,000 targets.

export interface PickerOption {
  value: string;
  label: string;
}

export interface Matches {
  shown: PickerOption[];
  /** All matches, shown or not. */
  total: number;
}

/**
 * Options matching `query` (case-insensitive, in the label or the id), best first:
 * an exact match or an id ending in "-<query>" (typing 3 finds i-3), then ids,
 * labels and id numbers that start with it (42: i-420 … i-429), then the rest, each
 * group in the fleet's order.
 */
export function matchTargets(options: readonly PickerOption[], query: string, limit: number): Matches {
  const q = query.trim().toLowerCase();
  if (q === '') return { shown: options.slice(0, limit), total: options.length };
  const exact: PickerOption[] = [];
  const prefix: PickerOption[] = [];
  const inside: PickerOption[] = [];
  for (const o of options) {
    const value = o.value.toLowerCase();
    const label = o.label.toLowerCase();
    if (value === q || label === q || value.endsWith(`-${q}`)) exact.push(o);
    else if (value.startsWith(q) || label.startsWith(q) || value.slice(value.lastIndexOf('-') + 1).startsWith(q)) prefix.push(o);
    else if (value.includes(q) || label.includes(q)) inside.push(o);
  }
  const total = exact.length + prefix.length + inside.length;
  return { shown: [...exact, ...prefix, ...inside].slice(0, limit), total };
}
