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
    expect([w.indexOf(last), w.stateOf(last), w.versionOf(last), w.healthyOf(last), w.registeredOf(last)]).toEqual([n - 1, 'InService', 'v1', true, true]);
    const fresh = more[2]!;
    expect([w.indexOf(fresh), w.stateOf(fresh), w.versionOf(fresh), w.healthyOf(fresh), w.registeredOf(fresh)]).toEqual([n + 2, 'OutOfService', '', false, false]);
    expect(w.target(fresh).pool).toBe('temporary');
    expect([w.idAt(0), w.target(last).id, w.idAt(n + 2)]).toEqual([ids[0], last, fresh]);
    expect(w.inServiceCount('original')).toBe(n);
    expect(w.inServiceCount('temporary')).toBe(0);
  });

  it('changes through the setters show in views and by-id reads, and move the in-service counts', () => {
    const w = world();
    const [a, b] = w.addInstances(2, { group: 'original', pool: 'original', version: 'v1', state: 'InService', healthy: true });
    const view = w.target(b!);
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
    expect(w.target(a!).lastSuccessfulRevision).toBe('v4');
    expect(() => w.stateOf('i-99')).toThrow('unknown target i-99');
  });

  it('the final targets and the released ids come from the columns', () => {
    const w = world();
    const [a, b] = w.addInstances(2, { group: 'original', pool: 'original', version: 'v1', state: 'InService', healthy: true });
    w.setVersion(b!, 'v2');
    const final = w.finalTargets();
    w.release();
    expect(final.list()).toEqual([
      { id: a, version: 'v1', state: 'InService', healthy: true },
      { id: b, version: 'v2', state: 'InService', healthy: true },
    ]);
    expect(w.idAt(1)).toBe(b);
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

describe('a run finds its target from the reference it keeps', () => {
  it('passes the id of a target, and the name of a thing that is not one, to its callbacks and its spans', () => {
    const w = world();
    const [a] = w.addInstances(1, { group: 'original', pool: 'original', version: 'v1', state: 'InService', healthy: true });
    const seen: string[] = [];
    for (const target of [a!, 'listener']) {
      const run = runSteps({
        world: w,
        target,
        deploymentId: 'd-1',
        steps: [{ name: 'Step', seconds: 5, revision: 'v2', onStart: (id) => seen.push(`start ${id}`), onSuccess: (id) => seen.push(`success ${id}`) }],
        onEnd: (result, id) => seen.push(`end ${id} ${result.ok}`),
      });
      expect(run.target).toBe(target);
    }
    w.run();
    expect(seen).toEqual(['start i-1', 'start listener', 'success i-1', 'end i-1 true', 'success listener', 'end listener true']);
    expect(w.spans.map((s) => [s.target, s.start, s.end])).toEqual([
      ['i-1', 0, 5],
      ['listener', 0, 5],
    ]);
  });
});
