#!/usr/bin/env node
// Runs the compiled command line, dist-cli/deploysim.js, which `npm install`
// builds from src/cli (the `prepare` script; `npm run build:cli` rebuilds it).
let cli;
try {
  cli = await import('../dist-cli/deploysim.js');
} catch (err) {
  const missing = err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist-cli');
  process.stderr.write(
    missing
      ? `deploysim: the compiled command line (dist-cli/deploysim.js) is missing: run \`npm install\` or \`npm run build:cli\` in ${new URL('..', import.meta.url).pathname}\n`
      : `deploysim: internal error: cannot start (${err?.message ?? err}). This is a bug in deploysim: please file an issue with the command line that caused it.\n`,
  );
  process.exit(1);
}
await cli.run(process.argv.slice(2));
