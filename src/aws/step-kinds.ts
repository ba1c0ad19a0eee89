// What each step a trace's spans can name IS, tagged once from the AWS facts
// (reference §1.4, §2.1–2.2): who runs it (a script hook, CodeDeploy itself, the
// Elastic Beanstalk workflow), what it does to traffic, and which family of the
// lifecycle it belongs to. The views derive tile states, colours and the
// now line's wording from these tags; nothing downstream classifies by name.
import { EB_INSTANCE_WORKFLOW, EB_LIFECYCLE_STEPS } from './eb-facts.ts';
import { RESERVED_EVENTS } from './codedeploy-facts.ts';

/**
 * launch / terminate: the instance itself; drain: taken out of traffic
 * (deregister, BlockTraffic); join: put into traffic (register, AllowTraffic,
 * AllowTestTraffic); check: health checks; hook: a script the user supplies
 * (AppSpec hooks, .platform/hooks); reserved: CodeDeploy runs it itself, no script;
 * workflow: an Elastic Beanstalk workflow step that is not a hook.
 */
export type StepKind = 'launch' | 'terminate' | 'drain' | 'join' | 'check' | 'hook' | 'reserved' | 'workflow';

/** Lifecycle families, in the order they run, so the hook order can be read off colours. */
export type StepFamily =
  | 'infrastructure'
  | 'bracket'
  | 'block-traffic'
  | 'stop'
  | 'install'
  | 'start'
  | 'test-traffic'
  | 'allow-traffic'
  | 'eb-initial'
  | 'eb-configure'
  | 'eb-deploy'
  | 'health';

export interface StepFact {
  kind: StepKind;
  family: StepFamily;
}

const CODEDEPLOY_FAMILY: Record<string, StepFamily> = {
  Start: 'bracket',
  End: 'bracket',
  BeforeBlockTraffic: 'block-traffic',
  BlockTraffic: 'block-traffic',
  AfterBlockTraffic: 'block-traffic',
  ApplicationStop: 'stop',
  DownloadBundle: 'install',
  BeforeInstall: 'install',
  Install: 'install',
  AfterInstall: 'install',
  ApplicationStart: 'start',
  ValidateService: 'start',
  AllowTestTraffic: 'test-traffic',
  AfterAllowTestTraffic: 'test-traffic',
  BeforeAllowTraffic: 'allow-traffic',
  AllowTraffic: 'allow-traffic',
  AfterAllowTraffic: 'allow-traffic',
};

const CODEDEPLOY_TRAFFIC_KIND: Record<string, StepKind> = {
  BlockTraffic: 'drain',
  AllowTraffic: 'join',
  AllowTestTraffic: 'join',
};

const EB_PHASE_FAMILY = { Initial: 'eb-initial', Configure: 'eb-configure', Deploy: 'eb-deploy' } as const;

const FACTS = new Map<string, StepFact>();
for (const [name, family] of Object.entries(CODEDEPLOY_FAMILY)) {
  FACTS.set(name, { kind: CODEDEPLOY_TRAFFIC_KIND[name] ?? (RESERVED_EVENTS.has(name) ? 'reserved' : 'hook'), family });
}
for (const s of EB_INSTANCE_WORKFLOW) FACTS.set(s.name, { kind: s.hook ? 'hook' : 'workflow', family: EB_PHASE_FAMILY[s.phase] });
FACTS.set(EB_LIFECYCLE_STEPS.launch, { kind: 'launch', family: 'infrastructure' });
FACTS.set(EB_LIFECYCLE_STEPS.terminate, { kind: 'terminate', family: 'infrastructure' });
FACTS.set(EB_LIFECYCLE_STEPS.deregister, { kind: 'drain', family: 'block-traffic' });
FACTS.set(EB_LIFECYCLE_STEPS.register, { kind: 'join', family: 'allow-traffic' });
FACTS.set(EB_LIFECYCLE_STEPS.healthCheck, { kind: 'check', family: 'health' });

/** An unknown name (a step a newer engine adds) is a workflow step until it is tagged here. */
const UNKNOWN: StepFact = { kind: 'workflow', family: 'eb-deploy' };

export function stepFact(name: string): StepFact {
  return FACTS.get(name) ?? UNKNOWN;
}

/** Every tagged step name, for tests and legends. */
export function taggedSteps(): readonly string[] {
  return [...FACTS.keys()];
}

/**
 * What ends a named wait early, where AWS documents an operator action for it
 * (reference §2.3, EC2/on-premises blue/green: ContinueDeployment with READY_WAIT
 * or TERMINATION_WAIT).
 */
export const WAIT_RELEASED_BY: Readonly<Record<string, string>> = {
  'Ready wait': 'ContinueDeployment',
  'Termination wait': 'ContinueDeployment',
};
