#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npx deploysim` works right
// after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
try {
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  // Reaching here is a bug in deploysim, not in the user's input: say so plainly.
  process.stderr.write(`deploysim: internal error: ${err instanceof Error ? err.message : String(err)}\nPlease report this with the scenario that caused it.\n`);
  process.exitCode = 1;
}
