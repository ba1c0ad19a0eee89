// <deploy-simulator> in a real browser: both sources (src fetched, inline JSON),
// time, autoplay, controls, errors shown in the element, attribute changes after
// connection, and the live region speaking only at playback boundaries.
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/embed/index.ts';
import type { DeploySimulator } from '../../src/embed/deploy-simulator.ts';

afterEach(() => document.body.replaceChildren());

const SERVER = { name: 'inline', description: 'd', platform: 'CodeDeploy', versions: { from: 'v1', to: 'v2' }, codeDeploy: { computePlatform: 'Server', instances: 4, loadBalancer: true } };

async function mount(attrs: Record<string, string>, inline?: unknown): Promise<DeploySimulator> {
  const el = document.createElement('deploy-simulator');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (inline !== undefined) {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = typeof inline === 'string' ? inline : JSON.stringify(inline);
    el.append(script);
  }
  document.body.append(el);
  await el.updateComplete;
  await el.ready;
  await el.updateComplete;
  return el;
}

const q = (el: DeploySimulator, sel: string) => el.shadowRoot!.querySelector(sel);

describe('<deploy-simulator>', () => {
  it('fetches the scenario at src and opens at time, a compact view without controls', async () => {
    const el = await mount({ src: '/scenarios/elastic-beanstalk/rolling.json', time: '60' });
    expect(el.error).toBeUndefined();
    expect(el.index?.trace.scenario.elasticBeanstalk?.DeploymentPolicy).toBe('Rolling');
    expect(el.t).toBe(60);
    expect(q(el, 'timeline-view')).not.toBeNull();
    expect(q(el, 'fleet-view')).not.toBeNull();
    expect(q(el, 'now-line')).not.toBeNull();
    expect(q(el, 'playback-controls')).toBeNull();
    expect(q(el, 'button.play')?.textContent).toContain('Play');
  });

  it('reads an inline <script type="application/json"> when there is no src; controls shows the playback controls', async () => {
    const el = await mount({ controls: '', time: '99999' }, SERVER);
    expect(el.index?.trace.scenario.name).toBe('inline');
    expect(el.t).toBe(el.index!.duration); // later than the end means the end, as a share link's t
    expect(q(el, 'playback-controls')).not.toBeNull();
    expect(q(el, 'event-log')).not.toBeNull();
  });

  it('autoplay starts playback once loaded', async () => {
    const el = await mount({ autoplay: '' }, SERVER);
    expect(el.playing).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(el.t).toBeGreaterThan(0);
  });

  it('shows a network error or a page that is not a scenario in the element, never a blank box', async () => {
    const refused = await mount({ src: 'http://127.0.0.1:9/scenario.json' });
    expect(refused.index).toBeUndefined();
    expect(q(refused, '[role=alert]')!.textContent).toMatch(/127\.0\.0\.1:9\/scenario\.json could not be loaded[\s\S]*CORS/);
    // The dev server answers an unknown path with its HTML page (as many hosts do).
    const html = await mount({ src: '/no/such/scenario.json' });
    expect(q(html, '[role=alert]')!.textContent).toMatch(/no\/such\/scenario\.json could not be loaded[\s\S]*HTML page/);
  });

  it('shows an invalid scenario with the paths of its problems', async () => {
    const el = await mount({}, { name: 'bad', platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 'many' } });
    const alert = q(el, '[role=alert]')!;
    expect(alert.textContent).toContain('has problems');
    expect([...alert.querySelectorAll('code')].map((c) => c.textContent).join(' ')).toContain('instances');
  });

  it('refuses a fleet too large to draw, with the reason', async () => {
    const el = await mount({}, { ...SERVER, codeDeploy: { ...SERVER.codeDeploy, instances: 9000 } });
    expect(q(el, '[role=alert]')!.textContent).toMatch(/too large[\s\S]*9,000 instances/);
  });

  it('says what is missing when there is neither src nor inline JSON, and reports a bad time', async () => {
    const el = await mount({});
    expect(q(el, '[role=alert]')!.textContent).toContain('No scenario');
    const timed = await mount({ time: 'soon' }, SERVER);
    expect(timed.t).toBe(0);
    expect(q(timed, '.notice')!.textContent).toContain('time="soon"');
  });

  it('re-renders when attributes change after connection: src, time, controls, autoplay', async () => {
    const el = await mount({ time: '10' }, SERVER);
    el.setAttribute('time', '30');
    await el.updateComplete;
    expect(el.t).toBe(30);
    el.setAttribute('controls', '');
    await el.updateComplete;
    expect(q(el, 'playback-controls')).not.toBeNull();
    el.setAttribute('src', '/scenarios/elastic-beanstalk/immutable.json');
    await el.updateComplete;
    await el.ready;
    await el.updateComplete;
    expect(el.index?.trace.scenario.elasticBeanstalk?.DeploymentPolicy).toBe('Immutable');
    expect(el.t).toBe(30);
    el.setAttribute('autoplay', '');
    await el.updateComplete;
    expect(el.playing).toBe(true);
  });

  it('announces at step and play boundaries only, not while scrubbing', async () => {
    const el = await mount({ controls: '' }, SERVER);
    const live = () => q(el, '[aria-live=polite]')!.textContent!.trim();
    expect(live()).toBe('');
    el.seek(40); // a scrub
    await el.updateComplete;
    expect(live()).toBe('');
    el.command('next');
    await el.updateComplete;
    expect(live()).toMatch(/^\d+:\d\d\. .*Now: /);
    const spoken = live();
    el.seek(el.t + 1);
    await el.updateComplete;
    expect(live()).toBe(spoken);
    el.command('play');
    await el.updateComplete;
    expect(live()).toMatch(/^Playing from/);
  });

  it('the playback controls drive its own playhead', async () => {
    const el = await mount({ controls: '' }, SERVER);
    const controls = q(el, 'playback-controls')!;
    await (controls as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    controls.shadowRoot!.querySelector<HTMLButtonElement>('button.next')!.click();
    expect(el.t).toBeGreaterThan(0);
    controls.shadowRoot!.querySelector<HTMLButtonElement>('button.end')!.click();
    expect(el.t).toBe(el.index!.duration);
  });
});
