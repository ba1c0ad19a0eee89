// Screenshots of the "explain" views at 1440×900 for review (not a test):
// `npm run build && npx tsx tests/e2e/explain-shots.ts`. Writes test-results/explain/.
import { appReady } from './browser.ts';
import { shots } from './shots.ts';

const OUT = 'test-results/explain';
await shots(OUT, async ({ server, browser, page }) => {
  /** A 2× close-up of one element, to check the drawing itself. */
  const zoom = async (selector: string, name: string) => {
    const box = await page.locator(selector).boundingBox();
    if (!box) return;
    const close = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2 });
    await close.goto(page.url());
    await close.locator('deploysim-app status-header').waitFor();
    await close.locator(selector).scrollIntoViewIfNeeded();
    const b = (await close.locator(selector).boundingBox())!;
    await close.screenshot({ path: `${OUT}/${name}.png`, clip: { x: b.x, y: Math.max(0, b.y), width: b.width, height: Math.min(b.height, 900 - Math.max(0, b.y)) } });
    await close.close();
  };
  const open = async (hash: string) => {
    await page.goto(`${server.url}${hash}`);
    await appReady(page);
    await page.locator('deploysim-app status-header').waitFor();
    await page.waitForTimeout(300);
  };

  // The statechart mid-deployment: failing Rolling, i-3 stuck in its health check.
  await open('#scenario=elastic-beanstalk/rolling-unhealthy-instance&t=300');
  await page.locator('deploysim-app section.statechart').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT}/statechart-rolling-300.png` });
  await zoom('deploysim-app section.statechart', 'statechart-rolling-300-zoom');

  // Why? on a selected event.
  await open('#scenario=codedeploy/server-blue-green-ready-timeout&t=200');
  await page.locator('event-log button.entry').last().click();
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${OUT}/why-panel.png` });
  // Why? on an event that applies a rule (until the engine puts rules on its events, one is set here by hand).
  await open('#scenario=elastic-beanstalk/rolling&t=103');
  await page.evaluate(() => {
    const app = window.deploysim!;
    const batch = app.index!.trace.events.find((e) => e.type === 'batch-started' && e.t > 0)!;
    batch.rule ??= 'eb.rolling-batch';
    app.requestUpdate();
  });
  await page.waitForTimeout(100);
  await page.locator('event-log button.entry', { hasText: 'Batch 2 of 3' }).click();
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${OUT}/why-panel-rule.png` });
  await page.locator('deploysim-app section.statechart').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT}/statechart-blue-green.png` });

  // A compound orchestrator: a Lambda canary in its Canary interval, then rolled back.
  await open('#scenario=codedeploy/lambda-canary-10-percent-10-minutes-alarm-rollback&t=200');
  await page.locator('deploysim-app section.statechart').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT}/statechart-lambda-canary-200.png` });
  await zoom('deploysim-app section.statechart', 'statechart-lambda-canary-200-zoom');
  await open('#scenario=codedeploy/ecs-canary-10-percent-15-minutes-alarm-rollback&t=400');
  await page.locator('deploysim-app section.statechart').scrollIntoViewIfNeeded();
  await zoom('deploysim-app section.statechart', 'statechart-ecs-canary-400-zoom');

  // A fork: a health check fails on i-5 of a good Rolling deployment.
  await open('#scenario=elastic-beanstalk/rolling&t=150');
  await page.evaluate(() => window.deploysim!.injectFault({ type: 'UnhealthyInstance', target: 'i-5', at: 150 }));
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/fork-diff.png` });
  // After the end: refused.
  await page.evaluate(() => window.deploysim!.seek(window.deploysim!.index!.duration));
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${OUT}/fork-over.png` });
});
