/**
 * The postinstall step (scripts/install-electron.mjs) run for real against a stub Electron release
 * served on 127.0.0.1: Electron's own installer (a copy of node_modules/electron in a temp project,
 * with its real @electron/get and zip extractor) downloads the zip through ELECTRON_MIRROR, checks it
 * against the mirror's SHASUMS256.txt (electron_use_remote_checksums, as @electron/get reads it),
 * unpacks it and writes path.txt, which electron-vite reads (electron-vite 6 getElectronPath():
 * node_modules/electron/path.txt, then dist/<that path>). Also: ELECTRON_SKIP_BINARY_DOWNLOAD=1
 * skips with one line and no request, and every failure (bad checksum, 404, no server) is one plain
 * line, exit status 0 for postinstall, 1 for --required (prestart).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../e2e/support/electron-binary';

const repoRoot = resolve(import.meta.dirname, '..');
const script = join(repoRoot, 'scripts', 'install-electron.mjs');
const realElectron = dirname(createRequire(join(repoRoot, 'package.json')).resolve('electron/package.json'));
const version = (JSON.parse(readFileSync(join(realElectron, 'package.json'), 'utf8')) as { version: string }).version;
const executable = process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : process.platform === 'win32' ? 'electron.exe' : 'electron';
const zipName = `electron-v${version}-${process.platform}-${process.arch}.zip`;

/** A zip (stored, no compression) of the given files; `mode` ends up in the Unix attributes. */
function zip(files: { name: string; data: Buffer; mode: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name);
    const crc = crc32(file.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(file.data.length, 18);
    local.writeUInt32LE(file.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x0314, 4); // made by Unix
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(file.data.length, 20);
    central.writeUInt32LE(file.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((0o100000 | file.mode) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, file.data);
    centrals.push(central, name);
    offset += local.length + name.length + file.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const stubZip = zip([
  { name: executable, data: Buffer.from('#!/bin/sh\necho "stub electron $*"\n'), mode: 0o755 },
  { name: 'version', data: Buffer.from(version), mode: 0o644 },
  { name: 'LICENSE', data: Buffer.from('stub licence\n'), mode: 0o644 },
]);
const stubSha = createHash('sha256').update(stubZip).digest('hex');

let server: Server;
let mirror: string;
let requests: string[] = [];
let shasums = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === `/v${version}/${zipName}`) {
      res.writeHead(200, { 'content-type': 'application/zip', 'content-length': stubZip.length });
      res.end(stubZip);
    } else if (req.url === `/v${version}/SHASUMS256.txt`) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(shasums);
    } else {
      res.writeHead(404).end('not here');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
});

let project: string;

/** Where Node finds `dep` from inside the real electron package (its own node_modules, then up). */
function packageDir(dep: string): string {
  for (let dir = realElectron; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', dep);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
  }
  throw new Error(`${dep} is not installed`);
}

/** A project whose node_modules/electron is a copy of the real package (never the shared one). */
beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'install-electron-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'stub-project', private: true }));
  const electronDir = join(project, 'node_modules', 'electron');
  mkdirSync(electronDir, { recursive: true });
  for (const file of ['package.json', 'index.js', 'install.js', 'cli.js', 'checksums.json']) {
    cpSync(join(realElectron, file), join(electronDir, file));
  }
  // Its dependencies, linked from the real install (Node resolves their own dependencies from there).
  for (const dep of ['@electron/get', '@electron-internal/extract-zip']) {
    const target = join(project, 'node_modules', dep);
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(packageDir(dep), target, 'dir');
  }
  shasums = `${stubSha} *${zipName}\n`;
  requests = [];
});

afterEach(() => {
  rmSync(project, { recursive: true, force: true });
});

