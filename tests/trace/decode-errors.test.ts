// A trace file is user input: decodeTrace and readTrace refuse anything malformed
// with one sentence naming the field, never a stack trace or a half-read trace.
import { describe, expect, it } from 'vitest';
import { decodeTrace, TraceFormatError } from '../../src/trace/decode.ts';
import { encodeTrace } from '../../src/trace/encode.ts';
import { readTrace } from '../../src/trace/read.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { validateScenario } from '../../src/scenario/validate.ts';
import { eb, readScenario, shippedScenarios } from '../helpers.ts';

type Json = Record<string, any>;
const trace = eb({ instances: 3, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 1 });
const compact = (): Json => JSON.parse(JSON.stringify(encodeTrace(trace)));
const expanded = (): Json => JSON.parse(JSON.stringify(trace));

function problem(json: unknown): string {
  try {
    decodeTrace(json);
  } catch (err) {
    expect(err).toBeInstanceOf(TraceFormatError);
    return (err as Error).message;
  }
  throw new Error('decoded without complaint');
}

describe('decodeTrace refuses malformed traces, naming the field', () => {
  it.each<[string, () => unknown, string]>([
    ['not an object', () => [1, 2], 'trace: is [1,2]; expected an object'],
    ['another schema version', () => ({ ...compact(), schemaVersion: 1 }), 'schemaVersion: is 1; expected 2 (this deploysim reads trace schemaVersion 2)'],
    ['an unknown encoding', () => ({ ...compact(), encoding: 'rows' }), 'encoding: is "rows"; expected "columns", or no encoding for the object form'],
    ['no dictionary', () => ({ ...compact(), strings: undefined }), 'strings: is missing; expected a list'],
    ['a missing column', () => (({ spans: { status, ...rest }, ...c }) => ({ ...c, spans: rest }))(compact()), 'spans.status: is missing (every table has a column for each required field)'],
    ['columns of different lengths', () => { const c = compact(); c.spans.name.pop(); return c; }, `spans.name: has ${trace.spans.length - 1} rows, but spans.target has ${trace.spans.length}`],
    ['an index past the dictionary', () => { const c = compact(); c.spans.status[4] = 999; return c; }, `spans.status[4]: is 999; expected a row number from 0 to ${compact().strings.length - 1}`],
    ['a word the contract does not have', () => { const c = compact(); c.strings.push('Maybe'); c.spans.status[0] = c.strings.length - 1; return c; }, 'spans.status[0]: is "Maybe"; expected one of Succeeded, Failed, Skipped'],
    ['a target row past the table', () => { const c = compact(); c.changes.target[2] = 50; return c; }, 'changes.target[2]: is '],
    ['a required field marked absent', () => { const c = compact(); c.spans.name[0] = -1; return c; }, 'spans.name[0]: is -1; expected a row number'],
    ['a time that is not a number', () => { const c = compact(); c.events.t[1] = '5'; return c; }, 'events.t[1]: is "5"; expected a number'],
    ['a flag that is not 0 or 1', () => { const c = compact(); c.final.targets.healthy[0] = true; return c; }, 'final.targets.healthy[0]: is true; expected 1 (true) or 0 (false)'],
    ['a record with a non-number', () => { const c = compact(); c.samples.traffic[0] = { v1: 'all' }; return c; }, 'samples.traffic[0].v1: is "all"; expected a number'],
    ['a target listed twice', () => { const c = compact(); c.targets.id[1] = c.targets.id[0]; return c; }, 'targets.id[1]: "i-1" is listed twice; target ids are unique'],
    ['a bad outcome', () => ({ ...compact(), outcome: 'Great' }), 'outcome: is "Great"; expected one of Succeeded, Failed, Stopped, RolledBack'],
    ['a deployment without an id', () => { const c = compact(); delete c.deployments[0].id; return c; }, 'deployments[0].id: is missing'],
    // The object form is checked the same way, with row-first paths.
    ['an object-form span without a name', () => { const e = expanded(); delete e.spans[3].name; return e; }, 'spans[3].name: is missing'],
    ['an object-form change of an unknown target', () => { const e = expanded(); e.changes[0].target = 'i-99'; return e; }, 'changes[0].target: names "i-99", which is not in the trace\'s targets'],
    ['an object-form list that is not a list', () => ({ ...expanded(), events: {} }), 'events: is {}; expected a list'],
  ])('%s', (_, json, expected) => {
    expect(problem(json())).toContain(expected);
  });

  it('reads a version name that is an Object.prototype key as data, not as a prototype', () => {
    const c = compact();
    c.samples.inService[0] = JSON.parse('{"__proto__": 3, "constructor": 1}');
    const s = decodeTrace(c).samples[0]!.inService;
    expect(Object.keys(s)).toEqual(['__proto__', 'constructor']);
    expect(s['__proto__']).toBe(3);
  });
});

describe('readTrace', () => {
  it('reads either form from JSON text', () => {
    const a = readTrace(JSON.stringify(encodeTrace(trace)));
    const b = readTrace(`\ufeff${JSON.stringify(trace)}`);
    expect(a.ok && b.ok).toBe(true);
    if (a.ok) expect(a.trace).toStrictEqual(trace);
  });

  it('reads the saved trace of every shipped scenario', () => {
    for (const file of shippedScenarios().slice(0, 12)) {
      const v = validateScenario(readScenario(file));
      if (!v.ok) throw new Error(file);
      const saved = simulate(v.scenario);
      expect(readTrace(JSON.stringify(encodeTrace(saved))), file).toMatchObject({ ok: true });
    }
  });

  it('refuses a well-formed trace whose scenario is invalid or which does not hold together', () => {
    const badScenario = compact();
    badScenario.scenario.elasticBeanstalk.DeploymentPolicy = 'Sideways';
    expect(readTrace(JSON.stringify(badScenario))).toMatchObject({ ok: false, error: expect.stringMatching(/^the trace's scenario is not valid: \/elasticBeanstalk\/DeploymentPolicy: /) });
    const inconsistent = expanded();
    inconsistent.final.targets[0].version = 'v9';
    expect(readTrace(JSON.stringify(inconsistent))).toEqual({
      ok: false,
      error: 'the trace does not hold together: replaying the changes of i-1 gives v2/InService/healthy, but its final state is v9/InService/healthy',
    });
  });

  it('says what is wrong in one sentence', () => {
    expect(readTrace('{"schemaVersion": 2,')).toMatchObject({ ok: false, error: expect.stringMatching(/^this is not a trace: it is not valid JSON \(/) });
    expect(readTrace('{"schemaVersion": 3}')).toEqual({ ok: false, error: 'this is not a deploysim trace: schemaVersion: is 3; expected 2 (this deploysim reads trace schemaVersion 2)' });
  });
});
