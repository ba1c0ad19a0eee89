// The compact trace (docs/trace.md, "The compact encoding"): decodeTrace(encodeTrace(t))
// gives back exactly the trace the engine produced, through JSON text, for every
// shipped scenario and for generated ones with fractional timings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.ts';
import { validateScenario } from '../../src/scenario/validate.ts';
import { decodeTrace } from '../../src/trace/decode.ts';
import { encodeTrace } from '../../src/trace/encode.ts';
import { exactDelta, timeCell } from '../../src/trace/exact-delta.ts';
import type { Trace } from '../../src/trace/types.ts';
import { eb, readScenario, run, shippedScenarios } from '../helpers.ts';

const throughJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const roundTrip = (trace: Trace): Trace => decodeTrace(throughJson(encodeTrace(trace)));

function shipped(file: string): Trace {
  const v = validateScenario(readScenario(file));
  if (!v.ok) throw new Error(`${file} is invalid`);
  return simulate(v.scenario);
}

describe('encodeTrace / decodeTrace', () => {
  it.each(shippedScenarios())('gives back the trace of %s exactly, and reads its object form too', (file) => {
    const trace = shipped(file);
    expect(roundTrip(trace)).toStrictEqual(trace);
    expect(decodeTrace(throughJson(trace))).toEqual(trace);
  });

  it('writes the long lists as columns over one dictionary, with the encoding named', () => {
    const trace = eb({ instances: 3, DeploymentPolicy: 'AllAtOnce' });
    const c = encodeTrace(trace);
    expect(c.encoding).toBe('columns');
    expect(c.schemaVersion).toBe(2);
    expect(c.targets.id).toEqual(['i-1', 'i-2', 'i-3']);
    expect(c.strings[c.targets.kind![0] as number]).toBe('instance');
    // Spans sorted by start: each start is seconds after the previous one; each end seconds after its start.
    const starts = c.spans.start as number[];
    expect(starts.reduce((sum, d, i) => (i === 0 ? d : sum + d), 0)).toBe(trace.spans.at(-1)!.start);
    expect((c.spans.end as number[])[0]).toBe(trace.spans[0]!.end - trace.spans[0]!.start);
    // Target references are differences between rows: a batch's targets one after another.
    expect(c.final.targets.id).toEqual([0, 1, 1]);
    // A message names its target through the placeholder, so the fleet shares one string.
    const withTarget = (c.events.message as unknown[])
      .filter((_, i) => (c.events.target as unknown[])[i] !== null);
    expect(new Set(withTarget).size).toBeLessThan(withTarget.length);
    expect(c.strings.some((s) => s.includes('{target}'))).toBe(true);
    // Optional fields no row has get no column.
    expect(c.spans.reason).toBeUndefined();
  });

  it('keeps a message that already holds the placeholder text as itself', () => {
    const trace = eb({ instances: 2, DeploymentPolicy: 'AllAtOnce' });
    const i = trace.events.findIndex((e) => e.target !== undefined);
    trace.events[i]!.message = `literal {target} beside ${trace.events[i]!.target}`;
    const c = encodeTrace(trace);
    expect((c.events.message as unknown[])[i]).toBe(trace.events[i]!.message);
    expect(roundTrip(trace)).toStrictEqual(trace);
  });

  it('gives back generated traces exactly, fractional times included', () => {
    const policy = fc.constantFrom('AllAtOnce', 'Rolling', 'RollingWithAdditionalBatch', 'Immutable', 'TrafficSplitting', 'BlueGreen');
    const seconds = fc.double({ min: 0.001, max: 90, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(policy, fc.integer({ min: 1, max: 6 }), seconds, seconds, seconds, fc.boolean(), (DeploymentPolicy, instances, launch, registration, termination, bad) => {
        const trace = run({
          platform: 'ElasticBeanstalk',
          elasticBeanstalk: { instances, MaxSize: 20, DeploymentPolicy, BatchSizeType: 'Fixed', BatchSize: 1 },
          timings: { launch, registration, termination },
          faults: bad ? [{ type: 'BadVersion' }] : [],
        });
        expect(roundTrip(trace)).toStrictEqual(trace);
      }),
      { numRuns: 25 },
    );
  });

  it('gives back generated CodeDeploy Server traces exactly, with failures and fractional times', () => {
    const config = fc.constantFrom('AllAtOnce', 'HalfAtATime', 'OneAtATime');
    const seconds = fc.double({ min: 0.001, max: 90, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(fc.constantFrom('IN_PLACE', 'BLUE_GREEN'), config, fc.integer({ min: 1, max: 5 }), seconds, seconds, fc.boolean(), (deploymentType, name, instances, launch, registration, fail) => {
        const trace = run({
          platform: 'CodeDeploy',
          codeDeploy: { computePlatform: 'Server', deploymentType, deploymentConfigName: `CodeDeployDefault.${name}`, instances, loadBalancer: true },
          timings: { launch, registration },
          faults: fail ? [{ type: 'HookFailure', event: 'AfterInstall', target: 'i-1' }] : [],
        });
        expect(roundTrip(trace)).toStrictEqual(trace);
      }),
      { numRuns: 25 },
    );
  });

  it('writes every time cell so that reading it back gives the time exactly', () => {
    const read = (from: number, cell: number | [number]) => (Array.isArray(cell) ? cell[0] : from + cell);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.double({ min: 0, max: 1e7, noNaN: true }), (from, to) => {
        expect(read(from, timeCell(from, to))).toBe(to);
      }),
      { numRuns: 5000 },
    );
    expect(0.3 - 0.1).not.toBe(0.2); // rounding: the plain difference would not do
    expect(0.1 + exactDelta(0.1, 0.3)!).toBe(0.3);
    // No double adds 2.146…e-53 up to 6.416…e-53 exactly (the sums step over it): the time itself.
    expect(timeCell(2.146010132200561e-53, 6.416432440435091e-53)).toEqual([6.416432440435091e-53]);
  });
});
