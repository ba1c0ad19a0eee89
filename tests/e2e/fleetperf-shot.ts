// A screenshot of the 5,000-target fleet grid (canvas) at 1440×900 for review,
// with a square focused (ring and tooltip) — not a test:
// `npm run build && npx tsx tests/e2e/fleetperf-shot.ts`. Writes test-results/fleetperf/.
import { encodeShare } from '../../src/layout/share.ts';
import { shots } from './shots.ts';

const OUT = 'test-results/fleetperf';
const scenario = {
  name: 'Rolling deployment to 5,000 instances',
  description: 'Rolling, batches of 10%; every instance deploys.',
  platform: 'ElasticBeanstalk',
  versions: { from: 'v1', to: 'v2' },
  elasticBeanstalk: { instances: 5000, environmentType: 'LoadBalanced', DeploymentPolicy: 'Rolling', BatchSizeType: 'Percentage', BatchSize: 10, MaxSize: 5000 },
};
await shots(OUT, async ({ server, page }) => {
  await page.goto(`${server.url}${encodeShare({ scenarioText: JSON.stringify(scenario), t: 0 })}`);
  // Simulated in a worker: wait for the first drawn timeline (as bench:render does).
  await page.waitForFunction(() => performance.getEntriesByName('deploysim:timeline-drawn').length > 0, undefined, { timeout: 60_000 });
  // A moment inside the fourth batch: done, deploying and not-yet-deployed squares side by side.
  await page.evaluate(`(() => { const app = window.deploysim; app.seek(app.index.duration * 0.37); return app.updateComplete; })()`);
  const grid = page.locator('fleet-view .grid').first();
  await grid.scrollIntoViewIfNeeded();
  await grid.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/fleet-5000.png` });
  await grid.screenshot({ path: `${OUT}/fleet-5000-grid.png` });
});
