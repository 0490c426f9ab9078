/**
 * Refusals in words, with real folders: a read-only file system (a tmpfs remounted read-only), a
 * user without write permission (the CLI without the root capabilities that override file modes), a full disk (a small tmpfs filled up)
 * and a folder that disappears while the browser host is serving it. Each ends in one sentence
 * naming the data folder and what to do, a non-zero exit code or a 4xx/5xx-but-not-500 answer, no
 * errno text, and nothing half-written. Needs root (mount, setpriv); skipped with the reason
 * otherwise.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNewsServer, type NewsServer } from '../../e2e/fixtures/news-server';
import { createNewsService } from '../core/service';
import { startBrowserHost } from './browser-host';
import { repoRoot, runCli, type CliResult } from './run-cli.fixture';

function canMount(): string | null {
  if (process.platform !== 'linux') return 'not Linux';
  if (process.getuid?.() !== 0) return 'not root (needs mount and setpriv)';
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return null;
  } catch {
    return 'mount is not permitted here';
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
}

const skipReason = canMount();
if (skipReason) console.log(`folder-errors.test: skipped: ${skipReason}`);

const mounts: string[] = [];
function mountTmpfs(options: string): string {
  const point = fs.mkdtempSync(path.join(os.tmpdir(), 'tmpfs-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', point]);
  mounts.push(point);
  return point;
}

/** Every file under `dir` with its content hash: "nothing half-written" compares two of these. */
function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === '.lock') continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full)] = createHash('sha256').update(fs.readFileSync(full)).digest('hex');
  }
  return out;
}

const ERRNO = /\bE(ROFS|ACCES|PERM|NOSPC|NOENT|DQUOT|IO)\b|syscall|errno/;

