// The worker's packed index (src/app/index-packet.ts) arrives as the same index the
// page would have built itself: every field, absent optional fields absent, key
// order kept, and the per-target lists sharing the trace's own span objects.
import { describe, expect, it } from 'vitest';
import { buildIndex, type TraceIndex } from '../../src/layout/frame.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { validateScenario } from '../../src/scenario/validate.ts';
import { packetBuffers, packIndex, unpackIndex, unpackIndexInTasks } from '../../src/app/index-packet.ts';
import { eb, readScenario, shippedScenarios } from '../helpers.ts';

/** Through a structured clone with the buffers transferred, as postMessage sends it. */
function roundTrip(index: TraceIndex): TraceIndex {
  const packet = packIndex(index);
  return unpackIndex(structuredClone(packet, { transfer: packetBuffers(packet) }));
}

describe('index packet', () => {
  it.each(shippedScenarios())('%s arrives equal to the index built on the page', (rel) => {
    const v = validateScenario(readScenario(rel));
    if (!v.ok) throw new Error(`${rel} is invalid`);
    const index = buildIndex(simulate(v.scenario));
    const back = roundTrip(index);
    expect(back).toStrictEqual(index);
    // The same JSON, key for key, as a trace export of either would write.
    expect(JSON.stringify(back.trace)).toBe(JSON.stringify(index.trace));
  });

  it('keeps the per-target lists pointing at the trace spans, not at copies', () => {
    const back = roundTrip(buildIndex(eb({ instances: 4, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2 })));
    const spans = new Set(back.trace.spans);
    const listed = [...back.spansByTarget, ...back.runningByTarget, ...back.failedByTarget].flat();
    expect(listed.length).toBeGreaterThan(0);
    for (const s of listed) expect(spans.has(s)).toBe(true);
    expect(back.phases.every((p) => back.trace.phases.includes(p))).toBe(true);
  });

  it('finds the rows of lists that are not in trace order (a trace read from a file may list spans in any order)', () => {
    const trace = eb({ instances: 5, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2 });
    trace.spans.reverse();
    const index = buildIndex(trace);
    expect(roundTrip(index)).toStrictEqual(index);
  });

  it('rebuilds the same index when it pauses between tables', async () => {
    const index = buildIndex(eb({ instances: 6, DeploymentPolicy: 'RollingWithAdditionalBatch', BatchSizeType: 'Fixed', BatchSize: 2 }));
    let tasks = 0;
    const counting = setInterval(() => tasks++, 0);
    const back = await unpackIndexInTasks(packIndex(index));
    clearInterval(counting);
    expect(back).toStrictEqual(index);
    expect(tasks).toBeGreaterThan(0); // the page got the thread back in between
  });

  it('moves its columns instead of copying them', () => {
    const packet = packIndex(buildIndex(eb({ instances: 3 })));
    const buffers = packetBuffers(packet);
    structuredClone(packet, { transfer: buffers });
    expect(buffers.every((b) => b.byteLength === 0)).toBe(true); // detached: moved
  });
});
