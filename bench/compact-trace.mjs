// A PROPOSAL, measured by the benchmark, not the trace contract: how small `--json`
// would get if the long per-target lists were written as columns (one array per
// field) instead of one object per entry. Nothing reads this encoding yet; the bench
// only prints its size beside today's, so the lead can decide (see the perf report).
//
// Each table: `strings` is a dictionary (step names, statuses, revisions, deployment
// ids, reasons, message templates), `target` indexes trace.targets, times are
// deltas from the previous row (rows stay in the trace's order, so deltas are ≥ 0
// and mostly 0), absent fields are -1. Events keep their prose: the message becomes
// a template with the target id cut out ("{target} is launched into …") plus the id.

/** Bytes of the JSON text, as `--json` writes it. */
export function jsonBytes(value) {
  return Buffer.byteLength(JSON.stringify(value));
}

function dictionary() {
  const strings = [];
  const index = new Map();
  const id = (s) => {
    if (s === undefined) return -1;
    let i = index.get(s);
    if (i === undefined) index.set(s, (i = strings.push(s) - 1));
    return i;
  };
  return { strings, id };
}

/** Columns of `rows`: `fields` maps a column name to how a row's value is coded. */
function table(rows, fields) {
  const columns = Object.fromEntries(Object.keys(fields).map((k) => [k, new Array(rows.length)]));
  for (let i = 0; i < rows.length; i++) for (const [k, code] of Object.entries(fields)) columns[k][i] = code(rows[i], i);
  return columns;
}

function delta(rows, key) {
  let previous = 0;
  return (row) => {
    const d = row[key] - previous;
    previous = row[key];
    return d;
  };
}

/** The trace with the lists named in `lists` (spans, changes, events, targets) as tables. */
export function compactTrace(trace, lists = ['spans', 'changes', 'events', 'targets']) {
  const { strings, id } = dictionary();
  const targetIndex = new Map(trace.targets.map((t, i) => [t.id, i]));
  const target = (row) => targetIndex.get(row.target) ?? -1;
  const flag = (v) => (v === undefined ? -1 : v ? 1 : 0);
  const out = { ...trace, strings };
  if (lists.includes('spans')) {
    delete out.spans;
    out.spanTable = table(trace.spans, {
      target,
      name: (s) => id(s.name),
      start: delta(trace.spans, 'start'),
      seconds: (s) => s.end - s.start,
      status: (s) => id(s.status),
      deploymentId: (s) => id(s.deploymentId),
      revision: (s) => id(s.revision),
      reason: (s) => id(s.reason),
    });
  }
  if (lists.includes('changes')) {
    delete out.changes;
    out.changeTable = table(trace.changes, {
      t: delta(trace.changes, 't'),
      target,
      version: (c) => id(c.version),
      state: (c) => id(c.state),
      healthy: (c) => flag(c.healthy),
      registered: (c) => flag(c.registered),
    });
  }
  if (lists.includes('events')) {
    delete out.events;
    out.eventTable = table(trace.events, {
      t: delta(trace.events, 't'),
      type: (e) => id(e.type),
      target: (e) => (e.target === undefined ? -1 : target(e)),
      message: (e) => id(e.target === undefined ? e.message : e.message.split(e.target).join('{target}')),
      deploymentId: (e) => id(e.deploymentId),
      // The rarer fields (rule, undocumented, healthy, end) stay an object, or 0.
      rest: (e) => {
        const { t, type, target: _target, message, deploymentId, ...rest } = e;
        return Object.keys(rest).length === 0 ? 0 : rest;
      },
    });
  }
  if (lists.includes('targets')) {
    delete out.targets;
    out.targetTable = table(trace.targets, {
      id: (t) => t.id,
      kind: (t) => id(t.kind),
      group: (t) => id(t.group),
      launchedAt: (t) => t.launchedAt,
      label: (t) => id(t.label),
    });
    out.final = {
      targets: table(trace.final.targets, { version: (f) => id(f.version), state: (f) => id(f.state), healthy: (f) => flag(f.healthy) }),
      traffic: trace.final.traffic,
    };
  }
  return out;
}

/** Bytes per instance today, and with each list in turn written as a table (cumulative). */
export function traceSizes(trace, instances) {
  const per = (value) => Math.round(jsonBytes(value) / instances);
  return {
    today: per(trace),
    spanTable: per(compactTrace(trace, ['spans'])),
    plusChangeTable: per(compactTrace(trace, ['spans', 'changes'])),
    allTables: per(compactTrace(trace)),
  };
}