function expectOneSentence(result: CliResult, command: string, sentence: RegExp): void {
  expect(result.code, result.stderr).toBe(1);
  expect(result.stderr).not.toMatch(ERRNO);
  const lines = result.stderr.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^${command}: ${sentence.source}`));
}

let news: NewsServer;
beforeAll(async () => {
  news = await startNewsServer();
});
afterAll(async () => {
  await news.close();
  for (const point of mounts.reverse()) {
    try {
      execFileSync('umount', ['-l', point], { stdio: 'ignore' });
    } catch {
      // already gone
    }
    fs.rmSync(point, { recursive: true, force: true });
  }
});

describe.skipIf(skipReason !== null)('clear messages for a folder that cannot be written', () => {
  it('read-only disk: sync, export and web refuse in one sentence naming the folder; nothing changes', async () => {
    const point = mountTmpfs('size=64m');
    const dir = path.join(point, 'news');
    const first = await runCli('sync.ts', ['--data-dir', dir, '--feed', `${news.url}/feeds/news.rss`]);
    expect(first.code, first.stderr).toBe(0);
    const before = filesOf(dir);
    execFileSync('mount', ['-o', 'remount,ro', point]);

    const sentence = /The data folder \S+ is on a read-only disk, so nothing can be saved there; make it writable or use another data folder, and try again\.$/;
    expectOneSentence(await runCli('sync.ts', ['--data-dir', dir, '--feed', `${news.url}/feeds/world.atom`]), 'sync', sentence);
    const exported = await runCli('export.ts', ['--data-dir', dir]);
    expectOneSentence(exported, 'export', sentence);
    expect(exported.stderr).toContain(dir);
    if (fs.existsSync(path.join(repoRoot, 'out', 'renderer', 'index.html'))) {
      expectOneSentence(await runCli('web.ts', ['--data-dir', dir, '--port', '0']), 'web', sentence);
    }
    expect(filesOf(dir)).toEqual(before);
  }, 120_000);

  // The CLI runs as root without the capabilities that let root ignore file modes (the folder is
  // root's, mode 0555), so it meets EACCES as any user without write permission does. Running it as
  // "nobody" instead would need the checkout itself readable by nobody, which a clone in a private
  // temp folder is not.
  it('permission denied: the CLI without write permission names the folder and what to do', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'root-owned-'));
    try {
      fs.chmodSync(dir, 0o555);
      const noOverride = '-dac_override,-dac_read_search';
      const withoutOverride = (script: string, args: string[]) =>
        new Promise<CliResult>((resolve, reject) => {
          const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
          const child = spawn('setpriv', [`--bounding-set=${noOverride}`, `--inh-caps=${noOverride}`, tsx, path.join(repoRoot, 'electron/cli', script), ...args], {
            cwd: repoRoot,
            env: { ...process.env, HOME: os.tmpdir() },
          });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
          child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
          child.on('error', reject);
          child.on('close', (code) => resolve({ code, stdout, stderr }));
        });
      const result = await withoutOverride('sync.ts', ['--data-dir', dir, '--feed', `${news.url}/feeds/news.rss`]);
      expectOneSentence(
        result,
        'sync',
        /Offline News is not allowed to write to the data folder \S+; give your user write permission on it or use another data folder, and try again\.$/,
      );
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      fs.chmodSync(dir, 0o755);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('full disk: sync says so in words and exits 1; every file written before stays whole', async () => {
    const point = mountTmpfs('size=8m');
    const dir = path.join(point, 'news');
    const first = await runCli('sync.ts', ['--data-dir', dir, '--feed', `${news.url}/feeds/news.rss`]);
    expect(first.code, first.stderr).toBe(0);
    const before = filesOf(dir);
    // Fill the disk, then free one page: room for the lock, none for what the sync stores.
    const filler = fs.openSync(path.join(point, 'filler'), 'w');
    const block = Buffer.alloc(64 * 1024, 1);
    try {
      for (;;) fs.writeSync(filler, block);
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    }
    fs.closeSync(filler);
    fs.truncateSync(path.join(point, 'filler'), fs.statSync(path.join(point, 'filler')).size - 4096);

    const full = await runCli('sync.ts', ['--data-dir', dir, '--feed', `${news.url}/feeds/world.atom`]);
    expect(full.code, full.stdout + full.stderr).toBe(1);
    const said = full.stdout + full.stderr;
    expect(said).not.toMatch(ERRNO);
    expect(said).toMatch(
      /The disk holding the data folder \S+ is full; nothing was half-written, so free some space \(or lower the storage budget\) and try again\./,
    );
    for (const [file, hash] of Object.entries(before)) {
      if (file !== 'index.json' && !file.startsWith('summaries')) expect(filesOf(dir)[file], file).toBe(hash);
    }
    fs.rmSync(path.join(point, 'filler'));
    const exported = await runCli('export.ts', ['--data-dir', dir]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toBe(''); // no recovery warnings: nothing was left half-written
    const articles = JSON.parse(exported.stdout) as { id: string; bodyText: string }[];
    expect(articles.length).toBeGreaterThanOrEqual(Object.keys(before).filter((f) => f.startsWith('articles')).length);
    expect(articles.every((a) => a.bodyText.length > 0)).toBe(true);
    expect(Object.keys(filesOf(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);

  it('the browser host answers 503 in words when its folder turns read-only or disappears, never 500', async () => {
    const point = mountTmpfs('size=64m');
    const dir = path.join(point, 'news');
    const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renderer-'));
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
    const service = await createNewsService({ dataDir: dir, firstRunDir: path.join(repoRoot, 'assets', 'first-run') });
    const host = await startBrowserHost({ service, rendererDir });
    const setSaved = (id: string, saved: boolean) =>
      new Promise<{ status: number; error: string }>((resolve, reject) => {
        const req = http.request(
          { host: '127.0.0.1', port: host.port, path: '/api/news:set-saved', method: 'POST', headers: { 'Content-Type': 'application/json', 'X-News-Token': host.token } },
          (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString()));
            res.on('end', () => resolve({ status: res.statusCode!, error: (JSON.parse(body) as { error?: string }).error ?? '' }));
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify({ arg: { id, saved } }));
      });
    try {
      const [a, b] = service.store.listArticles({});
      expect((await setSaved(a!.id, true)).status).toBe(200);
      execFileSync('mount', ['-o', 'remount,ro', point]);
      const readOnly = await setSaved(b!.id, true);
      expect(readOnly.status).toBe(503);
      expect(readOnly.error).toBe(
        `The data folder ${dir} is on a read-only disk, so nothing can be saved there; make it writable or use another data folder, and try again.`,
      );
      execFileSync('mount', ['-o', 'remount,rw', point]);
      fs.rmSync(dir, { recursive: true, force: true });
      const gone = await setSaved(a!.id, false);
      expect(gone.status).toBe(503);
      expect(gone.error).toBe(
        `The data folder ${dir} is missing (moved, deleted or on a drive that was unplugged); reconnect it or use another data folder, and try again.`,
      );
    } finally {
      await host.close();
      await service.close().catch(() => undefined);
      fs.rmSync(rendererDir, { recursive: true, force: true });
    }
  }, 60_000);
});
