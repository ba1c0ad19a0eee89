import { describe, expect, it } from 'vitest';
import { applyPlaybackCommand, type Player } from '../../src/app/playback-command.ts';
import { buildIndex, nextEventTime } from '../../src/layout/frame.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { validateScenario } from '../../src/scenario/validate.ts';
import rolling from '../../scenarios/elastic-beanstalk/rolling.json';

const index = (() => {
  const v = validateScenario(rolling);
  if (!v.ok) throw new Error('rolling.json is invalid');
  return buildIndex(simulate(v.scenario));
})();

function player(t: number, playing = false): Player & { seeks: number[] } {
  const p = { index, t, playing, seeks: [] as number[], seek(to: number) { p.t = to; p.seeks.push(to); } };
  return p;
}

describe('playback commands', () => {
  it('play from the end restarts at 0; toggle pauses a playing player', () => {
    const p = player(index.duration);
    expect(applyPlaybackCommand(p, 'play')).toBe('play');
    expect([p.t, p.playing]).toEqual([0, true]);
    expect(applyPlaybackCommand(p, 'toggle')).toBe('pause');
    expect(p.playing).toBe(false);
  });

  it('next and previous move between events; restart and end jump and end stops playback', () => {
    const p = player(0, true);
    expect(applyPlaybackCommand(p, 'next')).toBe('step');
    expect(p.t).toBe(nextEventTime(index, 0));
    expect(p.t).toBeGreaterThan(0);
    expect(applyPlaybackCommand(p, 'previous')).toBe('step');
    expect(p.t).toBeLessThan(nextEventTime(index, 0));
    expect(applyPlaybackCommand(p, 'end')).toBe('end');
    expect([p.t, p.playing]).toEqual([index.duration, false]);
    expect(applyPlaybackCommand(p, 'restart')).toBe('step');
    expect(p.t).toBe(0);
  });

  it('does nothing without a trace', () => {
    const p = { ...player(5), index: undefined };
    expect(applyPlaybackCommand(p, 'play')).toBeUndefined();
    expect(p.playing).toBe(false);
  });
});
