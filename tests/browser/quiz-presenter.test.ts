// Quiz mode and presenter mode in the real app, in Chromium: what a quiz hides,
// stopping at a question, the reveal with its rule, the score, the share link;
// presenter mode's layout on a projector screen, the remote's keys and the `?` overlay.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../../src/app/app-shell.ts';
import type { DeploysimApp } from '../../src/app/app-shell.ts';
import { RULES } from '../../src/aws/rules.ts';
import { currentQuestion } from '../../src/quiz/session.ts';
import { formatTime } from '../../src/layout/time.ts';
import { appReady, closeApp, openApp } from './app-ready.ts';

afterEach(closeApp);

async function mountApp(hash: string): Promise<DeploysimApp> {
  const app = await openApp(hash);
  await settle(app);
  return app;
}

async function settle(app: DeploysimApp): Promise<void> {
  await app.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  await app.updateComplete;
}

const shown = (app: DeploysimApp, selector: string) => {
  const el = app.renderRoot.querySelector<HTMLElement>(selector);
  return !!el && getComputedStyle(el).display !== 'none';
};
const panel = (app: DeploysimApp) => app.renderRoot.querySelector('quiz-panel')!.shadowRoot!;
/** The status header's clock and the playback bar's time, as shown. */
const clocks = (app: DeploysimApp) => [
  app.renderRoot.querySelector('status-header')!.shadowRoot!.querySelector('.clock')!.textContent!.replace(/\s+/g, ' ').trim(),
  app.renderRoot.querySelector('playback-controls')!.shadowRoot!.querySelector('.time')!.textContent!.trim(),
];
const logText = (app: DeploysimApp) => app.renderRoot.querySelector('event-log')!.shadowRoot!.textContent ?? '';

describe('quiz mode', () => {
  it('opens from a share link, hides what gives answers away, stops at the question, reveals with the rule, scores', async () => {
    const app = await mountApp('#scenario=quiz/hook-order-with-load-balancer&quiz=1');
    expect(app.quiz.active).toBe(true);
    expect(app.hasAttribute('quiz')).toBe(true);
    // The library (descriptions), the fault panel (timed inputs), the statechart and the lifecycle table (every hook) are hidden.
    for (const hidden of ['aside.left', '.card.faults', '.card.statechart', '.card.lifecycle', 'capacity-charts']) expect(shown(app, hidden), hidden).toBe(false);
    expect(shown(app, '.card.timeline')).toBe(true);
    expect(app.t).toBe(0);
    // The views do not know the total duration or anything after the question.
    expect(app.index!.duration).toBeLessThan(10);

    // Play: playback stops by itself at the first question.
    app.command('play');
    await vi.waitFor(() => expect(app.quiz.state?.stage).toBe('asking'), { timeout: 5000 });
    await settle(app);
    expect(app.playing).toBe(false);
    expect(app.t).toBe(1);
    expect(app.index!.trace.spans.every((s) => s.start < 1)).toBe(true);
    // The narration that spells out the hook order is hidden while the question is open.
    expect(logText(app)).not.toContain('Start → BeforeBlockTraffic');
    // Only the current time: the cut trace's duration (the question plus 1 s) is no total.
    expect(clocks(app)).toEqual(['0:01', '0:01']);
    const buttons = [...panel(app).querySelectorAll<HTMLButtonElement>('.choices button')];
    expect(buttons.map((b) => b.textContent!.replace(/^\s*\d/, '').trim())).toEqual(['AfterBlockTraffic', 'BeforeBlockTraffic', 'BlockTraffic', 'Start']);
    // Scrubbing cannot pass the question.
    app.seek(100);
    expect(app.t).toBe(1);

    buttons[1]!.click(); // BeforeBlockTraffic: right
    await settle(app);
    expect(app.quiz.state?.stage).toBe('revealed');
    const verdict = panel(app).querySelector('.verdict')!.textContent!;
    expect(verdict).toContain('Right');
    const link = panel(app).querySelector<HTMLAnchorElement>('.rule a')!;
    expect(link.href).toBe(RULES['cd.hooks-in-place-load-balancer'].source);
    expect(panel(app).activeElement?.textContent).toContain('Continue');
    // Revealed, with a question still to come: still no total.
    expect(clocks(app)[0]).not.toContain('/');

    // Continue, then the second question (asked at ValidateService): pick a wrong choice by key.
    panel(app).querySelector<HTMLButtonElement>('.next')!.click();
    await settle(app);
    expect(app.quiz.state?.stage).toBe('watching');
    expect(app.playing).toBe(true);
    // `n` jumps to the next question rather than watching the whole way.
    document.body.focus();
    await userEvent.keyboard('n');
    await settle(app);
    expect(app.quiz.state?.stage).toBe('asking');
    expect(app.t).toBe(87);
    const q = currentQuestion(app.quiz.state!)!;
    const wrong = q.choices.findIndex((c) => c !== q.answer);
    document.body.focus();
    await userEvent.keyboard(String(wrong + 1));
    await settle(app);
    expect(panel(app).querySelector('.verdict')!.textContent).toContain('Not quite');
    expect(panel(app).querySelector('.choices .answer')!.textContent).toContain('BeforeAllowTraffic');
    // The last question is revealed: nothing is hidden any more, the total is back.
    for (const clock of clocks(app)) expect(clock.endsWith(` / ${formatTime(app.index!.duration)}`), clock).toBe(true);
    panel(app).querySelector<HTMLButtonElement>('.next')!.click();
    await settle(app);
    expect(panel(app).querySelector('.score')!.textContent).toContain('Your score: 1 of 2');
    // Everything is shown again: the whole trace, the statechart.
    expect(app.index!.trace.outcome).toBe('Succeeded');
    expect(app.index!.duration).toBeGreaterThan(200);
    expect(shown(app, '.card.statechart')).toBe(true);
    expect(shown(app, 'capacity-charts')).toBe(true);
    // The share link keeps quiz mode.
    await vi.waitFor(() => expect(location.hash).toContain('quiz=1'));
    expect(location.hash).toContain('scenario=quiz%2Fhook-order-with-load-balancer');
  });

  it('turns on from the header on a quiz scenario, and off again with everything back', async () => {
    const app = await mountApp('#scenario=elastic-beanstalk/rolling');
    const full = app.index!;
    app.renderRoot.querySelector<HTMLButtonElement>('.quiz-toggle')!.click();
    await appReady(app); // the quiz scenario's file, the quiz's code and its card load now
    await settle(app);
    expect(app.selectedId.startsWith('quiz/')).toBe(true);
    expect(app.quiz.state?.questions.length).toBeGreaterThan(0);
    panel(app).querySelector<HTMLButtonElement>('.exit')!.click();
    await settle(app);
    expect(app.quiz.active).toBe(false);
    expect(app.hasAttribute('quiz')).toBe(false);
    expect(shown(app, 'aside.left')).toBe(true);
    expect(app.index!.trace.scenario.name).not.toBe(full.trace.scenario.name);
    expect(app.index!.trace.outcome).toBeDefined();
  });
});

