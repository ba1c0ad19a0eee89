// Importing AWS files in the app: pasted YAML, dropped files and zip source bundles,
// a picked folder. The editor shows the generated scenario, its source and the
// import notes (ignored settings with their paths); problems come with file, line
// and column and leave the last good scenario loaded; an unapplied draft is kept.
import { afterEach, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import '../../src/app/app-shell.ts';
// The editor loads after the first draw in the app (deferred-views.ts); define it up front.
import '../../src/views/scenario-editor/index.ts';
import type { DeploysimApp } from '../../src/app/app-shell.ts';
import { filesFromInput } from '../../src/import/browser-files.ts';
import type { ImportPanel } from '../../src/views/scenario-editor/import-panel.ts';
import lambdaAppspec from '../../scenarios/imported/lambda-appspec/appspec.yml?raw';
import ebDeployment from '../../scenarios/imported/eb-rolling/.ebextensions/01-deployment.config?raw';
import ebApp from '../../scenarios/imported/eb-rolling/.ebextensions/02-app.config?raw';
import { closeApp, openApp } from './app-ready.ts';

afterEach(closeApp);

const SERVER_APPSPEC = 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts/after.sh\n      timeout: 60\n      runas: root\n';
const RESERVED = 'version: 0.0\nos: linux\nhooks:\n  Install:\n    - location: scripts/install.sh\n';

async function mountApp(): Promise<DeploysimApp> {
  const app = await openApp('#scenario=elastic-beanstalk/rolling&t=0');
  await app.updateComplete;
  return app;
}

const editorOf = (app: DeploysimApp) => app.shadowRoot!.querySelector('scenario-editor')!;
const panelOf = (app: DeploysimApp) => editorOf(app).shadowRoot!.querySelector<ImportPanel>('import-panel')!;

async function settled(app: DeploysimApp): Promise<void> {
  await app.updateComplete;
  await editorOf(app).updateComplete;
  await panelOf(app).updateComplete;
}

const until = async (check: () => boolean) => {
  // Up to 20 s: the first import compiles the YAML chunk, slow on a loaded machine.
  for (let i = 0; i < 1000 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
};

async function pasteImport(app: DeploysimApp, text: string): Promise<void> {
  const panel = panelOf(app);
  const box = panel.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea.paste')!;
  const before = app.importReport;
  box.value = text;
  box.dispatchEvent(new Event('input'));
  await panel.updateComplete;
  panel.shadowRoot!.querySelector<HTMLButtonElement>('button.import-paste')!.click();
  await until(() => app.importReport !== before); // the importer loads on first use
  await settled(app);
}

function drop(app: DeploysimApp, files: File[]): void {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  app.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
  app.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
}


describe('import in the app', () => {
  it('pasted AppSpec YAML: the editor shows the generated scenario, its source and the ignored settings with their paths', async () => {
    const app = await mountApp();
    await settled(app);
    await pasteImport(app, SERVER_APPSPEC);
    expect(app.tab).toBe('editor');
    expect(app.index!.trace.scenario.platform).toBe('CodeDeploy');
    expect(app.index!.trace.scenario.source).toEqual({ files: ['pasted (appspec.yml)'] });
    const editor = editorOf(app).shadowRoot!;
    const shown = JSON.parse(editor.querySelector<HTMLTextAreaElement>('textarea#json')!.value);
    expect(shown.source).toEqual({ files: ['pasted (appspec.yml)'] });
    expect(shown.codeDeploy.computePlatform).toBe('Server');
    expect(editor.querySelector('.source')!.textContent).toContain('pasted (appspec.yml)');
    const report = panelOf(app).shadowRoot!.querySelector('.report')!;
    expect(report.className).toContain('ok');
    const ignored = [...report.querySelectorAll('ul.notes.ignored li')].map((li) => li.textContent!.replace(/\s+/g, ' '));
    expect(ignored).toContainEqual(expect.stringMatching(/^pasted \(appspec\.yml\):7:7 hooks\.AfterInstall\[0\]\.runas: /));
    expect(report.querySelectorAll('ul.notes.assumed li').length).toBeGreaterThan(0);
  });

  it('a problem is shown with file, line and column, and the last good scenario stays loaded', async () => {
    const app = await mountApp();
    const before = app.index;
    await settled(app);
    await pasteImport(app, RESERVED);
    expect(app.index).toBe(before);
    const report = panelOf(app).shadowRoot!.querySelector('.report.failed')!;
    expect(report.getAttribute('role')).toBe('alert');
    expect(report.querySelector('li.problem')!.textContent!.replace(/\s+/g, ' ')).toMatch(/^pasted \(appspec\.yml\):4:3 Install is reserved for CodeDeploy/);
    // The pasted text stays in the box to be fixed.
    expect(panelOf(app).shadowRoot!.querySelector<HTMLTextAreaElement>('textarea.paste')!.value).toBe(RESERVED);
  });

  it('a dropped zip source bundle imports like the folder it was made from', async () => {
    const app = await mountApp();
    await settled(app);
    const zip = zipSync({
      '.ebextensions/01-deployment.config': strToU8(ebDeployment),
      '.ebextensions/02-app.config': strToU8(ebApp),
      '.platform/hooks/predeploy/01_collect_static.sh': strToU8('#!/bin/sh\n'),
      'Procfile': strToU8('web: app\n'),
    });
    drop(app, [new File([zip], 'bundle.zip', { type: 'application/zip' })]);
    await until(() => app.index?.trace.scenario.source !== undefined);
    await settled(app);
    const s = app.index!.trace.scenario;
    expect(s.elasticBeanstalk).toMatchObject({ DeploymentPolicy: 'Rolling', instances: 6 });
    expect(s.source!.files).toEqual(['bundle.zip/.ebextensions/01-deployment.config', 'bundle.zip/.ebextensions/02-app.config', 'bundle.zip/.platform/hooks/predeploy/01_collect_static.sh']);
    expect(panelOf(app).shadowRoot!.querySelector('.report .files')!.textContent).toContain('bundle.zip/.ebextensions/01-deployment.config');
  });

  it('dropped loose files: an AppSpec file and a lone .config file (read as .ebextensions) are refused together, with the reason', async () => {
    const app = await mountApp();
    await settled(app);
    drop(app, [new File([lambdaAppspec], 'appspec.yml')]);
    await until(() => app.index?.trace.scenario.codeDeploy?.computePlatform === 'Lambda');
    expect(app.index!.trace.scenario.source).toEqual({ files: ['appspec.yml'] });
    drop(app, [new File([lambdaAppspec], 'appspec.yml'), new File([ebDeployment], '01-deployment.config')]);
    await until(() => panelOf(app).shadowRoot!.querySelector('.report.failed') !== null);
    expect(panelOf(app).shadowRoot!.querySelector('.report.failed li.problem')!.textContent).toContain('both a CodeDeploy deployment');
    expect(app.index!.trace.scenario.codeDeploy?.computePlatform).toBe('Lambda');
  });

  it('a picked folder is a source bundle (files carry their path inside it)', async () => {
    const inFolder = (rel: string, text: string) => {
      const f = new File([text], rel.slice(rel.lastIndexOf('/') + 1));
      Object.defineProperty(f, 'webkitRelativePath', { value: rel });
      return f;
    };
    const got = await filesFromInput([
      inFolder('app/.ebextensions/01-deployment.config', ebDeployment),
      inFolder('app/node_modules/x/appspec.yml', 'skipped'),
      inFolder('app/.platform/hooks/postdeploy/01.sh', '#!/bin/sh'),
    ]);
    expect(got.ok && got.files).toEqual([
      { path: 'app/.ebextensions/01-deployment.config', rel: '.ebextensions/01-deployment.config', bundle: 'app', text: ebDeployment },
      { path: 'app/.platform/hooks/postdeploy/01.sh', rel: '.platform/hooks/postdeploy/01.sh', bundle: 'app' },
    ]);
  });

  it('an unapplied draft in the JSON editor is kept through an import', async () => {
    const app = await mountApp();
    app.tab = 'editor';
    await settled(app);
    const area = editorOf(app).shadowRoot!.querySelector<HTMLTextAreaElement>('textarea#json')!;
    area.value = `${area.value}\n`;
    area.dispatchEvent(new Event('input'));
    const draft = area.value;
    await pasteImport(app, SERVER_APPSPEC);
    expect(app.index!.trace.scenario.platform).toBe('CodeDeploy');
    expect(area.value).toBe(draft);
    expect(editorOf(app).shadowRoot!.querySelector('.superseded')!.textContent).toContain('unapplied edits');
  });

  it('YAML typed into the JSON editor is offered for import and moves to the paste box', async () => {
    const app = await mountApp();
    app.tab = 'editor';
    await settled(app);
    const editor = editorOf(app);
    const area = editor.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea#json')!;
    area.value = lambdaAppspec;
    area.dispatchEvent(new Event('input'));
    editor.shadowRoot!.querySelector<HTMLButtonElement>('button.apply')!.click();
    await settled(app);
    editor.shadowRoot!.querySelector<HTMLButtonElement>('button.import-draft')!.click();
    await until(() => app.importReport !== undefined);
    await settled(app);
    expect(app.index!.trace.scenario.codeDeploy?.computePlatform).toBe('Lambda');
    expect(panelOf(app).shadowRoot!.querySelector<HTMLTextAreaElement>('textarea.paste')!.value).toBe(lambdaAppspec);
    expect(JSON.parse(area.value).codeDeploy.computePlatform).toBe('Lambda');
    expect(editor.shadowRoot!.querySelector('.superseded')).toBeNull();
  });
});
