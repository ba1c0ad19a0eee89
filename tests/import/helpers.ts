// Helpers for import tests: files from literal text, and the result's problems and
// notes as "file:line:column: …" strings, so a test reads like the CLI's output.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readsText } from '../../src/import/bundle.ts';
import { importFiles } from '../../src/import/import.ts';
import type { ImportFile, ImportResult } from '../../src/import/types.ts';

export const REPO = new URL('../../', import.meta.url).pathname;

/** Loose files named on the command line: { "appspec.yml": "…" }. */
export function loose(files: Record<string, string>): ImportFile[] {
  return Object.entries(files).map(([path, text]) => ({ path, rel: path, text }));
}

/** A source bundle: every entry listed, text only for those the importer reads. */
export function bundle(name: string, files: Record<string, string>): ImportFile[] {
  return Object.entries(files).map(([rel, text]) => ({ path: `${name}/${rel}`, rel, bundle: name, ...(readsText(rel) ? { text } : {}) }));
}

/** A folder of the repository read as a source bundle, as the CLI reads it. */
export function folder(rel: string): ImportFile[] {
  const root = join(REPO, rel);
  const out: ImportFile[] = [];
  const walk = (sub: string) => {
    for (const name of readdirSync(join(root, sub)).sort()) {
      const child = sub ? `${sub}/${name}` : name;
      if (statSync(join(root, child)).isDirectory()) walk(child);
      else out.push({ path: `${rel}/${child}`, rel: child, bundle: rel, ...(readsText(child) ? { text: readFileSync(join(root, child), 'utf8') } : {}) });
    }
  };
  walk('');
  return out;
}

export function imported(files: ImportFile[]): Record<string, any> {
  const r = importFiles(files);
  if (!r.ok) throw new Error(`import failed:\n${r.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n')}`);
  return r.scenario;
}

export function problems(files: ImportFile[]): string[] {
  const r = importFiles(files);
  return r.ok ? [] : r.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
}

export function notes(r: ImportResult): string[] {
  return r.notes.map((n) => `${n.file}:${n.line}:${n.column}: ${n.kind}: ${n.setting}: ${n.message}`);
}

/** The settings of a result's notes of one kind. */
export function noted(r: ImportResult, kind: 'ignored' | 'assumed' | 'info'): string[] {
  return r.notes.filter((n) => n.kind === kind).map((n) => n.setting);
}
