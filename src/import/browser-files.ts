// The browser's reader for the importer, as src/cli/import-command.ts is the CLI's:
// files and folders dropped on the page, picked with a file or folder input, or a
// zip source bundle become the `ImportFile`s the pure importer takes, read the same
// way `deploysim import` reads them from disk. Browser APIs only (File,
// FileSystemEntry; fflate for zips), no Node. The importer itself (with its YAML
// parser) is in run-import.ts, which the app loads only when something is imported.
import { MAX_BUNDLE_FILES, readsText, SKIPPED_FOLDERS } from './bundle.ts';
import type { ImportFile, ImportNote, ImportProblem } from './types.ts';
import { LIMITS } from '../scenario/limits.ts';
import { thousands } from '../scenario/thousands.ts';

/** What the editor shows after an import: the files read, the notes, and the problems if it failed. */
export interface ImportReport {
  files: string[];
  notes: ImportNote[];
  problems: ImportProblem[];
}

export type Collected = { ok: true; files: ImportFile[] } | { ok: false; problem: ImportProblem };

const refuse = (file: string, message: string): Collected => ({ ok: false, problem: { file, line: 1, column: 1, message } });

/** A file given on its own: a zip is a source bundle; an .ebextensions file keeps its folder's meaning. */
async function looseFile(file: File): Promise<Collected> {
  if (/\.zip$/i.test(file.name)) {
    try {
      const { unzipBundle } = await import('./zip.ts'); // loaded only when a zip is given
      return { ok: true, files: unzipBundle(file.name, new Uint8Array(await file.arrayBuffer())) };
    } catch (err) {
      return refuse(file.name, `not a readable zip source bundle (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  if (file.size > LIMITS.textChars) return refuse(file.name, `larger than ${thousands(LIMITS.textChars)} characters; not a configuration file`);
  // A dropped file has lost its folder; .config files are only ever .ebextensions configuration.
  const rel = /\.config$/i.test(file.name) ? `.ebextensions/${file.name}` : file.name;
  return { ok: true, files: [{ path: file.name, rel, text: await file.text() }] };
}

/** Files of one folder, given as (path inside the folder, File) pairs. */
async function bundleFiles(folder: string, entries: readonly (readonly [rel: string, file: File])[]): Promise<Collected> {
  if (entries.length > MAX_BUNDLE_FILES) return refuse(folder, `more than ${MAX_BUNDLE_FILES} files: drop the AWS files themselves, or the source bundle's folder`);
  const out: ImportFile[] = [];
  for (const [rel, file] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (rel.split('/').some((part) => SKIPPED_FOLDERS.has(part))) continue;
    out.push({ path: `${folder}/${rel}`, rel, bundle: folder, ...(readsText(rel) ? { text: await file.text() } : {}) });
  }
  return { ok: true, files: out };
}

/** From <input type=file multiple> or <input webkitdirectory>: folder files carry webkitRelativePath. */
export async function filesFromInput(list: readonly File[]): Promise<Collected> {
  const folders = new Map<string, [string, File][]>();
  const out: ImportFile[] = [];
  for (const file of list) {
    const relative = file.webkitRelativePath;
    if (relative && relative.includes('/')) {
      const cut = relative.indexOf('/');
      const folder = relative.slice(0, cut);
      if (!folders.has(folder)) folders.set(folder, []);
      folders.get(folder)!.push([relative.slice(cut + 1), file]);
      continue;
    }
    const one = await looseFile(file);
    if (!one.ok) return one;
    out.push(...one.files);
  }
  for (const [folder, entries] of folders) {
    const got = await bundleFiles(folder, entries);
    if (!got.ok) return got;
    out.push(...got.files);
  }
  return { ok: true, files: out };
}

/** Every file under a dropped folder, with its path inside it (readEntries returns batches). */
async function walk(dir: FileSystemDirectoryEntry, prefix: string, into: [string, File][]): Promise<void> {
  const reader = dir.createReader();
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return;
    for (const entry of batch) {
      if (into.length > MAX_BUNDLE_FILES) return;
      const rel = `${prefix}${entry.name}`;
      if (entry.isDirectory) {
        if (!SKIPPED_FOLDERS.has(entry.name)) await walk(entry as FileSystemDirectoryEntry, `${rel}/`, into);
      } else {
        into.push([rel, await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject))]);
      }
    }
  }
}

/** What a drop carries, taken during the drop event (the browser empties the DataTransfer after it: src/app/drop-import.ts). */
export interface Dropped {
  entries: (FileSystemEntry | null)[];
  files: File[];
}

/** What was dropped: files, folders (read as source bundles) and zips. */
export async function filesFromEntries({ entries, files }: Dropped): Promise<Collected> {
  const out: ImportFile[] = [];
  for (let k = 0; k < files.length; k++) {
    const entry = entries[k];
    if (entry?.isDirectory) {
      const found: [string, File][] = [];
      await walk(entry as FileSystemDirectoryEntry, '', found);
      const got = await bundleFiles(entry.name, found);
      if (!got.ok) return got;
      out.push(...got.files);
      continue;
    }
    const one = await looseFile(files[k]!);
    if (!one.ok) return one;
    out.push(...one.files);
  }
  return { ok: true, files: out };
}

