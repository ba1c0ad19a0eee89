// User text cannot break the layout: bidi isolation of scenario strings in the
// header, event log and fleet view; long names truncate with the full text on
// hover and focus; a shared link with an oversized fleet is refused.
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/views/status-header/index.ts';
import '../../src/views/event-log/index.ts';
import '../../src/views/fleet-view/index.ts';
import '../../src/app/app-shell.ts';
import { closeApp } from './app-ready.ts';
import type { DeploysimApp } from '../../src/app/app-shell.ts';
import { frameAt } from '../../src/layout/frame.ts';
import { APP_MAX_INSTANCES, encodeShare } from '../../src/layout/share.ts';
import { indexOf, mount, settle } from './fixtures.ts';

afterEach(closeApp);

const RLO = '\u202E';
const evil = () =>
  indexOf({
    name: `Evil ${RLO}name ${'very long words '.repeat(30)}`,
    platform: 'ElasticBeanstalk',
    versions: { from: `v1${RLO}`, to: `v2${RLO}` },
    elasticBeanstalk: { instances: 4, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2 },
  });

/** Where a piece of text is drawn (the first text node holding it). */
function leftOf(root: ShadowRoot | Element, text: string): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const k = n.textContent!.indexOf(text);
    if (k < 0) continue;
    const r = document.createRange();
    r.setStart(n, k);
    r.setEnd(n, k + text.length);
    return r.getBoundingClientRect().left;
  }
  throw new Error(`no text ${text}`);
}

describe('user text in the views', () => {
  it('the status header isolates the name and versions, and truncates a long name with the full text on hover and focus', async () => {
    const index = evil();
    const el = mount('status-header', { index, frame: frameAt(index, 0) }, 900);
    await settle(el);
    const root = el.shadowRoot!;
    const name = root.querySelector<HTMLElement>('.name')!;
    expect(name.querySelector('bdi')!.textContent).toBe(index.trace.scenario.name);
    expect(name.title).toBe(index.trace.scenario.name);
    expect(name.tabIndex).toBe(0);
    expect(name.scrollWidth).toBeGreaterThan(name.clientWidth); // cut, not wrapped over the header
    expect(name.getBoundingClientRect().height).toBeLessThan(30);
    // An unterminated U+202E in versions.from does not reverse the rest of the line.
    const sub = root.querySelector('.sub')!;
    expect(sub.querySelectorAll('bdi')).toHaveLength(2);
    expect(leftOf(sub, 'target')).toBeGreaterThan(leftOf(sub, '→'));
    expect(leftOf(sub, '→')).toBeGreaterThan(leftOf(sub, 'Elastic'));
  });

  it('the event log isolates user strings inside messages, so the rest of the line keeps its order', async () => {
    const index = evil();
    const el = mount('event-log', { index, count: index.trace.events.length }, 700);
    await settle(el);
    // One text per message, each version between isolate marks (U+2068 … U+2069: a <bdi> in characters).
    const msgs = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.msg')].filter((m) => /v2/.test(m.textContent!));
    expect(msgs.length).toBeGreaterThan(0);
    for (const m of msgs) {
      expect(m.textContent).toMatch(/\u2068v[12]\u202E\u2069/);
      expect(m.textContent!.replace(/\u2068v[12]\u202E\u2069/g, '')).not.toMatch(/[\u202E\u2068\u2069]/);
    }
    // Text after an isolated version is drawn after it, not mirrored before it.
    const texts = msgs.flatMap((x) => [...x.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE));
    const text = texts.find((n) => /\u2069 ?\w/.test(n.textContent!))!;
    expect(text).toBeDefined();
    const at = text.textContent!.search(/\u2069 ?\w/);
    const rect = (from: number, to: number) => {
      const r = document.createRange();
      r.setStart(text, from);
      r.setEnd(text, to);
      return r.getBoundingClientRect();
    };
    const version = rect(text.textContent!.lastIndexOf('\u2068', at), at + 1);
    const next = text.textContent!.indexOf(text.textContent!.slice(at + 1).trim()[0]!, at + 1);
    expect(rect(next, next + 2).left).toBeGreaterThanOrEqual(version.right - 1);
  });

  it('text copied from the event log leaves without the isolate marks', async () => {
    const index = evil();
    const el = mount('event-log', { index, count: index.trace.events.length }, 700);
    await settle(el);
    const msg = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.msg')].find((m) => /\u2068v2/.test(m.textContent!))!;
    const range = document.createRange();
    range.selectNodeContents(msg);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    const copy = new ClipboardEvent('copy', { clipboardData: new DataTransfer(), bubbles: true, composed: true, cancelable: true });
    msg.dispatchEvent(copy);
    const copied = copy.clipboardData!.getData('text/plain');
    // The user's version keeps its own characters (the U+202E it holds), only the marks go.
    expect(copied).toContain(`v2${RLO}`);
    expect(copied).not.toMatch(/[\u2068\u2069]/);
    expect(copied).toMatch(/^Rolling deployment of v2\u202E to 4 instances in batches of 2 AWS rule\s*$/);
    expect(copy.defaultPrevented).toBe(true);
    selection.removeAllRanges();
  });

  it('fleet tiles lay out ids and versions on their own', async () => {
    const index = evil();
    const el = mount('fleet-view', { index, frame: frameAt(index, index.duration) });
    await settle(el);
    const ver = el.shadowRoot!.querySelector<HTMLElement>('.tile .ver')!;
    expect(getComputedStyle(ver).unicodeBidi).toBe('isolate');
    expect(getComputedStyle(el.shadowRoot!.querySelector('.tile .id')!).unicodeBidi).toBe('isolate');
  });

  it('a shared link with an oversized fleet is refused with a banner, before it is simulated', async () => {
    const huge = { name: 'huge', description: 'too big to draw', platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 100_000, MaxSize: 100_000, DeploymentPolicy: 'AllAtOnce' } };
    history.replaceState(null, '', `${location.pathname}${location.search}${encodeShare({ scenarioText: JSON.stringify(huge), t: 0 })}`);
    const started = performance.now();
    const app = document.createElement('deploysim-app') as DeploysimApp;
    document.body.append(app);
    await app.updateComplete;
    expect(performance.now() - started).toBeLessThan(5000);
    expect(app.index!.trace.scenario.name).not.toBe('huge');
    expect(app.index!.targets.length).toBeLessThanOrEqual(2 * APP_MAX_INSTANCES);
    const banner = app.shadowRoot!.querySelector('.error[role=alert]')!;
    expect(banner.textContent).toContain('100,000 instances');
    expect(banner.textContent).toContain('at most 5,000');
  });
});

describe('user text in the fault panel', () => {
  it('isolates versions in the fork report, so the details keep their order', async () => {
    await import('../../src/views/fault-panel/index.ts');
    const index = evil();
    const report = { kind: 'forked', fault: { type: 'Alarm', at: 5 }, faultIndex: 0, was: 'Succeeded', now: 'Failed', details: [`Final fleet: was 4 × v2${RLO}, now 4 × v1${RLO} · done`], message: '' };
    const el = mount('fault-panel', { index, t: 5, faults: [], userFaults: new Set(), report });
    await settle(el);
    const li = el.shadowRoot!.querySelector('ul.details li')!;
    expect(li.querySelectorAll('bdi')).toHaveLength(2);
    expect(leftOf(li, 'done')).toBeGreaterThan(leftOf(li, 'now'));
    expect(leftOf(li, 'now')).toBeGreaterThan(leftOf(li, 'Final'));
  });
});
