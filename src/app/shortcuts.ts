// Keyboard shortcuts: which keystrokes the app takes (and which it leaves to the
// focused control), and the list the `?` overlay shows. A presentation remote
// sends PageDown, PageUp and `.` (its "blank screen" button), so those are here too.

export type ShortcutAction = 'toggle' | 'step' | 'back' | 'inject' | 'next-question' | 'help' | 'presenter' | 'close' | 'pick';

/** Keys the presenter layer handles (the shell already handles Space, arrows, j/k/l, Home/End, +/-). */
const PRESENTER_KEYS: Record<string, ShortcutAction> = {
  PageDown: 'step',
  PageUp: 'back',
  '.': 'toggle',
  i: 'inject',
  n: 'next-question',
  '?': 'help',
  p: 'presenter',
  Escape: 'close',
  '1': 'pick',
  '2': 'pick',
  '3': 'pick',
  '4': 'pick',
};

export function presenterAction(key: string): ShortcutAction | undefined {
  return Object.hasOwn(PRESENTER_KEYS, key) ? PRESENTER_KEYS[key] : undefined;
}

/** What the `?` overlay lists, in the order a presenter needs them. */
export const SHORTCUTS: readonly { keys: readonly string[]; does: string }[] = [
  { keys: ['Space', 'k', '.'], does: 'Play or pause' },
  { keys: ['→', 'l', 'PageDown'], does: 'Step forward to the next event (in a quiz: Continue after a reveal)' },
  { keys: ['←', 'j', 'PageUp'], does: 'Step back to the previous event' },
  { keys: ['Home', 'End'], does: 'Go to the start or the end' },
  { keys: ['+', '−'], does: 'Faster or slower' },
  { keys: ['i'], does: 'Inject a failure: opens the fault panel' },
  { keys: ['n'], does: 'Next question (in a quiz)' },
  { keys: ['1', '2', '3', '4'], does: 'Pick a choice (in a quiz)' },
  { keys: ['p'], does: 'Presenter mode on or off' },
  { keys: ['?'], does: 'Show this list' },
  { keys: ['Esc'], does: 'Close this list or the fault panel' },
];

/**
 * Whether a keystroke belongs to the focused control rather than to the app:
 * typing in a field, choosing in a select, or Space/Enter on a button or link.
 */
export function ignoresShortcut(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return true;
  const el = e.composedPath()[0] as HTMLElement | undefined;
  const tag = el?.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT' || (tag === 'INPUT' && (el as HTMLInputElement).type !== 'checkbox')) return true;
  const activates = tag === 'BUTTON' || tag === 'SUMMARY' || tag === 'INPUT' || tag === 'A' || !!el?.getAttribute?.('role');
  return activates && (e.key === ' ' || e.key === 'Enter');
}
