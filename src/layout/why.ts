// "Why?" for one trace event: the AWS rule it applied (rules catalogue, with its
// documentation page), deploysim's own choice where AWS is silent (undocumented
// catalogue), or plain narration. Pure: the why panel only draws the answer.
import { RULES, type Rule } from '../aws/rules.ts';
import { UNDOCUMENTED, type UndocumentedChoice } from '../aws/undocumented.ts';
import type { TraceEvent } from '../trace/types.ts';

export type Reason =
  | { kind: 'rule'; rule: Rule }
  /** The event names a rule this build's catalogue does not have (the engine is newer than the app, say). */
  | { kind: 'unknown-rule'; id: string }
  | { kind: 'undocumented'; id: string; choice: UndocumentedChoice }
  | { kind: 'unknown-undocumented'; id: string };

export interface Explanation {
  event: TraceEvent;
  /** Empty when the event is plain narration: it applies no rule and makes no choice of its own. */
  reasons: Reason[];
}

// Ids come from trace JSON: look them up as own keys only, never through the prototype ("constructor").
const lookup = <T>(table: Record<string, T>, id: string): T | undefined => (Object.hasOwn(table, id) ? table[id] : undefined);

export function explainEvent(event: TraceEvent): Explanation {
  const reasons: Reason[] = [];
  if (event.rule !== undefined) {
    const rule = lookup<Omit<Rule, 'id'>>(RULES, event.rule);
    reasons.push(rule ? { kind: 'rule', rule: { id: event.rule, ...rule } } : { kind: 'unknown-rule', id: event.rule });
  }
  if (event.undocumented !== undefined) {
    const choice = lookup<UndocumentedChoice>(UNDOCUMENTED, event.undocumented);
    reasons.push(choice ? { kind: 'undocumented', id: event.undocumented, choice } : { kind: 'unknown-undocumented', id: event.undocumented });
  }
  return { event, reasons };
}
