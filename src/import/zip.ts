// Zip source bundles (what CodeDeploy and Elastic Beanstalk deploy), read with
// fflate. Its own module so the app loads the unzipper only when a zip is given.
import { strFromU8, unzipSync } from 'fflate';
import { readsText, SKIPPED_FOLDERS } from './bundle.ts';
import type { ImportFile } from './types.ts';

/** The entries of a zip source bundle, with the text of the ones the importer reads. */
export function unzipBundle(path: string, bytes: Uint8Array): ImportFile[] {
  const entries = unzipSync(bytes);
  const out: ImportFile[] = [];
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith('/')) continue; // folder entries
    const rel = name.replace(/^\.\//, '');
    if (rel.split('/').some((part) => SKIPPED_FOLDERS.has(part))) continue;
    out.push({ path: `${path}/${rel}`, rel, bundle: path, ...(readsText(rel) ? { text: strFromU8(data) } : {}) });
  }
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

