// The JSON the AWS CLI prints for `aws deploy get-deployment-group`,
// `aws deploy get-deployment-config` and `aws elasticbeanstalk
// describe-configuration-settings`. AWS produced it, so AWS accepted it: fields
// deploysim does not know are notes, never problems (the API grows new fields).
import { readDeploymentConfig, readDeploymentGroup, type ConfigImport, type GroupImport } from './deployment-group.ts';
import type { OptionSetting } from './eb-options.ts';
import { readOptionSettingList } from './ebextensions.ts';
import { checkKeys, isObj, list, obj, type Ctx } from './read.ts';

export type CliOutput =
  | { kind: 'deployment-group'; group: GroupImport }
  | { kind: 'deployment-config'; config: ConfigImport }
  | { kind: 'configuration-settings'; settings: OptionSetting[] };

export function looksLikeCliOutput(value: unknown): boolean {
  return isObj(value) && ('deploymentGroupInfo' in value || 'deploymentConfigInfo' in value || 'ConfigurationSettings' in value);
}

export function importCliOutput(c: Ctx): CliOutput | undefined {
  const top = c.src.value as Record<string, unknown>;
  if ('deploymentGroupInfo' in top) {
    const info = obj(c, top.deploymentGroupInfo, ['deploymentGroupInfo']);
    return info ? { kind: 'deployment-group', group: readDeploymentGroup(c, info, ['deploymentGroupInfo'], 'camel', true) } : undefined;
  }
  if ('deploymentConfigInfo' in top) {
    const info = obj(c, top.deploymentConfigInfo, ['deploymentConfigInfo']);
    return info ? { kind: 'deployment-config', config: readDeploymentConfig(c, info, ['deploymentConfigInfo'], 'camel', true) } : undefined;
  }
  const all = list(c, top.ConfigurationSettings, ['ConfigurationSettings']);
  if (!all || all.length === 0) return undefined;
  for (let i = 1; i < all.length; i++) c.r.note('ignored', c.src, ['ConfigurationSettings', i], 'deploysim imports the first environment of describe-configuration-settings');
  const env = obj(c, all[0], ['ConfigurationSettings', 0]);
  if (!env) return undefined;
  checkKeys(c, env, ['ConfigurationSettings', 0], {
    known: ['OptionSettings'],
    metadata: ['SolutionStackName', 'PlatformArn', 'ApplicationName', 'TemplateName', 'Description', 'EnvironmentName', 'DeploymentStatus', 'DateCreated', 'DateUpdated'],
    unknownIsNote: true,
  }, 'a configuration settings description');
  const lenient: Ctx = { ...c, lenient: true };
  const settings = env.OptionSettings === undefined ? [] : readOptionSettingList(lenient, env.OptionSettings, ['ConfigurationSettings', 0, 'OptionSettings'], 2);
  return { kind: 'configuration-settings', settings: settings.map((s) => ({ ...s, observed: true })) };
}
