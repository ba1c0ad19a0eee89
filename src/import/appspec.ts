// CodeDeploy AppSpec files (appspec.yml / appspec.yaml / appspec.json) for the three
// compute platforms. Sources: [CD] reference-appspec-file-structure*.md and the
// agent's own parser ([AGENT] application_specification.rb, script_info.rb), which
// decide what AWS rejects: version other than 0.0, os other than linux/windows, a
// script without location, a timeout that is not a positive number.
//
// What the simulation takes from it (reference §2.1–2.2): which hooks run scripts.
// "If an event hook is not present, no operation is executed for that event" ([CD]
// reference-appspec-file-structure-hooks.md), so a hook without scripts takes 0 s;
// a hook with scripts takes the engine's default duration for that event, at most
// its scripts' total timeout (3600 s at most per event, reference §2.1).
import {
  CODEDEPLOY_EVENT_SECONDS,
  EVENTS_BY_PLATFORM,
  HOOK_TIMEOUT_SECONDS,
  LAST_REVISION_EVENTS,
  RESERVED_EVENTS,
} from '../aws/codedeploy-facts.ts';
import type { ComputePlatform } from '../scenario/types.ts';
import { suggest } from '../scenario/validate.ts';
import type { Source } from './located-yaml.ts';
import { checkKeys, int, isObj, list, obj, str, type Ctx, type Obj } from './read.ts';
import type { ImportFile, Path } from './types.ts';

export interface AppSpecImport {
  platform: ComputePlatform;
  src: Source;
  /** Seconds per lifecycle hook of the platform: 0 where the AppSpec runs nothing. */
  steps: Record<string, number>;
  /** Hooks that run scripts or functions. */
  hooked: string[];
  versions?: { from: string; to: string };
  /** Hooks whose script is not in the source bundle: they fail with ScriptMissing. */
  missing: { event: string; location: string; path: Path }[];
}

/** The hooks an AppSpec may list on each platform: every lifecycle event that is not reserved. */
export function scriptableHooks(platform: ComputePlatform): string[] {
  return EVENTS_BY_PLATFORM[platform].filter((e) => !RESERVED_EVENTS.has(e));
}

export function importAppSpec(c: Ctx, bundleFiles: readonly ImportFile[] | undefined): AppSpecImport | undefined {
  const top = obj(c, c.src.value, [], 'a map with version, and os, files and hooks (EC2/On-premises) or Resources and Hooks (Lambda, ECS)');
  if (!top) return undefined;
  const resourcesKey = Object.keys(top).find((k) => k.toLowerCase() === 'resources');
  if (resourcesKey === undefined) return serverAppSpec(c, top, bundleFiles);
  return functionAppSpec(c, top, resourcesKey);
}