describe('presenter mode', () => {
  it('fits the timeline, the fleet and the narration on a 1280×720 projector screen', async () => {
    await page.viewport(1280, 720);
    const app = await mountApp('#scenario=elastic-beanstalk/rolling-unhealthy-instance&t=200&presenter=1');
    app.style.height = '720px';
    await settle(app);
    expect(app.hasAttribute('presenter')).toBe(true);
    expect(shown(app, 'aside.left')).toBe(false);
    expect(shown(app, 'aside.right')).toBe(false);
    for (const sel of ['.card.timeline', '.card.fleet', '.card.narration', 'now-line']) {
      const r = app.renderRoot.querySelector(sel)!.getBoundingClientRect();
      expect(r.height, sel).toBeGreaterThan(10);
      expect(r.bottom, `${sel} is on screen`).toBeLessThanOrEqual(720);
      expect(r.right, `${sel} is on screen`).toBeLessThanOrEqual(1280);
    }
    const narration = app.renderRoot.querySelector('presenter-bar')!.shadowRoot!.querySelector('p')!;
    expect(parseFloat(getComputedStyle(narration).fontSize)).toBeGreaterThanOrEqual(20);
    expect(narration.textContent).toContain('Batch 2 of 3');
    await page.viewport(1280, 900);
  });

  it("takes a presentation remote's keys: PageDown, PageUp, '.'; 'i' opens the fault panel; '?' lists the keys", async () => {
    const app = await mountApp('#scenario=elastic-beanstalk/rolling&t=0&presenter=1');
    document.body.focus();
    await userEvent.keyboard('{PageDown}');
    await settle(app);
    const first = app.t;
    expect(first).toBeGreaterThan(0);
    await userEvent.keyboard('{PageDown}');
    await settle(app);
    expect(app.t).toBeGreaterThan(first);
    await userEvent.keyboard('{PageUp}');
    await settle(app);
    expect(app.t).toBe(first);
    await userEvent.keyboard('.');
    expect(app.playing).toBe(true);
    await userEvent.keyboard('.');
    expect(app.playing).toBe(false);

    await userEvent.keyboard('i');
    await settle(app);
    expect(app.hasAttribute('inject-open')).toBe(true);
    expect(shown(app, '.card.faults')).toBe(true);
    expect(shown(app, '.card.log')).toBe(false);
    await vi.waitFor(() => expect(app.renderRoot.querySelector('fault-panel')!.shadowRoot!.activeElement).toBeTruthy());
    await userEvent.keyboard('{Escape}');
    await settle(app);
    expect(app.hasAttribute('inject-open')).toBe(false);

    // `?` from the presenter button: the overlay takes focus; Escape closes it and focus returns.
    const toggle = app.renderRoot.querySelector<HTMLButtonElement>('.presenter-toggle')!;
    toggle.focus();
    await userEvent.keyboard('?');
    await settle(app);
    const overlay = app.renderRoot.querySelector('shortcuts-overlay')!;
    expect(overlay.open).toBe(true);
    expect(getComputedStyle(overlay).display).not.toBe('none');
    const rows = [...overlay.shadowRoot!.querySelectorAll('tr')].map((r) => r.textContent!.replace(/\s+/g, ' '));
    for (const key of ['PageDown', 'PageUp', '.', 'i', 'n', '?']) expect(rows.some((r) => r.includes(key)), key).toBe(true);
    expect(overlay.shadowRoot!.activeElement?.textContent).toBe('Close');
    await userEvent.keyboard('{Escape}');
    await settle(app);
    expect(overlay.open).toBe(false);
    expect(app.shadowRoot!.activeElement).toBe(toggle);

    // 'p' leaves presenter mode; the link follows.
    document.body.focus();
    await userEvent.keyboard('p');
    await settle(app);
    expect(app.hasAttribute('presenter')).toBe(false);
  });

  it('keeps the existing link fields working with presenter=1 (scenario, time)', async () => {
    const app = await mountApp('#scenario=elastic-beanstalk/rolling&t=42&presenter=1');
    expect(app.selectedId).toBe('elastic-beanstalk/rolling');
    expect(app.t).toBe(42);
    expect(app.presenter.on).toBe(true);
  });
});
