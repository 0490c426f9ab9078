/**
 * The extraction worker as the app ships it: one self-contained ES module built by vite exactly as
 * electron.vite.config.ts builds out/main/extract-worker.js, here into a folder under os.tmpdir().
 * The sync bench runs its workers from this file (NEWS_EXTRACT_WORKER_FILE), not from the
 * TypeScript source through tsx's loader, which costs each worker ~30 MB and start-up time the app
 * never pays. BENCH_WORKER=source keeps the source.
 */
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';

const root = path.resolve(import.meta.dirname, '..');

/** Builds the worker bundle and returns its path. */
export async function buildWorkerBundle(): Promise<string> {
  const outDir = path.join(os.tmpdir(), 'offline-news-bench-worker');
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: path.join(root, 'electron/core/workers/extract-worker.ts'),
      outDir,
      emptyOutDir: true,
      copyPublicDir: false,
      target: 'node22',
      rolldownOptions: { output: { format: 'es', entryFileNames: 'extract-worker.js', codeSplitting: false } },
    },
    ssr: { target: 'node', noExternal: true },
  });
  return path.join(outDir, 'extract-worker.js');
}
