// Where the live statechart draws each state and transition: pure geometry from a
// machine description, computed once per machine (the panel only moves highlights).
// Orchestrators: layers from the initial state, final states at the bottom,
// back edges routed on the right. Lifecycles: AWS's order as a column, with the
// exits (Failed, Skipped) beside it on a rail.
import type { MachineDescription, MachineState, MachineTransition } from '../engine/describe-machine.ts';
import { formatDuration } from './time.ts';

export interface ChartNode {
  id: string;
  /** The last part of the dotted path: what the box says. */
  label: string;
  type: MachineState['type'];
  description?: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ChartEdge {
  /** "source→target": one arrow per pair, whatever events take it. */
  key: string;
  source: string;
  target: string;
  /** One line per transition: "ABORT", "after 60 min", "GROUP_HEALTHY [evaluates]". */
  lines: string[];
  /** SVG path from source to target (the arrow head goes at its end). */
  d: string;
  /** Where the label's first line starts (text-anchor start). */
  lx: number;
  ly: number;
  /** False for an exit rail whose label another edge already shows. */
  showLabel: boolean;
}

export interface ChartLayout {
  width: number;
  height: number;
  nodes: ChartNode[];
  edges: ChartEdge[];
}

export const LINE_HEIGHT = 11;
const CHAR_WIDTH = 5.8;

/** A transition's event in words: timers as durations, eventless ones by their guard. */
export function transitionLabel(tr: Pick<MachineTransition, 'event' | 'guard'>): string {
  const m = /^after (\d+(?:\.\d+)?) s$/.exec(tr.event);
  const event = m
    ? `after ${formatDuration(Number(m[1]))}`
    : tr.event === 'always'
      ? tr.guard ? '' : 'at once'
      : tr.event.startsWith('xstate.done.state.') ? 'when done' : tr.event;
  return [event, tr.guard ? `[${tr.guard}]` : ''].filter(Boolean).join(' ');
}

const textWidth = (lines: readonly string[]) => Math.max(0, ...lines.map((l) => l.length * CHAR_WIDTH)) + 4;
const leaf = (id: string) => id.slice(id.lastIndexOf('.') + 1);

/** Transitions grouped per (source, target), targets split (a transition may name several). */
function pairs(m: MachineDescription): { source: string; target: string; lines: string[] }[] {
  const known = new Set(m.states.map((s) => s.id));
  const out = new Map<string, { source: string; target: string; lines: string[] }>();
  for (const tr of m.transitions) {
    for (const target of tr.target.split(', ')) {
      if (!known.has(tr.source) || !known.has(target)) continue;
      const key = `${tr.source}→${target}`;
      let p = out.get(key);
      if (!p) out.set(key, (p = { source: tr.source, target, lines: [] }));
      const label = transitionLabel(tr);
      if (!p.lines.includes(label)) p.lines.push(label);
    }
  }
  return [...out.values()];
}

interface Box { x: number; y: number; w: number; h: number }
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Moves labels up or down (a little at a time) off nodes and each other. */
function placeLabels(edges: ChartEdge[], nodes: readonly ChartNode[], fixed: ReadonlySet<ChartEdge> = new Set()): void {
  const box = (e: ChartEdge, dy: number) => ({ x: e.lx, y: e.ly - LINE_HEIGHT + 2 + dy, w: textWidth(e.lines), h: e.lines.length * LINE_HEIGHT });
  const placed: Box[] = nodes.map((n) => ({ x: n.x - 2, y: n.y - 2, w: n.w + 4, h: n.h + 4 }));
  for (const e of fixed) placed.push(box(e, 0));
  for (const e of edges) {
    if (!e.showLabel || fixed.has(e)) continue;
    for (const dy of [0, 8, -8, 16, -16, 24, -24, 32, -32, 40, -40]) {
      const b = box(e, dy);
      if (!placed.some((p) => overlaps(p, b)) || dy === -40) {
        e.ly += dy;
        placed.push(b);
        break;
      }
    }
  }
}

// ---- orchestrators ---------------------------------------------------------------

const NODE_H = 24;
const LAYER_GAP = 52;
/** Room round a compound state's children, and above them for its name. */
const GROUP_PAD = 10;
const GROUP_TOP = 18;
const NODE_GAP = 34;
const MARGIN = 12;

export function layoutMachine(m: MachineDescription): ChartLayout {
  const edgesByPair = pairs(m);
  const byId = new Map(m.states.map((s) => [s.id, s]));
  const isGroup = (s: MachineState | undefined) => s?.type === 'compound' || s?.type === 'parallel';
  const leaves = m.states.filter((s) => !isGroup(s));
  const inside = (group: string) => leaves.filter((l) => l.id.startsWith(`${group}.`));
  // Entering a compound state enters its initial child (down to a leaf).
  const resolve = (id: string): string => {
    let cur = id;
    for (let s = byId.get(cur); isGroup(s); s = byId.get(cur)) cur = s!.initial ?? inside(cur)[0]?.id ?? cur;
    return cur;
  };

  // Layers of the leaf states: breadth-first from the initial state. A compound
  // state's own transitions (ABORT while deploying) leave from below all of its
  // children, innermost first; unreached states after; top-level finals last.
  const layer = new Map<string, number>();
  const queue: string[] = [];
  const visit = (id: string, l: number) => {
    if (layer.has(id)) return;
    layer.set(id, l);
    queue.push(id);
  };
  if (m.initial) visit(resolve(m.initial), 0);
  const fromLeaves = edgesByPair.filter((e) => !isGroup(byId.get(e.source)));
  const fromGroups = edgesByPair.filter((e) => isGroup(byId.get(e.source))).sort((a, b) => b.source.split('.').length - a.source.split('.').length);
  for (;;) {
    while (queue.length) {
      const id = queue.shift()!;
      for (const e of fromLeaves) if (e.source === id) visit(resolve(e.target), layer.get(id)! + 1);
    }
    const next = fromGroups.find((e) => !layer.has(resolve(e.target)) && inside(e.source).some((l) => layer.has(l.id)));
    if (!next) break;
    visit(resolve(next.target), Math.max(...inside(next.source).filter((l) => layer.has(l.id)).map((l) => layer.get(l.id)!)) + 1);
  }
  const topFinal = (s: MachineState) => s.type === 'final' && !s.id.includes('.');
  let deepest = Math.max(0, ...leaves.filter((s) => !topFinal(s) && layer.has(s.id)).map((s) => layer.get(s.id)!));
  const unreached = leaves.filter((s) => !topFinal(s) && !layer.has(s.id));
  if (unreached.length) deepest++;
  for (const s of unreached) layer.set(s.id, deepest);
  for (const s of leaves.filter(topFinal)) layer.set(s.id, deepest + 1);

  // Order within a layer by the mean position of the states that lead there (fewer crossings).
  const rows: MachineState[][] = [];
  for (const s of leaves) (rows[layer.get(s.id)!] ??= []).push(s);
  const position = new Map<string, number>();
  rows.forEach((row, r) => {
    if (r > 0) {
      const mean = (s: MachineState) => {
        const from = edgesByPair.filter((e) => resolve(e.target) === s.id && position.has(e.source)).map((e) => position.get(e.source)!);
        return from.length ? from.reduce((a, b) => a + b, 0) / from.length : Infinity;
      };
      const keyed = row.map((s, k) => ({ s, k, m: mean(s) }));
      keyed.sort((a, b) => a.m - b.m || a.k - b.k);
      rows[r] = row = keyed.map((x) => x.s);
    }
    row.forEach((s, k) => position.set(s.id, row.length === 1 ? 0.5 : k / (row.length - 1)));
  });

  const nodes: ChartNode[] = [];
  const width = (s: MachineState) => Math.min(180, Math.max(84, leaf(s.id).length * 6.6 + 20));
  // Neighbours joined by an arrow are spread apart far enough for its label to sit between them.
  const gapAfter = (row: MachineState[], k: number) => {
    const a = row[k]!.id;
    const b = row[k + 1]?.id;
    const between = edgesByPair.filter((e) => (e.source === a && e.target === b) || (e.source === b && e.target === a));
    return Math.max(NODE_GAP, ...between.map((e) => textWidth(e.lines) + 16));
  };
  const rowWidths = rows.map((row) => (row ?? []).reduce((sum, s, k) => sum + width(s) + (k < row.length - 1 ? gapAfter(row, k) : 0), 0));
  const depth = Math.max(0, ...m.states.filter(isGroup).map((s) => s.id.split('.').length));
  const inner = Math.max(...rowWidths, 120) + 2 * GROUP_PAD * depth;
  rows.forEach((row, r) => {
    let x = MARGIN + (inner - rowWidths[r]!) / 2;
    (row ?? []).forEach((s, k) => {
      const node: ChartNode = { id: s.id, label: leaf(s.id), type: s.type, x, y: MARGIN + 14 + GROUP_TOP * depth + r * (NODE_H + LAYER_GAP), w: width(s), h: NODE_H };
      if (s.description) node.description = s.description;
      nodes.push(node);
      x += node.w + (k < row.length - 1 ? gapAfter(row, k) : 0);
    });
  });
  // Compound states are drawn round their children, innermost first so the outer ones enclose them.
  const groups = m.states.filter(isGroup).sort((a, b) => b.id.split('.').length - a.id.split('.').length);
  const top = new Map<string, number>();
  const bottom = new Map<string, number>();
  for (const s of leaves) top.set(s.id, layer.get(s.id)!), bottom.set(s.id, layer.get(s.id)!);
  for (const g of groups) {
    const kids = nodes.filter((n) => n.id.startsWith(`${g.id}.`));
    if (!kids.length) continue;
    const x0 = Math.min(...kids.map((n) => n.x)) - GROUP_PAD;
    const y0 = Math.min(...kids.map((n) => n.y)) - GROUP_TOP;
    const x1 = Math.max(...kids.map((n) => n.x + n.w)) + GROUP_PAD;
    const y1 = Math.max(...kids.map((n) => n.y + n.h)) + GROUP_PAD;
    const box: ChartNode = { id: g.id, label: leaf(g.id), type: g.type, x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
    if (g.description) box.description = g.description;
    nodes.unshift(box);
    const ls = inside(g.id).map((l) => layer.get(l.id)!);
    top.set(g.id, Math.min(...ls));
    bottom.set(g.id, Math.max(...ls));
  }
  const leafNodes = nodes.filter((n) => !isGroup(byId.get(n.id)));
  const at = new Map(nodes.map((n) => [n.id, n]));

  // Exit and entry points spread along a box's bottom and top edges, in the order of the other end.
  const forward = edgesByPair.filter((e) => top.get(e.target)! > bottom.get(e.source)!);
  const spread = (list: typeof forward, end: 'source' | 'target', other: 'source' | 'target') => {
    const slot = new Map<string, number>();
    const groups = new Map<string, typeof forward>();
    for (const e of list) groups.set(e[end], [...(groups.get(e[end]) ?? []), e]);
    for (const [id, group] of groups) {
      group.sort((a, b) => at.get(a[other])!.x - at.get(b[other])!.x);
      const n = at.get(id)!;
      group.forEach((e, k) => slot.set(`${e.source}→${e.target}`, n.x + (n.w * (k + 1)) / (group.length + 1)));
    }
    return slot;
  };
  const exits = spread(forward, 'source', 'target');
  const entries = spread(forward, 'target', 'source');

  const lanes = { left: 0, right: 0 };
  const right = MARGIN + inner;
  let railX = right + 14;
  const edges: ChartEdge[] = [];
  for (const e of edgesByPair) {
    const key = `${e.source}→${e.target}`;
    const s = at.get(e.source)!;
    const t = at.get(e.target)!;
    const base = { key, source: e.source, target: e.target, lines: e.lines, showLabel: true };
    const ls = bottom.get(e.source)!;
    const lt = top.get(e.target)!;
    if (e.source === e.target) {
      const x = s.x + s.w;
      edges.push({ ...base, d: `M${x},${s.y + 6} C${x + 26},${s.y - 8} ${x + 26},${s.y + s.h + 8} ${x},${s.y + s.h - 6}`, lx: x + 24, ly: s.y + s.h / 2 + 4 });
    } else if (lt > ls) {
      const x1 = exits.get(key)!;
      const y1 = s.y + s.h;
      const x2 = entries.get(key)!;
      const y2 = t.y;
      const dy = Math.min(LAYER_GAP, (y2 - y1) / 2);
      // Across several layers an arrow must not cross the states in between (it
      // would read as passing through them): if it would, it goes round them on a side lane.
      const between = leafNodes.filter((n) => layer.get(n.id)! > ls && layer.get(n.id)! < lt);
      const hits = between.some((n) => {
        const x = x1 + ((x2 - x1) * (n.y + n.h / 2 - y1)) / (y2 - y1);
        return x > n.x - 8 && x < n.x + n.w + 8;
      });
      if (hits) {
        const leftSide = (x1 + x2) / 2 < MARGIN + inner / 2;
        const lane = leftSide ? Math.min(...between.map((n) => n.x)) - 16 - lanes.left++ * 10 : Math.max(...between.map((n) => n.x + n.w)) + 16 + lanes.right++ * 10;
        const top = y1 + 22;
        const bottom = y2 - 22;
        const d = `M${x1},${y1} C${x1},${top} ${lane},${y1} ${lane},${top} V${bottom} C${lane},${y2} ${x2},${bottom} ${x2},${y2}`;
        edges.push({ ...base, d, lx: leftSide ? lane - textWidth(e.lines) - 2 : lane + 4, ly: (top + bottom) / 2 });
      } else {
        const d = `M${x1},${y1} C${x1},${y1 + dy} ${x2},${y2 - dy} ${x2},${y2}`;
        // The label sits in the gap above the target, where the arrow arrives.
        const u = lt - ls === 1 ? 0.5 : 1 - 0.3 / (lt - ls);
        const bx = cubic(x1, x1, x2, x2, u);
        const by = cubic(y1, y1 + dy, y2 - dy, y2, u);
        edges.push({ ...base, d, lx: bx - textWidth(e.lines) / 2, ly: by });
      }
    } else if (lt === ls) {
      const between = leafNodes.some((n) => layer.get(n.id) === ls && n.x > Math.min(s.x, t.x) && n.x < Math.max(s.x, t.x));
      const leftToRight = s.x < t.x;
      if (!between) {
        const x1 = leftToRight ? s.x + s.w : s.x;
        const x2 = leftToRight ? t.x : t.x + t.w;
        const y = s.y + s.h / 2 + (leftToRight ? -5 : 5);
        // Between the two boxes (spread apart for it), the lines ending just over the arrow.
        edges.push({ ...base, d: `M${x1},${y} L${x2},${y}`, lx: (x1 + x2) / 2 - textWidth(e.lines) / 2, ly: y - 4 - (e.lines.length - 1) * LINE_HEIGHT });
      } else {
        const x1 = s.x + s.w / 2;
        const x2 = t.x + t.w / 2;
        const top = s.y - 26;
        edges.push({ ...base, d: `M${x1},${s.y} C${x1},${top} ${x2},${top} ${x2},${t.y}`, lx: (x1 + x2) / 2 - textWidth(e.lines) / 2, ly: top + 2 });
      }
    } else {
      // Back to an earlier layer: out on the right, up a rail, back in from the right.
      const x = railX;
      railX += 10;
      const y1 = s.y + s.h / 2 + 4;
      const y2 = t.y + t.h / 2 - 4;
      edges.push({ ...base, d: `M${s.x + s.w},${y1} H${x} V${y2} H${t.x + t.w}`, lx: x + 4, ly: (y1 + y2) / 2 + 4 });
    }
  }
  placeLabels(edges, [...leafNodes, ...nodes.filter((n) => !leafNodes.includes(n)).map((g) => ({ ...g, h: GROUP_TOP }))]);
  shiftRight(nodes, edges, MARGIN - Math.min(0, ...edges.map((e) => e.lx)) - MARGIN);
  railX = Math.max(railX, ...edges.map((e) => e.lx));
  const maxX = Math.max(railX, ...edges.map((e) => e.lx + textWidth(e.lines)), ...nodes.map((n) => n.x + n.w));
  const maxY = Math.max(...nodes.map((n) => n.y + n.h), ...edges.map((e) => e.ly + LINE_HEIGHT * e.lines.length));
  return { width: Math.ceil(maxX + MARGIN), height: Math.ceil(maxY + MARGIN), nodes, edges };
}

/** Moves the whole drawing right by dx (left lanes and labels may start left of 0). */
function shiftRight(nodes: ChartNode[], edges: ChartEdge[], dx: number): void {
  if (dx <= 0) return;
  for (const n of nodes) n.x += dx;
  for (const e of edges) {
    e.lx += dx;
    // Every x in the path: after M, L, H, C and the first of each pair.
    e.d = e.d.replace(/([MLC ])(-?[\d.]+),/g, (_, c: string, x: string) => `${c}${Number(x) + dx},`).replace(/H(-?[\d.]+)/g, (_, x: string) => `H${Number(x) + dx}`);
  }
}

function cubic(a: number, b: number, c: number, d: number, u: number): number {
  const v = 1 - u;
  return v * v * v * a + 3 * v * v * u * b + 3 * v * u * u * c + u * u * u * d;
}

// ---- lifecycles ------------------------------------------------------------------

const ROW_H = 18;
const ROW_GAP = 12;
const COLUMN_X = 14;

/** The lifecycle as a column in AWS's order, the way it succeeds; the other exits to the side. */
export function layoutLifecycle(m: MachineDescription): ChartLayout {
  const edgesByPair = pairs(m);
  const byId = new Map(m.states.map((s) => [s.id, s]));
  const succeeded = (id: string) => byId.get(id)?.status === 'Succeeded' || id === 'Succeeded';
  // Follow the way through: the next state that is not an exit (or the final that means success).
  const chain: string[] = m.initial ? [m.initial] : [];
  for (let cur = m.initial; cur; ) {
    const outs = edgesByPair.filter((e) => e.source === cur && !chain.includes(e.target)).map((e) => byId.get(e.target)!);
    const step = outs.find((s) => s.type !== 'final') ?? outs.find((s) => succeeded(s.id));
    if (!step) break;
    chain.push(step.id);
    cur = step.type === 'final' ? '' : step.id;
  }
  const side = m.states.filter((s) => !chain.includes(s.id));
  const w = Math.max(150, ...chain.map((id) => leaf(id).length * 6.6 + 20));
  const nodes: ChartNode[] = chain.map((id, k) => node(byId.get(id)!, COLUMN_X, 8 + k * (ROW_H + ROW_GAP), w, ROW_H));
  const row = new Map(chain.map((id, k) => [id, k]));

  // Exits sit beside the rows that lead to them, pushed apart so they never overlap.
  const sideX = COLUMN_X + w + 96;
  const sideW = Math.max(70, ...side.map((s) => leaf(s.id).length * 6.6 + 20));
  const wanted = side.map((s) => {
    const from = edgesByPair.filter((e) => e.target === s.id && row.has(e.source)).map((e) => nodes[row.get(e.source)!]!.y);
    return { s, y: from.length ? from.reduce((a, b) => a + b, 0) / from.length : nodes[nodes.length - 1]?.y ?? 8 };
  });
  wanted.sort((a, b) => a.y - b.y);
  let floor = 8;
  for (const { s, y } of wanted) {
    const top = Math.max(y, floor);
    nodes.push(node(s, sideX, top, sideW, ROW_H));
    floor = top + ROW_H + 14;
  }
  const at = new Map(nodes.map((n) => [n.id, n]));

  const edges: ChartEdge[] = [];
  const labelled = new Set<string>();
  const column = new Set<ChartEdge>();
  let leftRail = COLUMN_X - 6;
  const railOf = new Map(side.map((s, k) => [s.id, COLUMN_X + w + 22 + k * 9]));
  for (const e of edgesByPair) {
    const s = at.get(e.source)!;
    const t = at.get(e.target)!;
    const key = `${e.source}→${e.target}`;
    const base = { key, source: e.source, target: e.target, lines: e.lines, showLabel: true };
    const rs = row.get(e.source);
    const rt = row.get(e.target);
    if (rs !== undefined && rt === rs + 1) {
      // Down the column; the label stays in the gap beside its arrow, on one line.
      const x = s.x + 22;
      const edge = { ...base, lines: [e.lines.join(' · ')], d: `M${x},${s.y + s.h} L${x},${t.y}`, lx: x + 6, ly: s.y + s.h + ROW_GAP / 2 + 4 };
      column.add(edge);
      edges.push(edge);
    } else if (rs !== undefined && rt !== undefined) {
      // Skipping ahead (or back) in the column: a rail on the left.
      const x = leftRail;
      leftRail -= 6;
      edges.push({ ...base, d: `M${s.x},${s.y + s.h / 2} H${x} V${t.y + t.h / 2} H${t.x}`, lx: x - 2, ly: t.y - 2, showLabel: false });
    } else {
      const rail = railOf.get(e.target) ?? s.x + s.w + 20;
      const ty = t.y + t.h / 2;
      const text = `${e.target} ${e.lines.join()}`;
      const first = !labelled.has(text);
      labelled.add(text);
      edges.push({ ...base, d: `M${s.x + s.w},${s.y + s.h / 2} H${rail} V${ty} H${t.x}`, lx: rail + 4, ly: ty - 4, showLabel: first });
    }
  }
  placeLabels(edges, nodes, column);
  const maxX = Math.max(...nodes.map((n) => n.x + n.w), ...edges.filter((e) => e.showLabel).map((e) => e.lx + textWidth(e.lines)));
  const maxY = Math.max(...nodes.map((n) => n.y + n.h));
  return { width: Math.ceil(maxX + 8), height: Math.ceil(maxY + 8), nodes, edges };
}

function node(s: MachineState, x: number, y: number, w: number, h: number): ChartNode {
  const n: ChartNode = { id: s.id, label: leaf(s.id), type: s.type, x, y, w, h };
  if (s.description) n.description = s.description;
  return n;
}
