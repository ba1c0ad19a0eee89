// Elastic Beanstalk configuration files (.ebextensions/*.config, YAML or JSON):
// option_settings in the standard list form or the shorthand map form ([EB]
// ebextensions-optionsettings.md), and whether the files define `commands` and
// `container_commands`, two steps of the instance workflow (reference §1.4).
// Other keys are valid but not modelled, so they become notes.
import { checkKeys, isObj, list, obj, str, type Ctx } from './read.ts';
import type { OptionSetting } from './eb-options.ts';

/** The namespace EB uses when a list-form entry names none: environment properties. */
const DEFAULT_NAMESPACE = 'aws:elasticbeanstalk:application:environment';

export interface EbExtension {
  settings: OptionSetting[];
  commands: boolean;
  containerCommands: boolean;
}

export function readEbExtension(c: Ctx): EbExtension {
  const out: EbExtension = { settings: [], commands: false, containerCommands: false };
  if (c.src.value === null) return out; // an empty file configures nothing
  const top = obj(c, c.src.value, [], 'a map of configuration keys (option_settings, commands, …)');
  if (!top) return out;
  checkKeys(c, top, [], {
    known: ['option_settings', 'commands', 'container_commands'],
    ignored: {
      packages: 'packages installed on the instance; deploysim does not model them',
      groups: 'Linux groups; deploysim does not model them',
      users: 'Linux users; deploysim does not model them',
      sources: 'archives unpacked on the instance; deploysim does not model them',
      files: 'files written on the instance; deploysim does not model them',
      services: 'services started on the instance; deploysim does not model them',
      Resources: 'extra AWS resources; deploysim does not model them',
      Outputs: 'CloudFormation outputs; deploysim does not model them',
    },
  }, 'an .ebextensions configuration file');
  out.commands = isObj(top.commands) && Object.keys(top.commands).length > 0;
  out.containerCommands = isObj(top.container_commands) && Object.keys(top.container_commands).length > 0;
  for (const key of ['commands', 'container_commands'] as const) {
    if (top[key] !== undefined && top[key] !== null) obj(c, top[key], [key], 'a map of named commands');
  }

  const settings = top.option_settings;
  if (settings === undefined || settings === null) return out;
  if (Array.isArray(settings)) {
    settings.forEach((entry, i) => {
      const path = ['option_settings', i];
      const m = obj(c, entry, path, 'a map with namespace, option_name and value');
      if (!m) return;
      checkKeys(c, m, path, { known: ['namespace', 'option_name', 'value', 'resource_name'] }, 'an option setting');
      const namespace = m.namespace === undefined ? DEFAULT_NAMESPACE : str(c, m.namespace, [...path, 'namespace']);
      if (!('option_name' in m)) c.r.error(c.src.at(path), 'option_name is required');
      const option = 'option_name' in m ? str(c, m.option_name, [...path, 'option_name']) : undefined;
      const resourceName = m.resource_name === undefined ? undefined : str(c, m.resource_name, [...path, 'resource_name']);
      if (namespace === undefined || option === undefined) return;
      out.settings.push({ namespace, option, value: m.value, src: c.src, path: 'value' in m ? [...path, 'value'] : path, level: 0, ...(resourceName ? { resourceName } : {}) });
    });
    return out;
  }
  const byNamespace = obj(c, settings, ['option_settings'], 'a list of settings, or a map from namespace to options');
  for (const [namespace, options] of Object.entries(byNamespace ?? {})) {
    const m = obj(c, options, ['option_settings', namespace], 'a map from option name to value');
    for (const [option, value] of Object.entries(m ?? {})) {
      out.settings.push({ namespace, option, value, src: c.src, path: ['option_settings', namespace, option], level: 0 });
    }
  }
  return out;
}

/** CloudFormation's and the API's spelling: [{Namespace, OptionName, Value, ResourceName}]. */
export function readOptionSettingList(c: Ctx, value: unknown, at: (string | number)[], level: OptionSetting['level']): OptionSetting[] {
  const out: OptionSetting[] = [];
  list(c, value, at)?.forEach((entry, i) => {
    const path = [...at, i];
    const m = obj(c, entry, path, 'a map with Namespace, OptionName and Value');
    if (!m) return;
    checkKeys(c, m, path, { known: ['Namespace', 'OptionName', 'Value', 'ResourceName'] }, 'an option setting');
    if (!('Namespace' in m) || !('OptionName' in m)) {
      c.r.error(c.src.at(path), 'an option setting needs Namespace and OptionName');
      return;
    }
    const namespace = str(c, m.Namespace, [...path, 'Namespace']);
    const option = str(c, m.OptionName, [...path, 'OptionName']);
    const resourceName = m.ResourceName === undefined ? undefined : str(c, m.ResourceName, [...path, 'ResourceName']);
    if (namespace === undefined || option === undefined) return;
    out.push({ namespace, option, value: m.Value, src: c.src, path: 'Value' in m ? [...path, 'Value'] : path, level, ...(resourceName ? { resourceName } : {}) });
  });
  return out;
}