function serverAppSpec(c: Ctx, top: Obj, bundleFiles: readonly ImportFile[] | undefined): AppSpecImport | undefined {
  checkKeys(c, top, [], {
    known: ['version', 'os', 'hooks', 'files'],
    ignored: {
      permissions: 'file permissions are applied during Install; deploysim does not model files on the instance',
      file_exists_behavior: 'what Install does with files that already exist; deploysim does not model files on the instance',
    },
  }, 'an EC2/On-premises AppSpec file');
  // The agent compares version with the number 0.0: a quoted "0.0" is a string and is rejected.
  if (!('version' in top)) c.r.error(c.src.at([]), 'version is required: the only allowed value is 0.0');
  else if (top.version !== 0) c.r.error(c.src.at(['version']), `version must be 0.0, the only AppSpec version (got ${JSON.stringify(top.version)}${typeof top.version === 'string' ? ', a string: write it unquoted' : ''})`);
  if (!('os' in top)) c.r.error(c.src.at([]), 'os is required for an EC2/On-premises AppSpec file: linux or windows');
  else if (top.os !== 'linux' && top.os !== 'windows') c.r.error(c.src.at(['os']), `os must be linux or windows (got ${JSON.stringify(top.os)})`);
  if (top.files !== undefined && top.files !== null) {
    const files = list(c, top.files, ['files']);
    files?.forEach((f, i) => {
      const m = obj(c, f, ['files', i], 'a map with source and destination');
      if (!m) return;
      checkKeys(c, m, ['files', i], { known: ['source', 'destination'], ignored: { overwrite: 'deploysim does not model files on the instance' } }, 'a files entry');
      str(c, m.source, ['files', i, 'source']);
      str(c, m.destination, ['files', i, 'destination']);
    });
    if (files && files.length > 0) c.r.note('ignored', c.src, ['files'], 'the files Install copies: deploysim simulates Install as one step and does not model files');
  }

  const platform: ComputePlatform = 'Server';
  const allowed = scriptableHooks(platform);
  const hooks = top.hooks === undefined || top.hooks === null ? {} : obj(c, top.hooks, ['hooks'], 'a map from lifecycle event to a list of scripts');
  const steps: Record<string, number> = {};
  const hooked: string[] = [];
  const missing: AppSpecImport['missing'] = [];
  const bundle = bundleFiles ? new Set(bundleFiles.map((f) => f.rel)) : undefined;
  let timeoutNoted = false;
  for (const [event, scripts] of Object.entries(hooks ?? {})) {
    if (!hookAllowed(c, event, ['hooks', event], platform, allowed)) continue;
    const entries = scripts === null ? [] : list(c, scripts, ['hooks', event]);
    if (!entries) continue;
    // [CD]: "Make sure the total number of seconds specified in timeout for all scripts in
    // each deployment lifecycle event does not exceed this limit": specified ones count.
    let specified = 0;
    let total = 0;
    entries.forEach((s, i) => {
      const path = ['hooks', event, i];
      const script = obj(c, s, path, 'a map with location, and optionally timeout and runas');
      if (!script) return;
      checkKeys(c, script, path, {
        known: ['location', 'timeout'],
        ignored: {
          runas: top.os === 'windows' ? 'runas applies to Amazon Linux, Ubuntu Server and RHEL instances only; Windows ignores it' : 'the user a script runs as; deploysim does not model users',
          sudo: 'deploysim does not model users',
        },
      }, `a script of ${event}`);
      if (!('location' in script) || script.location === null) c.r.error(c.src.at(path), 'a script needs a location: the path of the script in the revision');
      const location = 'location' in script && script.location !== null ? str(c, script.location, [...path, 'location']) : undefined;
      // The agent's default timeout is 3600 s; a timeout must be a positive number of seconds.
      const given = script.timeout !== undefined && script.timeout !== null;
      const timeout = given ? int({ ...c, lenient: true }, script.timeout, [...path, 'timeout'], { min: 1 }, ' seconds') : HOOK_TIMEOUT_SECONDS;
      total += timeout ?? 0;
      if (given) specified += timeout ?? 0;
      if (given && timeout !== undefined && timeout < HOOK_TIMEOUT_SECONDS && !timeoutNoted) {
        timeoutNoted = true; // once per file: it is the same limitation for every script
        c.r.note('ignored', c.src, [...path, 'timeout'], `a script's own timeout: a HookFailure fault with errorCode ScriptTimedOut runs the ${HOOK_TIMEOUT_SECONDS} s maximum, because scenarios have no per-hook timeout yet (durations are still capped by it)`);
      }
      if (location !== undefined && bundle && !bundle.has(location.replace(/^\/+/, ''))) missing.push({ event, location, path: [...path, 'location'] });
    });
    if (specified > HOOK_TIMEOUT_SECONDS) {
      c.r.error(c.src.keyAt(['hooks', event]), `the timeouts of ${event}'s scripts add up to ${specified} s; CodeDeploy allows at most ${HOOK_TIMEOUT_SECONDS} s for all scripts of one lifecycle event`);
    }
    if (entries.length > 0) {
      hooked.push(event);
      steps[event] = Math.min(CODEDEPLOY_EVENT_SECONDS[event] ?? 0, total || HOOK_TIMEOUT_SECONDS);
      if (LAST_REVISION_EVENTS.has(event)) {
        c.r.note('assumed', c.src, ['hooks', event], `${event} runs the scripts of the last revision that succeeded on the instance; deploysim assumes that revision had this same AppSpec file`);
      }
    }
  }
  if (!hooks || Object.keys(hooks).length === 0) c.r.note('info', c.src, hooks ? ['hooks'] : [], 'the AppSpec file runs no scripts: every lifecycle event runs no operation');
  finishSteps(c, allowed, steps, hooked, hooks ? ['hooks'] : []);
  return { platform, src: c.src, steps, hooked, missing };
}

