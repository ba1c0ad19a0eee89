// Screenshots of the compare view (3 strategies) and the choose view at 1440×900
// for review (not a test): `npm run build && npx tsx tests/e2e/compare-shots.ts`.
// Writes test-results/compare/.
import { appReady } from './browser.ts';
import { shots } from './shots.ts';

const OUT = 'test-results/compare';
await shots(OUT, async ({ server, page }) => {
  await page.goto(`${server.url}#scenario=elastic-beanstalk/rolling&t=0`);
  await appReady(page);
  await page.locator('deploysim-app status-header').waitFor();
  await page.locator('nav.modes button.mode-compare').click();
  await page.locator('compare-view').waitFor();
  await page.waitForFunction(() => customElements.get('compare-view'));
  // Half way through the longest run.
  await page.evaluate(() => {
    const view = window.deploysim!.shadowRoot!.querySelector('compare-view')!;
    view.t = 200;
  });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/compare-3.png` });
  await page.evaluate(() => window.deploysim!.shadowRoot!.querySelector('compare-view')!.inject('BadVersion'));
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/compare-3-forked.png`, fullPage: false });
  await page.locator('compare-view .tables').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT}/compare-3-tables.png` });
  await page.locator('nav.modes button.mode-choose').click();
  await page.locator('choose-view').waitFor();
  for (const id of ['noCapacityLoss', 'noDnsChange']) await page.locator(`choose-view input[name=${id}]`).check();
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${OUT}/choose.png` });
  // CodeDeploy: Lambda canary against linear.
  await page.goto(`${server.url}#scenario=codedeploy/lambda-canary-10-percent-5-minutes&t=0`);
  await appReady(page);
  await page.locator('deploysim-app status-header').waitFor();
  await page.locator('nav.modes button.mode-compare').click();
  await page.evaluate(() => {
    const view = window.deploysim!.shadowRoot!.querySelector('compare-view')!;
    view.t = 420;
  });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/compare-lambda.png` });
});
