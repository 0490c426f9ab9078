/**
 * Packaging check without downloading Electron: runs electron-builder for linux --dir with a stub
 * electronDist (a fake `electron` executable carrying an Electron fuse wire, and its LICENSE), then
 * reads what it produced: app.asar holds the built main, preload, renderer and assets plus the
 * runtime dependencies, and none of the devDependencies, tests, e2e, bench or TypeScript sources;
 * the fuses in the renamed executable are flipped as electron-builder.yml asks. Reports the size.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, staleBuildReason } from './electron-smoke/build-state';

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Fuse wire v1, 8 fuses, all '1' (enabled) to start with, as a stock Electron leaves most of them. */
const STUB_WIRE = Buffer.concat([Buffer.from(SENTINEL, 'latin1'), Buffer.from([1, 8]), Buffer.from('11111111', 'latin1')]);
/** Expected after packing: RunAsNode, CookieEncryption, NODE_OPTIONS, inspect, asar integrity, only asar, V8 snapshot, file: privileges. */
const EXPECTED_FUSES = '01001100';

let work: string;
let files: string[];
let asarPath: string;
let appDir: string;

beforeAll(async () => {
  if (staleBuildReason(repoRoot)) buildApp(repoRoot);
  work = mkdtempSync(join(tmpdir(), 'package-check-'));
  const stub = join(work, 'electron-dist');
  mkdirSync(join(stub, 'resources'), { recursive: true });
  writeFileSync(join(stub, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\necho "stub electron"\nexit 0\n# '), STUB_WIRE, Buffer.from('\n')]));
  chmodSync(join(stub, 'electron'), 0o755);
  writeFileSync(join(stub, 'LICENSE'), 'stub Electron licence\n');
  const out = join(work, 'dist');
  await run(
    join(repoRoot, 'node_modules', '.bin', 'electron-builder'),
    ['--linux', 'dir', '--x64', `-c.electronDist=${stub}`, `-c.directories.output=${out}`, '--publish', 'never'],
    { cwd: repoRoot, timeout: 170_000, maxBuffer: 32 * 1024 * 1024, env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', CI: '1' } },
  );
  appDir = join(out, 'linux-unpacked');
  asarPath = join(appDir, 'resources', 'app.asar');
  files = listPackage(asarPath, { isPack: false }).map((f) => f.replace(/\\/g, '/').replace(/^\//, ''));
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('electron-builder --dir with a stub Electron', () => {
  it('puts the built main, preload, renderer and assets in app.asar', () => {
    expect(files).toContain('package.json');
    expect(files).toContain('out/main/index.js');
    expect(files).toContain('out/preload/index.cjs');
    expect(files).toContain('out/renderer/index.html');
    expect(files.some((f) => /^out\/renderer\/assets\/.+\.js$/.test(f))).toBe(true);
    expect(files.some((f) => f.startsWith('assets/first-run/'))).toBe(true);
  });

  it('includes every runtime dependency and no devDependency', () => {
    for (const dep of Object.keys(pkg.dependencies)) expect(files, dep).toContain(`node_modules/${dep}/package.json`);
    for (const dev of Object.keys(pkg.devDependencies)) {
      expect(files.some((f) => f.startsWith(`node_modules/${dev}/`)), dev).toBe(false);
    }
  });

  it('leaves out sources, tests, e2e, bench, scripts and docs', () => {
    const bad = files.filter(
      (f) =>
        /^(electron|renderer|e2e|bench|scripts|docs|security|build|test-results|playwright-report)\//.test(f) ||
        /\.(ts|tsx|mts|cts|map)$/.test(f) ||
        /\.test\.[cm]?js$/.test(f) ||
        /(^|\/)(tsconfig[^/]*\.json|vitest\.config\.[^/]+|playwright\.config\.[^/]+|electron-builder\.yml)$/.test(f),
    );
    expect(bad).toEqual([]);
  });

  it('flips the fuses in the packaged executable', () => {
    const binary = readFileSync(join(appDir, 'offline-news'));
    const at = binary.indexOf(SENTINEL) + SENTINEL.length;
    expect(binary[at]).toBe(1);
    expect(binary.subarray(at + 2, at + 2 + 8).toString('latin1')).toBe(EXPECTED_FUSES);
    expect(existsSync(join(appDir, 'resources', 'default_app.asar'))).toBe(false);
  });

  it('reports the size of app.asar', () => {
    const bytes = statSync(asarPath).size;
    console.log(`app.asar: ${(bytes / 1024 / 1024).toFixed(1)} MiB, ${files.length} entries`);
    expect(bytes).toBeLessThan(60 * 1024 * 1024);
  });
});
