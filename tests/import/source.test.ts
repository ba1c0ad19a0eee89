// The scenario's `source` names the AWS files an import read: written by the
// importer, kept by validation, bounded by the schema's limits (src/scenario/limits.ts).
import { describe, expect, it } from 'vitest';
import { importFiles, sourceNote } from '../../src/import/import.ts';
import { LIMITS } from '../../src/scenario/limits.ts';
import { validateScenario } from '../../src/scenario/validate.ts';
import { bundle, folder, loose } from './helpers.ts';

const APPSPEC = 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts/after.sh\n      timeout: 60\n';

describe('source', () => {
  it('names every file read, as the user named it, in the order read', () => {
    const r = importFiles(folder('scenarios/imported/eb-rolling'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.source).toEqual({
      files: [
        'scenarios/imported/eb-rolling/.ebextensions/01-deployment.config',
        'scenarios/imported/eb-rolling/.ebextensions/02-app.config',
        'scenarios/imported/eb-rolling/.platform/hooks/postdeploy/01_notify.sh',
        'scenarios/imported/eb-rolling/.platform/hooks/predeploy/01_collect_static.sh',
      ],
    });
    // The description no longer carries the file list.
    expect(r.scenario.description).not.toContain('01-deployment.config');
  });

  it('does not name a bundle\'s scripts the importer only checked for (they are not configuration)', () => {
    const r = importFiles(bundle('app', { 'appspec.yml': APPSPEC, 'scripts/after.sh': '#!/bin/sh' }));
    expect(r.ok && r.scenario.source).toEqual({ files: ['app/appspec.yml'] });
  });

  it('survives validation into the scenario the engine gets', () => {
    const r = importFiles(loose({ 'appspec.yml': APPSPEC }));
    if (!r.ok) throw new Error('import failed');
    const v = validateScenario(r.scenario);
    expect(v.ok && v.scenario.source).toEqual({ files: ['appspec.yml'] });
  });

  it('stays within the schema\'s limits: too many files are counted, an overlong path is shortened', () => {
    const many = Array.from({ length: LIMITS.sourceFiles + 5 }, (_, i) => `b/.platform/hooks/predeploy/${i}.sh`);
    const note = sourceNote(many);
    expect(note.files).toHaveLength(LIMITS.sourceFiles);
    expect(note.files.at(-1)).toBe('… and 6 more files');
    const long = sourceNote(['x'.repeat(LIMITS.sourcePathChars + 10)]);
    expect(long.files[0]).toHaveLength(LIMITS.sourcePathChars);
    const base = { name: 'n', platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 2 } };
    expect(validateScenario({ ...base, source: note }).ok).toBe(true);
    expect(validateScenario({ ...base, source: long }).ok).toBe(true);
  });

  it('the schema refuses a source that is not a list of bounded paths, with the path', () => {
    const base = { name: 'n', platform: 'ElasticBeanstalk', elasticBeanstalk: { instances: 2 } };
    const cases: [unknown, string][] = [
      ['appspec.yml', '/source'],
      [{ files: [] }, '/source/files'],
      [{ files: ['a'], by: 'me' }, '/source/by'],
      [{ files: ['x'.repeat(LIMITS.sourcePathChars + 1)] }, '/source/files/0'],
      [{ files: Array.from({ length: LIMITS.sourceFiles + 1 }, (_, i) => `f${i}`) }, '/source/files'],
    ];
    for (const [source, path] of cases) {
      const v = validateScenario({ ...base, source });
      expect(v.ok, JSON.stringify(source).slice(0, 40)).toBe(false);
      if (!v.ok) expect(v.problems.map((p) => p.path)).toContain(path);
    }
  });
});
