// Serves dist/ to the render benchmark as a static host or CDN serves a built
// site: every file read and gzipped once, at start, then sent from memory. Vite's
// preview server gzips every response anew, in the benchmark's own Node process
// on a 2-core machine shared with Chromium: that held a large link's worker
// script back by 50–300 ms, a cost of the preview server, not of the app.
// Nothing is cached by the browser (`no-store`): every load is a first visit,
// as a share link's is.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
};

interface Entry {
  type: string;
  body: Buffer;
  gzipped: Buffer;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Serves `root` (default dist/) on a free localhost port; close() stops it. */
export async function serveStatic(root = 'dist'): Promise<{ url: string; close: () => Promise<void> }> {
  const files = new Map<string, Entry>();
  for (const path of filesUnder(root)) {
    const body = readFileSync(path);
    files.set(`/${relative(root, path).split('\\').join('/')}`, { type: TYPES[extname(path)] ?? 'application/octet-stream', body, gzipped: gzipSync(body) });
  }
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = files.get(path.endsWith('/') ? `${path}index.html` : path);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
      return;
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? file.gzipped : file.body;
    res.writeHead(200, {
      'content-type': file.type,
      'content-length': body.length,
      'cache-control': 'no-store',
      ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the static host has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
