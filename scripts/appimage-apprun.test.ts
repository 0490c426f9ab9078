/**
 * The AppImage launcher electron-builder writes (app-builder-lib generateAppRunScript, the AppRun of
 * every AppImage it builds; with `toolsets.appimage` 1.0.x the desktop entry adds no --no-sandbox of
 * its own, so this probe is the only place that decides): run for real with bash in a stand-in
 * AppDir. Where unprivileged user namespaces are refused (Ubuntu 24.04+'s AppArmor rule, seen by
 * `unshare -Ur true` failing) the app starts with --no-sandbox instead of Chromium aborting on its
 * SUID sandbox helper; where they work, the sandbox stays on. Linux only (bash, AppImage).
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '..');
const require = createRequire(join(repoRoot, 'package.json'));
const { generateAppRunScript } = require('app-builder-lib/out/targets/appimage/appImageUtil') as {
  generateAppRunScript(config: Record<string, string>): string;
};

const linux = process.platform === 'linux';
const work = mkdtempSync(join(tmpdir(), 'apprun-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs AppRun with `unshare` answering `status`; returns the arguments the app was started with. */
function launch(unshareStatus: number, args: string[] = []): Promise<string> {
  const dir = mkdtempSync(join(work, 'case-'));
  const appDir = join(dir, 'AppDir');
  const bin = join(dir, 'bin');
  mkdirSync(appDir);
  mkdirSync(bin);
  const appRun = join(appDir, 'AppRun');
  writeFileSync(
    appRun,
    generateAppRunScript({
      DesktopFileName: 'offline-news.desktop',
      ExecutableName: 'offline-news',
      ProductName: 'Offline News',
      ProductFilename: 'Offline News',
      ResourceName: 'appimagekit-offline-news',
    }),
  );
  writeFileSync(join(appDir, 'offline-news'), '#!/bin/sh\necho "started with: $*"\n');
  writeFileSync(join(bin, 'unshare'), `#!/bin/sh\nexit ${unshareStatus}\n`);
  for (const f of [appRun, join(appDir, 'offline-news'), join(bin, 'unshare')]) chmodSync(f, 0o755);
  return new Promise((done, fail) =>
    execFile('bash', [appRun, ...args], { env: { PATH: `${bin}:/usr/bin:/bin`, HOME: dir }, timeout: 20_000 }, (error, stdout, stderr) =>
      error ? fail(new Error(`${error.message}\n${stderr}`)) : done(stdout.trim()),
    ),
  );
}

describe.skipIf(!linux)('AppImage launcher (Ubuntu 24.04 AppArmor user-namespace rule)', () => {
  it('adds --no-sandbox only where user namespaces are refused', async () => {
    expect(await launch(1)).toBe('started with: --no-sandbox');
    expect(await launch(0)).toBe('started with:');
  });

  it('keeps the user\'s own arguments and never doubles --no-sandbox', async () => {
    expect(await launch(1, ['--data-dir=/tmp/news'])).toBe('started with: --no-sandbox --data-dir=/tmp/news');
    expect(await launch(1, ['--no-sandbox'])).toBe('started with: --no-sandbox');
  });
});
