// Colour-blind-safe colours (Okabe–Ito) for versions and step kinds, and the
// classification of span names into step kinds.

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies. */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;

/** Versions in order of appearance: the old one blue, the new one orange, more after that. */
export function versionColor(versions: readonly string[], version: string): string {
  const i = versions.indexOf(version);
  return OKABE_ITO[(i < 0 ? versions.length : i) % OKABE_ITO.length]!;
}

export type StepKind = 'lifecycle' | 'platform' | 'health' | 'traffic' | 'infrastructure';

export const STEP_KINDS: readonly { kind: StepKind; label: string; color: string }[] = [
  { kind: 'infrastructure', label: 'Launch / terminate', color: '#7f7f7f' },
  { kind: 'traffic', label: 'Traffic (load balancer, listeners)', color: '#56B4E9' },
  { kind: 'platform', label: 'Platform hooks (EB workflow)', color: '#E69F00' },
  { kind: 'lifecycle', label: 'Lifecycle events (CodeDeploy)', color: '#009E73' },
  { kind: 'health', label: 'Health checks', color: '#CC79A7' },
];

export const FAILED_COLOR = '#D55E00';

const TRAFFIC_STEPS = new Set([
  'register', 'deregister', 'BlockTraffic', 'AllowTraffic', 'AllowTestTraffic', 'swap', 'cname-swap',
]);
const INFRA_STEPS = new Set(['launch', 'terminate']);
const HEALTH_STEPS = new Set(['health-check', 'ValidateService']);
const LIFECYCLE_STEPS = new Set([
  'Start', 'End', 'ApplicationStop', 'DownloadBundle', 'BeforeInstall', 'Install', 'AfterInstall', 'ApplicationStart',
  'BeforeBlockTraffic', 'AfterBlockTraffic', 'BeforeAllowTraffic', 'AfterAllowTraffic', 'AfterAllowTestTraffic',
]);

export function stepKind(name: string): StepKind {
  if (TRAFFIC_STEPS.has(name)) return 'traffic';
  if (INFRA_STEPS.has(name)) return 'infrastructure';
  if (HEALTH_STEPS.has(name)) return 'health';
  if (LIFECYCLE_STEPS.has(name)) return 'lifecycle';
  if (/^[A-Z]/.test(name)) return 'lifecycle';
  return 'platform';
}

export function stepColor(name: string): string {
  const kind = stepKind(name);
  return STEP_KINDS.find((k) => k.kind === kind)!.color;
}
