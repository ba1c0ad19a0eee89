// `deploysim import` and `deploysim run` on AWS files: exit 0 with a scenario that
// validates (or a trace), exit 2 with every problem as file:line:column: message.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isImportInput } from '../../src/cli/import-command.ts';
import { pastedFile } from '../../src/import/bundle.ts';
import { importFiles } from '../../src/import/import.ts';
import { main } from '../../src/cli/main.ts';
import { validateScenario } from '../../src/scenario/validate.ts';
import { folder, REPO } from './helpers.ts';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t), read: (p) => Promise.resolve(readFileSync(p, 'utf8')) });
  return { code, out, err };
}

const cwd = process.cwd();
let tmp = '';
beforeAll(() => {
  process.chdir(REPO); // the shipped scenarios name their sources relative to the repository
  tmp = mkdtempSync(join(tmpdir(), 'deploysim-import-'));
});
afterAll(() => {
  process.chdir(cwd);
  // The files these tests write are theirs alone: nothing is left in the system's temporary folder.
  rmSync(tmp, { recursive: true, force: true });
});

describe('deploysim import', () => {
  it('prints the scenario the shipped example stands for, and its notes on stderr', async () => {
    const { code, out, err } = await cli('import', 'scenarios/imported/ecs-appspec');
    expect(code).toBe(0);
    const shipped = JSON.parse(readFileSync('scenarios/imported/ecs-appspec.json', 'utf8'));
    delete shipped.$schema;
    expect(JSON.parse(out)).toEqual(shipped);
    expect(err.split('\n')).toContain('scenarios/imported/ecs-appspec/appspec.yaml:12:9: ignored: Resources[0].TargetService.Properties.PlatformVersion: the Fargate platform version; deploysim does not model tasks');
  });

  it('writes the scenario with -o; it validates', async () => {
    const file = join(tmp, 'eb.json');
    const { code, out, err } = await cli('import', 'scenarios/imported/eb-rolling', '-o', file);
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(err).toMatch(`wrote ${file}: Imported: Rolling, 6 instances`);
    expect(validateScenario(JSON.parse(readFileSync(file, 'utf8'))).ok).toBe(true);
  });

  it('exits 2 and lists every problem as file:line:column: message', async () => {
    const dir = mkdtempSync(join(tmp, 'bad-'));
    writeFileSync(join(dir, 'appspec.yml'), 'version: 0.0\nos: linux\nhooks:\n  Install:\n    - location: a.sh\n  AfterInstall:\n    - location: b.sh\n      timeout: soon\n');
    const { code, out, err } = await cli('import', join(dir, 'appspec.yml'));
    expect(code).toBe(2);
    expect(out).toBe('');
    const file = join(dir, 'appspec.yml');
    expect(err).toContain(`${file}:4:3: Install is reserved for CodeDeploy and cannot run scripts`);
    expect(err).toContain(`${file}:8:16: must be a whole number seconds (got "soon")`);
    expect(err).toMatch(/^2 problems:$/m);
  });

  it('reads a zip source bundle like the folder it was made from', async () => {
    const entries: Record<string, Uint8Array> = {};
    for (const f of folder('scenarios/imported/eb-rolling')) entries[f.rel] = strToU8(readFileSync(join('scenarios/imported/eb-rolling', f.rel), 'utf8'));
    const zip = join(tmp, 'bundle.zip');
    writeFileSync(zip, zipSync(entries));
    const fromZip = JSON.parse((await cli('import', zip)).out);
    const fromFolder = JSON.parse((await cli('import', 'scenarios/imported/eb-rolling')).out);
    expect(fromZip.elasticBeanstalk).toEqual(fromFolder.elasticBeanstalk);
    expect(fromZip.timings).toEqual(fromFolder.timings);
    expect(fromZip.source.files).toContain(`${zip}/.ebextensions/01-deployment.config`);
  });

  it('combines files from several arguments: a CloudFormation group and an AppSpec bundle', async () => {
    const { code, out } = await cli('import', 'scenarios/imported/ec2-appspec', 'scenarios/imported/cloudformation-deployment-group/template.yaml');
    expect(code).toBe(0);
    const s = JSON.parse(out);
    expect(s.codeDeploy.deploymentConfigName).toBe('orders-keep-one-healthy');
    expect(s.timings.steps.ValidateService).toBe(15);
  });

  it.each([
    [['import'], /import takes one or more files/],
    [['import', 'x', '--frobnicate'], /unknown option --frobnicate/],
    [['import', 'x', '-o'], /-o needs a file name/],
    [['import', 'no/such/file.yml'], /^no\/such\/file\.yml: no such file or folder$/m],
  ])('%j is a wrong command line or unreadable input: exit 2', async (argv, message) => {
    const { code, err } = await cli(...argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});

describe('deploysim run with AWS files', () => {
  it('imports and simulates a folder directly', async () => {
    const { code, out, err } = await cli('run', 'scenarios/imported/lambda-appspec');
    expect(code).toBe(0);
    expect(out).toMatch(/Outcome: Succeeded/);
    expect(err).toMatch(/assumed: \(top level\): no deployment configuration is named; deploysim uses CodeDeployDefault\.LambdaAllAtOnce/);
  });

  it('still runs a scenario file, and tells AWS JSON from scenario JSON', async () => {
    expect((await cli('run', 'scenarios/imported/lambda-appspec.json')).code).toBe(0);
    expect(await isImportInput(['scenarios/imported/lambda-appspec.json'])).toBe(false);
    expect(await isImportInput(['tests/import/fixtures/get-deployment-config.json'])).toBe(true);
    expect(await isImportInput(['scenarios/imported/ec2-appspec/appspec.yml'])).toBe(true);
    expect(await isImportInput(['no-such.json'])).toBe(false);
  });

  it('tells someone who gave it several scenarios to compare them or run each, instead of import problems', async () => {
    const two = ['scenarios/elastic-beanstalk/rolling.json', 'scenarios/codedeploy/server-alarm-rollback.json'];
    const several = await cli('run', ...two);
    expect(several.code).toBe(2);
    expect(several.out).toBe('');
    expect(several.err).toMatch(`deploysim: run takes one scenario file: run each on its own, or compare them with "deploysim compare ${two.join(' ')}"`);
    expect(several.err).not.toMatch(/not a file deploysim can import/);
    const mixed = await cli('run', 'scenarios/imported/eb-rolling', two[0]!);
    expect(mixed.code).toBe(2);
    expect(mixed.err).toMatch(`run takes one scenario file or AWS files to import, not both, and ${two[0]} is a deploysim scenario: run it on its own`);
    // AWS JSON files among several are still imported, not taken for scenarios.
    const aws = await cli('run', 'tests/import/fixtures/get-deployment-group.json', 'tests/import/fixtures/get-deployment-config.json');
    expect(aws.err).not.toMatch(/deploysim scenario/);
  });

  it('prints the import problems and exits 2 when the files are wrong', async () => {
    const file = join(tmp, 'appspec.yml');
    writeFileSync(file, 'version: 0.0\nos: solaris\n');
    const { code, err } = await cli('run', file);
    expect(code).toBe(2);
    expect(err).toContain(`${file}:2:5: os must be linux or windows (got "solaris")`);
  });
});

describe('pasted text', () => {
  it('is named by what it contains, so the importer reads it as the right format', () => {
    const appspec = pastedFile(readFileSync('scenarios/imported/lambda-appspec/appspec.yml', 'utf8'));
    expect(appspec.rel).toBe('appspec.yml');
    expect(importFiles([appspec]).ok).toBe(true);
    const config = pastedFile(readFileSync('scenarios/imported/eb-rolling/.ebextensions/01-deployment.config', 'utf8'));
    expect(config.rel).toBe('.ebextensions/pasted.config');
    const r = importFiles([config]);
    expect(r.ok && r.scenario.elasticBeanstalk).toMatchObject({ DeploymentPolicy: 'Rolling', instances: 6 });
    expect(pastedFile(readFileSync('scenarios/imported/cloudformation-deployment-group/template.yaml', 'utf8')).rel).toBe('pasted.yaml');
    expect(pastedFile(readFileSync('tests/import/fixtures/get-deployment-group.json', 'utf8')).rel).toBe('pasted.yaml');
  });
});
