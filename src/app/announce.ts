// What the screen-reader live region says. Announced only at playback
// boundaries (a step to the next or previous event, play, pause, the end),
// never per frame while playing or scrubbing, so a listener is not flooded.
// Pure: reads the trace index; the app shell and the embed element call it.
import { eventCountAt, type TraceIndex } from '../layout/frame.ts';
import { nowLine } from '../layout/now.ts';
import { formatTime } from '../layout/time.ts';

export type Boundary = 'step' | 'play' | 'pause' | 'end';

export function announcement(index: TraceIndex, t: number, boundary: Boundary): string {
  const now = nowLine(index, t).text;
  const clock = formatTime(t);
  switch (boundary) {
    case 'play':
      return `Playing from ${clock}.`;
    case 'pause':
      return `Paused at ${clock}. ${now}.`;
    case 'end':
      return `Finished at ${clock}: ${index.trace.outcome}. ${now}.`;
    case 'step': {
      // The events that happen exactly at the new playhead: what the step reached.
      const events = index.trace.events;
      const n = eventCountAt(index, t);
      const here: string[] = [];
      for (let i = n - 1; i >= 0 && events[i]!.t === t && here.length < 3; i--) here.unshift(events[i]!.message);
      return `${clock}. ${here.length ? `${here.join(' ')} ` : ''}Now: ${now}.`;
    }
  }
}
