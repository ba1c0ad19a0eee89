// An unapplied edit in the JSON editor is never lost, and an applied edit keeps
// the user's formatting through an injection and a reload from the URL.
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/app/app-shell.ts';
// The app loads this view after its first draw (src/app/deferred-views.ts); defined up front so the test need not wait for the chunk.
import '../../src/views/scenario-editor/index.ts';
import type { DeploysimApp } from '../../src/app/app-shell.ts';
import { closeApp, openApp } from './app-ready.ts';

afterEach(closeApp);

async function mountApp(hash = ''): Promise<DeploysimApp> {
  const app = await openApp(hash);
  await app.updateComplete;
  return app;
}

const editorOf = async (app: DeploysimApp) => {
  const editor = app.shadowRoot!.querySelector('scenario-editor')!;
  await editor.updateComplete;
  return editor;
};

describe('scenario editor drafts', () => {
  it('keeps an unapplied draft through an injection and a scenario load, and can discard it', async () => {
    const app = await mountApp('#scenario=elastic-beanstalk/rolling&t=0');
    (app.shadowRoot!.querySelector<HTMLElement>('#tab-editor'))!.click();
    await app.updateComplete;
    let editor = await editorOf(app);
    const area = editor.shadowRoot!.querySelector('textarea')!;
    area.focus();
    area.setSelectionRange(0, 0);
    await userEvent.keyboard('  ');
    const draft = area.value;
    expect(draft).not.toBe(app.text);

    app.seek(60);
    expect(app.injectFault({ type: 'InstanceTerminated', target: 'i-1', at: 60 })).toBe(true);
    await app.updateComplete;
    editor = await editorOf(app);
    expect(area.value).toBe(draft);
    expect(editor.shadowRoot!.querySelector('.superseded')!.textContent).toContain('unapplied edits');

    await app.pick('elastic-beanstalk/immutable');
    await app.updateComplete;
    await editor.updateComplete;
    expect(area.value).toBe(draft);

    editor.shadowRoot!.querySelector<HTMLButtonElement>('button.discard')!.click();
    await editor.updateComplete;
    expect(area.value).toBe(app.text);
    expect(editor.shadowRoot!.querySelector('.superseded')).toBeNull();
    // With no draft, a load shows the new scenario at once.
    await app.pick('elastic-beanstalk/rolling');
    await app.updateComplete;
    await editor.updateComplete;
    expect(area.value).toBe(app.text);
  });

  it('an applied edit keeps its formatting through an injection and a reload from the URL', async () => {
    const app = await mountApp('#scenario=elastic-beanstalk/rolling&t=0');
    const obj = JSON.parse(app.text);
    // Tabs and the user's own member order: not what JSON.stringify(…, 2) writes.
    const written = `{\n\t"name": ${JSON.stringify(obj.name)},\n\t"description": ${JSON.stringify(obj.description)},\n\t"platform": "ElasticBeanstalk",\n\t"elasticBeanstalk": ${JSON.stringify(obj.elasticBeanstalk)}\n}\n`;
    (app.shadowRoot!.querySelector<HTMLElement>('#tab-editor'))!.click();
    await app.updateComplete;
    const editor = await editorOf(app);
    const area = editor.shadowRoot!.querySelector('textarea')!;
    area.value = written;
    area.dispatchEvent(new Event('input'));
    editor.shadowRoot!.querySelector<HTMLButtonElement>('button.apply')!.click();
    await app.updateComplete;
    expect(app.text).toBe(written);

    app.seek(60);
    expect(app.injectFault({ type: 'InstanceTerminated', target: 'i-1', at: 60 })).toBe(true);
    await app.updateComplete;
    await editor.updateComplete;
    // Only the faults were added, in the text's own tab indentation.
    expect(app.text.startsWith(written.slice(0, written.lastIndexOf('\n}')))).toBe(true);
    expect(app.text).toContain('\t"faults": [');
    expect(JSON.parse(app.text).faults).toEqual([{ type: 'InstanceTerminated', target: 'i-1', at: 60 }]);
    expect(area.value).toBe(app.text);

    // The URL carries the text as written: a reload shows it unchanged.
    const text = app.text;
    await new Promise((r) => setTimeout(r, 300));
    const hash = location.hash;
    document.body.replaceChildren();
    const again = await mountApp(hash);
    expect(again.text).toBe(text);
  });
});
