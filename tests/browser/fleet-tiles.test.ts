// Fleet tiles: the badge is the version installed (no v2/v1/v2 flicker in an
// in-place deployment), the running script's revision apart; texts wrap between
// words. (The grid of a large fleet: fleet-grid.test.ts.)
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/views/fleet-view/index.ts';
import { frameAt } from '../../src/layout/frame.ts';
import { cleanup, indexOf, mount, settle } from './fixtures.ts';

afterEach(cleanup);

describe('fleet-view tiles', () => {
  it('shows the installed version steadily through an in-place deployment, and the running revision apart', async () => {
    const index = indexOf({ platform: 'CodeDeploy', codeDeploy: { computePlatform: 'Server', instances: 2 } });
    const el = mount('fleet-view', { index, frame: frameAt(index, 0) });
    await settle(el);
    const tile = () => el.shadowRoot!.querySelector<HTMLElement>('.tile[data-target="i-1"]')!;
    const badges: string[] = [];
    const runs = new Set<string>();
    for (let t = 0; t <= index.duration; t += 0.5) {
      Object.assign(el, { frame: frameAt(index, t) });
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      const v = tile().querySelector('.ver')!.textContent!;
      if (badges.at(-1) !== v) badges.push(v);
      runs.add(tile().querySelector('.run')!.textContent!);
    }
    // Installed: v1, then v2 once Install has put it there; never back and forth.
    expect(badges).toEqual(['v1', 'v2']);
    // While v1 is installed, the v2 deployment's steps show v2 apart from the badge.
    expect(runs).toContain('▸ v2');
  });

  it('wraps step names between words, not inside one', async () => {
    const index = indexOf({ platform: 'CodeDeploy', codeDeploy: { computePlatform: 'Server', instances: 2, loadBalancer: true } });
    const el = mount('fleet-view', { index, frame: frameAt(index, 0) });
    await settle(el);
    let checked = 0;
    for (let t = 0; t <= index.duration && checked < 3; t += 2) {
      Object.assign(el, { frame: frameAt(index, t) });
      await settle(el);
      const state = el.shadowRoot!.querySelector<HTMLElement>('.tile[data-target="i-1"] .state')!;
      if (!/[a-z][A-Z]/.test(state.title) || state.title.length < 15) continue;
      checked++;
      expect(getComputedStyle(state).textOverflow).not.toBe('ellipsis');
      expect(state.scrollWidth).toBeLessThanOrEqual(state.clientWidth + 1);
      // Every line ends at a word boundary: the text is the title with break points only.
      expect(state.textContent!.replace(/\u200B/g, '')).toBe(state.title);
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('keeps each tile as the same element and touches only the tiles whose target changed', async () => {
    const index = indexOf({ platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 6, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2 } });
    // Two moments where some targets changed and some did not.
    const frames = Array.from({ length: Math.ceil(index.duration) }, (_, t) => frameAt(index, t));
    const key = (f: { state: string; version: string; step?: string; inLB: boolean | null }) => `${f.state}|${f.version}|${f.step}|${f.inLB}`;
    const k = frames.findIndex((a, i) => i > 0 && a.targets.some((f, j) => key(f) !== key(frames[i - 1]!.targets[j]!)) && a.targets.some((f, j) => key(f) === key(frames[i - 1]!.targets[j]!)));
    expect(k).toBeGreaterThan(0);
    const el = mount('fleet-view', { index, frame: frames[k - 1] });
    await settle(el);
    const tiles = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.tile')];
    const before = tiles();
    const touched = new Set<string>();
    const observer = new MutationObserver((records) => {
      for (const r of records) touched.add((r.target instanceof Element ? r.target : r.target.parentElement)!.closest<HTMLElement>('.tile')!.dataset.target!);
    });
    observer.observe(el.shadowRoot!.querySelector('.tiles')!, { subtree: true, attributes: true, childList: true, characterData: true });
    Object.assign(el, { frame: frames[k] });
    await settle(el);
    await Promise.resolve();
    observer.disconnect();
    expect(tiles()).toEqual(before);
    const changed = frames[k]!.targets.filter((f, j) => key(f) !== key(frames[k - 1]!.targets[j]!)).map((f) => f.id);
    expect([...touched].sort()).toEqual(changed.sort());
  });
});
