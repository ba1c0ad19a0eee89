import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulatingText } from '../../src/layout/simulating.ts';
import { APP_MAX_INSTANCES, oversizedFleet } from '../../src/layout/share.ts';

describe('numbers in what the page says', () => {
  it('says how many instances a large link simulates, grouped by thousands', () => {
    expect(simulatingText({ name: 'x', instances: 5000 })).toBe('Simulating 5,000 instances…');
    expect(simulatingText({ name: 'x', instances: 1200 })).toBe('Simulating 1,200 instances…');
    expect(simulatingText({ name: 'x', instances: 1 })).toBe('Simulating 1 instance…');
  });

  it('refuses a link over the app’s fleet limit, with both numbers grouped', () => {
    const text = (instances: number) => JSON.stringify({ platform: 'ElasticBeanstalk', elasticBeanstalk: { instances } });
    expect(oversizedFleet(text(20_000))).toBe(
      'The scenario in this link has 20,000 instances; the app draws at most 5,000, so it is not opened. Run it with the CLI (deploysim run), which takes larger fleets.',
    );
    expect(oversizedFleet(text(APP_MAX_INSTANCES))).toBeUndefined();
  });

  // Why a scan and not a timing: the first toLocaleString (or Intl formatter) of a
  // page starts ICU's number formatting, which took 65–75 ms of the main thread
  // while a 5,000-instance link's results came in (issue 10: its first timeline
  // within 1 s), and tens of ms of the CLI's start. `thousands` does the same
  // grouping without it.
  it('no source formats numbers through ICU (use thousands())', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.ts$/.test(name)) {
          readFileSync(path, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              const code = line.replace(/\/\/.*$/, '').trim();
              if (!code.startsWith('*') && /\.toLocaleString\(|\bIntl\.NumberFormat\b/.test(code)) offenders.push(`${path}:${i + 1}`);
            });
        }
      }
    };
    walk('src');
    expect(offenders).toEqual([]);
  });
});
