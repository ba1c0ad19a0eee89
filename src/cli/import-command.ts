// `deploysim import <files or folders or zips…> [-o scenario.json]`, and the same
// inputs for `deploysim run`: reads what the user names (a folder or a zip is a
// source bundle), hands it to the pure importer, prints the scenario (or writes it),
// the notes on stderr as `file:line:column: kind: setting: message`, and every
// problem as `file:line:column: message` with exit code 2.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_BUNDLE_FILES, readsText, SKIPPED_FOLDERS } from '../import/bundle.ts';
import { unzipBundle } from '../import/zip.ts';
import { looksLikeCliOutput } from '../import/cli-json.ts';
import { looksLikeTemplate } from '../import/cloudformation.ts';
import { importFiles } from '../import/import.ts';
import type { ImportFile, ImportNote, ImportProblem } from '../import/types.ts';
import type { Scenario } from '../scenario/types.ts';
import { validateScenario } from '../scenario/validate.ts';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** The file system as the command needs it; tests pass their own. */
export interface ImportFs {
  kind(path: string): Promise<'file' | 'folder' | 'missing'>;
  list(folder: string): Promise<string[]>;
  text(path: string): Promise<string>;
  bytes(path: string): Promise<Uint8Array>;
  write(path: string, text: string): Promise<void>;
}

export const IMPORT_USAGE = `  deploysim import <file|folder|zip>… [-o scenario.json]
                                                       AppSpec, .ebextensions, CloudFormation or AWS CLI JSON as a
                                                       scenario; run takes the same files and simulates them`;


export async function importCommand(args: string[], io: Io, fs: ImportFs = nodeFs): Promise<number> {
  const paths: string[] = [];
  let output: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-o' || a === '--output') {
      output = args[++i];
      if (output === undefined) return usage(io, `${a} needs a file name`);
    } else if (a.startsWith('-')) return usage(io, `unknown option ${a}`);
    else paths.push(a);
  }
  if (paths.length === 0) return usage(io, 'import takes one or more files, folders or zip source bundles');
  const result = await importPaths(paths, io, fs);
  if (!result) return 2;
  const text = JSON.stringify(result.raw, null, 2) + '\n';
  if (output === undefined) io.out(text);
  else {
    await fs.write(output, text);
    io.err(`wrote ${output}: ${result.scenario.name}\n`);
  }
  return 0;
}

/** For `deploysim run`: does this command line name AWS files rather than one scenario file? */
export async function isImportInput(paths: string[], fs: ImportFs = nodeFs): Promise<boolean> {
  if (paths.length !== 1) return true;
  const path = paths[0]!;
  const kind = await fs.kind(path);
  if (kind === 'folder') return true;
  if (kind === 'missing') return false;
  if (!plainJsonName(path)) return true;
  const json = await parsedJson(path, fs);
  return json !== undefined && isAwsJson(json.value); // not JSON: the scenario loader reports where
}

/**
 * For `deploysim run` given several files: those that are deploysim scenarios (JSON
 * with a `platform`, not a template or AWS CLI output). Several files are read as AWS
 * files to import; a scenario among them is someone who meant to run several
 * scenarios, and gets told how (main.ts) instead of an import problem per file.
 */
export async function scenarioFilesAmong(paths: string[], fs: ImportFs = nodeFs): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    if (!plainJsonName(path) || (await fs.kind(path)) !== 'file') continue;
    const json = await parsedJson(path, fs); // not JSON: the importer reports where
    const value = json?.value;
    if (typeof value === 'object' && value !== null && 'platform' in value && !isAwsJson(value)) out.push(path);
  }
  return out;
}

/** A `.json` file whose content says what it is (an appspec.json is an AppSpec file by its name). */
function plainJsonName(path: string): boolean {
  return /\.json$/i.test(path) && !/(^|[\\/])appspec\.json$/i.test(path);
}

/** The file's content parsed as JSON, or undefined when it cannot be read or parsed. */
async function parsedJson(path: string, fs: ImportFs): Promise<{ value: unknown } | undefined> {
  try {
    return { value: JSON.parse(await fs.text(path)) as unknown };
  } catch {
    return undefined;
  }
}

/** JSON that AWS wrote: a CloudFormation template or AWS CLI output. */
function isAwsJson(value: unknown): boolean {
  return looksLikeTemplate(value) || looksLikeCliOutput(value);
}

