// Puts the CodeDeploy pieces together into the scenario's codeDeploy block: the
// AppSpec file (platform, hooks, versions), the deployment group (type, load
// balancer, rollback, blue/green options) and the deployment configuration it names.
import { LAST_REVISION_EVENTS, LOAD_BALANCER_ONLY_EVENTS, PREDEFINED_CONFIGS, DEFAULT_DEPLOYMENT_CONFIG } from '../aws/codedeploy-facts.ts';
import { DEFAULT_SERVER_INSTANCES } from '../scenario/codedeploy-defaults.ts';
import type { ComputePlatform } from '../scenario/types.ts';
import type { AppSpecImport } from './appspec.ts';
import type { ConfigImport, GroupImport } from './deployment-group.ts';
import type { Source } from './located-yaml.ts';
import type { Obj } from './read.ts';
import type { Report } from './report.ts';
import type { Path } from './types.ts';

export interface CodeDeployParts {
  appspec?: AppSpecImport;
  groups: GroupImport[];
  configs: ConfigImport[];
}

/** deploysim's choice when nothing names a configuration on Lambda or ECS (AWS's default, OneAtATime, is a Server one). */
const ALL_AT_ONCE: Record<ComputePlatform, string> = {
  Server: DEFAULT_DEPLOYMENT_CONFIG,
  Lambda: 'CodeDeployDefault.LambdaAllAtOnce',
  ECS: 'CodeDeployDefault.ECSAllAtOnce',
};

export function codeDeployDraft(r: Report, parts: CodeDeployParts): Obj {
  const { appspec } = parts;
  const group = parts.groups[0];
  for (const extra of parts.groups.slice(1)) r.note('ignored', extra.src, extra.path, 'deploysim simulates one deployment group; it uses the first one imported');
  const scenario: Obj = { platform: 'CodeDeploy', faults: [] };
  const cd: Obj = {};

  // The compute platform: every file that says one must agree.
  const claims: { platform: ComputePlatform; src: Source; path: Path; what: string }[] = [];
  if (appspec) claims.push({ platform: appspec.platform, src: appspec.src, path: [], what: 'the AppSpec file' });
  if (group?.computePlatform) claims.push({ platform: group.computePlatform, src: group.src, path: group.path, what: 'the deployment group' });
  const platform: ComputePlatform = claims[0]?.platform ?? parts.configs[0]?.computePlatform ?? 'Server';
  const conflicts = claims.slice(1).filter((claim) => claim.platform !== platform);
  for (const claim of conflicts) r.error(claim.src.at(claim.path), `${claim.what} is for ${claim.platform}, but ${claims[0]!.what} is for ${platform}`);
  if (conflicts.length > 0) return scenario;
  cd.computePlatform = platform;
  if (claims[0]) r.origin('/codeDeploy/computePlatform', claims[0].src, claims[0].path);

  for (const f of group?.fields ?? []) {
    cd[f.name] = f.value;
    r.origin(`/codeDeploy/${f.name}`, group!.src, f.path);
  }
  chooseConfig(r, parts, platform, cd);

  if (platform === 'Server') {
    cd.instances = DEFAULT_SERVER_INSTANCES;
    const at = group ?? appspec;
    if (at) r.note('assumed', at.src, group ? group.path : [], `the deployment group's instances are chosen by tags or Auto Scaling groups; deploysim simulates ${DEFAULT_SERVER_INSTANCES} instances (set codeDeploy.instances to change it)`);
  }

  if (appspec) {
    scenario.timings = { steps: appspec.steps };
    r.origin('/timings', appspec.src, []);
    if (appspec.versions) {
      scenario.versions = appspec.versions;
      r.origin('/versions', appspec.src, []);
    }
    const trafficHooks = appspec.hooked.filter((e) => LOAD_BALANCER_ONLY_EVENTS.has(e));
    const blueGreen = cd.deploymentType === 'BLUE_GREEN';
    if (platform === 'Server' && !blueGreen && trafficHooks.length > 0 && cd.loadBalancer === undefined) {
      cd.loadBalancer = true;
      r.note('assumed', appspec.src, ['hooks', trafficHooks[0]!], `${trafficHooks.join(', ')} run only behind a load balancer; with no deployment group to say, deploysim assumes one`);
    } else if (platform === 'Server' && !blueGreen && trafficHooks.length > 0 && cd.loadBalancer === false) {
      r.note('info', appspec.src, ['hooks', trafficHooks[0]!], `${trafficHooks.join(', ')} do not run: the deployment group routes no traffic through a load balancer`);
    }
    const runs = platform !== 'Server' || blueGreen || cd.loadBalancer === true;
    for (const m of appspec.missing) {
      if (LAST_REVISION_EVENTS.has(m.event)) {
        r.note('info', appspec.src, m.path, `${m.location} is not in the source bundle; ${m.event} runs the last successful revision's scripts, so this revision's ${m.event} only matters for the next deployment`);
      } else if (LOAD_BALANCER_ONLY_EVENTS.has(m.event) && !runs) {
        continue;
      } else {
        (scenario.faults as Obj[]).push({ type: 'HookFailure', event: m.event, errorCode: 'ScriptMissing' });
        r.origin(`/faults/${(scenario.faults as Obj[]).length - 1}`, appspec.src, m.path);
        r.note('info', appspec.src, m.path, `${m.location} is not in the source bundle: ${m.event} fails with ScriptMissing on every instance; the scenario injects that failure`);
      }
    }
  }
  scenario.codeDeploy = cd;
  return scenario;
}

