// Answers a scenario's questions from its trace: the next lifecycle event on a
// target, a target's final version, the outcome, a version's traffic share or the
// in-service count at a time, whether a rollback deployment was created. Wrong
// choices are plausible (for hook order: the neighbouring hooks).
import type { Trace, TraceSpan } from '../trace/types.ts';
import type { RuleId } from '../aws/rules.ts';
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
      const rule = next ? hookRule(trace, next) : undefined;
      return { ...base, answer: answerText, choices: choicesOf(answerText, [...neighbours, 'Nothing more runs']), ...(rule ? { rule } : {}) };
    }
    case 'finalVersion': {
      const f = trace.final.targets.find((x) => x.id === q.target);
      const text = !f ? 'It does not exist' : f.state === 'Terminated' ? 'It is terminated' : f.version || 'Nothing installed';
      const { from, to } = trace.scenario.versions;
      return { ...base, answer: text, choices: choicesOf(text, [from, to, 'It is terminated']) };
    }
    case 'outcome': {
      const rule = rollbackRule(trace);
      return { ...base, answer: trace.outcome, choices: OUTCOMES.slice(), ...(rule ? { rule } : {}) };
    }
    case 'trafficShare': {
      const at = q.t ?? q.at;
      const share = sampleAt(trace, at)?.traffic[q.version ?? ''] ?? 0;
      const text = `${share}%`;
      return { ...base, answer: text, choices: choicesOf(text, [0, 10, 50, 90, 100].map((p) => `${p}%`)) };
    }
    case 'inService': {
      const at = q.t ?? q.at;
      const s = sampleAt(trace, at);
      const n = s ? Object.values(s.inService).reduce((a, b) => a + b, 0) : 0;
      const fleet = trace.samples[0] ? Object.values(trace.samples[0].inService).reduce((a, b) => a + b, 0) : 0;
      return { ...base, answer: String(n), choices: choicesOf(String(n), [n - 1, n + 1, fleet, 0, fleet * 2].filter((x) => x >= 0).map(String)) };
    }
    case 'rollbackCreated': {
      const created = trace.deployments.some((d) => d.creator === 'codeDeployRollback');
      const rule: RuleId = created ? 'cd.rollback-new-deployment' : 'cd.rollback-triggers';
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
  if (span.status === 'Skipped') return 'cd.last-revision-scripts';
  if (cd.computePlatform === 'Lambda') return 'cd.hooks-lambda';
  if (cd.computePlatform === 'ECS') return 'cd.hooks-ecs';
  if (cd.deploymentType === 'BLUE_GREEN') return 'cd.hooks-blue-green';
  return cd.loadBalancer ? 'cd.hooks-in-place-load-balancer' : 'cd.hooks-in-place';
}

/** The rule that decided the outcome, when a CodeDeploy rollback was or was not started. */
function rollbackRule(trace: Trace): RuleId | undefined {
  if (!trace.scenario.codeDeploy) return undefined;
  return trace.outcome === 'RolledBack' ? 'cd.rollback-new-deployment' : trace.outcome === 'Succeeded' ? undefined : 'cd.rollback-triggers';
}
