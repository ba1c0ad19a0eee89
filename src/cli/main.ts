// The headless command line: `deploysim run <scenario.json> [--json]` and
// `deploysim validate <file>…`. Exit codes: 0 when simulated (whatever the
// deployment's outcome) or valid, 2 for unreadable or invalid input or a wrong
// command line, with every problem on stderr and never a stack trace. The process
// around it (real streams, closed pipes, internal errors) is node-entry.ts.
import { formatProblems, validateText } from '../scenario/validate.ts';
import { LIMITS } from '../scenario/limits.ts';
import { printable } from '../scenario/problem-text.ts';
import { thousands } from '../scenario/thousands.ts';
import { simulate } from '../engine/simulate.ts';
import { formatTrace } from './format-text.ts';
import { writeJson } from './json-stream.ts';

export interface Io {
  /** Standard output; a returned promise is awaited before writing more (backpressure). */
  out: (text: string) => void | Promise<void>;
  err: (text: string) => void;
  read: (path: string) => Promise<string>;
}

export const USAGE = `Usage:
  deploysim run <scenario.json> [--json] [--verbose]   simulate a scenario and print the trace
  deploysim validate <scenario.json>…                  check scenario files, listing every problem
  deploysim --help | --version

  --json      print the trace as one JSON object (the trace contract, schemaVersion 1)
  --verbose   list every event in the text timeline instead of folding alike ones

Exit codes: 0 simulated or valid; 2 unreadable or invalid input, or a wrong command line.
`;

const VERSION = '0.1.0';

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  const flags = rest.filter((a) => a.startsWith('-'));
  const files = rest.filter((a) => !a.startsWith('-'));
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    await io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version') {
    await io.out(`deploysim ${VERSION}\n`);
    return 0;
  }
  const usageError = (message: string): number => {
    io.err(`deploysim: ${printable(message)}\n\n${USAGE}`);
    return 2;
  };
  if (command === 'run') {
    const unknown = flags.filter((f) => f !== '--json' && f !== '--verbose');
    if (unknown.length > 0) return usageError(`unknown option ${unknown.join(', ')}`);
    if (files.length !== 1) return usageError('run takes exactly one scenario file');
    const loaded = await load(files[0]!, io);
    if (!loaded.ok) return 2;
    const trace = simulate(loaded.scenario);
    if (flags.includes('--json')) {
      // Streamed: the largest trace is too long for one string.
      await writeJson(trace, io.out);
      await io.out('\n');
    } else {
      await io.out(formatTrace(trace, { verbose: flags.includes('--verbose') }));
    }
    return 0;
  }
  if (command === 'validate') {
    if (flags.length > 0) return usageError(`unknown option ${flags.join(', ')}`);
    if (files.length === 0) return usageError('validate takes one or more scenario files');
    let ok = true;
    for (const file of files) {
      const loaded = await load(file, io);
      if (loaded.ok) await io.out(`${printable(`${file}: valid (${loaded.scenario.platform}, ${describe(loaded.scenario)})`)}\n`);
      ok &&= loaded.ok;
    }
    return ok ? 0 : 2;
  }
  return usageError(`unknown command "${command}"`);
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: ': no such file',
  EISDIR: ': it is a directory',
  EACCES: ': permission denied',
  // Node cannot hold files this large as one string, or they are far past the limit.
  ERR_STRING_TOO_LONG: `: it is too large (a scenario file may hold at most ${thousands(LIMITS.textChars)} characters)`,
  ERR_FS_FILE_TOO_LARGE: `: it is too large (a scenario file may hold at most ${thousands(LIMITS.textChars)} characters)`,
};

async function load(file: string, io: Io) {
  let text: string;
  try {
    text = await io.read(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === undefined ? '' : (READ_ERRORS[code] ?? ` (${code})`);
    io.err(`${printable(file)}: cannot read the file${why}\n`);
    return { ok: false as const };
  }
  const result = validateText(text);
  if (!result.ok) {
    const count = result.problems.length;
    io.err(`${printable(file)}: ${thousands(count)} problem${count === 1 ? '' : 's'}\n`);
    for (const line of formatProblems(result.problems)) io.err(`  ${line}\n`);
  }
  return result;
}

function describe(s: import('../scenario/types.ts').Scenario): string {
  return s.elasticBeanstalk ? s.elasticBeanstalk.DeploymentPolicy : `${s.codeDeploy!.computePlatform} ${s.codeDeploy!.deploymentConfigName}`;
}
