// The CLI as a process: real files and streams around main(), and the last line
// of defence. scripts/build-cli.ts compiles this file (with everything it imports)
// into dist-cli/deploysim.js, which bin/deploysim.js runs.
// - A reader that stops early (`deploysim run --json big.json | head`) closes the
//   pipe: writing then fails with EPIPE, and deploysim exits quietly.
// - Anything else unexpected is a bug in deploysim: one line saying so and how to
//   report it, exit 1, never a stack trace.
import { once } from 'node:events';
import { readFile, stat } from 'node:fs/promises';
import { LIMITS } from '../scenario/limits.ts';
import { printable } from '../scenario/problem-text.ts';
import { main, type Io } from './main.ts';

export const INTERNAL_ERROR_ADVICE = 'This is a bug in deploysim: please file an issue with the scenario file and the command line that caused it.';

/** The one line printed for an unexpected error: its first line of message, no stack. */
export function internalErrorLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const first = printable(message.split('\n', 1)[0] ?? '').slice(0, 200);
  return `deploysim: internal error: ${first}. ${INTERNAL_ERROR_ADVICE}\n`;
}

export async function run(argv: string[]): Promise<void> {
  process.stdout.on('error', fail);
  process.stderr.on('error', () => process.exit()); // nowhere left to report anything
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  try {
    process.exitCode = await main(argv, nodeIo());
  } catch (err) {
    fail(err);
  }
}

function fail(err: unknown): void {
  if ((err as NodeJS.ErrnoException | undefined)?.code === 'EPIPE') process.exit(0);
  process.stderr.write(internalErrorLine(err));
  process.exit(1);
}

function nodeIo(): Io {
  return {
    // Resolves once the stream has room again, so a huge trace is never all buffered.
    out: (text) => (process.stdout.write(text) ? undefined : once(process.stdout, 'drain').then(() => undefined)),
    err: (text) => void process.stderr.write(text),
    read: async (path) => {
      // A UTF-8 character takes at most 4 bytes: past this, the text is surely too long.
      if ((await stat(path)).size > 4 * LIMITS.textChars) throw Object.assign(new Error('file too large'), { code: 'ERR_FS_FILE_TOO_LARGE' });
      return readFile(path, 'utf8');
    },
  };
}
