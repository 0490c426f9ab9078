/**
 * Packaging check without downloading Electron: runs electron-builder for linux --dir with a stub
 * electronDist (a fake `electron` executable carrying an Electron fuse wire, and its LICENSE), then
 * reads what it produced: app.asar holds the built main, preload, renderer and assets plus the
 * runtime dependencies, and none of the devDependencies, tests, e2e, bench or TypeScript sources;
 * the fuses in the renamed executable are flipped as electron-builder.yml asks; the extraction
 * worker lies in app.asar.unpacked where the packed app loads it (pool.ts workerFileFor) and starts
 * there with plain Node, as a worker thread of the packed app would, needing nothing from app.asar.
 * Also the static facts per target: deb metadata, the macOS ad-hoc re-signature, the AppImage
 * toolset. Reports the size.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, staleBuildReason } from './electron-smoke/build-state';
import { workerFileFor } from '../electron/core/workers/pool';

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  homepage?: string;
  author?: { name?: string; email?: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const builderYml = readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8');

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

  it('unpacks the extraction worker where the packed app loads it, and it starts there with plain Node', async () => {
    expect(files).toContain('out/main/extract-worker.js'); // listed in the asar header, as unpacked
    const unpacked = join(appDir, 'resources', 'app.asar.unpacked', 'out', 'main', 'extract-worker.js');
    expect(existsSync(unpacked)).toBe(true);
    // Where pool.ts, bundled into app.asar/out/main/index.js, looks for it.
    const mainInAsar = pathToFileURL(join(asarPath, 'out', 'main', 'index.js')).href;
    expect(workerFileFor(mainInAsar).href).toBe(pathToFileURL(unpacked).href);
    // Self-contained: it imports Node built-ins only, nothing from app.asar's node_modules.
    const code = readFileSync(unpacked, 'utf8');
    const imports = [...code.matchAll(/^import\b[^'"]*["']([^"']+)["']/gm)].map((m) => m[1]);
    expect(imports.filter((i) => !i!.startsWith('node:'))).toEqual([]);
    const worker = new Worker(workerFileFor(mainInAsar));
    try {
      const html = `<html><head><title>Ferry</title></head><body><article><h1>Ferry returns</h1>${'<p>The island ferry returned to its summer timetable on Friday, the operator said.</p>'.repeat(8)}</article></body></html>`;
      const answer = await new Promise<{ ok: boolean; result?: { title: string } }>((done, fail) => {
        worker.on('error', fail);
        worker.on('message', (m: { ready?: boolean; id?: number; ok: boolean; result?: { title: string } }) => {
          if (m.ready) worker.postMessage({ id: 7, task: { url: 'https://example.test/ferry', contentType: 'text/html', body: new TextEncoder().encode(html) } });
          else if (m.id === 7) done(m);
        });
      });
      expect(answer).toMatchObject({ ok: true, result: { title: 'Ferry returns' } });
    } finally {
      await worker.terminate();
    }
  });

  it('has what each target needs: deb metadata, ad-hoc re-signing after the fuses, the AppImage toolset', () => {
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.author?.name).toBeTruthy();
    expect(pkg.author?.email).toMatch(/^[^@\s]+@[^@\s]+$/);
    expect(builderYml).toMatch(/^ {2}resetAdHocDarwinSignature: true$/m);
    expect(builderYml).toMatch(/^toolsets:\n {2}appimage: "1\.0\.\d+"$/m);
    expect(builderYml).toMatch(/^asarUnpack:\n {2}- out\/main\/extract-worker\.js$/m);
  });

  it('reports the size of app.asar', () => {
    const bytes = statSync(asarPath).size;
    console.log(`app.asar: ${(bytes / 1024 / 1024).toFixed(1)} MiB, ${files.length} entries`);
    expect(bytes).toBeLessThan(60 * 1024 * 1024);
  });
});
