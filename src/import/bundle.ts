// Source bundles: a folder or a zip (what CodeDeploy and Elastic Beanstalk deploy).
// Decides which files of a bundle the importer reads as text (the AppSpec file, the
// .ebextensions configuration files, and YAML/JSON at the top level that may be a
// template or CLI output) and which it only needs to know exist (hook scripts,
// .platform/hooks). Pure: the caller lists the folder; zips are read by zip.ts.
import type { ImportFile } from './types.ts';

export const APPSPEC_NAME = /^appspec\.(ya?ml|json)$/i;
export const EBEXTENSION = /(^|\/)\.ebextensions\/[^/]+\.config$/;
export const PLATFORM_HOOK = /(^|\/)\.platform\/hooks\/(prebuild|predeploy|postdeploy)\/[^/]+$/;
const DATA_FILE = /\.(ya?ml|json|template)$/i;

/** A bundle walk (CLI folder, dropped folder) stops here: a source bundle is not a whole disk. */
export const MAX_BUNDLE_FILES = 5000;

/** Folders a bundle walk skips: dependencies and version control, never configuration. */
export const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '.venv', 'venv', '__pycache__', 'vendor']);

/** Whether the importer needs the text of this bundle entry (else it only lists it). */
export function readsText(rel: string): boolean {
  const name = rel.slice(rel.lastIndexOf('/') + 1);
  if (APPSPEC_NAME.test(name) && !rel.includes('/')) return true;
  if (EBEXTENSION.test(rel) && rel.split('/').length === 2) return true;
  return !rel.includes('/') && DATA_FILE.test(name);
}

/**
 * Pasted text has no file name, and the importer tells an AppSpec file and an
 * .ebextensions file by their names: this names pasted text by what it contains.
 */
export function pastedFile(text: string, label = 'pasted'): ImportFile {
  const keys = new Set([...text.matchAll(/^"?([A-Za-z_]+)"?\s*:/gm)].map((m) => m[1]!.toLowerCase()));
  const name = keys.has('option_settings') || keys.has('container_commands') || keys.has('commands')
    ? `.ebextensions/${label}.config`
    : keys.has('version') && (keys.has('os') || keys.has('hooks') || (keys.has('resources') && !keys.has('awstemplateformatversion')))
      ? 'appspec.yml'
      : `${label}.yaml`;
  return { path: `${label} (${name})`, rel: name, text };
}
