import { describe, expect, it } from 'vitest';
import { announcement } from '../../src/app/announce.ts';
import { buildIndex, nextEventTime } from '../../src/layout/frame.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { validateScenario } from '../../src/scenario/validate.ts';

const v = validateScenario({ name: 'n', description: 'd', platform: 'CodeDeploy', versions: { from: 'v1', to: 'v2' }, codeDeploy: { computePlatform: 'Server', instances: 2 } });
if (!v.ok) throw new Error('invalid');
const index = buildIndex(simulate(v.scenario));

describe('live-region announcements', () => {
  it('a step names the events at the new playhead and the now line', () => {
    const t = nextEventTime(index, 0);
    const text = announcement(index, t, 'step');
    const here = index.trace.events.filter((e) => e.t === t).slice(-3);
    expect(here.length).toBeGreaterThan(0);
    for (const e of here) expect(text).toContain(e.message);
    expect(text).toMatch(/Now: .+\.$/);
  });

  it('play, pause and the end say so, with the clock and the outcome', () => {
    expect(announcement(index, 0, 'play')).toBe('Playing from 0:00.');
    expect(announcement(index, 30, 'pause')).toMatch(/^Paused at 0:30\. /);
    expect(announcement(index, index.duration, 'end')).toContain(`: ${index.trace.outcome}.`);
  });
});