/** For `deploysim run`: the imported scenario, validated, or false after printing the problems. */
export async function importForRun(paths: string[], io: Io, fs: ImportFs = nodeFs): Promise<{ ok: true; scenario: Scenario } | { ok: false }> {
  const result = await importPaths(paths, io, fs);
  return result ? { ok: true, scenario: result.scenario } : { ok: false };
}

/** The files the command-line arguments stand for, or the first one that cannot be read and why. */
export async function readInputs(paths: string[], fs: ImportFs = nodeFs): Promise<ImportFile[] | { path: string; why: string }> {
  const files: ImportFile[] = [];
  for (const path of paths) {
    const read = await collect(path, fs);
    if (typeof read === 'string') return { path, why: read };
    files.push(...read);
  }
  return files;
}

async function importPaths(paths: string[], io: Io, fs: ImportFs): Promise<{ raw: Record<string, unknown>; scenario: Scenario } | undefined> {
  const files = await readInputs(paths, fs);
  if (!Array.isArray(files)) {
    io.err(`${files.path}: ${files.why}\n`);
    return undefined;
  }
  const result = importFiles(files);
  for (const n of result.notes) io.err(formatNote(n));
  if (!result.ok) {
    io.err(`${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}:\n`);
    for (const p of result.problems) io.err(formatImportProblem(p));
    return undefined;
  }
  const checked = validateScenario(result.scenario);
  if (!checked.ok) throw new Error('the importer returned a scenario that does not validate'); // importFiles validates; a bug if not
  return { raw: result.scenario, scenario: checked.scenario };
}

export function formatImportProblem(p: ImportProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}\n`;
}

export function formatNote(n: ImportNote): string {
  return `${n.file}:${n.line}:${n.column}: ${n.kind}: ${n.setting}: ${n.message}\n`;
}

/** The files one command-line argument stands for, or why it cannot be read. */
async function collect(path: string, fs: ImportFs): Promise<ImportFile[] | string> {
  const kind = await fs.kind(path);
  if (kind === 'missing') return 'no such file or folder';
  const rel = path.replace(/\\/g, '/');
  if (kind === 'folder') return walk(path, fs);
  if (/\.zip$/i.test(path)) {
    try {
      return unzipBundle(rel, await fs.bytes(path));
    } catch (err) {
      return `not a readable zip source bundle (${err instanceof Error ? err.message : String(err)})`;
    }
  }
  // A file named on its own is read as text, except a hook script, which only needs to exist.
  if (/(^|\/)\.platform\/hooks\//.test(rel)) return [{ path: rel, rel }];
  return [{ path: rel, rel, text: await fs.text(path) }];
}

async function walk(root: string, fs: ImportFs): Promise<ImportFile[] | string> {
  const out: ImportFile[] = [];
  const bundle = root.replace(/\\/g, '/').replace(/\/+$/, '');
  const visit = async (rel: string): Promise<string | undefined> => {
    for (const name of (await fs.list(rel ? join(root, rel) : root)).sort()) {
      const child = rel ? `${rel}/${name}` : name;
      const full = join(root, child);
      if ((await fs.kind(full)) === 'folder') {
        if (SKIPPED_FOLDERS.has(name)) continue;
        const stop = await visit(child);
        if (stop) return stop;
        continue;
      }
      if (out.length >= MAX_BUNDLE_FILES) return `more than ${MAX_BUNDLE_FILES} files: name the AWS files themselves, or the source bundle's folder`;
      out.push({ path: `${bundle}/${child}`, rel: child, bundle, ...(readsText(child) ? { text: await fs.text(full) } : {}) });
    }
    return undefined;
  };
  const stop = await visit('');
  return stop ?? out;
}

function usage(io: Io, message: string): number {
  io.err(`deploysim: ${message}\n\nUsage:\n${IMPORT_USAGE}\n`);
  return 2;
}

export const nodeFs: ImportFs = {
  async kind(path) {
    try {
      return (await stat(path)).isDirectory() ? 'folder' : 'file';
    } catch {
      return 'missing';
    }
  },
  list: (folder) => readdir(folder),
  text: (path) => readFile(path, 'utf8'),
  bytes: async (path) => new Uint8Array(await readFile(path)),
  write: (path, text) => writeFile(path, text),
};
