// The headless command line: `deploysim run <scenario.json> [--json]` and
// `deploysim validate <file>…`. Exit codes: 0 when simulated (whatever the
// deployment's outcome) or valid, 2 for unreadable or invalid input or a wrong
// command line, with every problem on stderr and never a stack trace.
import { readFile } from 'node:fs/promises';
import { formatProblem, validateText } from '../scenario/validate.ts';
import { simulate } from '../engine/simulate.ts';
import { formatTrace } from './format-text.ts';
import { machinesOutput, rulesOutput } from './catalog-commands.ts';
import { compareOutput, compareRows } from './compare-command.ts';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  read: (path: string) => Promise<string>;
}

export const USAGE = `Usage:
  deploysim run <scenario.json> [--json] [--verbose]   simulate a scenario and print the trace
  deploysim validate <scenario.json>…                  check scenario files, listing every problem
  deploysim compare <scenario.json>… [--json]          simulate several scenarios and compare their metrics
  deploysim machines [--json]                          the statecharts the engine runs (orchestrators, lifecycles)
  deploysim rules [--json]                             the AWS rules the engine applies, with their sources
  deploysim --help | --version

  --json      print JSON (for run: the trace contract, schemaVersion 2)
  --verbose   list every event in the text timeline instead of folding alike ones

Exit codes: 0 simulated or valid; 2 unreadable or invalid input, or a wrong command line.
`;

const VERSION = '0.1.0';

export async function main(argv: string[], io: Io = nodeIo()): Promise<number> {
  const [command, ...rest] = argv;
  const flags = rest.filter((a) => a.startsWith('-'));
  const files = rest.filter((a) => !a.startsWith('-'));
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version') {
    io.out(`deploysim ${VERSION}\n`);
    return 0;
  }
  const usageError = (message: string): number => {
    io.err(`deploysim: ${message}\n\n${USAGE}`);
    return 2;
  };
  if (command === 'run') {
    const unknown = flags.filter((f) => f !== '--json' && f !== '--verbose');
    if (unknown.length > 0) return usageError(`unknown option ${unknown.join(', ')}`);
    if (files.length !== 1) return usageError('run takes exactly one scenario file');
    const loaded = await load(files[0]!, io);
    if (!loaded.ok) return 2;
    const trace = simulate(loaded.scenario);
    io.out(flags.includes('--json') ? JSON.stringify(trace) + '\n' : formatTrace(trace, { verbose: flags.includes('--verbose') }));
    return 0;
  }
  if (command === 'compare') {
    const unknown = flags.filter((f) => f !== '--json');
    if (unknown.length > 0) return usageError(`unknown option ${unknown.join(', ')}`);
    if (files.length === 0) return usageError('compare takes one or more scenario files');
    const runs = [];
    let ok = true;
    for (const file of files) {
      const loaded = await load(file, io);
      if (loaded.ok) runs.push({ file, trace: simulate(loaded.scenario) });
      ok &&= loaded.ok;
    }
    if (!ok) return 2;
    io.out(compareOutput(compareRows(runs), flags.includes('--json')));
    return 0;
  }
  if (command === 'machines' || command === 'rules') {
    const unknown = flags.filter((f) => f !== '--json');
    if (unknown.length > 0) return usageError(`unknown option ${unknown.join(', ')}`);
    if (files.length > 0) return usageError(`${command} takes no file`);
    io.out((command === 'machines' ? machinesOutput : rulesOutput)(flags.includes('--json')));
    return 0;
  }
  if (command === 'validate') {
    if (flags.length > 0) return usageError(`unknown option ${flags.join(', ')}`);
    if (files.length === 0) return usageError('validate takes one or more scenario files');
    let ok = true;
    for (const file of files) {
      const loaded = await load(file, io);
      if (loaded.ok) io.out(`${file}: valid (${loaded.scenario.platform}, ${describe(loaded.scenario)})\n`);
      ok &&= loaded.ok;
    }
    return ok ? 0 : 2;
  }
  return usageError(`unknown command "${command}"`);
}

async function load(file: string, io: Io) {
  let text: string;
  try {
    text = await io.read(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    io.err(`${file}: cannot read the file${code === 'ENOENT' ? ': no such file' : code === 'EISDIR' ? ': it is a directory' : code ? ` (${code})` : ''}\n`);
    return { ok: false as const };
  }
  const result = validateText(text);
  if (!result.ok) {
    io.err(`${file}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}\n`);
    for (const p of result.problems) io.err(`  ${formatProblem(p)}\n`);
  }
  return result;
}

function describe(s: import('../scenario/types.ts').Scenario): string {
  return s.elasticBeanstalk ? s.elasticBeanstalk.DeploymentPolicy : `${s.codeDeploy!.computePlatform} ${s.codeDeploy!.deploymentConfigName}`;
}

function nodeIo(): Io {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    read: (p) => readFile(p, 'utf8'),
  };
}
