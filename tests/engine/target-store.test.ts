// The world's targets as typed-array columns (target-store.ts): what the run reads
// and changes of a target survives the columns growing, views and by-id reads agree,
// the in-service counts follow state, version and pool, and runs find their target
// (and a thing that is not a target) from the reference they keep.
import { describe, expect, it } from 'vitest';
import { World } from '../../src/engine/world.ts';
import { ByTarget } from '../../src/engine/by-target.ts';
import { runSteps } from '../../src/engine/steps.ts';
import { FIRST_CHUNK } from '../../src/engine/column-chunks.ts';
import { scenario } from '../helpers.ts';

function world(): World {
  return new World(scenario({ platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 2 } }));
}

describe('targets as columns', () => {
  it('keeps every field of every target as the columns grow past their first size', () => {
    const w = world();
    const n = FIRST_CHUNK + 10;
    const ids = w.addInstances(n, { group: 'original', pool: 'original', version: 'v1', state: 'InService', healthy: true, registered: true });
    const more = w.addInstances(3, { group: 'temporary', pool: 'temporary', version: '', state: 'OutOfService', healthy: false, registered: false });
    expect(ids).toHaveLength(n);
    expect(w.targetCount).toBe(n + 3);
    const last = ids[n - 1]!;
    expect([last, w.stateOf(last), w.versionOf(last), w.healthyOf(last), w.registeredOf(last)]).toEqual([n - 1, 'InService', 'v1', true, true]);
    const fresh = more[2]!;
    expect([fresh, w.stateOf(fresh), w.versionOf(fresh), w.healthyOf(fresh), w.registeredOf(fresh)]).toEqual([n + 2, 'OutOfService', '', false, false]);
    expect(w.targetAt(fresh).pool).toBe('temporary');
    expect([w.idAt(0), w.targetAt(last).id, w.idAt(n + 2), w.target(`i-${n + 3}`).index]).toEqual(['i-1', `i-${n}`, `i-${n + 3}`, n + 2]);
    expect(w.inServiceCount('original')).toBe(n);
    expect(w.inServiceCount('temporary')).toBe(0);
  });

  it('changes through the setters show in views and by-id reads, and move the in-service counts', () => {
    const w = world();
    const [a, b] = w.addInstances(2, { group: 'original', pool: 'original', version: 'v1', state: 'InService', healthy: true });
    const view = w.targetAt(b!);
    w.setVersion(b!, 'v2');
    w.setHealthy(b!, false);
    w.setPool(b!, 'temporary');
    expect([view.version, view.healthy, view.pool, view.registered]).toEqual(['v2', false, 'temporary', undefined]);
    expect(w.inServiceCount('temporary')).toBe(1);
    w.setState(b!, 'Terminated');
    expect(w.stateOf(b!)).toBe('Terminated');
    expect(w.inServiceCount()).toBe(1);
    // The last successful revision starts as the version the target came with.
    expect(w.lastSuccessfulRevisionOf(a!)).toBe('v1');
    w.setLastSuccessfulRevision(a!, 'v4');
    expect(w.lastSuccessfulRevisionOf(a!)).toBe('v4');
    expect(w.targetAt(a!).lastSuccessfulRevision).toBe('v4');
    expect(() => w.target('i-99')).toThrow('unknown target i-99');
  });

  it('the final targets and the released ids come from the columns', () => {
    const w = world();
    const [a, b] = w.addInstances(2, { group: 'original', pool: 'original', version: 'v1', state: 'InService', healthy: true });
    w.setVersion(b!, 'v2');
    const final = w.finalTargets();
    w.release();
    expect([a, b]).toEqual([0, 1]);
    expect(final.list()).toEqual([
      { id: 'i-1', version: 'v1', state: 'InService', healthy: true },
      { id: 'i-2', version: 'v2', state: 'InService', healthy: true },
    ]);
    expect(w.idAt(1)).toBe('i-2');
  });

  it('a ByTarget has a slot for targets added after its first value', () => {
    const w = world();
    const [a] = w.addInstances(1, { group: 'original', pool: 'original', version: 'v1', state: 'InService', healthy: true });
    const byTarget = new ByTarget<string>(w);
    byTarget.set(a!, 'first');
    const [b] = w.addInstances(1, { group: 'temporary', pool: 'temporary', version: '', state: 'OutOfService', healthy: false });
    expect(byTarget.get(b!)).toBeUndefined();
    byTarget.set(b!, 'second');
    expect([byTarget.get(a!), byTarget.get(b!), byTarget.size]).toEqual(['first', 'second', 2]);
  });
});

describe('a run finds its target from the index it keeps', () => {
  it('passes the target to its callbacks, and its spans read as the target id', () => {
    const w = world();
    const [a, b] = w.addInstances(2, { group: 'original', pool: 'original', version: 'v1', state: 'InService', healthy: true });
    const alias = w.addTarget({ id: 'alias', kind: 'lambda-alias', group: 'alias', pool: 'alias', version: 'v1', state: 'InService', healthy: true });
    const seen: string[] = [];
    for (const target of [b!, alias]) {
      const run = runSteps({
        world: w,
        target,
        deploymentId: 'd-1',
        steps: [{ name: 'Step', seconds: 5, revision: 'v2', onStart: (i) => seen.push(`start ${w.idAt(i)}`), onSuccess: (i) => seen.push(`success ${w.idAt(i)}`) }],
        onEnd: (result, i) => seen.push(`end ${w.idAt(i)} ${result.ok}`),
      });
      expect(run.target).toBe(target);
    }
    w.run();
    expect(a).toBe(0);
    expect(seen).toEqual(['start i-2', 'start alias', 'success i-2', 'end i-2 true', 'success alias', 'end alias true']);
    expect(w.spans.map((s) => [s.target, s.start, s.end])).toEqual([
      ['i-2', 0, 5],
      ['alias', 0, 5],
    ]);
  });
});
