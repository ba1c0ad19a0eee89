// The live statechart: the orchestrator machine of the running deployment and the
// lifecycle machine of one target, drawn from `deploysim machines` data, with the
// state at the playhead highlighted (aria-current="true") and the transition just
// taken marked. Geometry comes from src/layout/statechart-layout.ts once per
// machine; a frame only moves the highlights.
import { LitElement, html, type PropertyValues } from 'lit';
import * as d3 from 'd3';
import type { MachineDescription } from '../../engine/describe-machine.ts';
import { allMachines } from '../../engine/machine-catalog.ts';
import type { TraceIndex } from '../../layout/frame.ts';
import { autoTarget, lifecycleAt, orchestratorAt, type ActiveState, type LifecycleAt } from '../../layout/statechart.ts';
import { layoutLifecycle, layoutMachine, transitionLabel, LINE_HEIGHT, type ChartLayout } from '../../layout/statechart-layout.ts';
import { formatDuration, formatTime } from '../../layout/time.ts';
import { emit } from '../shared/events.ts';
import '../target-picker/index.ts';
import type { PickerOption } from '../target-picker/target-filter.ts';
import { base } from '../shared/tokens.ts';
import { styles } from './statechart-panel.styles.ts';
import { OffscreenUpdates } from '../shared/offscreen.ts';

/** The machine catalogue (`deploysim machines`), described once, when a panel first needs it. */
let catalogue: MachineDescription[] | undefined;
const machineCatalogue = (): MachineDescription[] => (catalogue ??= allMachines());

const layouts = new WeakMap<MachineDescription, ChartLayout>();
function layoutOf(m: MachineDescription): ChartLayout {
  let l = layouts.get(m);
  if (!l) layouts.set(m, (l = m.kind === 'lifecycle' ? layoutLifecycle(m) : layoutMachine(m)));
  return l;
}

export class StatechartPanel extends LitElement {
  static override styles = [base, styles];
  static override properties = {
    index: { attribute: false },
    t: { type: Number },
    machines: { attribute: false },
    target: { type: String },
  };

  declare index: TraceIndex | undefined;
  declare t: number;
  /** The machines to draw; the whole catalogue (`allMachines()`) unless given. */
  declare machines: readonly MachineDescription[];
  /** The target whose lifecycle is shown; '' follows the action. */
  declare target: string;

  private orchestrator: ActiveState | undefined;
  private lifecycle: LifecycleAt | undefined;
  private shownTarget: string | undefined;

  constructor() {
    super();
    this.t = 0;
    this.machines = machineCatalogue();
    this.target = '';
  }

  private shown = '';

  /** Off screen, a frame that only moves the playhead waits (shared/offscreen.ts). */
  private offscreen = new OffscreenUpdates(this, ['t']);

  protected override getUpdateComplete(): Promise<boolean> {
    this.offscreen.flush();
    return super.getUpdateComplete();
  }

  /** Renders only when what is drawn changes, not at every frame of playback. */
  override shouldUpdate(changed: PropertyValues<this>): boolean {
    if (!this.offscreen.allows(changed)) return false;
    const index = this.index;
    if (!index) {
      this.orchestrator = this.lifecycle = this.shownTarget = undefined;
      return true;
    }
    this.orchestrator = orchestratorAt(index, this.machines, this.t);
    this.shownTarget = this.target && index.targetIndex.has(this.target) ? this.target : autoTarget(index, this.t);
    this.lifecycle = this.shownTarget ? lifecycleAt(index, this.machines, this.shownTarget, this.t) : undefined;
    const o = this.orchestrator;
    const l = this.lifecycle;
    const deadline = this.openDeadline(o?.since);
    const shown = [o?.machineId, o?.state, o?.previous, this.shownTarget, l?.machine?.id, l && 'state' in l ? `${l.state} ${l.previous} ${l.deploymentId}` : '', deadline === undefined ? '' : `${deadline} ${Math.floor(this.t)}`].join('|');
    const same = shown === this.shown && !changed.has('index') && !changed.has('machines') && !changed.has('target');
    this.shown = shown;
    return !same;
  }

