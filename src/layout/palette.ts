// Colour-blind-safe colours (Okabe–Ito) for versions and lifecycle families.
// What a step is comes from src/aws/step-kinds.ts; this file only colours it.
import { stepFact, type StepFamily } from '../aws/step-kinds.ts';

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies. */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;

/** Versions in order of appearance: the old one blue, the new one orange, more after that. */
export function versionColor(versions: readonly string[], version: string): string {
  const i = versions.indexOf(version);
  return OKABE_ITO[(i < 0 ? versions.length : i) % OKABE_ITO.length]!;
}

/**
 * One colour per lifecycle family, in the order the families run. Elastic
 * Beanstalk and CodeDeploy never share a trace, so their families may share a
 * colour; the legend lists only the families present.
 */
export const FAMILIES: readonly { family: StepFamily; label: string; color: string }[] = [
  { family: 'infrastructure', label: 'Launch / terminate', color: '#7f7f7f' },
  { family: 'bracket', label: 'Start / End (CodeDeploy)', color: '#c3c8d1' },
  { family: 'block-traffic', label: 'Block traffic', color: '#56B4E9' },
  { family: 'stop', label: 'ApplicationStop', color: '#CC79A7' },
  { family: 'install', label: 'Download / install', color: '#009E73' },
  { family: 'start', label: 'ApplicationStart / ValidateService', color: '#E69F00' },
  { family: 'test-traffic', label: 'Test traffic', color: '#F0E442' },
  { family: 'allow-traffic', label: 'Allow traffic', color: '#0072B2' },
  { family: 'eb-initial', label: 'Initial (download, commands, prebuild)', color: '#009E73' },
  { family: 'eb-configure', label: 'Configure (Buildfile, proxy, container_commands, predeploy)', color: '#F0E442' },
  { family: 'eb-deploy', label: 'Deploy (Procfile, postdeploy)', color: '#E69F00' },
  { family: 'health', label: 'Health checks', color: '#9e86c8' },
];

const FAMILY_COLOR = new Map(FAMILIES.map((f) => [f.family, f.color]));

/** Dark text reads on these fills; white on the others. */
export const LIGHT_FILLS = new Set(['#c3c8d1', '#56B4E9', '#CC79A7', '#E69F00', '#F0E442', '#9e86c8', '#009E73']);

export const FAILED_COLOR = '#D55E00';

export function stepColor(name: string): string {
  return FAMILY_COLOR.get(stepFact(name).family)!;
}

/** The families that occur among `names`, in lifecycle order (for a legend). */
export function familiesOf(names: Iterable<string>): typeof FAMILIES {
  const present = new Set<StepFamily>();
  for (const n of names) present.add(stepFact(n).family);
  return FAMILIES.filter((f) => present.has(f.family));
}