/** Lambda and ECS AppSpec files: Resources name what is deployed, Hooks name Lambda validation functions. */
function functionAppSpec(c: Ctx, top: Obj, resourcesKey: string): AppSpecImport | undefined {
  // AWS writes these keys both ways ("resources"/"Resources", "hooks"/"Hooks").
  const key = (name: string) => Object.keys(top).find((k) => k.toLowerCase() === name);
  checkKeys(c, top, [], { known: Object.keys(top).filter((k) => ['version', 'resources', 'hooks'].includes(k.toLowerCase())) }, 'a Lambda or ECS AppSpec file');
  const versionKey = key('version');
  if (versionKey === undefined) c.r.error(c.src.at([]), 'version is required: the only allowed value is 0.0');
  else if (top[versionKey] !== 0 && top[versionKey] !== '0.0') c.r.error(c.src.at([versionKey]), `version must be 0.0, the only AppSpec version (got ${JSON.stringify(top[versionKey])})`);

  const resources = list(c, top[resourcesKey], [resourcesKey]);
  if (!resources) return undefined;
  if (resources.length === 0) {
    c.r.error(c.src.at([resourcesKey]), 'Resources must name the Lambda function or the ECS service to deploy');
    return undefined;
  }
  const first = resources[0];
  if (!isObj(first) || Object.keys(first).length !== 1) {
    c.r.error(c.src.at([resourcesKey, 0]), 'each Resources entry is a map with one key, the resource name, e.g. "- myLambdaFunction: {Type: AWS::Lambda::Function, Properties: …}"');
    return undefined;
  }
  const name = Object.keys(first)[0]!;
  const resource = obj(c, first[name], [resourcesKey, 0, name], 'a map with Type and Properties');
  if (!resource) return undefined;
  for (let i = 1; i < resources.length; i++) c.r.note('ignored', c.src, [resourcesKey, i], 'deploysim simulates the first resource of the AppSpec file only');
  const at: Path = [resourcesKey, 0, name];
  const typeKey = Object.keys(resource).find((k) => k.toLowerCase() === 'type');
  const propsKey = Object.keys(resource).find((k) => k.toLowerCase() === 'properties');
  checkKeys(c, resource, at, { known: [typeKey, propsKey].filter((k): k is string => k !== undefined) }, `resource ${name}`);
  const type = typeKey === undefined ? undefined : resource[typeKey];
  if (type !== 'AWS::Lambda::Function' && type !== 'AWS::ECS::Service') {
    c.r.error(c.src.at(typeKey ? [...at, typeKey] : at), `Type must be AWS::Lambda::Function or AWS::ECS::Service (got ${JSON.stringify(type ?? null)})`);
    return undefined;
  }
  const props = propsKey === undefined ? undefined : obj(c, resource[propsKey], [...at, propsKey], 'a map of properties');
  if (!props) {
    if (propsKey === undefined) c.r.error(c.src.at(at), `Properties is required for ${type}`);
    return undefined;
  }
  const platform: ComputePlatform = type === 'AWS::Lambda::Function' ? 'Lambda' : 'ECS';
  const versions = platform === 'Lambda' ? lambdaProperties(c, props, [...at, propsKey!]) : ecsProperties(c, props, [...at, propsKey!]);

  const allowed = scriptableHooks(platform);
  const hooksKey = key('hooks');
  const steps: Record<string, number> = {};
  const hooked: string[] = [];
  const hookList = hooksKey === undefined || top[hooksKey] === null ? [] : list(c, top[hooksKey], [hooksKey]);
  hookList?.forEach((entry, i) => {
    const m = obj(c, entry, [hooksKey!, i], 'a map from one lifecycle event to a Lambda function name');
    if (!m) return;
    for (const [event, fn] of Object.entries(m)) {
      if (!hookAllowed(c, event, [hooksKey!, i, event], platform, allowed)) continue;
      if (str(c, fn, [hooksKey!, i, event]) === undefined) continue;
      if (hooked.includes(event)) c.r.error(c.src.keyAt([hooksKey!, i, event]), `${event} is listed twice; each hook runs one Lambda function`);
      hooked.push(event);
      steps[event] = CODEDEPLOY_EVENT_SECONDS[event] ?? 0;
    }
  });
  finishSteps(c, allowed, steps, hooked, hooksKey ? [hooksKey] : []);
  return { platform, src: c.src, steps, hooked, missing: [], ...(versions ? { versions } : {}) };
}

