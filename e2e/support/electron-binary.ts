/**
 * Finds the Electron binary the way node_modules/electron/index.js does (path.txt, dist/,
 * ELECTRON_OVERRIDE_DIST_PATH) but without its side effect: `require('electron')` starts a download
 * when the binary is missing, which must never happen in tests. Returns where the binary is expected
 * and whether it exists there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface ElectronBinary {
  /** Where the binary is (or would be). */
  path: string;
  exists: boolean;
}

function defaultExecutableName(): string {
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (process.platform === 'win32') return 'electron.exe';
  return 'electron';
}

export function findElectronBinary(fromDir: string = process.cwd()): ElectronBinary {
  const require = createRequire(join(fromDir, 'package.json'));
  let moduleDir: string;
  try {
    moduleDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { path: join(fromDir, 'node_modules', 'electron', 'dist', defaultExecutableName()), exists: false };
  }
  const pathFile = join(moduleDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const path = override
    ? join(override, executable || 'electron')
    : join(moduleDir, 'dist', executable || defaultExecutableName());
  return { path, exists: executable !== '' || override ? existsSync(path) : false };
}

/**
 * Electron's command line for the app as `npm start` runs it: the project folder as the app path
 * (Electron reads package.json there: "main" is out/main/index.js, and name / productName give
 * app.getName() and the default userData folder), and the test's own data folder, which the main
 * process makes userData (electron/main/data-dir.ts), so no test touches the user's real one.
 * As root (CI containers) Chromium refuses its OS sandbox; the renderer's `sandbox: true` web
 * preference is unaffected by --no-sandbox.
 */
export function electronLaunchArgs(projectDir: string, dataDir: string, isRoot = process.getuid?.() === 0): string[] {
  return [...(isRoot ? ['--no-sandbox'] : []), projectDir, `--data-dir=${dataDir}`];
}
