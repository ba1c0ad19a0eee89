// The importer's entry point: AWS files in (AppSpec, .ebextensions, .platform/hooks,
// CloudFormation, AWS CLI output), one scenario out, validated by the scenario's own
// rules; or every problem, each at a file, line and column. Pure and synchronous, so
// the CLI and (later) the app's drop zone share it.
import { LIMITS } from '../scenario/limits.ts';
import { validateScenario } from '../scenario/validate.ts';
import { importAppSpec, type AppSpecImport } from './appspec.ts';
import { APPSPEC_NAME, EBEXTENSION, PLATFORM_HOOK } from './bundle.ts';
import { importCliOutput, looksLikeCliOutput } from './cli-json.ts';
import { importTemplate, looksLikeTemplate } from './cloudformation.ts';
import { codeDeployDraft } from './codedeploy-draft.ts';
import type { ConfigImport, GroupImport } from './deployment-group.ts';
import { elasticBeanstalkDraft } from './eb-draft.ts';
import type { OptionSetting } from './eb-options.ts';
import { readEbExtension } from './ebextensions.ts';
import { parseLocated, type Source } from './located-yaml.ts';
import type { Obj } from './read.ts';
import { Report } from './report.ts';
import type { ImportFile, ImportNote, ImportResult, Loc } from './types.ts';

/** A stand-in source for notes about a file or folder as a whole. */
export function wholeFile(file: string): Source {
  const loc: Loc = { file, line: 1, column: 1 };
  return { file, value: null, at: () => loc, keyAt: () => loc };
}

const EXPECTED = 'an AppSpec file (appspec.yml, appspec.yaml, appspec.json), an .ebextensions/*.config file, a .platform/hooks script, a CloudFormation template, or the JSON of aws deploy get-deployment-group, aws deploy get-deployment-config or aws elasticbeanstalk describe-configuration-settings';

export function importFiles(files: readonly ImportFile[]): ImportResult {
  const r = new Report();
  const sources: string[] = [];
  let appspec: AppSpecImport | undefined;
  let appspecFile: ImportFile | undefined;
  const groups: GroupImport[] = [];
  const configs: ConfigImport[] = [];
  const settings: OptionSetting[] = [];
  const ebAnchors: Source[] = [];
  const bundleSteps = { commands: false, containerCommands: false, hooks: { prebuild: false, predeploy: false, postdeploy: false } };
  const bundles = new Set(files.map((f) => f.bundle).filter((b): b is string => b !== undefined));

  // .ebextensions files apply in alphabetical order of their names ([EB] command-options.md).
  const ordered = [...files].sort((a, b) => rank(a) - rank(b) || (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  for (const file of ordered) {
    const name = file.rel.slice(file.rel.lastIndexOf('/') + 1);
    const hook = PLATFORM_HOOK.exec(file.rel);
    if (hook) {
      bundleSteps.hooks[hook[2] as 'prebuild'] = true;
      ebAnchors.push(wholeFile(file.path));
      sources.push(file.path);
      continue;
    }
    if (file.text === undefined) {
      if (file.bundle === undefined) r.error({ file: file.path, line: 1, column: 1 }, `not a file deploysim can import; expected ${EXPECTED}`);
      continue; // a script or other file of a source bundle
    }
    const parsed = parseLocated(file.path, file.text);
    if (!parsed.ok) {
      r.problems.push(...parsed.problems);
      continue;
    }
    const c = { r, src: parsed.source };
    if (APPSPEC_NAME.test(name)) {
      if (appspec || appspecFile) {
        r.error({ file: file.path, line: 1, column: 1 }, `a deployment has one AppSpec file; ${appspecFile!.path} is one already`);
        continue;
      }
      appspecFile = file;
      const bundleFiles = file.bundle === undefined ? undefined : files.filter((f) => f.bundle === file.bundle);
      appspec = importAppSpec(c, bundleFiles);
      sources.push(file.path);
    } else if (EBEXTENSION.test(file.rel)) {
      const ext = readEbExtension(c);
      settings.push(...ext.settings);
      bundleSteps.commands ||= ext.commands;
      bundleSteps.containerCommands ||= ext.containerCommands;
      ebAnchors.push(parsed.source);
      sources.push(file.path);
    } else if (looksLikeTemplate(parsed.source.value)) {
      const t = importTemplate(c);
      groups.push(...t.groups);
      configs.push(...t.configs);
      settings.push(...t.settings);
      if (t.environment) ebAnchors.push(parsed.source);
      sources.push(file.path);
    } else if (looksLikeCliOutput(parsed.source.value)) {
      const out = importCliOutput(c);
      if (out?.kind === 'deployment-group') groups.push(out.group);
      if (out?.kind === 'deployment-config') configs.push(out.config);
      if (out?.kind === 'configuration-settings') {
        settings.push(...out.settings);
        ebAnchors.push(parsed.source);
      }
      sources.push(file.path);
    } else if (file.bundle === undefined) {
      r.error(parsed.source.at([]), `not a file deploysim can import; expected ${EXPECTED}`);
    }
  }

  const codeDeploy = appspecFile !== undefined || groups.length > 0 || configs.length > 0;
  const elasticBeanstalk = ebAnchors.length > 0 || settings.length > 0;
  if (r.problems.length > 0) return { ok: false, problems: r.problems, notes: sortNotes(r.notes) };
  if (codeDeploy && elasticBeanstalk) {
    return fail(r, ebAnchors[0]!.at([]), `these files describe both a CodeDeploy deployment (${[appspecFile?.path, ...groups.map((g) => g.src.file), ...configs.map((c) => c.src.file)].filter(Boolean)[0]}) and an Elastic Beanstalk environment; import one at a time`);
  }
  if (!codeDeploy && !elasticBeanstalk) {
    const first = files[0];
    return fail(r, { file: first?.path ?? '(no files)', line: 1, column: 1 }, `nothing to import; expected ${EXPECTED}`);
  }

  let draft: Obj;
  if (codeDeploy) {
    if (!appspec && appspecFile) return { ok: false, problems: r.problems, notes: sortNotes(r.notes) };
    draft = codeDeployDraft(r, { ...(appspec ? { appspec } : {}), groups, configs });
  } else {
    draft = elasticBeanstalkDraft(r, { settings, anchor: ebAnchors[0]!, ...(bundles.size > 0 ? { bundle: bundleSteps } : {}) });
  }
  if (r.problems.length > 0) return { ok: false, problems: r.problems, notes: sortNotes(r.notes) };

  const scenario = finish(draft, sources);
  const checked = validateScenario(scenario);
  if (!checked.ok) {
    const fallback: Loc = { file: sources[0] ?? '(input)', line: 1, column: 1 };
    for (const p of checked.problems) r.error(r.originOf(p.path) ?? fallback, `${p.message} (scenario field ${p.path || '/'})`);
    return { ok: false, problems: r.problems, notes: sortNotes(r.notes) };
  }
  return { ok: true, scenario, notes: sortNotes(r.notes), sources };
}

/** AppSpec and templates first, then .ebextensions in name order (the order precedence needs), then hook scripts. */
function rank(f: ImportFile): number {
  return EBEXTENSION.test(f.rel) ? 1 : PLATFORM_HOOK.test(f.rel) ? 2 : 0;
}

// Fields in the order the scenario's types and README list them, so an imported file reads like a hand-written one.
const EB_ORDER = ['instances', 'environmentType', 'DeploymentPolicy', 'BatchSizeType', 'BatchSize', 'Timeout', 'IgnoreHealthCheck', 'NewVersionPercent', 'EvaluationTime', 'MaxSize'];
const CODEDEPLOY_ORDER = ['computePlatform', 'deploymentType', 'deploymentConfigName', 'customDeploymentConfig', 'instances', 'loadBalancer', 'autoRollbackConfiguration', 'ignoreApplicationStopFailures', 'blueGreenDeploymentConfiguration'];

function ordered(o: Obj, keys: readonly string[]): Obj {
  const rank = (k: string) => (keys.includes(k) ? keys.indexOf(k) : keys.length);
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => rank(a) - rank(b)));
}

