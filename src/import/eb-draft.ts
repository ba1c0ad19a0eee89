// Puts the Elastic Beanstalk pieces together into the scenario's elasticBeanstalk
// block and timings: option settings by precedence, and which workflow steps have
// something to run in the source bundle (reference §1.4: .ebextensions commands and
// container_commands, .platform/hooks/prebuild, predeploy, postdeploy).
import { applyOptionSettings, type OptionSetting } from './eb-options.ts';
import type { Source } from './located-yaml.ts';
import type { Obj } from './read.ts';
import type { Report } from './report.ts';

export interface EbParts {
  settings: OptionSetting[];
  /** Where the environment is described, for notes about it as a whole. */
  anchor: Source;
  /** Known when a source bundle (folder or zip) was imported: which steps have something to run. */
  bundle?: { commands: boolean; containerCommands: boolean; hooks: Record<'prebuild' | 'predeploy' | 'postdeploy', boolean> };
}

export function elasticBeanstalkDraft(r: Report, parts: EbParts): Obj {
  const options = applyOptionSettings(r, parts.settings);
  const eb: Obj = {};
  for (const [field, { value, s }] of options.eb) {
    eb[field] = value;
    r.origin(`/elasticBeanstalk/${field}`, s.src, s.path);
  }
  const single = eb.environmentType === 'SingleInstance';
  const minSize = options.eb.get('instances');
  if (single) {
    if (minSize && minSize.value !== 1) r.note('info', minSize.s.src, minSize.s.path, 'a SingleInstance environment runs one instance whatever MinSize says');
    eb.instances = 1;
  } else if (!minSize) {
    eb.instances = 1;
    r.note('assumed', parts.anchor, [], 'aws:autoscaling:asg MinSize is not set: the environment runs its default of 1 instance when the deployment starts');
  } else {
    r.note('assumed', minSize.s.src, minSize.s.path, `the environment runs MinSize (${minSize.value}) instances when the deployment starts; deploysim does not model scaling`);
  }

  if (eb.DeploymentPolicy === 'TrafficSplitting') {
    const lb = options.loadBalancerType;
    const policy = options.eb.get('DeploymentPolicy')!.s;
    if (lb && lb.value !== 'application') {
      r.error(lb.s.src.at(lb.s.path), `TrafficSplitting needs an Application Load Balancer; LoadBalancerType is ${lb.value} (set it to application)`);
    } else if (!lb) {
      r.note('assumed', policy.src, policy.path, 'TrafficSplitting needs an Application Load Balancer; LoadBalancerType is not set (its option default is classic), so deploysim assumes application');
    }
  }

  const scenario: Obj = { platform: 'ElasticBeanstalk', elasticBeanstalk: eb };
  const timings: Obj = {};
  for (const [field, { value, s }] of options.timings) {
    timings[field] = value;
    r.origin(`/timings/${field}`, s.src, s.path);
  }
  if (parts.bundle) {
    const idle: string[] = [];
    const steps: Record<string, number> = {};
    const has: Record<string, boolean> = { commands: parts.bundle.commands, container_commands: parts.bundle.containerCommands, ...parts.bundle.hooks };
    for (const [step, present] of Object.entries(has)) {
      if (present) continue;
      steps[step] = 0;
      idle.push(step);
    }
    if (idle.length > 0) {
      timings.steps = steps;
      r.note('info', parts.anchor, [], `the source bundle has nothing to run for ${idle.join(', ')}: those steps take 0 s`);
    }
  }
  if (Object.keys(timings).length > 0) scenario.timings = timings;
  return scenario;
}
