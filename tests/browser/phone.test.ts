// The app at 390×844 (a phone): no horizontal page scroll, the library in a
// drawer (button opens it, Escape and the close button shut it, focus moves in
// and back), the playback controls reachable.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../../src/app/app-shell.ts';
import type { DeploysimApp } from '../../src/app/app-shell.ts';
import { closeApp, openApp } from './app-ready.ts';

beforeAll(async () => {
  await page.viewport(390, 844);
});
afterAll(async () => {
  await page.viewport(1280, 900);
});
afterEach(closeApp);

async function mountApp(hash: string): Promise<DeploysimApp> {
  document.body.style.margin = '0';
  const app = await openApp(hash);
  await app.updateComplete;
  await new Promise((r) => setTimeout(r, 400));
  return app;
}

const drawer = (app: DeploysimApp) => app.shadowRoot!.querySelector<HTMLElement>('aside.left')!;
const toggle = (app: DeploysimApp) => app.shadowRoot!.querySelector<HTMLButtonElement>('.drawer-toggle')!;
const focused = (app: DeploysimApp) => app.shadowRoot!.activeElement;

describe('phone layout (390 px)', () => {
  it('has no horizontal page scroll, with the timeline, charts and fleet drawn', async () => {
    expect(window.innerWidth).toBe(390);
    const app = await mountApp('#scenario=elastic-beanstalk/rolling-with-additional-batch&t=200');
    expect(document.scrollingElement!.scrollWidth).toBeLessThanOrEqual(390);
    for (const tag of ['timeline-view', 'capacity-charts', 'fleet-view', 'playback-controls']) {
      const box = app.shadowRoot!.querySelector(tag)!.getBoundingClientRect();
      expect(box.width, tag).toBeGreaterThan(300);
      expect(box.right, tag).toBeLessThanOrEqual(390);
    }
    // Also with the timeline as tables and the editor open.
    app.shadowRoot!.querySelector<HTMLButtonElement>('button.as-table')!.click();
    app.tab = 'editor';
    await app.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    expect(document.scrollingElement!.scrollWidth).toBeLessThanOrEqual(390);
  });

  it('keeps the library in a drawer: the button opens it, Escape closes it, focus moves in and back', async () => {
    const app = await mountApp('#scenario=elastic-beanstalk/rolling&t=0');
    expect(getComputedStyle(drawer(app)).visibility).toBe('hidden');
    expect(toggle(app).getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(toggle(app));
    await app.updateComplete;
    await new Promise((r) => setTimeout(r, 300));
    expect(toggle(app).getAttribute('aria-expanded')).toBe('true');
    expect(getComputedStyle(drawer(app)).visibility).toBe('visible');
    expect(drawer(app).getBoundingClientRect().left).toBe(0);
    expect(focused(app)?.id).toBe('tab-library');
    await userEvent.keyboard('{Escape}');
    await app.updateComplete;
    await new Promise((r) => setTimeout(r, 300));
    expect(toggle(app).getAttribute('aria-expanded')).toBe('false');
    expect(getComputedStyle(drawer(app)).visibility).toBe('hidden');
    expect(focused(app)).toBe(toggle(app));
  });

  it('closes the drawer when a scenario is picked, and with its close button', async () => {
    const app = await mountApp('#scenario=elastic-beanstalk/rolling&t=0');
    app.setDrawer(true);
    await app.updateComplete;
    const lib = app.shadowRoot!.querySelector('scenario-library')!;
    lib.shadowRoot!.querySelector<HTMLButtonElement>('button[data-id="elastic-beanstalk/immutable"]')!.click();
    await app.scenarioReady;
    await app.updateComplete;
    expect(app.selectedId).toBe('elastic-beanstalk/immutable');
    expect(app.drawerOpen).toBe(false);
    app.setDrawer(true);
    await app.updateComplete;
    app.shadowRoot!.querySelector<HTMLButtonElement>('.drawer-close')!.click();
    await app.updateComplete;
    expect(app.drawerOpen).toBe(false);
  });

  it('keeps every playback control on screen and operable', async () => {
    const app = await mountApp('#scenario=elastic-beanstalk/rolling&t=0');
    const controls = app.shadowRoot!.querySelector('playback-controls')!.shadowRoot!;
    for (const el of controls.querySelectorAll<HTMLElement>('button, input, select')) {
      const box = el.getBoundingClientRect();
      expect(box.width, el.className).toBeGreaterThan(0);
      expect(box.left, el.className).toBeGreaterThanOrEqual(0);
      expect(box.right, el.className).toBeLessThanOrEqual(390);
    }
    await userEvent.click(controls.querySelector<HTMLButtonElement>('button.next')!);
    expect(app.t).toBeGreaterThan(0);
  });
});

describe('phone layout, accessibility', () => {
  it('has no serious or critical axe-core violation with the drawer open and closed', async () => {
    const { describeViolations, seriousViolations } = await import('./a11y-helpers.ts');
    document.documentElement.lang = 'en';
    document.title = 'deploysim phone test';
    const app = await mountApp('#scenario=codedeploy/server-one-at-a-time&t=90');
    expect(describeViolations(await seriousViolations())).toBe('');
    app.setDrawer(true);
    await app.updateComplete;
    await new Promise((r) => setTimeout(r, 300));
    expect(describeViolations(await seriousViolations())).toBe('');
  });
});
