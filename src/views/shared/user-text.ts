// Text from a scenario (names, versions, alarm names, target ids) is the user's:
// it may hold right-to-left text or an unterminated U+202E. Each piece is shown
// in its own <bdi>, so it is laid out on its own and cannot reverse the text
// around it (the rest of a header, a log line, the next tile). Where a line is
// rewritten at every frame (the event log), the same isolation is written with
// Unicode's isolate marks instead (U+2068 … U+2069, what a <bdi> does): the line
// stays one text, so a seek changes its characters and builds no elements.
import { html, type TemplateResult } from 'lit';
import type { Trace } from '../../trace/types.ts';

/** One user string, isolated. */
export const bdi = (text: string): TemplateResult => html`<bdi>${text}</bdi>`;

const patterns = new WeakMap<Trace, RegExp | null>();

/** The user's strings that can appear inside engine messages, longest first. */
function patternOf(trace: Trace): RegExp | null {
  let re = patterns.get(trace);
  if (re !== undefined) return re;
  const sc = trace.scenario;
  const strings = new Set<string>([sc.name, sc.versions.from, sc.versions.to]);
  for (const f of sc.faults) if (f.type === 'Alarm' && f.alarmName) strings.add(f.alarmName);
  for (const t of trace.targets) if (!/^i-\d+$/.test(t.id)) strings.add(t.id);
  const list = [...strings].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  re = list.length ? new RegExp(list.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g') : null;
  patterns.set(trace, re);
  return re;
}

/** First strong isolate and pop directional isolate: a <bdi> (dir auto) in characters. */
const FSI = '\u2068';
const PDI = '\u2069';

/** The isolate marks `isolatedText` adds, to take out of copied text (they would travel as invisible characters). */
const MARKS = /[\u2068\u2069]/g;

/** Text as it was before `isolatedText`: what a reader copies. */
export const withoutIsolates = (text: string): string => text.replace(MARKS, '');

/** A message as one string, every user string in it between isolate marks. */
export function isolatedText(message: string, trace: Trace | undefined): string {
  const re = trace ? patternOf(trace) : null;
  return re ? message.replace(re, (m) => `${FSI}${m}${PDI}`) : message;
}

/** A message with every user string in it isolated. */
export function isolated(message: string, trace: Trace | undefined): (string | TemplateResult)[] {
  const re = trace ? patternOf(trace) : null;
  if (!re) return [message];
  const out: (string | TemplateResult)[] = [];
  let last = 0;
  for (const m of message.matchAll(re)) {
    if (m.index > last) out.push(message.slice(last, m.index));
    out.push(bdi(m[0]));
    last = m.index + m[0].length;
  }
  if (last < message.length) out.push(message.slice(last));
  return out;
}
