import { defineConfig } from 'vite';
import { scenarioFiles } from './scripts/vite-scenario-files.ts';
import { scenarioSummaries } from './scripts/vite-scenario-summary.ts';
import { preloadApp } from './scripts/vite-preload-app.ts';
import { earlyWorker } from './scripts/vite-early-worker.ts';

export default defineConfig({
  server: { port: 5173, strictPort: false, open: false },
  preview: { port: 4173 },
  plugins: [scenarioFiles(), scenarioSummaries(), preloadApp(), earlyWorker()],
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    // Every browser the app targets (es2022) has <link rel="modulepreload">: the
    // polyfill would be one more module for the entry to fetch before it runs.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // Pages: the app and the embed example. The embed element is its own entry
      // with a stable name, so any page loads it with one script tag.
      input: { main: 'index.html', embed: 'embed.html', 'deploy-simulator': 'src/embed/index.ts' },
      output: { entryFileNames: (chunk) => (chunk.name === 'deploy-simulator' ? 'deploy-simulator.js' : 'assets/[name]-[hash].js') },
    },
  },
});
