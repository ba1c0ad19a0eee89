// The engine compiled with esbuild into one ES module, the same kind of JavaScript
// users run (not tsx): what the engine benchmarks load in their child processes
// (bench/measure.mjs). Shared by `npm run bench` and `npm run bench:instructions`.
import { join } from 'node:path';
import { build } from 'esbuild';

export const BENCH_ROOT = new URL('../', import.meta.url).pathname;
/** Where the bundles go (node_modules/.cache: never committed, rebuilt each run). */
export const BENCH_OUT = join(BENCH_ROOT, 'node_modules/.cache/deploysim-bench');

/** Bundles `simulate`, `validateScenario` and XState from the sources under `srcRoot` into BENCH_OUT/`file`. */
export async function bundleEngine(srcRoot: string, file: string): Promise<string> {
  const outfile = join(BENCH_OUT, file);
  await build({
    stdin: {
      contents: [
        `export { simulate } from './src/engine/simulate.ts';`,
        `export { validateScenario } from './src/scenario/validate.ts';`,
        `export { createActor, createMachine } from 'xstate';`,
      ].join('\n'),
      resolveDir: srcRoot,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    // ESM builds first: the baseline's sources import jsonc-parser (a devDependency
    // kept for them alone), whose UMD build requires files dynamically.
    mainFields: ['module', 'main'],
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}
