import { afterEach, expect, it } from 'vitest';
import '../../src/app/app-shell.ts';
import { describeViolations, seriousViolations } from './a11y-helpers.ts';
afterEach(() => document.body.replaceChildren());
it('probe', async () => {
  history.replaceState(null, '', `${location.pathname}${location.search}#scenario=elastic-beanstalk/rolling&t=70`);
  document.documentElement.lang = 'en';
  const app = document.createElement('deploysim-app');
  document.body.append(app);
  await app.updateComplete;
  await new Promise((r) => setTimeout(r, 300));
  const v = await seriousViolations();
  console.log(describeViolations(v));
  (app as any).tab = 'editor';
  await new Promise((r) => setTimeout(r, 300));
  console.log('EDITOR\n' + describeViolations(await seriousViolations()));
  expect(1).toBe(1);
}, 60000);
