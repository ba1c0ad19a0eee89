// Answers a scenario's questions from its trace: the next lifecycle event on a
// target, a target's final version, the outcome, a version's traffic share or the
// in-service count at a time, whether a rollback deployment was created. Wrong
// choices are plausible (for hook order: the neighbouring hooks).
import type { Trace, TraceEventType, TraceSpan } from '../trace/types.ts';
import type { RuleId } from '../aws/rules.ts';
import { RESERVED_EVENTS } from '../aws/codedeploy-facts.ts';
import type { AnsweredQuestion, Question } from './types.ts';

const OUTCOMES = ['Succeeded', 'Failed', 'Stopped', 'RolledBack'];

export function answerQuestions(trace: Trace, questions: readonly Question[]): AnsweredQuestion[] {
  return questions.map((q) => answer(trace, q));
}

export function answer(trace: Trace, q: Question): AnsweredQuestion {
  const base = { id: q.id, at: q.at, ask: q.ask };
  switch (q.ask) {
    case 'nextLifecycleEvent': {
      const spans = trace.spans.filter((s) => s.target === q.target);
      const next = spans.find((s) => s.start >= q.at && s.status !== 'Skipped');
      const order = distinct(spans.map((s) => s.name));
      const answerText = next?.name ?? 'Nothing more runs';
      const i = next ? order.indexOf(next.name) : order.length;
      const neighbours = [order[i - 1], order[i + 1], order[i + 2], order[i - 2]].filter((x): x is string => x !== undefined && x !== answerText);
      // A hook skipped on the way (no last successful revision) is the point of the question.
      const skipped = spans.some((s) => s.status === 'Skipped' && s.start >= q.at && (!next || s.start <= next.start));
      const rule: RuleId | undefined = skipped ? 'cd.last-revision-scripts' : next ? hookRule(trace, next) : undefined;
      return { ...base, answer: answerText, choices: choicesOf(answerText, [...neighbours, 'Nothing more runs']), ...(rule ? { rule } : {}) };
    }
    case 'finalVersion': {
      const f = trace.final.targets.find((x) => x.id === q.target);
      const text = !f ? 'It does not exist' : f.state === 'Terminated' ? 'It is terminated' : f.version || 'Nothing installed';
      const { from, to } = trace.scenario.versions;
      return { ...base, answer: text, choices: choicesOf(text, [from, to, 'It is terminated']), ...withRule(lastEndedRule(trace)) };
    }
    case 'outcome': {
      return { ...base, answer: trace.outcome, choices: OUTCOMES.slice(), ...withRule(firstEndedRule(trace)) };
    }
    case 'trafficShare': {
      const at = q.t ?? q.at;
      const share = sampleAt(trace, at)?.traffic[q.version ?? ''] ?? 0;
      const text = `${share}%`;
      return { ...base, answer: text, choices: choicesOf(text, [0, 10, 50, 90, 100].map((p) => `${p}%`)), ...withRule(ruleBefore(trace, at, SHIFTS)) };
    }
    case 'inService': {
      const at = q.t ?? q.at;
      const s = sampleAt(trace, at);
      const n = s ? Object.values(s.inService).reduce((a, b) => a + b, 0) : 0;
      const fleet = trace.samples[0] ? Object.values(trace.samples[0].inService).reduce((a, b) => a + b, 0) : 0;
      return { ...base, answer: String(n), choices: choicesOf(String(n), [n - 1, n + 1, fleet, 0, fleet * 2].filter((x) => x >= 0).map(String)), ...withRule(capacityRule(trace, at)) };
    }
    case 'rollbackCreated': {
      const created = trace.deployments.some((d) => d.creator === 'codeDeployRollback');
      const rule: RuleId = created ? 'cd.rollback-new-deployment' : noRollbackRule(trace);
      return { ...base, answer: created ? 'Yes' : 'No', choices: ['Yes', 'No'], ...(trace.scenario.codeDeploy ? { rule } : {}) };
    }
  }
}

/** The answer and up to three other plausible choices, sorted so the answer's place gives nothing away. */
function choicesOf(answerText: string, others: string[]): string[] {
  const picked = distinct([answerText, ...others.filter((o) => o !== answerText)]).slice(0, 4);
  return picked.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

function sampleAt(trace: Trace, t: number) {
  let found = trace.samples[0];
  for (const s of trace.samples) {
    if (s.t > t) break;
    found = s;
  }
  return found;
}

/** The rule that orders this target's lifecycle events. */
function hookRule(trace: Trace, span: TraceSpan): RuleId | undefined {
  const s = trace.scenario;
  if (s.elasticBeanstalk) return 'eb.instance-workflow';
  const cd = s.codeDeploy!;
  if (RESERVED_EVENTS.has(span.name)) return 'cd.reserved-events';
  if (cd.computePlatform === 'Lambda') return 'cd.hooks-lambda';
  if (cd.computePlatform === 'ECS') return 'cd.hooks-ecs';
  if (cd.deploymentType === 'BLUE_GREEN') return 'cd.hooks-blue-green';
  return cd.loadBalancer ? 'cd.hooks-in-place-load-balancer' : 'cd.hooks-in-place';
}

const withRule = (rule: RuleId | undefined) => (rule ? { rule } : {});

// The events whose rule explains a traffic share, and an in-service count.
const SHIFTS: ReadonlySet<TraceEventType> = new Set(['traffic-shifted', 'cname-swapped', 'rollback-started', 'deployment-started']);
const BATCHES: ReadonlySet<TraceEventType> = new Set(['batch-started', 'rollback-started', 'deployment-started']);

/** The rule of the latest event of these types at or before t. */
function ruleBefore(trace: Trace, t: number, types: ReadonlySet<TraceEventType>): RuleId | undefined {
  let rule: RuleId | undefined;
  for (const e of trace.events) {
    if (e.t > t) break;
    if (e.rule && types.has(e.type)) rule = e.rule;
  }
  return rule;
}

/** Why this many serve: an additional batch keeps capacity (it outranks the rolling batch's "one batch short"), else the batch's rule. */
function capacityRule(trace: Trace, t: number): RuleId | undefined {
  const extra = trace.events.some((e) => e.t <= t && e.rule === 'eb.additional-batch-launch');
  return extra ? 'eb.additional-batch-launch' : ruleBefore(trace, t, BATCHES);
}

/** The rule that ended the user's deployment (its outcome), e.g. OneAtATime's last-instance exception. */
function firstEndedRule(trace: Trace): RuleId | undefined {
  const first = trace.deployments[0]?.id;
  return trace.events.find((e) => e.type === 'deployment-ended' && e.deploymentId === first && e.rule)?.rule;
}

/** The rule that ended the last deployment (a rollback's, when there was one): it decides what each target keeps. */
function lastEndedRule(trace: Trace): RuleId | undefined {
  return findLast(trace.events, (e) => e.type === 'deployment-ended' && e.rule)?.rule;
}

/** Why no rollback was created: the trace's own reason (e.g. an ECS BeforeInstall failure), else the enabled triggers. */
function noRollbackRule(trace: Trace): RuleId {
  const reason = findLast(trace.events, (e) => e.rule === 'cd.ecs-before-install-no-rollback' || e.rule === 'cd.rollback-triggers');
  return reason?.rule ?? 'cd.rollback-triggers';
}

function findLast<T>(list: readonly T[], test: (x: T) => unknown): T | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return list[i];
  return undefined;
}
