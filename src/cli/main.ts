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
import { checkTrace } from '../trace/check.ts';
import type { Scenario } from '../scenario/types.ts';
import type { Trace } from '../trace/types.ts';
import { formatTrace } from './format-text.ts';
import { machinesOutput, rulesOutput } from './catalog-commands.ts';
import { compareOutput, compareRows } from './compare-command.ts';
import { writeJson } from './json-stream.ts';
import { encodeTrace } from '../trace/encode.ts';
import { answerQuestions } from '../quiz/answers.ts';
import { IMPORT_USAGE, importCommand, importForRun, isImportInput, scenarioFilesAmong } from './import-command.ts';

export interface Io {
  /** Standard output; a returned promise is awaited before writing more (backpressure). */
  out: (text: string) => void | Promise<void>;
  err: (text: string) => void;
  read: (path: string) => Promise<string>;
}

export const USAGE = `Usage:
  deploysim run <scenario.json> [--json [--expanded]] [--verbose]
                                                       simulate a scenario and print the trace
  deploysim validate <scenario.json>…                  check scenario files, listing every problem
  deploysim compare <scenario.json>… [--json]          simulate several scenarios and compare their metrics
${IMPORT_USAGE}
  deploysim machines [--json]                          the statecharts the engine runs (orchestrators, lifecycles)
  deploysim rules [--json]                             the AWS rules the engine applies, with their sources
  deploysim --help | --version

  --json      print JSON (for run: the trace contract, schemaVersion 2, its long
              lists as column tables: "encoding": "columns", see docs/trace.md)
  --expanded  with run --json: every list as one object per entry instead
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
    const unknown = flags.filter((f) => f !== '--json' && f !== '--verbose' && f !== '--expanded');
    if (unknown.length > 0) return usageError(`unknown option ${unknown.join(', ')}`);
    if (flags.includes('--expanded') && !flags.includes('--json')) return usageError('--expanded goes with --json');
    if (files.length === 0) return usageError('run takes one scenario file, or AWS files to import');
    if (files.length > 1) {
      const scenarios = await scenarioFilesAmong(files);
      if (scenarios.length > 0) return usageError(severalScenarios(scenarios, files));
    }
    const loaded = (await isImportInput(files)) ? await importForRun(files, io) : await load(files[0]!, io);
    if (!loaded.ok) return 2;
    const trace = checkedSimulation(loaded.scenario);
    if (flags.includes('--json')) {
      // Streamed: the largest trace is too long for one string. Compact unless asked
      // otherwise (docs/trace.md). A quiz gets its answers, computed from the trace.
      const expanded = flags.includes('--expanded');
      const questions = loaded.scenario.questions;
      const printed = expanded ? trace : encodeTrace(trace);
      await writeJson(questions ? { ...printed, questions: answerQuestions(trace, questions) } : printed, io.out, undefined, expanded ? 2 : 3);
      await io.out('\n');
    } else {
      await io.out(formatTrace(trace, { verbose: flags.includes('--verbose') }));
    }
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
      if (loaded.ok) runs.push({ file, trace: checkedSimulation(loaded.scenario) });
      ok &&= loaded.ok;
    }
    if (!ok) return 2;
    await io.out(compareOutput(compareRows(runs), flags.includes('--json')));
    return 0;
  }
  if (command === 'machines' || command === 'rules') {
    const unknown = flags.filter((f) => f !== '--json');
    if (unknown.length > 0) return usageError(`unknown option ${unknown.join(', ')}`);
    if (files.length > 0) return usageError(`${command} takes no file`);
    await io.out((command === 'machines' ? machinesOutput : rulesOutput)(flags.includes('--json')));
    return 0;
  }
  if (command === 'import') return importCommand(rest, io);
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

/** What `run` says when given several files of which some are scenarios: how to run them, not an import problem per file. */
function severalScenarios(scenarios: string[], files: string[]): string {
  if (scenarios.length === files.length) return `run takes one scenario file: run each on its own, or compare them with "deploysim compare ${files.join(' ')}"`;
  const named = scenarios.length === 1 ? `${scenarios[0]} is a deploysim scenario: run it on its own` : `${scenarios.join(', ')} are deploysim scenarios: run each on its own`;
  return `run takes one scenario file or AWS files to import, not both, and ${named}`;
}

/**
 * Simulates and checks the trace before anyone sees it: an engine error or an
 * inconsistent trace is a bug, reported as an internal error (node-entry.ts),
 * never printed as if it were an answer.
 */
export function checkedSimulation(scenario: Scenario): Trace {
  const trace = simulate(scenario);
  const problems = checkTrace(trace);
  if (problems.length > 0) throw new Error(`the simulation produced an inconsistent trace (${problems[0]}${problems.length > 1 ? `; ${problems.length - 1} more` : ''})`);
  return trace;
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
