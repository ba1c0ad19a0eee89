// Predict-then-reveal questions (issue 11): a scenario asks, the simulator answers.
// The answer is always computed from the trace, never typed into the scenario.

import type { QuestionKind } from '../scenario/types.ts';

export type { Question, QuestionKind } from '../scenario/types.ts';

export interface AnsweredQuestion {
  id: string;
  at: number;
  ask: QuestionKind;
  /** The simulator's answer, as the text a learner picks. */
  answer: string;
  /** Plausible choices, the answer among them, in a stable order. */
  choices: string[];
  /** The AWS rule that decides it, when one does (rules catalogue id). */
  rule?: string;
}