function lambdaProperties(c: Ctx, props: Obj, at: Path): { from: string; to: string } | undefined {
  const keyOf = (name: string) => Object.keys(props).find((k) => k.toLowerCase() === name);
  const names = ['name', 'alias', 'currentversion', 'targetversion'];
  checkKeys(c, props, at, { known: Object.keys(props).filter((k) => names.includes(k.toLowerCase())) }, 'the properties of an AWS::Lambda::Function (Name, Alias, CurrentVersion, TargetVersion)');
  const read: Record<string, string | undefined> = {};
  for (const n of names) {
    const k = keyOf(n);
    if (k === undefined) c.r.error(c.src.at(at), `${n === 'currentversion' ? 'CurrentVersion' : n === 'targetversion' ? 'TargetVersion' : n[0]!.toUpperCase() + n.slice(1)} is required for a Lambda deployment`);
    else read[n] = str({ ...c, lenient: true }, props[k], [...at, k]);
  }
  if (read.name && read.alias) c.r.note('info', c.src, [...at, keyOf('alias')!], `deploysim shows the alias ${read.alias} of ${read.name} as the target "alias:live"`);
  if (read.currentversion === undefined || read.targetversion === undefined) return undefined;
  if (read.currentversion === read.targetversion) {
    c.r.error(c.src.at([...at, keyOf('targetversion')!]), `TargetVersion must differ from CurrentVersion (both are ${read.targetversion})`);
    return undefined;
  }
  return { from: read.currentversion, to: read.targetversion };
}

function ecsProperties(c: Ctx, props: Obj, at: Path): { from: string; to: string } | undefined {
  checkKeys(c, props, at, {
    known: ['TaskDefinition', 'LoadBalancerInfo'],
    ignored: {
      PlatformVersion: 'the Fargate platform version; deploysim does not model tasks',
      NetworkConfiguration: 'networking of the tasks; deploysim does not model it',
      CapacityProviderStrategy: 'where the tasks run; deploysim does not model capacity providers',
    },
  }, 'the properties of an AWS::ECS::Service');
  if (!('TaskDefinition' in props)) c.r.error(c.src.at(at), 'TaskDefinition is required: the ARN of the task definition to deploy');
  if (!('LoadBalancerInfo' in props)) c.r.error(c.src.at(at), 'LoadBalancerInfo is required: ContainerName and ContainerPort that receive the traffic');
  const lb = 'LoadBalancerInfo' in props ? obj(c, props.LoadBalancerInfo, [...at, 'LoadBalancerInfo']) : undefined;
  if (lb) {
    checkKeys(c, lb, [...at, 'LoadBalancerInfo'], { known: ['ContainerName', 'ContainerPort'] }, 'LoadBalancerInfo');
    if (!('ContainerName' in lb)) c.r.error(c.src.at([...at, 'LoadBalancerInfo']), 'ContainerName is required');
    else str(c, lb.ContainerName, [...at, 'LoadBalancerInfo', 'ContainerName']);
    if (!('ContainerPort' in lb)) c.r.error(c.src.at([...at, 'LoadBalancerInfo']), 'ContainerPort is required');
    else int(c, lb.ContainerPort, [...at, 'LoadBalancerInfo', 'ContainerPort'], { min: 1, max: 65535 });
  }
  const task = 'TaskDefinition' in props ? str(c, props.TaskDefinition, [...at, 'TaskDefinition']) : undefined;
  if (task === undefined) return undefined;
  // arn:aws:ecs:region:account:task-definition/family:revision → "family:revision".
  const label = /task-definition\/(.+)$/.exec(task)?.[1] ?? task;
  return { from: 'current', to: label === 'current' ? `${label} (new)` : label };
}

function hookAllowed(c: Ctx, event: string, path: Path, platform: ComputePlatform, allowed: readonly string[]): boolean {
  if (allowed.includes(event)) return true;
  const where = c.src.keyAt(path);
  const kind = platform === 'Server' ? 'an EC2/On-premises' : platform === 'Lambda' ? 'a Lambda' : 'an ECS';
  if (RESERVED_EVENTS.has(event)) {
    c.r.error(where, `${event} is reserved for CodeDeploy and cannot run scripts; the hooks of ${kind} deployment are: ${allowed.join(', ')}`);
  } else if (Object.values(EVENTS_BY_PLATFORM).some((events) => events.includes(event))) {
    c.r.error(where, `${event} is not a hook of ${kind} deployment; its hooks are: ${allowed.join(', ')}`);
  } else {
    const hint = suggest(event, allowed);
    c.r.error(where, `"${event}" is not a lifecycle event${hint ? ` (did you mean "${hint}"?)` : ''}; the hooks of ${kind} deployment are: ${allowed.join(', ')}`);
  }
  return false;
}

/** Hooks the AppSpec does not list run no operation: 0 s (one note names them all). */
function finishSteps(c: Ctx, allowed: readonly string[], steps: Record<string, number>, hooked: readonly string[], at: Path): void {
  const empty = allowed.filter((e) => !hooked.includes(e));
  for (const e of empty) steps[e] = 0;
  if (empty.length > 0 && hooked.length > 0) {
    c.r.note('info', c.src, at, `no scripts for ${empty.join(', ')}: CodeDeploy runs no operation for these events (0 s)`);
  }
}
