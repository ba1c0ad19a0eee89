// A screenshot of the app-hardening changes at 1440×900 for review (not a test):
// `npm run build && npx tsx tests/e2e/app-harden-shot.ts`. Writes test-results/app-harden/.
import { encodeShare } from '../../src/layout/share.ts';
import { appReady } from './browser.ts';
import { shots } from './shots.ts';

const OUT = 'test-results/app-harden';
const scenario = {
  name: `שלום \u202Eunterminated override in a very long scenario name that has to be cut with an ellipsis in the header`,
  description: 'A shared link: an in-place Server deployment with a fault the sharer injected.',
  platform: 'CodeDeploy',
  versions: { from: 'v1', to: 'v2\u202E' },
  codeDeploy: { computePlatform: 'Server', instances: 6, loadBalancer: true },
  faults: [{ type: 'HookFailure', target: 'i-2', event: 'ValidateService', at: 5 }],
};
await shots(OUT, async ({ server, page }) => {
  await page.goto(`${server.url}${encodeShare({ scenarioText: JSON.stringify(scenario, null, 2), t: 12, injected: [0] })}`);
  await appReady(page);
  await page.locator('deploysim-app status-header').waitFor();
  await page.locator('#tab-editor').click();
  const area = page.locator('scenario-editor textarea#json');
  await area.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('  ');
  await page.evaluate(() => window.deploysim!.injectFault({ type: 'InstanceTerminated', target: 'i-5', at: 12 }));
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${OUT}/app.png` });
  await page.locator('fleet-view').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT}/app-fleet.png` });
});
