/**
 * Built code for the sync bench, so every side runs compiled JavaScript as the app does, not
 * TypeScript through tsx's loader (which costs each thread ~30 MB and start-up time the app never
 * pays): the extraction worker as one self-contained ES module, built by vite exactly as
 * electron.vite.config.ts builds out/main/extract-worker.js; and the bench's side runner
 * (bench/sync-side.ts with the project code it imports; npm packages stay external and load from
 * node_modules, as in the app's main bundle). Written to bench/.data/build (git-ignored).
 * BENCH_WORKER=source keeps both as TypeScript.
 */
import path from 'node:path';
import { build } from 'vite';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'bench/.data/build');

async function buildOne(entry: string, fileName: string, bundleDeps: boolean): Promise<string> {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: path.join(root, entry),
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      target: 'node22',
      rolldownOptions: { output: { format: 'es', entryFileNames: fileName, codeSplitting: false } },
    },
    ssr: bundleDeps ? { target: 'node', noExternal: true } : { target: 'node' },
  });
  return path.join(outDir, fileName);
}

/** Builds the worker bundle and the side runner; returns their paths. */
export async function buildBenchCode(): Promise<{ workerFile: string; sideFile: string }> {
  const workerFile = await buildOne('electron/core/workers/extract-worker.ts', 'extract-worker.js', true);
  const sideFile = await buildOne('bench/sync-side.ts', 'sync-side.mjs', false);
  return { workerFile, sideFile };
}
