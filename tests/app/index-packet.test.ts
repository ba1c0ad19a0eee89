// The worker's packed index (src/app/index-packet.ts) arrives as the same index the
// page would have built itself: every field, absent optional fields absent, key
// order kept, and the per-target lists sharing the trace's own span objects. The
// worker packs a trace fresh from the engine, whose lists are still unbuilt columns.
import { describe, expect, it, vi } from 'vitest';
import { EventColumns } from '../../src/engine/event-columns.ts';
import { buildIndex, frameAt, type TraceIndex } from '../../src/layout/frame.ts';
import type { Trace } from '../../src/trace/types.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { validateScenario } from '../../src/scenario/validate.ts';
import { packetBuffers, packParts, packTrace, unpackIndex, unpackIndexInTasks } from '../../src/app/index-packet.ts';
import { eb, readScenario, shippedScenarios } from '../helpers.ts';

/** Through structured clones with the buffers transferred, as the worker posts its two parts: the first moved before the second is packed. */
function roundTrip(trace: Trace): TraceIndex {
  const parts = packParts(trace);
  const lists = structuredClone(parts.lists, { transfer: packetBuffers(parts.lists) });
  const rest = parts.rest();
  return unpackIndex({ ...lists, ...structuredClone(rest, { transfer: packetBuffers(rest) }) });
}

describe('index packet', () => {
  it.each(shippedScenarios())('%s arrives equal to the index built on the page', (rel) => {
    const v = validateScenario(readScenario(rel));
    if (!v.ok) throw new Error(`${rel} is invalid`);
    const fresh = simulate(v.scenario);
    expect(Object.getOwnPropertyDescriptor(fresh, 'spans')?.get).toBeDefined(); // columns, not yet a list
    const back = roundTrip(fresh);
    // Another run of the same scenario, indexed on the page from its built lists.
    const index = buildIndex(simulate(v.scenario));
    expect(back).toStrictEqual(index);
    // The same JSON, key for key, as a trace export of either would write.
    expect(JSON.stringify(back.trace)).toBe(JSON.stringify(index.trace));
  });

  it('keeps the per-target lists pointing at the trace spans, not at copies', () => {
    const back = roundTrip(eb({ instances: 4, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2 }));
    const spans = new Set(back.trace.spans);
    const listed = [...back.spansByTarget, ...back.runningByTarget, ...back.failedByTarget].flat();
    expect(listed.length).toBeGreaterThan(0);
    for (const s of listed) expect(spans.has(s)).toBe(true);
    expect(back.phases.every((p) => back.trace.phases.includes(p))).toBe(true);
  });

  it('packs only a trace fresh from the engine, and says so', () => {
    const trace = eb({ instances: 5, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2 });
    expect(trace.spans.length).toBeGreaterThan(0); // built: no longer the engine's columns
    expect(() => packTrace(trace)).toThrow(/fresh from simulate\(\)/);
  });

  it('builds the changes and the final targets on the page only when they are read', () => {
    const back = roundTrip(eb({ instances: 4, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2 }));
    expect(Object.getOwnPropertyDescriptor(back.trace, 'changes')?.get).toBeDefined();
    expect(Object.getOwnPropertyDescriptor(back.trace.final, 'targets')?.get).toBeDefined();
    expect(back.trace.changes).toStrictEqual(eb({ instances: 4, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2 }).changes);
  });

  it('builds the events on the page only when they are read: a frame counts them without them', () => {
    const settings = { instances: 4, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2 };
    const back = roundTrip(eb(settings));
    const built = eb(settings);
    const t = built.events[Math.floor(built.events.length / 2)]!.t;
    const frame = frameAt(back, t);
    expect(frame.eventCount).toBe(built.events.filter((e) => e.t <= t).length);
    expect(Object.getOwnPropertyDescriptor(back.trace, 'events')?.get).toBeDefined(); // still unbuilt
    expect(frame.latestEvent).toStrictEqual(built.events[frame.eventCount - 1]);
    expect(Object.getOwnPropertyDescriptor(back.trace, 'events')?.get).toBeUndefined(); // built by that read
    expect(back.trace.events).toStrictEqual(built.events);
  });

  it('rebuilds the same index when it pauses between tables', async () => {
    const settings = { instances: 6, DeploymentPolicy: 'RollingWithAdditionalBatch', BatchSizeType: 'Fixed', BatchSize: 2 };
    const index = buildIndex(eb(settings));
    let tasks = 0;
    const counting = setInterval(() => tasks++, 0);
    const packet = packTrace(eb(settings));
    const back = await unpackIndexInTasks(packet, Promise.resolve(packet));
    clearInterval(counting);
    expect(back).toStrictEqual(index);
    expect(tasks).toBeGreaterThan(0); // the page got the thread back in between
  });

  it('builds the lists while the second part is still coming, and gives no index without it', async () => {
    const settings = { instances: 6, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2 };
    const parts = packParts(eb(settings));
    let arrive!: (r: ReturnType<typeof parts.rest> | undefined) => void;
    const rest = new Promise<ReturnType<typeof parts.rest> | undefined>((resolve) => (arrive = resolve));
    const eventsRevived = vi.spyOn(EventColumns, 'revive');
    const back = unpackIndexInTasks(parts.lists, rest);
    await vi.waitFor(() => expect(eventsRevived).toHaveBeenCalled());
    arrive(parts.rest());
    expect(await back).toStrictEqual(buildIndex(eb(settings)));
    eventsRevived.mockRestore();
    expect(await unpackIndexInTasks(packParts(eb(settings)).lists, Promise.resolve(undefined))).toBeUndefined();
  });

  it('moves its columns instead of copying them', () => {
    const packet = packTrace(eb({ instances: 3 }));
    const buffers = packetBuffers(packet);
    structuredClone(packet, { transfer: buffers });
    expect(buffers.every((b) => b.byteLength === 0)).toBe(true); // detached: moved
  });
});
