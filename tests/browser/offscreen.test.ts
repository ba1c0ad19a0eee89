// Views below the fold wait while scrubbing moves the playhead (src/views/shared/offscreen.ts):
// off screen a playhead-only update is skipped and kept, and runs when the view comes
// into view, when its updateComplete is awaited, or after OFFSCREEN_STALE_MS; any
// other change runs at once. No timing is asserted: each step is awaited.
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/views/lifecycle-table/index.ts';
import '../../src/views/statechart-panel/index.ts';
import '../../src/views/fleet-view/index.ts';
import { frameAt } from '../../src/layout/frame.ts';
import { formatTime } from '../../src/layout/time.ts';
import type { OffscreenUpdates } from '../../src/views/shared/offscreen.ts';
import { cleanup, mount, rolling, settle } from './fixtures.ts';

afterEach(cleanup);

type Deferring = HTMLElement & { updateComplete: Promise<boolean> };
const controllerOf = (el: HTMLElement) => (el as unknown as { offscreen: OffscreenUpdates }).offscreen;

/** Mounts `tag` below a spacer taller than the page, and waits until it is observed off screen. */
async function mountOffscreen(tag: string, props: Record<string, unknown>): Promise<Deferring> {
  const spacer = document.createElement('div');
  spacer.style.height = `${innerHeight + 2000}px`;
  document.body.append(spacer);
  const el = mount<Deferring>(tag, props);
  await settle(el);
  await expect.poll(() => controllerOf(el).visible).toBe(false);
  return el;
}

/** The table's caption, or the line that says the target runs nothing yet (both name the target and the time). */
const caption = (el: HTMLElement) => (el.shadowRoot!.querySelector('caption') ?? el.shadowRoot!.querySelector('.empty'))?.textContent ?? '';

describe('off-screen views while scrubbing', () => {
  it('the lifecycle table keeps its moment until its update is awaited, then shows the playhead', async () => {
    const index = rolling();
    const el = await mountOffscreen('lifecycle-table', { index, t: 100 });
    expect(caption(el)).toContain('1:40');
    Object.assign(el, { t: 200 });
    // The update ran and was skipped (awaiting updateComplete before it ran does not force it).
    await el.updateComplete;
    expect(controllerOf(el).pending).toBe(true);
    expect(caption(el)).toContain('1:40');
    // Awaited again: the view is brought up to date.
    await el.updateComplete;
    expect(controllerOf(el).pending).toBe(false);
    expect(caption(el)).toContain('3:20');
  });

  it('updates at once when scrolled into view, and for any change other than the playhead', async () => {
    const index = rolling();
    const el = await mountOffscreen('lifecycle-table', { index, t: 100 });
    Object.assign(el, { t: 200 });
    await el.updateComplete;
    expect(controllerOf(el).pending).toBe(true);
    el.scrollIntoView();
    await expect.poll(() => caption(el)).toContain('3:20');
    // Off screen again: a picked target is not the playhead, so it shows at once.
    scrollTo(0, 0);
    await expect.poll(() => controllerOf(el).visible).toBe(false);
    Object.assign(el, { target: index.targets[4]!.id });
    await el.updateComplete;
    expect(controllerOf(el).pending).toBe(false);
    expect(caption(el)).toContain(index.targets[4]!.id);
  });

  it('the statechart and the fleet wait off screen too', async () => {
    const index = rolling();
    const chart = await mountOffscreen('statechart-panel', { index, t: 100 });
    Object.assign(chart, { t: 300 });
    await chart.updateComplete;
    expect(controllerOf(chart).pending).toBe(true);
    await chart.updateComplete;
    expect(controllerOf(chart).pending).toBe(false);
    const fleet = await mountOffscreen('fleet-view', { index, frame: frameAt(index, 100) });
    Object.assign(fleet, { frame: frameAt(index, 300) });
    await fleet.updateComplete;
    expect(controllerOf(fleet).pending).toBe(true);
    await fleet.updateComplete;
    expect(controllerOf(fleet).pending).toBe(false);
  });

  it('off screen, the fleet tiles neither march nor fade; scrolled into view they move again', async () => {
    const index = rolling();
    const animations = (el: HTMLElement) => el.shadowRoot!.getAnimations();
    const fleet = await mountOffscreen('fleet-view', { index, frame: frameAt(index, 30) });
    expect(fleet.hasAttribute('offscreen')).toBe(true);
    // Mid-batch: tiles deploy and pass health checks (marching stripes), versions change (fades).
    Object.assign(fleet, { frame: frameAt(index, 100) });
    await fleet.updateComplete;
    await fleet.updateComplete;
    expect(controllerOf(fleet).pending).toBe(false);
    expect(animations(fleet).length).toBeGreaterThan(0);
    expect(animations(fleet).filter((a) => a.playState === 'running')).toEqual([]);
    fleet.scrollIntoView();
    await expect.poll(() => fleet.hasAttribute('offscreen')).toBe(false);
    await expect.poll(() => animations(fleet).filter((a) => a.playState === 'running').length).toBeGreaterThan(0);
    scrollTo(0, 0);
  });

  it('on screen, every frame updates at once', async () => {
    const index = rolling();
    const el = mount<Deferring>('lifecycle-table', { index, t: 100 });
    await settle(el);
    await expect.poll(() => controllerOf(el).visible).toBe(true);
    Object.assign(el, { t: 200 });
    await el.updateComplete;
    expect(controllerOf(el).pending).toBe(false);
    expect(caption(el)).toContain('3:20');
  });

  it('views whose wait ends together are brought up to date in different frames', async () => {
    const index = rolling();
    const table = await mountOffscreen('lifecycle-table', { index, t: 100 });
    const chart = await mountOffscreen('statechart-panel', { index, t: 100 });
    // Counts animation frames; each view notes the frame in which its wait ended.
    let frame = 0;
    let counting = true;
    const tick = () => {
      frame++;
      if (counting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    // Scrubbing: after the first seek, every frame moves the playhead a second.
    const scrub = () => {
      if (!counting) return;
      for (const el of [table, chart]) Object.assign(el, { t: (el as unknown as { t: number }).t + 1 });
      requestAnimationFrame(scrub);
    };
    const ranAt = new Map<string, number>();
    for (const el of [table, chart]) {
      const c = controllerOf(el);
      const flush = c.flush.bind(c);
      c.flush = () => {
        if (c.pending && !ranAt.has(el.localName)) ranAt.set(el.localName, frame);
        flush();
      };
    }
    // One seek reaches both (as the app's playhead does), and both start waiting at once.
    Object.assign(table, { t: 300 });
    Object.assign(chart, { t: 300 });
    await Promise.all([table.updateComplete, chart.updateComplete]);
    expect(controllerOf(table).pending && controllerOf(chart).pending).toBe(true);
    requestAnimationFrame(scrub);
    await expect.poll(() => ranAt.size, { timeout: 5000 }).toBe(2);
    counting = false;
    expect(ranAt.get('lifecycle-table')).not.toBe(ranAt.get('statechart-panel'));
    // Scrubbing rests: both come to the playhead.
    await expect.poll(() => controllerOf(table).pending || controllerOf(chart).pending, { timeout: 5000 }).toBe(false);
    expect(caption(table)).toContain(formatTime((table as unknown as { t: number }).t));
  });
});
