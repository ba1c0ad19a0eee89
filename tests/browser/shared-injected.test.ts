// A fault injected before a link was shared is still labelled as injected when
// the link is opened, not "from the scenario".
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/app/app-shell.ts';
import type { DeploysimApp } from '../../src/app/app-shell.ts';
import { decodeShare, encodeShare } from '../../src/layout/share.ts';
import { closeApp, openApp } from './app-ready.ts';

afterEach(closeApp);

const mountApp = openApp;

const origins = async (app: DeploysimApp) => {
  const panel = app.shadowRoot!.querySelector('fault-panel')!;
  await panel.updateComplete;
  return [...panel.shadowRoot!.querySelectorAll('li .origin')].map((o) => o.textContent!.trim());
};

describe('shared link with an injected fault', () => {
  it('labels the injected fault as injected after the link is opened', async () => {
    const app = await mountApp('#scenario=elastic-beanstalk/rolling&t=0');
    const own = app.index!.trace.scenario.faults.length;
    app.seek(60);
    expect(app.injectFault({ type: 'InstanceTerminated', target: 'i-1', at: 60 })).toBe(true);
    const link = (app as unknown as { shareLink: () => string }).shareLink();
    const hash = new URL(link).hash;
    expect(decodeShare(hash).injected).toEqual([own]);
    document.body.replaceChildren();
    const opened = await mountApp(hash);
    expect([...opened.userFaults]).toEqual([own]);
    const labels = await origins(opened);
    expect(labels[own]).toBe('· injected');
    expect(labels.slice(0, own).every((l) => l === '· from the scenario')).toBe(true);
  });

  it('ignores injected positions beyond the fault list', async () => {
    const text = JSON.stringify({ name: 'x', description: 'a scenario', platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 2 }, faults: [{ type: 'UnhealthyInstance', target: 'i-1' }] });
    const app = await mountApp(encodeShare({ scenarioText: text, t: 0, injected: [0, 7] }));
    expect([...app.userFaults]).toEqual([0]);
  });
});
