// Screenshots at 1440×900 for review (not a test): the Lambda capacity chart (traffic
// weights), the searchable target picker with 5,000 targets, and the import notes
// in the editor. `npm run build && npx tsx tests/e2e/polish-shots.ts`; writes test-results/polish/.
import { readFileSync } from 'node:fs';
import { encodeShare } from '../../src/layout/share.ts';
import { appReady } from './browser.ts';
import { shots } from './shots.ts';

const OUT = 'test-results/polish';
await shots(OUT, async ({ server, page }) => {

  // 1. Lambda: traffic weights, not "1 in service".
  await page.goto(`${server.url}#scenario=codedeploy/lambda-linear-10-percent-every-1-minute&t=250`);
  await appReady(page);
  await page.locator('capacity-charts figure.traffic').waitFor();
  await page.locator('capacity-charts').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT}/lambda-capacity-chart.png` });

  // 2. The target picker of a 5,000-instance fleet, searched.
  const big = { name: 'Five thousand instances', description: 'A large fleet', platform: 'CodeDeploy', codeDeploy: { computePlatform: 'Server', instances: 5000, deploymentConfigName: 'CodeDeployDefault.HalfAtATime' } };
  await page.goto(`${server.url}${encodeShare({ scenarioText: JSON.stringify(big), t: 30 })}`);
  await appReady(page);
  const input = page.locator('fault-panel target-picker input');
  await input.waitFor();
  await input.click();
  await page.keyboard.type('42');
  await page.keyboard.press('ArrowDown');
  await page.screenshot({ path: `${OUT}/target-picker-search.png` });

  // 3. The import notes in the editor after pasting an AppSpec.
  await page.goto(`${server.url}#scenario=elastic-beanstalk/rolling&t=0`);
  await appReady(page);
  await page.locator('#tab-editor').click();
  await page.locator('scenario-editor import-panel summary').click();
  await page.locator('scenario-editor import-panel textarea.paste').fill(readFileSync('scenarios/imported/ec2-appspec/appspec.yml', 'utf8'));
  await page.locator('scenario-editor import-panel button.import-paste').click();
  await page.locator('scenario-editor import-panel .report').waitFor();
  await page.screenshot({ path: `${OUT}/import-notes.png` });
  await page.locator('scenario-editor import-panel textarea.paste').fill('version: 0.0\nos: linux\nhooks:\n  Install:\n    - location: scripts/install.sh\n  AfterInstall:\n    - location: scripts/a.sh\n      timeout: soon\n');
  await page.locator('scenario-editor import-panel button.import-paste').click();
  await page.locator('scenario-editor import-panel .report.failed').waitFor();
  await page.screenshot({ path: `${OUT}/import-problems.png` });
});
