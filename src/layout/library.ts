// The scenario library: shipped scenario files grouped by platform and strategy.
// The library lists a summary of each file; the file itself loads when picked
// (src/app/scenarios.ts), so the app's first load does not carry every scenario.

/** What the library shows of a scenario file (summarize() computes it at build time). */
export interface ScenarioSummary {
  name: string;
  description: string;
  platform: string;
  strategy: string;
}

export interface LibraryEntry extends ScenarioSummary {
  /** Path relative to scenarios/, without .json: "elastic-beanstalk/rolling". */
  id: string;
}

export interface LibraryGroup {
  platform: string;
  label: string;
  strategies: { strategy: string; entries: LibraryEntry[] }[];
}

const EB_POLICY_LABEL: Record<string, string> = {
  AllAtOnce: 'All at once',
  Rolling: 'Rolling',
  RollingWithAdditionalBatch: 'Rolling with additional batch',
  Immutable: 'Immutable',
  TrafficSplitting: 'Traffic splitting',
  BlueGreen: 'Blue/green (CNAME swap)',
};
const EB_ORDER = Object.keys(EB_POLICY_LABEL);

const PLATFORM_LABEL: Record<string, string> = { ElasticBeanstalk: 'Elastic Beanstalk', CodeDeploy: 'CodeDeploy', Quiz: 'Quiz' };
/** Scenarios under scenarios/quiz/ form their own group, whatever their platform. */
export const QUIZ_GROUP = 'Quiz';
export const isQuizId = (id: string): boolean => id.startsWith('quiz/');

function obj(x: unknown): Record<string, unknown> {
  return x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
}

/** "Rolling", "EC2 in-place", "Lambda canary", "ECS linear"… from the scenario's own fields. */
export function strategyOf(json: unknown): string {
  const s = obj(json);
  if (s.platform === 'ElasticBeanstalk') {
    const p = String(obj(s.elasticBeanstalk).DeploymentPolicy ?? 'AllAtOnce');
    return EB_POLICY_LABEL[p] ?? p;
  }
  if (s.platform === 'CodeDeploy') {
    const cd = obj(s.codeDeploy);
    const compute = String(cd.computePlatform ?? 'Server');
    const head = compute === 'Server' ? 'EC2/On-premises' : compute;
    if (compute === 'Server') return `${head} ${cd.deploymentType === 'BLUE_GREEN' ? 'blue/green' : 'in-place'}`;
    const name = String(cd.deploymentConfigName ?? '');
    const routing = String(obj(obj(cd.customDeploymentConfig).trafficRoutingConfig).type ?? '');
    const kind = /Canary/i.test(name) || routing === 'TimeBasedCanary' ? 'canary'
      : /Linear/i.test(name) || routing === 'TimeBasedLinear' ? 'linear'
      : 'all at once';
    return `${head} ${kind}`;
  }
  return 'Other';
}

/** The summary of one scenario file ('' for a missing name: the library names it by its id). */
export function summarize(json: unknown): ScenarioSummary {
  const s = obj(json);
  return {
    name: typeof s.name === 'string' ? s.name : '',
    description: String(s.description ?? ''),
    platform: String(s.platform ?? 'Other'),
    strategy: strategyOf(json),
  };
}

/** "/scenarios/elastic-beanstalk/rolling.json" → "elastic-beanstalk/rolling". */
export const scenarioId = (path: string): string => path.replace(/^.*?scenarios\//, '').replace(/\.json$/, '');

/** The library of whole scenario files, keyed by path. */
export function groupLibrary(files: Record<string, unknown>): LibraryGroup[] {
  return groupSummaries(Object.fromEntries(Object.entries(files).map(([path, json]) => [path, summarize(json)])));
}

/** The library of summaries keyed by path: grouped by platform (quiz scenarios apart), then by strategy. */
export function groupSummaries(files: Record<string, ScenarioSummary>): LibraryGroup[] {
  const entries: LibraryEntry[] = [];
  for (const [path, summary] of Object.entries(files)) {
    if (path.endsWith('scenario.schema.json')) continue;
    const id = scenarioId(path);
    entries.push({ ...summary, id, name: summary.name || id, platform: isQuizId(id) ? QUIZ_GROUP : summary.platform });
  }
  const platforms = [...new Set(entries.map((e) => e.platform))].sort((a, b) => rank(a) - rank(b) || byText(a, b));
  return platforms.map((platform) => {
    const mine = entries.filter((e) => e.platform === platform);
    const strategies = [...new Set(mine.map((e) => e.strategy))].sort((a, b) => strategyRank(a) - strategyRank(b) || byText(a, b));
    return {
      platform,
      label: PLATFORM_LABEL[platform] ?? platform,
      strategies: strategies.map((strategy) => ({
        strategy,
        entries: mine.filter((e) => e.strategy === strategy).sort((a, b) => a.name.length - b.name.length || byText(a.name, b.name)),
      })),
    };
  });
}

/**
 * Case-insensitive, then by code unit: not `localeCompare`, whose first call in a
 * page builds the locale's collator, tens of ms on the main thread while the app
 * starts (issue 10); for the library's names both give the same order.
 */
function byText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

function rank(platform: string): number {
  return platform === 'ElasticBeanstalk' ? 0 : platform === 'CodeDeploy' ? 1 : platform === QUIZ_GROUP ? 2 : 3;
}

function strategyRank(label: string): number {
  const i = EB_ORDER.map((k) => EB_POLICY_LABEL[k]).indexOf(label);
  if (i >= 0) return i;
  const order = ['EC2/On-premises in-place', 'EC2/On-premises blue/green', 'Lambda', 'ECS'];
  const j = order.findIndex((o) => label.startsWith(o));
  return 10 + (j < 0 ? order.length : j);
}
