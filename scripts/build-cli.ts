// Compiles the command line (src/cli/node-entry.ts and everything it imports) into
// one JavaScript file, dist-cli/deploysim.js, which bin/deploysim.js runs: no
// TypeScript compiler and no module resolution at start-up. Run by npm's `prepare`
// step (so `npm install` / `npm ci` build it) and by `npm run build:cli`.
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const CLI_OUTFILE = 'dist-cli/deploysim.js';

export async function buildCli(outfile: string = CLI_OUTFILE): Promise<void> {
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/cli/node-entry.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // ESM builds of dependencies first, where a package ships both.
    mainFields: ['module', 'main'],
    // CommonJS dependencies (yaml) require node's built-ins; an ES module has no
    // `require` of its own, so give the bundle one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildCli(process.argv[2]);
  console.log(`built ${process.argv[2] ?? CLI_OUTFILE}`);
}
