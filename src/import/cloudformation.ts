// CloudFormation templates (YAML with short-form tags, or JSON): the CodeDeploy
// deployment group, deployment configuration and application, and the Elastic
// Beanstalk environment's option settings (and a saved configuration's, which rank
// below them: [EB] command-options.md "Precedence"). Intrinsic functions are
// evaluated where the template alone decides them (Ref to a parameter's Default or
// to a resource of the template, Fn::Sub over those); anything else is noted and
// the setting keeps deploysim's default.
import type { ComputePlatform } from '../scenario/types.ts';
import { readDeploymentConfig, readDeploymentGroup, type ConfigImport, type GroupImport } from './deployment-group.ts';
import type { OptionSetting } from './eb-options.ts';
import { readOptionSettingList } from './ebextensions.ts';
import { checkKeys, isObj, obj, UNRESOLVED, type Ctx, type Obj } from './read.ts';
import { settingName } from './report.ts';
import type { Path } from './types.ts';

export interface TemplateImport {
  groups: GroupImport[];
  configs: ConfigImport[];
  settings: OptionSetting[];
  /** Set when the template declares an Elastic Beanstalk environment. */
  environment?: Path;
}

const CD_GROUP = 'AWS::CodeDeploy::DeploymentGroup';
const CD_CONFIG = 'AWS::CodeDeploy::DeploymentConfig';
const CD_APP = 'AWS::CodeDeploy::Application';
const EB_ENV = 'AWS::ElasticBeanstalk::Environment';
const EB_TEMPLATE = 'AWS::ElasticBeanstalk::ConfigurationTemplate';
const READ_TYPES = [CD_GROUP, CD_CONFIG, CD_APP, EB_ENV, EB_TEMPLATE];

/** Is this parsed file a CloudFormation template? */
export function looksLikeTemplate(value: unknown): boolean {
  if (!isObj(value)) return false;
  if ('AWSTemplateFormatVersion' in value) return true;
  return isObj(value.Resources) && Object.values(value.Resources).some((r) => isObj(r) && typeof r.Type === 'string' && r.Type.startsWith('AWS::'));
}

export function importTemplate(base: Ctx): TemplateImport {
  const out: TemplateImport = { groups: [], configs: [], settings: [] };
  const top = obj(base, base.src.value, [], 'a CloudFormation template');
  if (!top) return out;
  const resources = obj(base, top.Resources, ['Resources'], 'a map of resources') ?? {};
  const parameters = isObj(top.Parameters) ? top.Parameters : {};
  const c: Ctx = { ...base, lenient: true, resolve: resolver(base, parameters, resources) };

  const others = new Set<string>();
  for (const [id, resource] of Object.entries(resources)) {
    if (!isObj(resource) || typeof resource.Type !== 'string') {
      c.r.error(c.src.at(['Resources', id]), 'a resource needs a Type');
      continue;
    }
    if (!READ_TYPES.includes(resource.Type)) {
      others.add(resource.Type);
      continue;
    }
    const at: Path = ['Resources', id, 'Properties'];
    const props = resource.Properties === undefined ? ({} as Obj) : obj(c, resource.Properties, at);
    if (!props) continue;
    switch (resource.Type) {
      case CD_GROUP: {
        out.groups.push(readDeploymentGroup(c, props, at, 'Pascal', false, applicationPlatform(props.ApplicationName, resources)));
        break;
      }
      case CD_CONFIG: {
        const config = readDeploymentConfig(c, props, at, 'Pascal', false);
        config.id = id;
        config.name ??= id; // an unnamed configuration gets a name CloudFormation generates
        out.configs.push(config);
        break;
      }
      case CD_APP:
        checkKeys(c, props, at, { known: ['ComputePlatform'], metadata: ['ApplicationName'], ignored: { Tags: 'tags do not change a deployment' } }, CD_APP);
        break;
      case EB_ENV:
      case EB_TEMPLATE: {
        const env = resource.Type === EB_ENV;
        checkKeys(c, props, at, {
          known: ['OptionSettings'],
          metadata: ['ApplicationName', 'EnvironmentName', 'Description', 'CNAMEPrefix', 'VersionLabel', 'TemplateName', 'SourceConfiguration', 'EnvironmentId'],
          ignored: {
            SolutionStackName: 'the platform; deploysim simulates the Amazon Linux 2 workflow (reference §1.4)',
            PlatformArn: 'the platform; deploysim simulates the Amazon Linux 2 workflow (reference §1.4)',
            Tier: 'deploysim simulates a web server environment',
            OperationsRole: 'permissions; deploysim does not model IAM',
            Tags: 'tags do not change a deployment',
          },
        }, resource.Type);
        if (env) out.environment = at;
        if (props.OptionSettings !== undefined) {
          for (const s of readOptionSettingList(c, props.OptionSettings, [...at, 'OptionSettings'], env ? 2 : 1)) {
            const value = c.resolve!(s.value, s.path);
            if (value !== UNRESOLVED) out.settings.push({ ...s, value });
          }
        }
        if (!env) out.environment ??= at;
        break;
      }
    }
  }
  if (others.size > 0) c.r.note('info', c.src, ['Resources'], `resources deploysim does not read: ${[...others].sort().join(', ')}`);
  return out;
}

