// Runs the CLI's main() in this process with stdout and stderr captured as text.
import { main, type Io } from '../../src/cli/main.ts';

export async function runInMemory(argv: string[], read: Io['read']): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    read,
  };
  const code = await main(argv, io);
  return { code, out, err };
}
