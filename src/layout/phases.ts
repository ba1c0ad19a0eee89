// Phase bands for the timeline: the trace's batches, waits, traffic shifts and
// rollbacks packed into as few rows as they need (a wait inside a batch goes on
// the row below it), plus a marker where each later deployment starts. Laid out
// once per trace; a frame only clips them at the playhead.
import type { PhaseKind, TraceDeployment, TracePhase } from '../trace/types.ts';
import type { TraceIndex } from './frame.ts';

export interface PhaseBand {
  phase: TracePhase;
  row: number;
  /** Drawn in the rollback style: a rollback phase or any phase of a rollback deployment. */
  rollback: boolean;
}

export interface DeploymentMarker {
  t: number;
  deployment: TraceDeployment;
  rollback: boolean;
  label: string;
}

export interface PhaseLayout {
  bands: PhaseBand[];
  rows: number;
  markers: DeploymentMarker[];
}

export const PHASE_KIND_LABEL: Record<PhaseKind, string> = {
  batch: 'Batch',
  wait: 'Wait',
  'traffic-shift': 'Traffic shift',
  rollback: 'Rollback',
};

/**
 * Phases in rows: sorted by start (outer first), each goes on the first row whose
 * last band has ended by its start. With no phases in the trace, the waits its
 * `wait-started` events announce with an `end` are shown instead.
 */
export function layoutPhases(index: TraceIndex): PhaseLayout {
  const trace = index.trace;
  const byId = new Map(trace.deployments.map((d) => [d.id, d]));
  const isRollback = (id: string) => byId.get(id)?.creator === 'codeDeployRollback';
  let phases = index.phases;
  if (phases.length === 0) {
    phases = trace.events
      .filter((e) => e.type === 'wait-started' && e.end !== undefined && e.end > e.t && e.deploymentId)
      .map((e) => ({ deploymentId: e.deploymentId!, kind: 'wait' as const, name: 'Wait', start: e.t, end: e.end! }));
  }
  const rowEnds: number[] = [];
  const bands: PhaseBand[] = [];
  for (const phase of phases) {
    let row = rowEnds.findIndex((end) => end <= phase.start);
    if (row < 0) row = rowEnds.push(phase.end) - 1;
    // A zero-length phase still takes its instant, so a later one at that instant goes below.
    else rowEnds[row] = Math.max(phase.end, phase.start + 1e-9);
    bands.push({ phase, row, rollback: phase.kind === 'rollback' || isRollback(phase.deploymentId) });
  }
  const first = trace.deployments[0];
  const markers = trace.deployments
    .filter((d) => d !== first)
    .map((d) => {
      const rollback = d.creator === 'codeDeployRollback';
      return { t: d.start, deployment: d, rollback, label: rollback ? `${d.id} rollback starts` : `${d.id} starts` };
    });
  return { bands, rows: rowEnds.length, markers };
}
