// Render benchmark: the BUILT app in headless Chromium. For fleets of 100, 1,000
// and 5,000 instances it loads a scenario through a share link, then moves the
// playhead to random times and measures, per frame, the time until every view
// has updated and the browser has laid the page out. Prints numbers; asserts
// nothing (speed is measured, never timed-asserted). Then prints the gzipped
// size of the production bundle. Run: npm run bench:render (builds first).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, serveBuilt } from '../tests/e2e/browser.ts';
import { encodeShare } from '../src/layout/share.ts';

const SIZES = [100, 1000, 5000];
const FRAMES = 60;

function scenario(n: number) {
  return {
    name: `Rolling deployment to ${n.toLocaleString('en')} instances`,
    description: 'Benchmark fleet: Rolling, batches of 10%.',
    platform: 'ElasticBeanstalk',
    versions: { from: 'v1', to: 'v2' },
    elasticBeanstalk: { instances: n, environmentType: 'LoadBalanced', DeploymentPolicy: 'Rolling', BatchSizeType: 'Percentage', BatchSize: 10, MaxSize: n },
    faults: [{ type: 'UnhealthyInstance', target: 'i-3' }],
  };
}

// Runs in the page. Kept as plain JavaScript text: the TypeScript runner would
// otherwise wrap helpers in code the page does not have.
const MEASURE = `async (frames) => {
  const app = window.deploysim;
  const kids = [...app.renderRoot.querySelectorAll('*')].filter((el) => 'updateComplete' in el);
  const duration = app.index.duration;
  let seed = 12345; // deterministic times: reproducible runs
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const out = [];
  for (let i = 0; i < frames + 5; i++) {
    const t = rand() * duration;
    const start = performance.now();
    app.seek(t);
    await app.updateComplete;
    for (const k of kids) await k.updateComplete;
    void document.body.offsetHeight;
    for (const k of kids) void (k.shadowRoot && k.shadowRoot.firstElementChild && k.shadowRoot.firstElementChild.getBoundingClientRect());
    if (i >= 5) out.push(performance.now() - start);
  }
  return out;
}`;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const { url, close } = await serveBuilt();
const browser = await launchChromium();
try {
  console.log(`Render benchmark: headless Chromium, 1400×900, ${FRAMES} frames at random times per fleet`);
  console.log('targets   load+simulate   ms/frame median   p95     max');
  for (const n of SIZES) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const t0 = Date.now();
    await page.goto(url + encodeShare({ scenarioText: JSON.stringify(scenario(n)), t: 0 }));
    await page.waitForFunction(() => !!window.deploysim?.index, undefined, { timeout: 60_000 });
    const loadMs = Date.now() - t0;
    const times = (await page.evaluate(`(${MEASURE})(${FRAMES})`)) as number[];
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `${String(n).padStart(7)}   ${String(loadMs).padStart(10)} ms   ${quantile(sorted, 0.5).toFixed(2).padStart(12)}   ${quantile(sorted, 0.95).toFixed(2).padStart(6)}  ${sorted[sorted.length - 1]!.toFixed(2).padStart(6)}${errors.length ? `  errors: ${errors.join('; ')}` : ''}`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  await close();
}

// Bundle size: every file of the production build, gzipped one by one.
let raw = 0;
let gz = 0;
const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
for (const file of walk('dist')) {
  const bytes = readFileSync(file);
  raw += bytes.length;
  gz += gzipSync(bytes, { level: 9 }).length;
}
console.log(`Production bundle (dist/): ${(raw / 1024).toFixed(1)} kB, ${(gz / 1024).toFixed(1)} kB gzipped`);
