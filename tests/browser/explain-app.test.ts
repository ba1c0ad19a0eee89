// The explaining views inside the app: share links open with the statechart
// right and no "Why?" selection; selecting an event explains it; injections
// report their fork or are refused.
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/app/app-shell.ts';
// The app loads this view after its first draw (src/app/deferred-views.ts); defined up front so the test need not wait for the chunk.
import '../../src/views/statechart-panel/index.ts';
import type { DeploysimApp } from '../../src/app/app-shell.ts';
import { closeApp, openSettledApp, viewsSettled } from './app-ready.ts';

afterEach(closeApp);

const mountApp = openSettledApp;

const settled = viewsSettled;

const view = (app: DeploysimApp, tag: string) => app.shadowRoot!.querySelector(tag)!.shadowRoot!;
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const current = (app: DeploysimApp, chart: string) =>
  [...view(app, 'statechart-panel').querySelectorAll(`svg.${chart} g.state[aria-current="true"]`)].map((g) => g.getAttribute('data-state'));

describe('explaining, in the app', () => {
  it('opens a share link at that moment with the statechart already right and the why panel empty', async () => {
    const app = await mountApp('#scenario=elastic-beanstalk/rolling-unhealthy-instance&t=300');
    expect(app.t).toBe(300);
    expect(current(app, 'orchestrator')).toEqual(['deployingBatch']);
    expect(current(app, 'lifecycle')).toEqual(['health-check']);
    expect(text(view(app, 'why-panel').querySelector('.empty'))).toBe('Select an event in the log to see the rule behind it.');

    // Scrubbing moves the highlights.
    app.seek(app.index!.duration);
    await settled(app);
    expect(current(app, 'orchestrator')).toEqual(['failed']);
    expect(current(app, 'lifecycle')).toEqual(['Failed']);
  });

  it('explains the event selected in the log and shows its target in the statechart', async () => {
    const app = await mountApp('#scenario=codedeploy/server-blue-green-ready-timeout&t=200');
    const log = view(app, 'event-log');
    const entries = [...log.querySelectorAll<HTMLButtonElement>('button.entry')];
    const ready = entries.find((b) => text(b).includes('status Ready'))!;
    ready.click();
    await settled(app);
    const why = view(app, 'why-panel');
    expect(text(why.querySelector('.event'))).toContain('status Ready');
    // The Ready wait applies a documented rule: its text and the AWS page it comes from.
    expect(text(why.querySelector('.reason.rule .text'))).toContain('deploymentReadyOption STOP_DEPLOYMENT');
    expect(why.querySelector<HTMLAnchorElement>('.reason.rule a.source')!.href).toContain('API_DeploymentReadyOption');
    expect(ready.getAttribute('aria-pressed')).toBe('true');
    // A new trace (here: another scenario) clears the selection.
    await app.pick('elastic-beanstalk/rolling');
    await settled(app);
    expect(view(app, 'why-panel').querySelector('.empty')).not.toBeNull();
  });

  it('reports a fork against the future it replaced until dismissed, and refuses an input after the end', async () => {
    const app = await mountApp('#scenario=elastic-beanstalk/rolling&t=150');
    expect(app.injectFault({ type: 'UnhealthyInstance', target: 'i-5', at: 150 })).toBe(true);
    await settled(app);
    const panel = () => view(app, 'fault-panel');
    expect(text(panel().querySelector('.fork.changed .headline'))).toMatch(/Was Succeeded at 5:09, now Failed at \d+:\d\d\./);
    // The statechart follows the target the fault names.
    expect(view(app, 'statechart-panel').querySelector<HTMLElement & { value: string }>('target-picker.target')!.value).toBe('i-5');
    expect(current(app, 'lifecycle')).toEqual(['Pending']); // batch 3 has not reached i-5 at 2:30
    app.seek(400);
    await settled(app);
    expect(panel().querySelector('.fork.changed')).not.toBeNull();
    panel().querySelector<HTMLButtonElement>('.fork button.dismiss')!.click();
    await settled(app);
    expect(panel().querySelector('.fork')).toBeNull();

    const before = app.index;
    app.seek(app.index!.duration);
    expect(app.injectFault({ type: 'AbortDeployment', at: app.t })).toBe(false);
    await settled(app);
    expect(app.index).toBe(before);
    expect(text(panel().querySelector('.fork.refused'))).toMatch(/Not injected: Abort the deployment at \d+:\d\d\. The deployment is over: it ended Failed at \d+:\d\d\./);
  });
});
