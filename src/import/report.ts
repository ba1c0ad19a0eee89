// What one import run collects: problems (AWS would reject the file, or deploysim
// cannot simulate it), notes (ignored or assumed settings), and for every scenario
// field the place in the AWS files it came from, so a problem the scenario's own
// validation finds can still point at a file, line and column.
import type { ImportNote, ImportProblem, Loc, Path } from './types.ts';
import type { Source } from './located-yaml.ts';

export class Report {
  readonly problems: ImportProblem[] = [];
  readonly notes: ImportNote[] = [];
  /** Scenario JSON pointer (e.g. "/codeDeploy/deploymentConfigName") → where it came from. */
  readonly origins = new Map<string, Loc>();

  error(loc: Loc, message: string): void {
    this.problems.push({ ...loc, message });
  }

  note(kind: ImportNote['kind'], src: Source, path: Path, message: string): void {
    this.notes.push({ ...src.keyAt(path), kind, setting: settingName(path), message });
  }

  /** Records that a scenario field was set from `path` in `src`. */
  origin(pointer: string, src: Source, path: Path): void {
    this.origins.set(pointer, src.at(path));
  }

  /** Where a scenario field came from: the field itself or its nearest ancestor. */
  originOf(pointer: string): Loc | undefined {
    for (let p = pointer; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) {
      const hit = this.origins.get(p);
      if (hit) return hit;
    }
    return undefined;
  }
}

/** A path as a reader writes it: `hooks.AfterInstall[0].runas`. */
export function settingName(path: Path): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out || '(top level)';
}
