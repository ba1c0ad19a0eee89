// AWS's own comparison of the Elastic Beanstalk deployment policies (reference
// §1.1, in its words), as data with its source, so the compare view can show it beside the
// measured metrics and learners can check the documentation against them.
import type { DeploymentPolicy } from '../scenario/types.ts';

export const EB_COMPARISON_SOURCE = {
  title: 'Deploying applications to Elastic Beanstalk environments: deployment methods',
  url: 'https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/using-features.deploy-existing-version.html',
} as const;

export interface EbComparisonRow {
  policy: DeploymentPolicy;
  /** The policy as AWS's table names it. */
  method: string;
  failureImpact: string;
  /** AWS's relative scale, 1 (fastest) to 4; the note says what it varies with. */
  deployTime: number;
  deployTimeNote?: string;
  zeroDowntime: boolean;
  noDnsChange: boolean;
  rollback: string;
  codeDeployedTo: string;
}

export const EB_COMPARISON_COLUMNS = ['Method', 'Impact of failed deployment', 'Deploy time', 'Zero downtime', 'No DNS change', 'Rollback process', 'Code deployed to'] as const;

export const EB_COMPARISON: readonly EbComparisonRow[] = [
  { policy: 'AllAtOnce', method: 'AllAtOnce', failureImpact: 'Downtime', deployTime: 1, zeroDowntime: false, noDnsChange: true, rollback: 'Manual redeploy', codeDeployedTo: 'Existing instances' },
  {
    policy: 'Rolling', method: 'Rolling', failureImpact: 'Single batch out of service; batches done before the failure run the new version',
    deployTime: 2, deployTimeNote: 'varies with batch size', zeroDowntime: true, noDnsChange: true, rollback: 'Manual redeploy', codeDeployedTo: 'Existing instances',
  },
  {
    policy: 'RollingWithAdditionalBatch', method: 'RollingWithAdditionalBatch', failureImpact: 'Minimal if the first batch fails, otherwise like Rolling',
    deployTime: 3, deployTimeNote: 'varies with batch size', zeroDowntime: true, noDnsChange: true, rollback: 'Manual redeploy', codeDeployedTo: 'New and existing instances',
  },
  { policy: 'Immutable', method: 'Immutable', failureImpact: 'Minimal', deployTime: 4, zeroDowntime: true, noDnsChange: true, rollback: 'Terminate new instances', codeDeployedTo: 'New instances' },
  {
    policy: 'TrafficSplitting', method: 'TrafficSplitting', failureImpact: 'The share of client traffic routed to the new version is temporarily impacted',
    deployTime: 4, deployTimeNote: 'varies with evaluation time', zeroDowntime: true, noDnsChange: true, rollback: 'Reroute traffic and terminate new instances', codeDeployedTo: 'New instances',
  },
  { policy: 'BlueGreen', method: 'Blue/green (CNAME swap)', failureImpact: 'Minimal', deployTime: 4, zeroDowntime: true, noDnsChange: false, rollback: 'Swap URL back', codeDeployedTo: 'New instances (a second environment)' },
];

export function ebComparisonRow(policy: DeploymentPolicy): EbComparisonRow | undefined {
  return EB_COMPARISON.find((r) => r.policy === policy);
}
