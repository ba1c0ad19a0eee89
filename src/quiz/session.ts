// The quiz as a state machine, pure so it is tested in Node: play until a
// question's moment, ask (playback holds there), the learner picks, the truth is
// revealed with the rule that decides it, Continue moves on; a score at the end.
//
//   watching ──reach q.at──▶ asking ──pick──▶ revealed ──continue──▶ watching (next) │ done
//
// `visibleUntil` is how much of the trace the views may show in each stage: up to
// the current question while watching or asking, up to the next one once revealed.
import { RULES, type RuleId } from '../aws/rules.ts';
import type { Trace } from '../trace/types.ts';
import { answerQuestions } from './answers.ts';
import type { AnsweredQuestion, Question } from './types.ts';

/** A question with the simulator's answer. */
export type QuizQuestion = AnsweredQuestion & Pick<Question, 'target' | 'version' | 't'>;

/** The scenario's questions, each answered from the trace. */
export function quizQuestions(trace: Trace): QuizQuestion[] {
  const questions = trace.scenario.questions ?? [];
  return answerQuestions(trace, questions).map((a, i) => {
    const { target, version, t } = questions[i]!;
    return { ...a, ...(target !== undefined ? { target } : {}), ...(version !== undefined ? { version } : {}), ...(t !== undefined ? { t } : {}) };
  });
}

export type QuizStage = 'watching' | 'asking' | 'revealed' | 'done';

export interface QuizState {
  /** The questions in the order they are asked (by `at`). */
  questions: readonly QuizQuestion[];
  /** The question being watched for, asked or revealed. */
  current: number;
  stage: QuizStage;
  /** The learner's pick per question id. */
  picks: Readonly<Record<string, string>>;
}

export function startQuiz(answers: readonly QuizQuestion[]): QuizState {
  const questions = [...answers].sort((a, b) => a.at - b.at);
  return { questions, current: 0, stage: questions.length ? 'watching' : 'done', picks: {} };
}

export function currentQuestion(s: QuizState): QuizQuestion | undefined {
  return s.stage === 'done' ? undefined : s.questions[s.current];
}

/** How far the views may show the trace (Infinity: all of it). */
export function visibleUntil(s: QuizState): number {
  if (s.stage === 'done') return Infinity;
  const q = s.questions[s.current]!;
  if (s.stage === 'revealed') return s.questions[s.current + 1]?.at ?? Infinity;
  return q.at;
}

/** The rules of the questions not revealed yet: narration citing them would give answers away. */
export function pendingRules(s: QuizState): Set<string> {
  const from = s.stage === 'revealed' ? s.current + 1 : s.stage === 'done' ? s.questions.length : s.current;
  return new Set(s.questions.slice(from).flatMap((q) => (q.rule ? [q.rule] : [])));
}

/** Playback reached t: at the current question's moment, it is asked. */
export function arrive(s: QuizState, t: number): QuizState {
  const q = currentQuestion(s);
  return s.stage === 'watching' && q && t >= q.at ? { ...s, stage: 'asking' } : s;
}

/** The learner picks a choice; only while asking, and only one of the choices. */
export function pick(s: QuizState, choice: string): QuizState {
  const q = currentQuestion(s);
  if (s.stage !== 'asking' || !q || !q.choices.includes(choice)) return s;
  return { ...s, stage: 'revealed', picks: { ...s.picks, [q.id]: choice } };
}

/** Continue after a reveal: the next question, or the score. */
export function proceed(s: QuizState): QuizState {
  if (s.stage !== 'revealed') return s;
  const next = s.current + 1;
  return next < s.questions.length ? { ...s, current: next, stage: 'watching' } : { ...s, stage: 'done' };
}

export function score(s: QuizState): { correct: number; answered: number; total: number } {
  let correct = 0;
  let answered = 0;
  for (const q of s.questions) {
    const p = s.picks[q.id];
    if (p === undefined) continue;
    answered++;
    if (p === q.answer) correct++;
  }
  return { correct, answered, total: s.questions.length };
}

/** The question in a learner's words. */
export function promptOf(q: QuizQuestion, time: (t: number) => string): string {
  switch (q.ask) {
    case 'nextLifecycleEvent':
      return `Which lifecycle event runs next on ${q.target ?? 'this target'}?`;
    case 'finalVersion':
      return `When the deployment is over, which version does ${q.target ?? 'this target'} run?`;
    case 'outcome':
      return 'How does this deployment end?';
    case 'trafficShare':
      return `What share of production traffic goes to ${q.version ?? 'the new version'} at ${time(q.t ?? q.at)}?`;
    case 'inService':
      return `How many targets are in service at ${time(q.t ?? q.at)}?`;
    case 'rollbackCreated':
      return 'Does CodeDeploy create a rollback deployment?';
  }
}

/** The explanation of a reveal: the rule from the catalogue, with the AWS page that states it. */
export function explanationOf(q: AnsweredQuestion): { id: string; text: string; source: string } | undefined {
  const rule = q.rule && (RULES as Record<string, { text: string; source: string }>)[q.rule];
  return rule ? { id: q.rule as RuleId, text: rule.text, source: rule.source } : undefined;
}
