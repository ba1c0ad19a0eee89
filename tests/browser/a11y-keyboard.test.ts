// Keyboard and screen readers in the app: Tab reaches every kind of control
// with a visible focus indicator, and the live region speaks the narration only
// at playback boundaries (a step, play, pause, the end), never while scrubbing.
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/app/app-shell.ts';
import type { DeploysimApp } from '../../src/app/app-shell.ts';
import { closeApp, openApp } from './app-ready.ts';

afterEach(closeApp);

async function mountApp(hash: string): Promise<DeploysimApp> {
  const app = await openApp(hash);
  await app.updateComplete;
  await new Promise((r) => setTimeout(r, 400));
  return app;
}

/** The element that has focus, through shadow roots. */
function deepActive(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** A name for what has focus: the component it lives in and what it is. */
function describeFocus(el: Element): string {
  const host = (el.getRootNode() as ShadowRoot).host?.tagName.toLowerCase() ?? 'document';
  const cls = typeof el.className === 'string' ? el.className.split(' ')[0] : (el.getAttribute('class') ?? '').split(' ')[0];
  return `${host} ${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[${el.getAttribute('type')}]` : ''}${cls ? `.${cls}` : ''}`;
}

describe('keyboard', () => {
  it('Tab reaches every kind of control, each with a visible focus indicator', async () => {
    const app = await mountApp('#scenario=elastic-beanstalk/rolling-unhealthy-instance&t=150');
    const seen = new Set<string>();
    const invisible: string[] = [];
    // From the top (skip link, tabs, the library), then from the play button on (past the library's many buttons).
    for (let i = 0; i < 110; i++) {
      if (i === 6) app.shadowRoot!.querySelector('playback-controls')!.shadowRoot!.querySelector<HTMLButtonElement>('button.restart')!.focus();
      await userEvent.tab();
      const el = deepActive();
      if (!el || el === document.body) continue;
      seen.add(describeFocus(el));
      const style = getComputedStyle(el);
      const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      // SVG lanes and rows draw their own focus ring (a stroked rect) instead of an outline.
      if (!ring && !(el instanceof SVGElement)) invisible.push(describeFocus(el));
    }
    const expected = [
      'deploysim-app a.skip',
      'deploysim-app button', // the Library / Edit JSON tabs
      'scenario-library button',
      'playback-controls button.play',
      'playback-controls input[range]',
      'playback-controls select',
      'playback-controls input[checkbox]',
      'deploysim-app button.as-table',
      'timeline-view g.row',
      'target-picker input[text]', // the fault panel's, the lifecycle table's and the statechart's target pickers
      'event-log button.entry',
    ];
    for (const e of expected) expect([...seen].some((s) => s.startsWith(e)), `${e} in ${[...seen].join(', ')}`).toBe(true);
    expect([...new Set(invisible)]).toEqual([]);
  }, 90_000);

  it('the timeline table toggle works from the keyboard', async () => {
    const app = await mountApp('#scenario=elastic-beanstalk/rolling&t=100');
    const toggle = app.shadowRoot!.querySelector<HTMLButtonElement>('button.as-table')!;
    toggle.focus();
    await userEvent.keyboard('{Enter}');
    await app.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    await customElements.whenDefined('timeline-table'); // loaded the first time it is shown
    const table = app.shadowRoot!.querySelector('timeline-table')!;
    await (table as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(table.shadowRoot!.querySelector('table.phases caption')!.textContent).toContain('1:40');
    expect(app.shadowRoot!.querySelector('timeline-view')).toBeNull();
  });
});

describe('live region', () => {
  it('announces the narration on steps and play/pause, not while scrubbing or playing', async () => {
    const app = await mountApp('#scenario=elastic-beanstalk/rolling&t=0');
    const live = () => app.shadowRoot!.querySelector('[aria-live=polite][aria-atomic=true]')!.textContent!.trim();
    expect(live()).toBe('');
    app.seek(40); // scrubbing
    await app.updateComplete;
    expect(live()).toBe('');
    app.command('next');
    await app.updateComplete;
    const step = live();
    expect(step).toMatch(/Now: Batch \d of 3/);
    expect(step).toContain(app.frame!.latestEvent!.message);
    app.command('play');
    await app.updateComplete;
    expect(live()).toBe('Playing from ' + step.split('.')[0] + '.');
    await new Promise((r) => setTimeout(r, 300));
    expect(app.t).toBeGreaterThan(0);
    expect(live()).toMatch(/^Playing from/); // frames while playing do not re-announce
    app.command('pause');
    await app.updateComplete;
    expect(live()).toMatch(/^Paused at \d+:\d\d\. /);
    app.command('end');
    await app.updateComplete;
    expect(live()).toContain(`: ${app.index!.trace.outcome}.`);
  });
});
