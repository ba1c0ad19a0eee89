// The target picker: searchable, quick with 5,000 targets (only the first matches
// are rendered), operable from the keyboard alone, wired into the fault panel and
// the lifecycle table.
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/views/target-picker/index.ts';
import '../../src/views/fault-panel/index.ts';
import '../../src/views/lifecycle-table/index.ts';
import { SHOWN, type TargetPicker } from '../../src/views/target-picker/target-picker.ts';
import type { Fault } from '../../src/scenario/types.ts';
import { cleanup, indexOf, mount, settle } from './fixtures.ts';

afterEach(cleanup);

const fiveThousand = Array.from({ length: 5000 }, (_, i) => ({ value: `i-${i + 1}`, label: `i-${i + 1}` }));
const parts = (p: TargetPicker) => {
  const root = p.shadowRoot!;
  return { input: root.querySelector('input')!, list: root.querySelector('[role=listbox]')!, options: () => [...root.querySelectorAll('[role=option]')] };
};

describe('target-picker', () => {
  it('with 5,000 targets renders only the first matches, narrows as you type and picks with the keyboard alone', async () => {
    const picker = mount<TargetPicker>('target-picker', { options: fiveThousand, value: 'i-1', label: 'Target' }, 300);
    await settle(picker);
    const { input, list, options } = parts(picker);
    expect(input.getAttribute('role')).toBe('combobox');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.value).toBe('i-1');
    const picked: string[] = [];
    picker.addEventListener('pick', (e) => picked.push((e as CustomEvent<{ value: string }>).detail.value));

    await userEvent.click(input);
    await settle(picker);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(list.hasAttribute('hidden')).toBe(false);
    expect(options()).toHaveLength(SHOWN);
    expect(list.querySelector('.more')!.textContent).toBe(`${SHOWN} of 5,000 shown: type to narrow.`);

    await userEvent.keyboard('4321');
    await settle(picker);
    // An id ending in -4321 first (typing a number finds that instance).
    expect(options().map((o) => o.textContent)).toEqual(['i-4321']);
    await userEvent.keyboard('{Backspace}');
    await settle(picker);
    expect(options()[0]!.textContent).toBe('i-432');
    expect(options().map((o) => o.textContent)).toContain('i-4329');
    // The active option follows the arrows (aria-activedescendant), Enter picks it.
    await userEvent.keyboard('{ArrowDown}');
    await settle(picker);
    const active = picker.shadowRoot!.getElementById(input.getAttribute('aria-activedescendant')!)!;
    expect(active.getAttribute('aria-selected')).toBe('true');
    expect(active.textContent).toBe(options()[1]!.textContent);
    await userEvent.keyboard('{Enter}');
    await settle(picker);
    expect(picked).toEqual([active.textContent]);
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.value).toBe(active.textContent);

    // Escape closes and keeps the pick.
    await userEvent.keyboard('{ArrowDown}');
    await userEvent.keyboard('zzz');
    await settle(picker);
    expect(list.querySelector('.none')!.textContent).toContain('No target matches');
    await userEvent.keyboard('{Escape}');
    await settle(picker);
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(picked).toHaveLength(1);
    expect(input.value).toBe(picked[0]);
  });

  it('tabbing in does not open the list; ↓ opens it at the current pick, typing replaces the shown label', async () => {
    const picker = mount<TargetPicker>('target-picker', { options: fiveThousand.slice(0, 10), value: 'i-4', label: 'Target' }, 300);
    await settle(picker);
    const { input, options } = parts(picker);
    input.focus();
    await settle(picker);
    expect(input.getAttribute('aria-expanded')).toBe('false');
    await userEvent.keyboard('{ArrowDown}');
    await settle(picker);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(picker.shadowRoot!.getElementById(input.getAttribute('aria-activedescendant')!)!.textContent).toBe('i-4');
    await userEvent.keyboard('{Escape}');
    input.blur();
    input.focus();
    await userEvent.keyboard('7');
    await settle(picker);
    expect(input.value).toBe('7');
    expect(options().map((o) => o.textContent)).toEqual(['i-7']);
  });

  it('a click on an option picks it', async () => {
    const picker = mount<TargetPicker>('target-picker', { options: fiveThousand.slice(0, 10), value: 'i-1', label: 'Target' }, 300);
    await settle(picker);
    const { input, options } = parts(picker);
    await userEvent.click(input);
    await settle(picker);
    await userEvent.click(options()[6]!);
    await settle(picker);
    expect(picker.value).toBe('i-7');
    expect(input.value).toBe('i-7');
  });

  it('the fault panel of a 5,000-instance fleet injects a failure on the target typed in its picker', async () => {
    const index = indexOf({ platform: 'CodeDeploy', codeDeploy: { computePlatform: 'Server', instances: 5000, deploymentConfigName: 'CodeDeployDefault.AllAtOnce' } });
    const panel = mount<HTMLElement>('fault-panel', { index, t: 1, faults: [], userFaults: new Set() });
    await settle(panel);
    const picker = panel.shadowRoot!.querySelector<TargetPicker>('target-picker.target')!;
    await settle(picker);
    expect(panel.shadowRoot!.querySelector('select.target')).toBeNull();
    const sent: Fault[] = [];
    panel.addEventListener('fault-inject', (e) => sent.push(e.detail.fault));
    await userEvent.click(parts(picker).input);
    await userEvent.keyboard('4999{Enter}');
    await settle(panel);
    panel.shadowRoot!.querySelector<HTMLButtonElement>('button.inject')!.click();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ target: 'i-4999', at: 1 });
  });

  it('the lifecycle table offers "the target in action" first and sends the picked target', async () => {
    const index = indexOf({ platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 4, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 1 } });
    const table = mount<HTMLElement>('lifecycle-table', { index, t: 10, target: '' });
    await settle(table);
    const picker = table.shadowRoot!.querySelector<TargetPicker>('target-picker')!;
    await settle(picker);
    const { input, options } = parts(picker);
    expect(input.value).toMatch(/^the target in action \(i-\d\)$/);
    const sent: string[] = [];
    table.addEventListener('target-select', (e) => sent.push(e.detail.target));
    await userEvent.click(input);
    await settle(picker);
    expect(options().map((o) => o.textContent)).toEqual([expect.stringMatching(/^the target in action/), 'i-1', 'i-2', 'i-3', 'i-4']);
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{Enter}');
    await settle(table);
    expect(sent).toEqual(['i-3']);
    expect(table.shadowRoot!.querySelector('caption')!.textContent).toContain('i-3 as of');
  });
});
