// Keyboard scrubbing on the playback slider: real key presses (Playwright), not
// synthetic events, so the native range's own 0.1 s step would show if it leaked.
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/views/playback-controls/index.ts';
import { cleanup, mount, rolling, settle } from './fixtures.ts';

afterEach(cleanup);

describe('playback-controls keyboard scrubbing', () => {
  it('arrows move one second, Shift ten, Space plays/pauses from the slider', async () => {
    const index = rolling();
    const el = mount('playback-controls', { index, t: 30 });
    await settle(el);
    const seeks: number[] = [];
    const commands: string[] = [];
    el.addEventListener('seek-to', (e) => {
      seeks.push(e.detail.t);
      Object.assign(el, { t: e.detail.t }); // the app shell feeds the playhead back
    });
    el.addEventListener('playback-command', (e) => commands.push(e.detail.command));
    const range = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=range]')!;
    range.focus();
    await userEvent.keyboard('{ArrowRight}');
    await settle(el);
    await userEvent.keyboard('{ArrowRight}');
    await settle(el);
    await userEvent.keyboard('{ArrowLeft}');
    await settle(el);
    await userEvent.keyboard('{Shift>}{ArrowRight}{/Shift}');
    await settle(el);
    await userEvent.keyboard('{Shift>}{ArrowLeft}{ArrowLeft}{/Shift}');
    await settle(el);
    expect(seeks).toEqual([31, 32, 31, 41, 31, 21]);
    await userEvent.keyboard(' ');
    expect(commands).toEqual(['toggle']);
    expect(seeks).toHaveLength(6);
    // Clamped at both ends.
    Object.assign(el, { t: 0.5 });
    await settle(el);
    await userEvent.keyboard('{Shift>}{ArrowLeft}{/Shift}');
    expect(seeks.at(-1)).toBe(0);
    Object.assign(el, { t: index.duration - 0.5 });
    await settle(el);
    await userEvent.keyboard('{ArrowRight}');
    expect(seeks.at(-1)).toBe(index.duration);
  });
});