/** A deployment group's compute platform is its application's (AWS::CodeDeploy::Application ComputePlatform, default Server). */
function applicationPlatform(name: unknown, resources: Obj): ComputePlatform | undefined {
  const ref = isObj(name) && typeof name.Ref === 'string' ? resources[name.Ref] : undefined;
  if (!isObj(ref) || ref.Type !== CD_APP) return undefined;
  const platform = isObj(ref.Properties) ? ref.Properties.ComputePlatform : undefined;
  return platform === 'Lambda' || platform === 'ECS' ? platform : 'Server';
}

function resolver(c: Ctx, parameters: Obj, resources: Obj): (value: unknown, path: Path) => unknown {
  const refValue = (name: string, path: Path): unknown => {
    const p = parameters[name];
    if (isObj(p)) {
      if (p.Default === undefined) {
        c.r.note('assumed', c.src, path, `parameter ${name} has no Default: its value is only known when the stack is created; deploysim keeps its own default for ${settingName(path)}`);
        return UNRESOLVED;
      }
      c.r.note('assumed', c.src, path, `uses the Default of parameter ${name} (${JSON.stringify(p.Default)}); a stack created with another value deploys differently`);
      return p.Default;
    }
    // Ref to a resource: its logical id stands for it (a deployment configuration is matched by it).
    if (isObj(resources[name])) return name;
    c.r.note('ignored', c.src, path, `Ref ${name} is ${name.startsWith('AWS::') ? 'a pseudo parameter, known only when the stack is created' : 'neither a parameter nor a resource of this template'}; deploysim keeps its own default`);
    return UNRESOLVED;
  };
  return (value, path) => {
    if (!isObj(value) || Object.keys(value).length !== 1) return value;
    const [fn] = Object.keys(value);
    const arg = value[fn!];
    if (fn === 'Ref' && typeof arg === 'string') return refValue(arg, path);
    if (fn === 'Fn::Sub') {
      const [text, vars] = Array.isArray(arg) ? [arg[0], isObj(arg[1]) ? arg[1] : {}] : [arg, {}];
      if (typeof text !== 'string') return value;
      let unresolved = false;
      const out = text.replace(/\$\{([^!}][^}]*)\}/g, (whole, name: string) => {
        const v = name in vars ? vars[name] : name.includes('.') ? UNRESOLVED : refValue(name, path);
        if (typeof v === 'string' || typeof v === 'number') return String(v);
        unresolved = true;
        return whole;
      });
      if (!unresolved) return out;
      c.r.note('ignored', c.src, path, `Fn::Sub "${text}" depends on values known only when the stack is created; deploysim keeps its own default`);
      return UNRESOLVED;
    }
    if (fn === 'Ref' || fn!.startsWith('Fn::')) {
      c.r.note('ignored', c.src, path, `${fn} is evaluated when the stack is created; deploysim keeps its own default for ${settingName(path)}`);
      return UNRESOLVED;
    }
    return value;
  };
}
