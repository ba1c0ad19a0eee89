// Predict-then-reveal questions (issue 11): a scenario asks, the simulator answers.
// The answer is always computed from the trace, never typed into the scenario.

export type QuestionKind = 'nextLifecycleEvent' | 'finalVersion' | 'outcome' | 'trafficShare' | 'inService' | 'rollbackCreated';

export interface Question {
  id: string;
  /** When the question is asked (the playhead pauses there), simulated seconds. */
  at: number;
  ask: QuestionKind;
  /** nextLifecycleEvent, finalVersion. */
  target?: string;
  /** trafficShare. */
  version?: string;
  /** trafficShare, inService: the moment asked about (default: `at`). */
  t?: number;
}

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
