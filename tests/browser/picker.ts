// Picks a target in a <target-picker> the way a keyboard user does: type, Enter.
import type { TargetPicker } from '../../src/views/target-picker/target-picker.ts';

export async function choose(picker: TargetPicker, query: string): Promise<void> {
  const input = picker.shadowRoot!.querySelector('input')!;
  input.focus();
  await picker.updateComplete;
  input.value = query;
  input.dispatchEvent(new Event('input'));
  await picker.updateComplete;
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  await picker.updateComplete;
}
