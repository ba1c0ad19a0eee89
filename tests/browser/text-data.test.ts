// Text that empties and fills again from seek to seek is written into one Text node
// (src/views/shared/text-data.ts): Lit would remove the node for '' and insert a new
// one when text comes back, and each node inserted is styled and laid out again.
import { afterEach, describe, expect, it } from 'vitest';
import { html, render } from 'lit';
import { textData, writeText } from '../../src/views/shared/text-data.ts';
import '../../src/views/lifecycle-table/index.ts';
import { cleanup, mount, rolling, settle } from './fixtures.ts';

afterEach(cleanup);

describe('textData', () => {
  it('keeps the one Text node through empty and back', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const draw = (text: string) => render(html`<span ${textData(text)}></span>`, host);
    draw('also i-2');
    const span = host.querySelector('span')!;
    const node = span.firstChild;
    expect(node).toBeInstanceOf(Text);
    draw('');
    expect(span.firstChild).toBe(node);
    expect(span.textContent).toBe('');
    draw('also i-3 … i-9');
    expect(span.firstChild).toBe(node);
    expect(span.textContent).toBe('also i-3 … i-9');
    expect(span.childNodes).toHaveLength(1);
  });

  it('writeText does the same for elements drawn without Lit', () => {
    const text = document.createElementNS('http://www.w3.org/2000/svg', 'text');
    writeText(text, 'Batch 1 of 3');
    const node = text.firstChild;
    writeText(text, '');
    writeText(text, 'Batch…');
    expect(text.firstChild).toBe(node);
    expect(text.textContent).toBe('Batch…');
  });

  it('the lifecycle table rewrites its cells in place as the playhead moves', async () => {
    const index = rolling();
    const target = index.targets[0]!.id;
    const el = mount<HTMLElement & { updateComplete: Promise<boolean> }>('lifecycle-table', { index, t: 0, target });
    await settle(el);
    // A row whose start is empty before its event begins and filled once it has.
    const cells = () => [...el.shadowRoot!.querySelectorAll('tbody tr:not(:first-child) td:nth-child(3)')];
    const textOf = (td: Element) => [...td.childNodes].find((n) => n instanceof Text);
    const before = cells().map(textOf);
    expect(cells().some((td) => td.textContent === '')).toBe(true);
    Object.assign(el, { t: index.duration });
    await settle(el);
    expect(cells().every((td) => td.textContent !== '')).toBe(true);
    expect(cells().every((td, k) => before[k] !== undefined && textOf(td) === before[k])).toBe(true);
  });
});
