/**
 * Whether the built main process (out/main/index.js) is missing or older than its sources, and a
 * helper that rebuilds it with electron-vite. Used by the Electron smoke test so `vitest run` alone
 * works; `npm test` builds before vitest, so there the build is already fresh.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE_DIRS = ['electron/main', 'electron/preload', 'electron/core', 'electron/shared'];
const BUILT_FILES = ['out/main/index.js', 'out/main/extract-worker.js', 'out/preload/index.cjs'];

function newestMtime(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (/\.(ts|tsx|mts|cts|js|mjs|cjs|json)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

/** Null when out/ is fresh, else the reason it is not. */
export function staleBuildReason(repoRoot: string): string | null {
  const sources = Math.max(
    ...SOURCE_DIRS.map((d) => newestMtime(join(repoRoot, d))),
    statSync(join(repoRoot, 'electron.vite.config.ts')).mtimeMs,
  );
  for (const file of BUILT_FILES) {
    const path = join(repoRoot, file);
    if (!existsSync(path)) return `${file} is missing`;
    if (statSync(path).mtimeMs < sources) return `${file} is older than its sources`;
  }
  return null;
}

/** Runs `electron-vite build` in the repo (throws with its output when it fails). */
export function buildApp(repoRoot: string): void {
  execFileSync(join(repoRoot, 'node_modules', '.bin', 'electron-vite'), ['build', '--logLevel', 'warn'], {
    cwd: repoRoot,
    stdio: 'pipe',
    timeout: 180_000,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  });
}
