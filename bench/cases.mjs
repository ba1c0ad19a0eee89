// The strategies the engine benchmark times, as scenario builders over a fleet
// size. Plain JavaScript: the measuring child process runs it with bare node.
const eb = (policy, extra = {}) => ({
  id: `eb-${policy}`,
  label: `ElasticBeanstalk ${policy}`,
  build: (n) => ({ platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: n, MaxSize: n, DeploymentPolicy: policy, ...extra } }),
});

const server = (type, config) => ({
  id: `cd-${type}-${config}`,
  label: `CodeDeploy Server ${type} ${config}`,
  build: (n) => ({
    platform: 'CodeDeploy',
    codeDeploy: { computePlatform: 'Server', deploymentType: type, deploymentConfigName: `CodeDeployDefault.${config}`, instances: n, loadBalancer: true },
  }),
});

export const CASES = [
  eb('AllAtOnce'),
  eb('Rolling', { BatchSizeType: 'Percentage', BatchSize: 25 }),
  eb('RollingWithAdditionalBatch', { BatchSizeType: 'Percentage', BatchSize: 25 }),
  eb('Immutable'),
  eb('TrafficSplitting'),
  eb('BlueGreen'),
  server('IN_PLACE', 'AllAtOnce'),
  server('IN_PLACE', 'HalfAtATime'),
  server('IN_PLACE', 'OneAtATime'),
  server('BLUE_GREEN', 'AllAtOnce'),
  server('BLUE_GREEN', 'HalfAtATime'),
];

/**
 * The cases a benchmark times: those BENCH_CASES names (ids, comma-separated), or
 * every case. A list that names none ends the benchmark with the ids to choose from.
 */
export function selectedCases() {
  const only = process.env.BENCH_CASES?.split(',');
  const cases = CASES.filter((c) => !only || only.includes(c.id));
  if (cases.length === 0) {
    console.error(`BENCH_CASES names no strategy; the ids are: ${CASES.map((c) => c.id).join(', ')}`);
    process.exit(1);
  }
  return cases;
}
