// axe-core in a real browser on every view: no serious or critical violation.
// A failure lists each violation (rule id, impact, the element) so it can be fixed
// without re-running anything.
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/app/app-shell.ts';
import '../../src/embed/index.ts';
import type { DeploysimApp } from '../../src/app/app-shell.ts';
import { describeViolations, seriousViolations } from './a11y-helpers.ts';
import { closeApp, openApp } from './app-ready.ts';

afterEach(closeApp);

document.documentElement.lang = 'en';
document.title = 'deploysim accessibility test';

/** Lets D3 draw (it runs after Lit's update, on resize and in animation frames). */
const paint = () => new Promise((r) => setTimeout(r, 600));

async function mountApp(hash: string): Promise<DeploysimApp> {
  const app = await openApp(hash);
  await paint();
  return app;
}

async function expectNoSeriousViolations(): Promise<void> {
  const violations = await seriousViolations();
  expect(describeViolations(violations), 'axe-core violations (id, impact, help, target)').toBe('');
}

const root = (app: DeploysimApp) => app.shadowRoot!;

/** The compare and choose views load on first use: waits for the element to be defined and rendered. */
async function until<T extends Element>(find: () => T | null): Promise<T & { updateComplete: Promise<boolean> }> {
  for (let i = 0; i < 100; i++) {
    const el = find();
    if (el && customElements.get(el.localName)) return el as T & { updateComplete: Promise<boolean> };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the view never appeared');
}

describe('accessibility (axe-core, serious and critical)', () => {
  it('the app as it opens', async () => {
    await mountApp('');
    await expectNoSeriousViolations();
  });

  it('a scenario scrubbed to mid-deployment, with an event selected for Why?, the statechart and the lifecycle table', async () => {
    const app = await mountApp('#scenario=elastic-beanstalk/rolling-unhealthy-instance&t=0');
    app.seek(app.index!.duration / 2);
    await app.updateComplete;
    const entry = root(app).querySelector('event-log')!.shadowRoot!.querySelector<HTMLButtonElement>('button.entry')!;
    entry.click();
    await app.updateComplete;
    await paint();
    expect(root(app).querySelector('why-panel')!.shadowRoot!.textContent!.trim()).not.toBe('');
    expect(root(app).querySelector('lifecycle-table')!.shadowRoot!.querySelector('table')).not.toBeNull();
    expect(root(app).querySelector('statechart-panel')!.shadowRoot!.querySelector('svg')).not.toBeNull();
    await expectNoSeriousViolations();
  });

  it('the timeline as tables', async () => {
    const app = await mountApp('#scenario=codedeploy/server-one-at-a-time&t=60');
    root(app).querySelector<HTMLButtonElement>('button.as-table')!.click();
    // The tables' code loads when first asked for: wait for it, not for a guessed time.
    await customElements.whenDefined('timeline-table');
    await app.updateComplete;
    await (root(app).querySelector('timeline-table') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    await paint();
    expect(root(app).querySelector('timeline-table')!.shadowRoot!.querySelectorAll('table')).toHaveLength(2);
    await expectNoSeriousViolations();
  });

  it('the fault panel with an injection report', async () => {
    const app = await mountApp('#scenario=elastic-beanstalk/rolling&t=70');
    expect(app.injectFault({ type: 'InstanceTerminated', target: 'i-1', at: 70 })).toBe(true);
    await app.updateComplete;
    await paint();
    await expectNoSeriousViolations();
  });

  it('the scenario editor, with a validation problem showing', async () => {
    const app = await mountApp('#scenario=elastic-beanstalk/rolling&t=0');
    app.tab = 'editor';
    app.load({ name: 'bad', platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 'many' } });
    await app.updateComplete;
    await paint();
    expect(root(app).querySelector('.error')).not.toBeNull();
    await expectNoSeriousViolations();
  });

  it('the compare view: strategies stacked, the metrics table and AWS\'s table', async () => {
    const app = await mountApp('#scenario=elastic-beanstalk/rolling&t=0');
    root(app).querySelector<HTMLButtonElement>('nav.modes .mode-compare')!.click();
    await app.updateComplete;
    const compare = await until(() => root(app).querySelector('compare-view'));
    await compare.updateComplete;
    await paint();
    expect(compare.shadowRoot!.querySelectorAll('table').length).toBeGreaterThan(0);
    await expectNoSeriousViolations();
  });

  it('"Help me choose" with every constraint ticked', async () => {
    const app = await mountApp('#scenario=elastic-beanstalk/rolling&t=0');
    root(app).querySelector<HTMLButtonElement>('nav.modes .mode-choose')!.click();
    await app.updateComplete;
    const choose = await until(() => root(app).querySelector('choose-view'));
    await choose.updateComplete;
    for (const box of choose.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) box.click();
    await choose.updateComplete;
    await paint();
    expect(choose.shadowRoot!.querySelectorAll('tbody td.ok, tbody td.fail').length).toBeGreaterThan(0);
    expect(choose.shadowRoot!.querySelector('.probe')).not.toBeNull();
    await expectNoSeriousViolations();
  });

  it('quiz mode: a question shown, then revealed', async () => {
    const app = await mountApp('#scenario=quiz/hook-order-with-load-balancer&quiz=1');
    app.quiz.next(); // watching → straight to the first question
    await app.updateComplete;
    await paint();
    expect(app.quiz.state?.stage).toBe('asking');
    const panel = root(app).querySelector('quiz-panel')!.shadowRoot!;
    expect(panel.querySelectorAll('.choices button').length).toBeGreaterThan(1);
    await expectNoSeriousViolations();

    panel.querySelector<HTMLButtonElement>('.choices button')!.click();
    await app.updateComplete;
    app.command('pause');
    await app.updateComplete;
    await paint();
    expect(app.quiz.state?.stage).toBe('revealed');
    expect(panel.querySelector('.verdict')).not.toBeNull();
    await expectNoSeriousViolations();
  });

  it('presenter mode', async () => {
    const app = await mountApp('#scenario=elastic-beanstalk/rolling-unhealthy-instance&t=200&presenter=1');
    expect(app.hasAttribute('presenter')).toBe(true);
    expect(root(app).querySelector('presenter-bar')).not.toBeNull();
    await expectNoSeriousViolations();
  });

  it('the keyboard shortcuts overlay (?)', async () => {
    const app = await mountApp('#scenario=elastic-beanstalk/rolling&t=0');
    root(app).querySelector<HTMLButtonElement>('button.help')!.click();
    await app.updateComplete;
    await paint();
    const overlay = root(app).querySelector('shortcuts-overlay')!;
    expect(overlay.open).toBe(true);
    expect(overlay.shadowRoot!.querySelectorAll('tr').length).toBeGreaterThan(3);
    await expectNoSeriousViolations();
  });

  it('the embed element, compact and with controls', async () => {
    document.body.innerHTML = `<main><h1>Course page</h1>
      <deploy-simulator src="/scenarios/elastic-beanstalk/rolling.json" time="60"></deploy-simulator>
      <deploy-simulator src="/scenarios/codedeploy/server-blue-green.json" time="120" controls></deploy-simulator>
      <deploy-simulator src="/no/such.json"></deploy-simulator></main>`;
    for (const el of document.querySelectorAll('deploy-simulator')) {
      await el.updateComplete;
      await el.ready;
    }
    await paint();
    await expectNoSeriousViolations();
  });
});