  override render() {
    const index = this.index;
    if (!index) return html`<h2>Statechart</h2><p class="note">Load a scenario first.</p>`;
    return html`
      <h2>Statechart <span class="hint">the machines that run this deployment; the highlighted state is where each is now</span></h2>
      <div class="charts">
        <figure class="orchestrator" style=${this.orchestratorBasis()}>
          <figcaption>${this.orchestratorCaption()}</figcaption>
          <div class="scroll"><svg class="chart orchestrator" role="list" aria-label="Orchestrator states"></svg></div>
          ${this.leaving(this.orchestrator)}
        </figure>
        <figure class="lifecycle">
          <figcaption>
            <label>Lifecycle of
              <target-picker class="target" label="Target whose lifecycle is shown" .options=${this.pickerOptions(index)}
                .value=${this.target && index.targetIndex.has(this.target) ? this.target : ''} @pick=${this.onPick}></target-picker>
            </label>
            ${this.lifecycleCaption()}
          </figcaption>
          <svg class="chart lifecycle" role="list" aria-label="Lifecycle states"></svg>
        </figure>
      </div>
    `;
  }

  /**
   * The orchestrator may shrink to three quarters of its size beside the
   * lifecycle; a larger machine takes the whole width and the lifecycle goes below.
   */
  private orchestratorBasis(): string {
    const m = this.orchestrator?.machine;
    return m ? `flex-basis: ${Math.round(layoutOf(m).width * 0.75)}px` : '';
  }

