// Lane layout for the timeline: one lane per target, grouped by the trace's
// `group`, with a header per group. Rows have fixed heights so the visible
// window of a 5,000-lane timeline is found by binary search (virtualisation).
import type { TargetGroup, TraceTarget } from '../trace/types.ts';
import { upperBound } from './time.ts';

export const GROUP_ORDER: readonly TargetGroup[] = [
  'original', 'task-set', 'additional-batch', 'temporary', 'green-environment', 'replacement', 'alias',
];

export const GROUP_LABEL: Record<TargetGroup, string> = {
  original: 'Original fleet',
  'additional-batch': 'Additional batch',
  temporary: 'Temporary group',
  'green-environment': 'Green environment',
  replacement: 'Replacement instances',
  'task-set': 'Task sets',
  alias: 'Function alias',
};

/** A group's heading; CodeDeploy's ECS replacement is a task set, not instances. */
export function groupLabel(group: TargetGroup, kinds: readonly string[]): string {
  if (group === 'replacement' && kinds.length > 0 && kinds.every((k) => k === 'task-set')) return 'Replacement task set';
  return GROUP_LABEL[group] ?? group;
}

export type LaneRow =
  | { type: 'group'; group: TargetGroup; label: string; count: number; collapsed: boolean; y: number; height: number }
  | { type: 'target'; group: TargetGroup; target: number; id: string; label: string; y: number; height: number };

export interface LaneLayout {
  rows: LaneRow[];
  height: number;
  /** Target index → its row (undefined when its group is collapsed). */
  rowOfTarget: Map<number, LaneRow>;
}

export interface LaneOptions {
  laneHeight?: number;
  headerHeight?: number;
  collapsed?: ReadonlySet<TargetGroup>;
}

export function layoutLanes(targets: readonly TraceTarget[], options: LaneOptions = {}): LaneLayout {
  const laneHeight = options.laneHeight ?? 18;
  const headerHeight = options.headerHeight ?? 22;
  const collapsed = options.collapsed ?? new Set<TargetGroup>();
  const byGroup = new Map<TargetGroup, number[]>();
  targets.forEach((t, i) => {
    const list = byGroup.get(t.group) ?? [];
    list.push(i);
    byGroup.set(t.group, list);
  });
  const rows: LaneRow[] = [];
  const rowOfTarget = new Map<number, LaneRow>();
  let y = 0;
  const groups = [...GROUP_ORDER.filter((g) => byGroup.has(g)), ...[...byGroup.keys()].filter((g) => !GROUP_ORDER.includes(g))];
  for (const group of groups) {
    const members = byGroup.get(group)!;
    const isCollapsed = collapsed.has(group);
    const label = groupLabel(group, members.map((i) => targets[i]!.kind));
    rows.push({ type: 'group', group, label, count: members.length, collapsed: isCollapsed, y, height: headerHeight });
    y += headerHeight;
    if (isCollapsed) continue;
    for (const i of members) {
      const t = targets[i]!;
      const row: LaneRow = { type: 'target', group, target: i, id: t.id, label: t.label ?? t.id, y, height: laneHeight };
      rows.push(row);
      rowOfTarget.set(i, row);
      y += laneHeight;
    }
  }
  return { rows, height: y, rowOfTarget };
}

/** The rows that intersect [top, top + height), plus `overscan` rows either side. */
export function visibleRows(layout: LaneLayout, top: number, height: number, overscan = 4): LaneRow[] {
  const rows = layout.rows;
  const first = Math.max(0, upperBound(rows, top, (r) => r.y) - 1 - overscan);
  const last = Math.min(rows.length, upperBound(rows, top + height, (r) => r.y) + overscan);
  return rows.slice(first, last);
}
