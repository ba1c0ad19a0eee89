// A Vite plugin: index.html's entry (src/app/main.ts) is a small module that
// starts a large share link's simulation at once and then imports the app
// dynamically (src/app/early-simulate.ts). So that the app does not wait for the
// entry to arrive and run before its own download starts, the page preloads
// the app's chunk and every chunk it imports statically, side by side with the entry.
import type { Plugin } from 'vite';

interface Chunk { type: 'chunk'; fileName: string; facadeModuleId?: string | null; imports: string[] }

export function preloadApp(app = 'src/app/app-shell.ts'): Plugin {
  return {
    name: 'deploysim-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle || !html.includes('<deploysim-app')) return html;
        const chunks = Object.values(ctx.bundle).filter((c): c is Chunk & typeof c => c.type === 'chunk') as unknown as Chunk[];
        const root = chunks.find((c) => c.facadeModuleId?.replace(/\\/g, '/').endsWith(app));
        if (!root) throw new Error(`deploysim-preload-app: no chunk for ${app}`);
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        const files = new Set<string>();
        const visit = (c: Chunk) => {
          if (files.has(c.fileName)) return;
          files.add(c.fileName);
          for (const f of c.imports) {
            const next = byName.get(f);
            if (next) visit(next);
          }
        };
        visit(root);
        const already = (f: string) => html.includes(`/${f}"`);
        const links = [...files].filter((f) => !already(f)).map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${f}` }, injectTo: 'head' as const }));
        return { html, tags: links };
      },
    },
  };
}