function runStep(env: Record<string, string>, args: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(ELECTRON_|npm_config_electron|electron_)/i.test(k)),
  ) as Record<string, string>;
  return new Promise((done) => {
    execFile(
      process.execPath,
      [script, ...args],
      { cwd: project, timeout: 60_000, env: { ...clean, electron_config_cache: join(project, 'cache'), ELECTRON_GET_NO_PROGRESS: '1', ...env } },
      (error, stdout, stderr) => done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const fromMirror = (base = mirror) => ({ ELECTRON_MIRROR: base, electron_use_remote_checksums: '1' });
const lines = (text: string) => text.split('\n').filter((l) => l.trim());
const pathTxt = () => join(project, 'node_modules', 'electron', 'path.txt');

describe('npm postinstall: Electron binary through Electron\'s installer', () => {
  it('downloads the release from ELECTRON_MIRROR, checks SHASUMS256.txt and writes path.txt for electron-vite', async () => {
    const result = await runStep(fromMirror());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(lines(result.stdout).at(-1)).toBe(`Electron ${version} installed: ${join('node_modules', 'electron', 'dist', executable)}`);
    expect(requests).toEqual(expect.arrayContaining([`/v${version}/${zipName}`, `/v${version}/SHASUMS256.txt`]));
    // What electron-vite reads: path.txt, then node_modules/electron/dist/<path.txt>.
    expect(readFileSync(pathTxt(), 'utf8')).toBe(executable);
    const binary = join(project, 'node_modules', 'electron', 'dist', executable);
    expect(existsSync(binary)).toBe(true);
    expect(findElectronBinary(project)).toEqual({ path: binary, exists: true });
    if (process.platform !== 'win32') {
      const started = await new Promise<string>((done, fail) => execFile(binary, ['--version'], (e, out) => (e ? fail(e) : done(out))));
      expect(started.trim()).toBe('stub electron --version');
    }
    // Installed: the next install (and prestart) changes nothing and asks the server nothing.
    requests = [];
    const again = await runStep(fromMirror(), ['--required']);
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(requests).toEqual([]);
  });

  it('ELECTRON_SKIP_BINARY_DOWNLOAD=1: one line, no request, npm install goes on; prestart refuses with the same line', async () => {
    const skipped = await runStep({ ...fromMirror(), ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expect(skipped.code).toBe(0);
    expect(lines(skipped.stdout)).toEqual([expect.stringContaining('ELECTRON_SKIP_BINARY_DOWNLOAD is set')]);
    expect(requests).toEqual([]);
    expect(existsSync(pathTxt())).toBe(false);

    const start = await runStep({ ...fromMirror(), ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, ['--required']);
    expect(start.code).toBe(1);
    expect(lines(start.stderr)).toEqual([expect.stringContaining('"npm start" needs it')]);
  });

  it('a download that does not match its checksum: one plain line, nothing installed', async () => {
    shasums = `${'0'.repeat(64)} *${zipName}\n`;
    const result = await runStep(fromMirror());
    expect(result.code).toBe(0);
    expect(lines(result.stderr)).toEqual([
      `Electron's binary was not installed: the downloaded file did not match its published checksum. "npm start" needs it: run "npm run install-electron" once you are online (a mirror: set ELECTRON_MIRROR).`,
    ]);
    expect(existsSync(pathTxt())).toBe(false);
  });

  it('a mirror without the release (404) or no server at all: one plain line; --required exits 1', async () => {
    const missing = await runStep(fromMirror(`${mirror}nothing/`));
    expect(missing.code).toBe(0);
    expect(lines(missing.stderr)).toHaveLength(1);
    expect(missing.stderr).toContain('the download server answered HTTP 404 for http://127.0.0.1:');

    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    const unreachable = await runStep(fromMirror(`http://127.0.0.1:${deadPort}/`), ['--required']);
    expect(unreachable.code).toBe(1);
    expect(lines(unreachable.stderr)).toEqual([expect.stringContaining(`could not reach 127.0.0.1:${deadPort} (no network connection, or it is blocked)`)]);
    for (const output of [missing.stderr, unreachable.stderr]) expect(output).not.toMatch(/^\s+at |Error:/m);
    expect(existsSync(pathTxt())).toBe(false);
  });
});
