/**
 * electron-vite build of the three parts of the desktop app:
 * - main     electron/main/index.ts    -> out/main/index.js   (ESM; runtime dependencies stay external)
 *            electron/core/workers/extract-worker.ts -> out/main/extract-worker.js (the page-extraction
 *            worker thread: its own self-contained build, see extractWorkerBundle; pool.ts finds it)
 * - preload  electron/preload/index.ts -> out/preload/index.cjs (CJS: a sandboxed preload cannot be ESM;
 *                                          everything bundled, it may only require 'electron';
 *                                          the contract's channel names are defined in at build time)
 * - renderer renderer/index.html       -> out/renderer         (React; also served by the browser host)
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { build, type Plugin } from 'vite';
import { channelTables } from './electron/shared/contract';
import { devServerCsp } from './electron/shared/web-policy';

const root = import.meta.dirname;

/**
 * The extraction worker as one self-contained ES module (its dependencies bundled in, nothing but
 * node: built-ins imported), written after the main bundle. electron-builder unpacks it to
 * app.asar.unpacked (asarUnpack in electron-builder.yml), where a worker thread loads it as a plain
 * file: no asar support needed in the worker (see electron/core/workers/pool.ts).
 */
function extractWorkerBundle(): Plugin {
  let outDir = resolve(root, 'out/main');
  return {
    name: 'offline-news:extract-worker',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir; // the main bundle's folder (electron-vite --outDir moves it)
    },
    async closeBundle() {
      await build({
        configFile: false,
        root,
        logLevel: 'warn',
        build: {
          ssr: resolve(root, 'electron/core/workers/extract-worker.ts'),
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          target: 'node22',
          rolldownOptions: { output: { format: 'es', entryFileNames: 'extract-worker.js', codeSplitting: false } },
        },
        ssr: { target: 'node', noExternal: true },
      });
    },
  };
}

/**
 * `npm run dev` only: index.html's CSP meta tag gets the dev server's policy (React Refresh's
 * inline preamble and injected styles, its websocket); the built renderer keeps the strict one.
 */
function devServerCspMeta(): Plugin {
  return {
    name: 'offline-news:dev-csp',
    apply: 'serve',
    transformIndexHtml(html, ctx) {
      const local = ctx.server?.resolvedUrls?.local[0];
      if (!local) return html;
      const csp = devServerCsp(new URL(local).origin, true);
      return html.replace(/(http-equiv="Content-Security-Policy"\s+content=")[^"]*"/, `$1${csp}"`);
    },
  };
}

export default defineConfig({
  main: {
    plugins: [extractWorkerBundle()],
    build: {
      outDir: resolve(root, 'out/main'),
      // package.json "dependencies" are external and loaded from node_modules (or the asar) at run time.
      externalizeDeps: true,
      lib: {
        entry: { index: resolve(root, 'electron/main/index.ts') },
        formats: ['es'],
      },
      rolldownOptions: { output: { entryFileNames: '[name].js' } },
    },
  },
  preload: {
    // The contract's channel names, derived from its one declaration: the sandboxed preload needs
    // only the names (the hosts check arguments), so it does not carry the schemas.
    define: { __NEWS_CHANNEL_TABLES__: JSON.stringify(channelTables) },
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react(), devServerCspMeta()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      // electron-vite leaves the renderer unminified; minified it parses ~2x faster at start-up.
      minify: true,
      rolldownOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
