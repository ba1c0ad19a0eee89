// One tile of a small fleet: the target's id, the version installed (with the
// revision whose script runs shown apart), its state and load-balancer
// membership. Guarded: a tile whose content is unchanged is not re-rendered.
import { html, nothing } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { TargetFrame, TraceIndex } from '../../layout/frame.ts';
import { TILE_STATE_LABEL } from '../../layout/frame.ts';
import { runningRevisionAt } from '../../layout/installed.ts';
import { darkTextOn } from '../../layout/palette.ts';

export function tile(f: TargetFrame, index: TraceIndex, t: number, colorOf: (version: string) => string) {
  const target = index.targets[f.index]!;
  // The badge is the version installed (replayed from trace changes); the revision whose script runs is shown apart.
  const installed = f.version;
  const running = target.kind === 'instance' ? runningRevisionAt(index, f.index, t) : undefined;
  const runs = running && running !== installed ? running : '';
  return guard([target, f.state, installed, runs, f.inLB, f.step, f.reason], () => {
    // A target with nothing deployed yet has no version: grey, shown as a dash.
    // A version change fades in by the CSS transitions on --version-color's users.
    const color = colorOf(installed);
    const stateText = f.step && (f.state === 'deploying' || f.state === 'checking' || f.state === 'registering' || f.state === 'draining')
      ? `${f.step}…`
      : f.state === 'unhealthy' && f.reason
        ? f.reason
        : TILE_STATE_LABEL[f.state];
    const icons: { cls: string; text: string; title: string }[] = [];
    if (f.inLB !== null) icons.push(f.inLB ? { cls: 'lb-in', text: 'LB', title: 'registered with the load balancer' } : { cls: 'lb-out', text: 'LB', title: 'not in the load balancer' });
    if (f.state === 'unhealthy') icons.push({ cls: 'bad', text: '✕', title: 'unhealthy / failed' });
    const label = `${f.id}: ${installed || 'no version yet'}${runs ? ` (running ${runs} script)` : ''}, ${TILE_STATE_LABEL[f.state]}${f.inLB === null ? '' : f.inLB ? ', in the load balancer' : ', out of the load balancer'}`;
    return html`<div role="listitem" class="tile ${f.state}" data-target=${f.id} data-state=${f.state} style="--version-color: ${color}" aria-label=${label}>
      <div class="icons">${icons.map((i) => html`<span class="icon ${i.cls}" title=${i.title}>${i.text}</span>`)}</div>
      <div class="id" title=${f.id}>${target.label ?? f.id}</div>
      <div class="vers"><span class="ver ${darkTextOn(color) ? 'light' : ''}" title=${installed ? `${installed} installed` : 'nothing installed yet'}>${installed || '—'}</span><span class="run" title=${runs ? `running ${f.step ?? 'a step'} of revision ${runs}` : nothing}>${runs ? `▸ ${runs}` : nothing}</span></div>
      <div class="state" title=${stateText}>${breakWords(stateText)}</div>
    </div>`;
  });
}

/** A zero-width space between the words of a CamelCase step name, so it wraps between words. */
function breakWords(text: string): string {
  return text.replace(/([a-z])(?=[A-Z])/g, '$1\u200B');
}
