// The contract of `src/import`: AWS configuration files in, a scenario and notes
// out, or problems, each pointing at a file, line and column. Pure: callers (the
// CLI, later the app) read files and zips; nothing here touches the disk.

/** One input file. `rel` is its path inside its source bundle (or its own name). */
export interface ImportFile {
  /** How the user names the file: what problems and notes print. */
  path: string;
  /** Path inside the source bundle (folder or zip) it came from, with '/' separators. */
  rel: string;
  /** The folder or zip it came from; undefined for a file named on its own. */
  bundle?: string;
  /** Text of the files the importer reads; undefined for files only listed (scripts). */
  text?: string;
}

export interface Loc {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface ImportProblem extends Loc {
  message: string;
}

/**
 * What the import did with a setting it could not carry over as is:
 * `ignored` — deploysim does not model it; `assumed` — AWS's file does not say and
 * deploysim chose; `info` — how a setting was read (precedence, hooks without scripts).
 */
export interface ImportNote extends Loc {
  kind: 'ignored' | 'assumed' | 'info';
  /** Where in the file, e.g. `hooks.AfterInstall[0].runas`. */
  setting: string;
  message: string;
}

export type ImportResult =
  | { ok: true; scenario: Record<string, unknown>; notes: ImportNote[]; sources: string[] }
  | { ok: false; problems: ImportProblem[]; notes: ImportNote[] };

/** A path into a parsed file: map keys and list indexes. */
export type Path = readonly (string | number)[];