function chooseConfig(r: Report, parts: CodeDeployParts, platform: ComputePlatform, cd: Obj): void {
  const group = parts.groups[0];
  const named = group?.deploymentConfigName;
  let used: ConfigImport | undefined;
  if (named && PREDEFINED_CONFIGS[named.name]) {
    cd.deploymentConfigName = named.name;
    r.origin('/codeDeploy/deploymentConfigName', group!.src, named.path);
  } else if (named) {
    used = parts.configs.find((c) => c.name === named.name || c.id === named.name);
    if (!used) {
      r.error(group!.src.at(named.path), `names the deployment configuration "${named.name}", which the imported files do not define; add the output of \`aws deploy get-deployment-config --deployment-config-name ${named.name}\` or the template that declares it`);
      return;
    }
  } else if (parts.configs.length > 0) {
    used = parts.configs[0]!;
    if (group) r.note('assumed', group.src, group.path, `the deployment group names no deployment configuration (AWS would use ${DEFAULT_DEPLOYMENT_CONFIG}); deploysim uses ${used.name ?? 'the one'} imported from ${used.src.file}`);
  } else {
    cd.deploymentConfigName = ALL_AT_ONCE[platform];
    const at = group ?? parts.appspec;
    if (at && platform !== 'Server') r.note('assumed', at.src, group ? group.path : [], `no deployment configuration is named; deploysim uses ${ALL_AT_ONCE[platform]}`);
  }
  for (const other of parts.configs) if (other !== used) r.note('ignored', other.src, other.path, 'the deployment group does not use this deployment configuration');
  if (!used) return;
  if (used.computePlatform !== platform) {
    r.error(used.src.at(used.path), `this deployment configuration is for ${used.computePlatform}; the deployment is ${platform}`);
    return;
  }
  if (used.name && PREDEFINED_CONFIGS[used.name]) {
    cd.deploymentConfigName = used.name;
    r.origin('/codeDeploy/deploymentConfigName', used.src, used.path);
    return;
  }
  if (used.name !== undefined) cd.deploymentConfigName = used.name;
  cd.customDeploymentConfig = used.custom;
  r.origin('/codeDeploy/deploymentConfigName', used.src, used.path);
  r.origin('/codeDeploy/customDeploymentConfig', used.src, used.path);
}
