// Colours for versions, lifecycle steps and target statuses, as three sets that
// never share a colour: a version (what runs) must not be mistaken for a step or
// a status (what happens). Versions take the strong Okabe–Ito hues (colour-blind
// safe); steps and statuses take lighter or darker tones of other hues, each at
// least MIN_VERSION_DISTANCE (CIE76 ΔE) from every version colour (tests/layout/palette.test.ts
// enumerates every pair). Where it matters a version is also named in text (tile
// badges, chart chips and band labels), so colour is never the only cue.
// What a step is comes from src/aws/step-kinds.ts; this file only colours it.
import { stepFact, type StepFamily } from '../aws/step-kinds.ts';

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies. */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;

/**
 * Version colours in order of appearance: the old one blue, the new one orange,
 * then green, purple, sky blue, black. Okabe–Ito without vermillion (failure) and
 * yellow (a light step fill).
 */
export const VERSION_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#000000'] as const;

/** How far (CIE76 ΔE in Lab) every step and status colour stays from every version colour. */
export const MIN_VERSION_DISTANCE = 25;

/** A target with nothing installed yet. */
export const NO_VERSION_COLOR = '#b5bcc8';

/** Versions in order of appearance (cycling after VERSION_COLORS.length). */
export function versionColor(versions: readonly string[], version: string): string {
  const i = versions.indexOf(version);
  return VERSION_COLORS[(i < 0 ? versions.length : i) % VERSION_COLORS.length]!;
}

/** Failure, everywhere: failed spans, unhealthy tiles, refused inputs. */
export const FAILED_COLOR = '#D55E00';

/**
 * One colour per lifecycle family, in the order the families run. Elastic
 * Beanstalk and CodeDeploy never share a trace, so their families may share a
 * colour; the legend lists only the families present.
 */
export const FAMILIES: readonly { family: StepFamily; label: string; color: string }[] = [
  { family: 'infrastructure', label: 'Launch / terminate', color: '#7f7f7f' },
  { family: 'bracket', label: 'Start / End (CodeDeploy)', color: '#c3c8d1' },
  { family: 'block-traffic', label: 'Block traffic', color: '#a6dcc8' },
  { family: 'stop', label: 'ApplicationStop', color: '#8c564b' },
  { family: 'install', label: 'Download / install', color: '#b5d96b' },
  { family: 'start', label: 'ApplicationStart / ValidateService', color: '#f6c29a' },
  { family: 'test-traffic', label: 'Test traffic', color: '#e8dc7a' },
  { family: 'allow-traffic', label: 'Allow traffic', color: '#332288' },
  { family: 'eb-initial', label: 'Initial (download, commands, prebuild)', color: '#b5d96b' },
  { family: 'eb-configure', label: 'Configure (Buildfile, proxy, container_commands, predeploy)', color: '#e8dc7a' },
  { family: 'eb-deploy', label: 'Deploy (Procfile, postdeploy)', color: '#f6c29a' },
  { family: 'health', label: 'Health checks', color: '#c7b3e6' },
];

const FAMILY_COLOR = new Map(FAMILIES.map((f) => [f.family, f.color]));

/**
 * What a tile's background says about the target at t, tinted from the step that
 * causes it (deploying = install, checking = health, registering = allow traffic,
 * draining = block traffic) so the fleet and the timeline speak one language.
 */
export const STATUS_COLORS = {
  deploying: FAMILY_COLOR.get('install')!,
  checking: FAMILY_COLOR.get('health')!,
  registering: FAMILY_COLOR.get('allow-traffic')!,
  draining: FAMILY_COLOR.get('block-traffic')!,
  unhealthy: FAILED_COLOR,
} as const;

/** Relative luminance (WCAG 2). */
function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(((n >> 16) & 255) / 255) + 0.7152 * lin(((n >> 8) & 255) / 255) + 0.0722 * lin((n & 255) / 255);
}

/** Whether dark ink (#1d2330) reads better than white on this fill. */
export function darkTextOn(hex: string): boolean {
  const l = luminance(hex);
  const ink = luminance('#1d2330');
  return (l + 0.05) / (ink + 0.05) >= 1.05 / (l + 0.05);
}

/** Dark text reads on these fills; white on the others. */
export const LIGHT_FILLS = new Set([...FAMILIES.map((f) => f.color), ...VERSION_COLORS, NO_VERSION_COLOR].filter(darkTextOn));

export function stepColor(name: string): string {
  return FAMILY_COLOR.get(stepFact(name).family)!;
}

/** The families that occur among `names`, in lifecycle order (for a legend). */
export function familiesOf(names: Iterable<string>): typeof FAMILIES {
  const present = new Set<StepFamily>();
  for (const n of names) present.add(stepFact(n).family);
  return FAMILIES.filter((f) => present.has(f.family));
}
