// What a playback command does to a player (the app or the embedded element):
// one place, so the buttons, the keys and the embed behave the same. Each
// command ends at a boundary that is announced to screen readers (announce.ts).
import { nextEventTime, previousEventTime, type TraceIndex } from '../layout/frame.ts';
import type { ViewEvents } from '../views/shared/events.ts';
import type { Boundary } from './announce.ts';

export type PlaybackCommand = ViewEvents['playback-command']['command'];

export interface Player {
  index: TraceIndex | undefined;
  t: number;
  playing: boolean;
  seek(t: number): void;
}

/** Applies `command`; returns the boundary to announce, or undefined when there is no trace. */
export function applyPlaybackCommand(player: Player, command: PlaybackCommand): Boundary | undefined {
  const index = player.index;
  if (!index) return undefined;
  switch (command) {
    case 'toggle':
      return applyPlaybackCommand(player, player.playing ? 'pause' : 'play');
    case 'play':
      if (player.t >= index.duration) player.t = 0;
      player.playing = true;
      return 'play';
    case 'pause':
      player.playing = false;
      return 'pause';
    case 'next':
      player.seek(nextEventTime(index, player.t));
      return 'step';
    case 'previous':
      player.seek(previousEventTime(index, player.t));
      return 'step';
    case 'restart':
      player.seek(0);
      return 'step';
    case 'end':
      player.playing = false;
      player.seek(index.duration);
      return 'end';
  }
}
