// The quiz state machine and the trace a quiz may show, in Node.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.ts';
import { validateScenario } from '../../src/scenario/validate.ts';
import { buildIndex, frameAt } from '../../src/layout/frame.ts';
import { checkTrace } from '../../src/trace/check.ts';
import { cutTrace, CUT_HEADROOM } from '../../src/quiz/cut.ts';
import { arrive, currentQuestion, explanationOf, pendingRules, pick, proceed, promptOf, quizQuestions, score, startQuiz, visibleUntil } from '../../src/quiz/session.ts';
import { readScenario } from '../helpers.ts';

function traceOf(rel: string) {
  const v = validateScenario(readScenario(rel));
  if (!v.ok) throw new Error(`${rel} is invalid`);
  return simulate(v.scenario);
}

describe('the quiz state machine', () => {
  const trace = traceOf('quiz/rolling-failure-mixed-versions.json');
  const questions = quizQuestions(trace);

  it('watches until the first question, asks there, reveals after a pick, moves on with Continue, scores at the end', () => {
    let s = startQuiz(questions);
    expect(s.stage).toBe('watching');
    expect(visibleUntil(s)).toBe(200);
    expect(arrive(s, 199.9)).toBe(s);
    s = arrive(s, 200);
    expect(s.stage).toBe('asking');
    expect(pick(s, 'not a choice')).toBe(s);
    const first = currentQuestion(s)!;
    s = pick(s, first.answer);
    expect(s.stage).toBe('revealed');
    // Once revealed, the views may show up to the next question (here at the same moment).
    expect(visibleUntil(s)).toBe(200);
    expect(pick(s, first.answer)).toBe(s);
    s = proceed(s);
    expect(s).toMatchObject({ stage: 'watching', current: 1 });
    s = pick(proceed(arrive(s, 200)), 'v2'); // proceed does nothing while asking
    s = proceed(s);
    s = arrive(s, 200);
    s = pick(s, 'Succeeded');
    expect(visibleUntil(s)).toBe(Infinity);
    s = proceed(s);
    expect(s.stage).toBe('done');
    expect(score(s)).toEqual({ correct: 1, answered: 3, total: 3 });
  });

  it('asks in the order of `at`, and a scenario without questions is done at once', () => {
    const s = startQuiz([{ ...questions[0]!, id: 'late', at: 500 }, { ...questions[0]!, id: 'early', at: 10 }]);
    expect(currentQuestion(s)!.id).toBe('early');
    expect(startQuiz([]).stage).toBe('done');
    expect(visibleUntil(startQuiz([]))).toBe(Infinity);
  });

  it('says the question in words and explains the reveal with the catalogued rule and its AWS page', () => {
    const q = questions.find((x) => x.id === 'i-5-version')!;
    expect(promptOf(q, String)).toBe('When the deployment is over, which version does i-5 run?');
    expect(explanationOf(q)).toMatchObject({ id: 'eb.rolling-failure', source: expect.stringMatching(/^https:\/\/docs\.aws\.amazon\.com\//) });
  });
});

describe('the trace a quiz shows', () => {
  it('hides the steps that start at the question, the outcome, the duration, the description and the timed inputs', () => {
    const trace = traceOf('quiz/hook-order-without-load-balancer.json');
    const cut = cutTrace(trace, 1);
    expect(cut.durationSeconds).toBe(1 + CUT_HEADROOM);
    expect(cut.scenario.description).toBe('');
    expect(cut.spans.map((s) => `${s.target} ${s.name}`)).toEqual(['i-1 Start']);
    expect(cut.events.every((e) => e.t < 1)).toBe(true);
    const index = buildIndex(cut);
    expect(frameAt(index, 1).outcome).toBeUndefined();
    expect(frameAt(index, 1).deployments.map((d) => d.status)).toEqual(['InProgress']);
  });

  it('shows a step still running at the question as running, without its failure', () => {
    const trace = traceOf('quiz/one-at-a-time-last-instance.json');
    const failing = trace.spans.find((s) => s.status === 'Failed')!;
    const cut = cutTrace(trace, failing.start + 1);
    const shown = cut.spans.find((s) => s.target === failing.target && s.name === failing.name)!;
    expect(shown).toMatchObject({ status: 'Succeeded', end: failing.start + 1 + CUT_HEADROOM });
    expect(shown.reason).toBeUndefined();
    expect(cut.deployments.find((d) => d.id === 'd-1')!.status).toBe('InProgress');
  });

  it('hides a rollback deployment that has not started, and holds together as a trace', () => {
    const trace = traceOf('quiz/rollback-new-deployment.json');
    const rollback = trace.deployments.find((d) => d.creator === 'codeDeployRollback')!;
    expect(cutTrace(trace, rollback.start).deployments.map((d) => d.id)).toEqual(['d-1']);
    expect(cutTrace(trace, rollback.start + 5).deployments.map((d) => d.id)).toEqual(['d-1', 'd-2']);
    // The only difference from a finished trace: the deployment is still in progress.
    expect(checkTrace(cutTrace(trace, 73))).toEqual(['deployment d-1 ended in status InProgress, not Succeeded, Failed or Stopped']);
  });

  it("leaves out the narration that states a pending question's rule, until that question is revealed", () => {
    const trace = traceOf('quiz/hook-order-with-load-balancer.json');
    let s = arrive(startQuiz(quizQuestions(trace)), 1);
    expect([...pendingRules(s)]).toEqual(['cd.hooks-in-place-load-balancer']);
    const order = (x: typeof trace) => x.events.filter((e) => e.rule === 'cd.hooks-in-place-load-balancer').length;
    expect(order(cutTrace(trace, 1))).toBeGreaterThan(0);
    expect(order(cutTrace(trace, 1, pendingRules(s)))).toBe(0);
    s = pick(s, currentQuestion(s)!.answer);
    // The second question asks about the same rule: still hidden after the first reveal.
    expect([...pendingRules(s)]).toEqual(['cd.hooks-in-place-load-balancer']);
    s = pick(arrive(proceed(s), 87), 'AllowTraffic');
    expect(pendingRules(s).size).toBe(0);
  });

  it('is the whole trace once the quiz has nothing left to hide', () => {
    const trace = traceOf('quiz/lambda-two-hooks.json');
    expect(cutTrace(trace, Infinity)).toBe(trace);
  });
});