  private orchestratorCaption() {
    const o = this.orchestrator;
    const recorded = this.index!.trace.machines;
    if (!o) {
      return recorded.length
        ? html`Orchestrator <code>${recorded[0]!.machine}</code> has not started yet.`
        : html`<span class="note">This trace records no orchestrator states for this strategy yet.</span>`;
    }
    if (!o.machine) {
      return html`<span class="unknown">The trace says orchestrator <code>${o.machineId}</code> is in <b>${o.state}</b>, but this build's machine catalogue
        does not know <code>${o.machineId}</code>, so it cannot be drawn.</span>`;
    }
    const known = o.machine.states.some((s) => s.id === o.state);
    return html`Orchestrator <code>${o.machineId}</code>: <b class="current">${o.state}</b> since ${formatTime(o.since)}${o.previous ? html`, from <span class="previous">${o.previous}</span>` : ''}
      ${known ? '' : html`<span class="unknown"> (a state this build's description of the machine lacks)</span>`}`;
  }

  private lifecycleCaption() {
    const l = this.lifecycle;
    if (!l) return '';
    if (!l.machine) return html`<span class="note">${l.reason}</span>`;
    return html`<code>${l.machine.id}</code> in ${l.deploymentId}: <b class="current">${l.state}</b>${l.previous ? html` (from ${l.previous})` : ''}`;
  }

  /** The transitions that leave the active state, in words: what it waits for. */
  private leaving(o: ActiveState | undefined) {
    if (!o?.machine) return '';
    const from = o.machine.transitions.filter((tr) => tr.source === o.state || o.state.startsWith(`${tr.source}.`));
    if (!from.length) return html`<p class="leaves">${o.state} is a final state: this machine has finished.</p>`;
    const deadline = this.openDeadline(o.since);
    return html`<p class="leaves"><b>${o.state}</b> is left by:
      ${from.map((tr, k) => html`${k ? '; ' : ''}<span class="exit">${transitionLabel(tr) || 'at once'}${tr.event.startsWith('after ') && deadline !== undefined ? ` (at ${formatTime(deadline)}, ${formatDuration(deadline - this.t)} left)` : ''} → ${tr.target}</span>`)}</p>`;
  }

  /** The deadline of the wait that began when the current state was entered, if the trace's phases give one. */
  private openDeadline(since: number | undefined): number | undefined {
    if (since === undefined) return undefined;
    const open = this.index?.trace.phases.filter((p) => p.start === since && this.t < p.end && p.deadline !== undefined) ?? [];
    return open.length ? Math.min(...open.map((p) => p.deadline!)) : undefined;
  }

  /** The picker's options, rebuilt only when the trace or the "in action" label changes (5,000 targets stay cheap per frame). */
  private targetOptions: { index: TraceIndex; first: string; options: PickerOption[] } | undefined;
  private pickerOptions(index: TraceIndex): PickerOption[] {
    const first = `the target in action${!this.target && this.shownTarget ? ` (${this.shownTarget})` : ''}`;
    if (this.targetOptions?.index !== index || this.targetOptions.first !== first) {
      this.targetOptions = { index, first, options: [{ value: '', label: first }, ...index.targets.map((t) => ({ value: t.id, label: t.label ?? t.id }))] };
    }
    return this.targetOptions.options;
  }

  private onPick = (e: CustomEvent<{ value: string }>): void => {
    emit(this, 'target-select', { target: e.detail.value });
  };

  override updated(_changed: PropertyValues<this>): void {
    const o = this.orchestrator;
    draw(this.renderRoot.querySelector('svg.orchestrator'), o?.machine, o);
    const l = this.lifecycle;
    draw(this.renderRoot.querySelector('svg.lifecycle'), l?.machine, l?.machine ? l : undefined);
    // A tall machine scrolls in its box: keep the current state in view. Measured in a
    // task of its own, after the frame is drawn, so a frame never forces a layout.
    const key = `${o?.machineId}|${o?.state}`;
    if (key !== this.scrolledFor && !this.scrollPending) {
      this.scrollPending = true;
      setTimeout(() => {
        this.scrollPending = false;
        this.scrolledFor = `${this.orchestrator?.machineId}|${this.orchestrator?.state}`;
        this.keepActiveInView();
      });
    }
  }

  private scrolledFor = '';
  private scrollPending = false;

  private keepActiveInView(): void {
    const box = this.renderRoot.querySelector<HTMLElement>('.scroll');
    const active = box?.querySelector<SVGGElement>('g.state.active');
    if (!box || !active || box.scrollHeight <= box.clientHeight) return;
    const a = active.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    if (a.top < b.top || a.bottom > b.bottom) box.scrollTop += a.top - b.top - b.height / 3;
  }
}

const within = (path: string, state: string) => path === state || path.startsWith(`${state}.`);

/** The arrow just taken: from the previous state (or the compound state holding it) to the current one. */
function takenEdge(layout: ChartLayout, active: { state: string; previous?: string } | undefined): string {
  const { state, previous } = active ?? {};
  if (state === undefined || previous === undefined) return '';
  const fits = layout.edges.filter((e) => within(previous, e.source) && within(state, e.target));
  fits.sort((a, b) => b.source.length - a.source.length || b.target.length - a.target.length);
  return fits[0]?.key ?? '';
}

const markerId = (m: MachineDescription, kind: string) => `arrow-${m.kind}-${m.id}-${kind}`.replace(/[^\w-]/g, '_');

/** Joins the machine's states and transitions into the svg and marks the active state and the transition just taken. */
function draw(svgEl: SVGSVGElement | null, machine: MachineDescription | undefined, active: { state: string; previous?: string } | undefined): void {
  if (!svgEl) return;
  const svg = d3.select(svgEl);
  if (!machine) {
    svg.attr('data-machine', null).attr('width', 0).attr('height', 0).selectAll('*').remove();
    return;
  }
  const layout = layoutOf(machine);
  if (svg.attr('data-machine') !== machine.id) {
    svg.selectAll('*').remove();
    svg.attr('data-machine', machine.id).attr('width', layout.width).attr('height', layout.height).attr('viewBox', `0 0 ${layout.width} ${layout.height}`);
    // One arrow head per highlight, so a head takes its arrow's colour.
    svg.append('defs').html(
      ['plain', 'leaving', 'taken']
        .map((k) => `<marker id="${markerId(machine, k)}" viewBox="0 0 8 8" refX="7.5" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L8,4 L0,8 z" class="head ${k}"/></marker>`)
        .join(''),
    );
    const edges = svg.append('g').attr('class', 'edges').attr('aria-hidden', 'true');
    const edge = edges.selectAll('g.edge').data(layout.edges, (e) => (e as { key: string }).key).join('g').attr('class', 'edge').attr('data-key', (e) => e.key);
    edge.append('path').attr('d', (e) => e.d);
    edge
      .filter((e) => e.showLabel && e.lines.some(Boolean))
      .append('text')
      .attr('x', (e) => e.lx)
      .attr('y', (e) => e.ly)
      .selectAll('tspan')
      .data((e) => e.lines.map((line, k) => ({ line, x: e.lx, dy: k ? LINE_HEIGHT : 0 })))
      .join('tspan')
      .attr('x', (s) => s.x)
      .attr('dy', (s) => s.dy)
      .text((s) => s.line);
    const node = svg
      .append('g')
      .attr('class', 'states')
      .selectAll('g.state')
      .data(layout.nodes, (n) => (n as { id: string }).id)
      .join('g')
      .attr('class', (n) => `state ${n.type}`)
      .attr('role', 'listitem')
      .attr('data-state', (n) => n.id);
    const group = (n: { type: string }) => n.type === 'compound' || n.type === 'parallel';
    node.append('title').text((n) => `${n.id}${n.description ? `: ${n.description}` : ''}`);
    node
      .append('rect')
      .attr('x', (n) => n.x)
      .attr('y', (n) => n.y)
      .attr('width', (n) => n.w)
      .attr('height', (n) => n.h)
      .attr('rx', (n) => (n.type === 'final' ? n.h / 2 : group(n) ? 9 : 5));
    node
      .append('text')
      .attr('x', (n) => (group(n) ? n.x + 6 : n.x + n.w / 2))
      .attr('y', (n) => (group(n) ? n.y + 12 : n.y + n.h / 2 + 4))
      .attr('text-anchor', (n) => (group(n) ? 'start' : 'middle'))
      .text((n) => n.label);
  }
  // A frame touches only the states and arrows whose highlight changed: each element
  // remembers the highlight it shows (most of a large machine stays as it is).
  const state = active?.state;
  const taken = takenEdge(layout, active);
  svg.selectAll<Highlighted<SVGGElement>, { id: string; type: string }>('g.state').each(function (n) {
    const current = n.id === state;
    const contains = state !== undefined && state.startsWith(`${n.id}.`);
    const was = n.id === active?.previous;
    const key = `${+current}${+contains}${+was}`;
    if (this.__shows === key) return;
    this.__shows = key;
    this.classList.toggle('active', current);
    this.classList.toggle('contains-active', contains);
    this.classList.toggle('was', was);
    if (current) this.setAttribute('aria-current', 'true');
    else this.removeAttribute('aria-current');
    this.setAttribute('aria-label', `${n.id}${n.type === 'final' ? ' (final)' : ''}${current ? ', current state' : ''}`);
  });
  const leaving = (e: { source: string }) => state !== undefined && (e.source === state || state.startsWith(`${e.source}.`));
  const raised: SVGGElement[] = [];
  svg.selectAll<Highlighted<SVGGElement>, { key: string; source: string }>('g.edge').each(function (e) {
    const kind = e.key === taken ? 'taken' : leaving(e) ? 'leaving' : 'plain';
    if (this.__shows === kind) return;
    this.__shows = kind;
    this.classList.toggle('taken', kind === 'taken');
    this.classList.toggle('leaving', kind === 'leaving');
    this.querySelector('path')?.setAttribute('marker-end', `url(#${markerId(machine, kind)})`);
    if (kind !== 'plain') raised.push(this);
  });
  // Newly highlighted edges on top, so a shared rail shows the one that matters.
  for (const edge of raised) edge.parentNode?.appendChild(edge);
}

/** An element that remembers which highlight it shows. */
type Highlighted<E extends Element> = E & { __shows?: string };
