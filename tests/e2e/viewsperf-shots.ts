// Screenshots at 1440×900 for review (not a test): the timeline at 5,000 targets
// (opened from a share link, simulated in the worker), the folded event log, and
// the status header's Ready during a Ready wait.
// `npm run build && npx tsx tests/e2e/viewsperf-shots.ts`. Writes test-results/viewsperf/.
import { appReady } from './browser.ts';
import { shots } from './shots.ts';
import { encodeShare } from '../../src/layout/share.ts';

const OUT = 'test-results/viewsperf';
await shots(OUT, async ({ server, page }) => {
  const n = 5000;
  const big = {
    name: `Rolling deployment to ${n.toLocaleString('en')} instances`, description: 'Every instance deploys.', platform: 'ElasticBeanstalk', versions: { from: 'v1', to: 'v2' },
    elasticBeanstalk: { instances: n, environmentType: 'LoadBalanced', DeploymentPolicy: 'Rolling', BatchSizeType: 'Percentage', BatchSize: 10, MaxSize: n },
  };
  await page.goto(server.url + encodeShare({ scenarioText: JSON.stringify(big), t: 1500 }));
  await appReady(page);
  await page.waitForFunction(() => performance.getEntriesByName('deploysim:timeline-drawn').length > 0, undefined, { timeout: 120_000 });
  await page.waitForTimeout(500);
  await page.locator('deploysim-app section.timeline').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT}/timeline-5000.png` });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${OUT}/app-5000-top.png` });
  await page.locator('deploysim-app section.log').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT}/event-log-5000-folded.png` });

  await page.goto(`${server.url}#scenario=codedeploy/server-blue-green-continue-ready-wait&t=300`);

  await appReady(page);
  await page.locator('deploysim-app status-header').waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${OUT}/status-ready-wait.png` });
});