function sortNotes(notes: ImportNote[]): ImportNote[] {
  return [...notes].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}

function fail(r: Report, loc: Loc, message: string): ImportResult {
  r.error(loc, message);
  return { ok: false, problems: r.problems, notes: sortNotes(r.notes) };
}

/** Name, description and source, in the order a scenario file lists its fields. */
function finish(draft: Obj, sources: string[]): Obj {
  const cd = draft.codeDeploy as Obj | undefined;
  const eb = draft.elasticBeanstalk as Obj | undefined;
  const what = cd
    ? `${cd.computePlatform} ${cd.computePlatform === 'Server' ? (cd.deploymentType === 'BLUE_GREEN' ? 'blue/green' : 'in-place') : 'blue/green'}, ${cd.deploymentConfigName ?? 'CodeDeployDefault.OneAtATime'}`
    : `${eb!.DeploymentPolicy ?? 'AllAtOnce'}, ${eb!.instances} instance${eb!.instances === 1 ? '' : 's'}`;
  const faults = draft.faults as Obj[] | undefined;
  return {
    name: `Imported: ${what}`,
    description: `Imported by deploysim import from the AWS files named in source. The import lists the settings deploysim ignored or assumed.`,
    source: sourceNote(sources),
    platform: draft.platform,
    ...(draft.versions ? { versions: draft.versions } : {}),
    ...(cd ? { codeDeploy: ordered(cd, CODEDEPLOY_ORDER) } : { elasticBeanstalk: ordered(eb!, EB_ORDER) }),
    ...(faults && faults.length > 0 ? { faults } : {}),
    ...(draft.timings ? { timings: draft.timings } : {}),
  };
}

/**
 * The scenario's `source`: the files read, within the schema's limits (a bundle with
 * more hook scripts than the limit is named by its first files and a count).
 */
export function sourceNote(sources: readonly string[]): { files: string[] } {
  const max = LIMITS.sourceFiles;
  const clip = (p: string) => (p.length <= LIMITS.sourcePathChars ? p : `${p.slice(0, LIMITS.sourcePathChars - 1)}…`);
  const files = sources.length <= max ? sources.map(clip) : [...sources.slice(0, max - 1).map(clip), `… and ${sources.length - max + 1} more files`];
  return { files };
}
