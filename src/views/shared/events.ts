// Typed, kebab-case CustomEvents between components. Each bubbles and is composed
// so the app shell hears it through shadow roots.
import type { Collected } from '../../import/browser-files.ts';
import type { Fault } from '../../scenario/types.ts';

export interface ViewEvents {
  /** Move the playhead to t (seconds). */
  'seek-to': { t: number };
  'playback-command': { command: 'play' | 'pause' | 'toggle' | 'next' | 'previous' | 'restart' | 'end' };
  'speed-change': { speed: number; skipWaits: boolean };
  'scenario-pick': { id: string };
  /** The editor's text parsed and validated: load it. */
  'scenario-apply': { text: string };
  'fault-inject': { fault: Fault };
  'fault-remove': { index: number };
  'group-toggle': { group: string };
  /** The learner selected trace event `index` (for "Why?"). */
  'event-select': { index: number };
  /** The target whose lifecycle the statechart shows; '' follows the action. */
  'target-select': { target: string };
  /** Hide the report of the latest injection. */
  'fork-dismiss': Record<string, never>;
  /** AWS files picked or pasted in the editor's import panel: import them. */
  'aws-import': { collected: Collected };
}

export type ViewEventName = keyof ViewEvents;

export function emit<K extends ViewEventName>(from: EventTarget, name: K, detail: ViewEvents[K]): void {
  from.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'seek-to': CustomEvent<ViewEvents['seek-to']>;
    'playback-command': CustomEvent<ViewEvents['playback-command']>;
    'speed-change': CustomEvent<ViewEvents['speed-change']>;
    'scenario-pick': CustomEvent<ViewEvents['scenario-pick']>;
    'scenario-apply': CustomEvent<ViewEvents['scenario-apply']>;
    'fault-inject': CustomEvent<ViewEvents['fault-inject']>;
    'fault-remove': CustomEvent<ViewEvents['fault-remove']>;
    'group-toggle': CustomEvent<ViewEvents['group-toggle']>;
    'event-select': CustomEvent<ViewEvents['event-select']>;
    'target-select': CustomEvent<ViewEvents['target-select']>;
    'fork-dismiss': CustomEvent<ViewEvents['fork-dismiss']>;
    'aws-import': CustomEvent<ViewEvents['aws-import']>;
  }
}
