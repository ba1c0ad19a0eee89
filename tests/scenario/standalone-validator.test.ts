// The precompiled validator (Ajv standalone code) is current with the schema, and
// the runtime helpers it calls behave like Ajv's own.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import ajvEqual from 'ajv/dist/runtime/equal.js';
import ajvUcs2length from 'ajv/dist/runtime/ucs2length.js';
import { describe, expect, it } from 'vitest';
import { AJV_OPTIONS, VALIDATOR_FILE, validatorSource } from '../../scripts/validator-source.ts';
import { equal, ucs2length } from '../../src/scenario/ajv-runtime.ts';
import { validate } from '../../src/scenario/schema-validator.generated.js';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import { readScenario, shippedScenarios } from '../helpers.ts';

// Ajv's runtime modules are CommonJS: their function is `default` on whichever object the loader gives.
const unwrap = (m: unknown) => ((m as { default?: unknown }).default ?? m) as (...args: any[]) => any;
const ajvEqualFn = unwrap(ajvEqual);
const ajvLengthFn = unwrap(ajvUcs2length);

describe('the precompiled scenario validator', () => {
  it('is current with src/scenario/schema.ts (run npm run schema after changing the schema)', () => {
    const committed = readFileSync(new URL(`../../${VALIDATOR_FILE}`, import.meta.url), 'utf8');
    expect(committed === validatorSource(), `${VALIDATOR_FILE} is stale: run npm run schema`).toBe(true);
  });

  it('judges like Ajv compiling the schema at run time, errors included', () => {
    const runtime = new Ajv(AJV_OPTIONS).compile(scenarioSchema);
    const inputs: unknown[] = [
      ...shippedScenarios().map(readScenario),
      { name: 'x', platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 0, BatchSzie: 2, Timeout: 'x' }, faults: [{ type: 'Nope' }, { type: 'HookFailure' }] },
      { name: '', platform: 'CodeDeploy', codeDeploy: { autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_FAILURE'] } } },
      [],
    ];
    for (const input of inputs) {
      expect(validate(input)).toBe(runtime(input));
      expect(strip(validate.errors)).toEqual(strip(runtime.errors));
    }
  });

  it('calls helpers that agree with Ajv\'s runtime', () => {
    const values: unknown[] = [1, '1', null, [], {}, [1, [2]], [1, [3]], { a: 1, b: [2] }, { b: [2], a: 1 }, { a: 1 }, { a: 1, c: 1 }, { a: undefined }, { b: 1 }];
    for (const a of values) for (const b of values) expect(equal(a, b), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(ajvEqualFn(a, b));
    for (const text of ['', 'abc', '😀', 'a😀b', '\ud800x', 'é']) expect(ucs2length(text)).toBe(ajvLengthFn(text));
  });
});

/** Errors without the schema objects, which differ by identity only. */
function strip(errors: readonly unknown[] | null | undefined) {
  return (errors ?? []).map((e) => {
    const { schema: _s, parentSchema: _p, ...rest } = e as Record<string, unknown>;
    return rest;
  });
}
