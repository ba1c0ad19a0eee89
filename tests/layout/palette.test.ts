// Version colours never equal (or come close to) step or status colours: a learner
// must never read "v2" where the timeline means "install". Every pair is enumerated:
// every version colour (the whole cycle) against every step family's colour, every
// colour a real step gets, every tile status colour and the failure colour.
import * as d3 from 'd3';
import { describe, expect, it } from 'vitest';
import { taggedSteps } from '../../src/aws/step-kinds.ts';
import {
  darkTextOn, FAILED_COLOR, FAMILIES, LIGHT_FILLS, MIN_VERSION_DISTANCE, NO_VERSION_COLOR, STATUS_COLORS, stepColor, VERSION_COLORS, versionColor,
} from '../../src/layout/palette.ts';

/** CIE76 ΔE: Euclidean distance in CIE Lab. */
const distance = (a: string, b: string) => {
  const x = d3.lab(a);
  const y = d3.lab(b);
  return Math.hypot(x.l - y.l, x.a - y.a, x.b - y.b);
};

const stepAndStatus = [
  ...FAMILIES.map((f) => [`step family ${f.family}`, f.color] as const),
  ...taggedSteps().map((s) => [`step ${s}`, stepColor(s)] as const),
  ...Object.entries(STATUS_COLORS).map(([k, c]) => [`status ${k}`, c] as const),
  ['failed', FAILED_COLOR] as const,
  ['no version yet', NO_VERSION_COLOR] as const,
];

describe('palette', () => {
  it('every version colour a trace can show is one of VERSION_COLORS (the cycle wraps)', () => {
    const versions = Array.from({ length: 20 }, (_, i) => `v${i}`);
    for (const v of versions) expect(VERSION_COLORS).toContain(versionColor(versions, v));
    expect(versionColor(['v1', 'v2'], 'v1')).not.toBe(versionColor(['v1', 'v2'], 'v2'));
  });

  it.each(VERSION_COLORS.map((c, i) => [i, c]))('version colour %i (%s) is far from every step and status colour', (_, version) => {
    for (const [what, color] of stepAndStatus) {
      expect(color.toLowerCase(), what).not.toBe(version.toLowerCase());
      expect(distance(version, color), `${what} ${color} vs version ${version}`).toBeGreaterThanOrEqual(MIN_VERSION_DISTANCE);
    }
  });

  it('the version colours are far from each other', () => {
    for (let i = 0; i < VERSION_COLORS.length; i++) {
      for (let j = i + 1; j < VERSION_COLORS.length; j++) expect(distance(VERSION_COLORS[i]!, VERSION_COLORS[j]!)).toBeGreaterThanOrEqual(MIN_VERSION_DISTANCE);
    }
  });

  it('steps that follow each other get different colours', () => {
    const order = FAMILIES.filter((f) => !f.family.startsWith('eb-'));
    for (let i = 1; i < order.length; i++) expect(distance(order[i - 1]!.color, order[i]!.color)).toBeGreaterThan(15);
    const eb = ['infrastructure', 'eb-initial', 'eb-configure', 'eb-deploy', 'health'].map((f) => FAMILIES.find((x) => x.family === f)!.color);
    for (let i = 1; i < eb.length; i++) expect(distance(eb[i - 1]!, eb[i]!)).toBeGreaterThan(15);
  });

  it('text on a fill takes the ink with the better contrast', () => {
    expect(darkTextOn('#ffffff')).toBe(true);
    expect(darkTextOn('#000000')).toBe(false);
    expect(darkTextOn('#0072B2')).toBe(false);
    expect(darkTextOn('#E69F00')).toBe(true);
    expect(LIGHT_FILLS.has(FAMILIES.find((f) => f.family === 'allow-traffic')!.color)).toBe(false);
    expect(LIGHT_FILLS.has(FAMILIES.find((f) => f.family === 'install')!.color)).toBe(true);
  });
});
